/**
 * Resource, event, energy and latency estimates: the single source of every number that the
 * validator, the IDE, the CLI and the simulator report.
 */
package org.bnn.runtime.estimate;
