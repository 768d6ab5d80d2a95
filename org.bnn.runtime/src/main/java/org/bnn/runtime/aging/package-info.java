/**
 * Devices that age (docs/reliability.md): how the resistance distributions and the states of
 * programmed devices change with the time since programming and its temperature
 * ({@link org.bnn.runtime.aging.Relaxation}), with the reads made since
 * ({@link org.bnn.runtime.aging.ReadDisturb}) and with the program cycles endured
 * ({@link org.bnn.runtime.aging.Wear}). {@link org.bnn.runtime.aging.Aging#at} turns a regime,
 * its stuck-at faults and a {@link org.bnn.runtime.aging.Condition} into the regime and faults a
 * read meets then, so every error model of the simulator (analytic rates, weight level, device
 * level, 1T1R, ternary) works on aged devices unchanged, and chips stay nested over time.
 */
package org.bnn.runtime.aging;
