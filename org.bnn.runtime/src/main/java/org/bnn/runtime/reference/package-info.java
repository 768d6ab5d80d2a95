/** The cell-by-cell reference engine that the fast engine is checked against. */
package org.bnn.runtime.reference;
