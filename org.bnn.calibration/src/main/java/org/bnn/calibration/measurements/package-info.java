/**
 * The CSV of measured resistances: its columns, its reader (Apache Commons CSV) and the one-line,
 * line-numbered error a malformed file gives.
 */
package org.bnn.calibration.measurements;
