/** How numbers read in tables and plots: SI prefixes for energies, percentages, bit error rates. */
package org.bnn.report.format;
