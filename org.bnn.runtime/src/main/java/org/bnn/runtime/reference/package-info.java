/**
 * The cell-by-cell reference engine that the fast engine is checked against, and its ledger of
 * hardware events counted during the walk (compared with the {@code Estimator} as integers).
 */
package org.bnn.runtime.reference;
