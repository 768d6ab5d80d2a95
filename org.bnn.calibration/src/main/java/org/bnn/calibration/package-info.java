/**
 * Device models fitted to measured data (docs/reliability.md, "Calibrating from your own data"): a
 * CSV of measured resistances ({@link org.bnn.calibration.measurements}) becomes log-normal
 * parameters with confidence intervals, a normality test of ln R and, over several times after
 * programming, the drift and σ growth per decade of time ({@link org.bnn.calibration.fit}), shown
 * as a report and a {@code .bnn} device block ({@link org.bnn.calibration.report}).
 */
package org.bnn.calibration;
