/**
 * Device physics of the RRAM arrays (docs/language.md): log-normal resistances of programmed HfO2
 * devices, programming pulses and their cost, stuck-at faults, the precharge sense amplifier
 * (PCSA) that reads a 2T2R pair and computes the XNOR with the input bit, the 1T1R read against
 * a reference, and the analytic bit error rates these imply. Every quantity is in SI units
 * (ohms, volts, amperes, seconds, joules); a "sigma" is the standard deviation of ln R. All
 * randomness comes from {@link org.bnn.runtime.random.KeyedRandom}, keyed by index.
 */
package org.bnn.runtime.device;
