/**
 * The fits of measured resistances (docs/reliability.md, "Calibrating from your own data"): per
 * group the log-normal median and σ of ln R by maximum likelihood with confidence intervals and a
 * normality test of ln R, and per series over time the drift and σ growth per decade by weighted
 * least squares. Distributions and the Kolmogorov–Smirnov statistic are Apache Commons Statistics'.
 */
package org.bnn.calibration.fit;
