/**
 * Error-correcting codes of the 1T1R + ECC baseline (docs/language.md): raw bits sensed against a
 * reference are decoded per codeword before the XNOR and popcount are done digitally.
 */
package org.bnn.runtime.ecc;
