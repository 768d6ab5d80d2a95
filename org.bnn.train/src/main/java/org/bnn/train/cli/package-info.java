/** A command-line runner that trains the example networks and records the runs (not the bnn CLI). */
package org.bnn.train.cli;
