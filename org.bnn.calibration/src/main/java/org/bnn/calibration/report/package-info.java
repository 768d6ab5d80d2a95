/**
 * What a calibration shows the user: a plain-text report of every fit and a {@code .bnn} device
 * block in the language's syntax (docs/language.md) to keep.
 */
package org.bnn.calibration.report;
