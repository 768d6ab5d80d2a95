/**
 * What a report shows, as small checked records that any caller can fill: BER series with their
 * statistics over trials, energy per inference by layer and component, and regime rows. The
 * adapter {@link org.bnn.report.data.FromRuntime} builds them from the simulator's results.
 */
package org.bnn.report.data;
