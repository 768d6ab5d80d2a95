/** Counter-based, keyed random numbers: the only source of randomness in the simulator. */
package org.bnn.runtime.random;
