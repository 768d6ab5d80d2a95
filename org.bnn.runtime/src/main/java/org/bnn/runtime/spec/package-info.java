/**
 * Immutable, validated descriptions of the hardware and the network. The language translates its
 * model into these records and the generated simulations build the same ones, so the IDE and a
 * simulation run can never disagree about what is being simulated.
 */
package org.bnn.runtime.spec;
