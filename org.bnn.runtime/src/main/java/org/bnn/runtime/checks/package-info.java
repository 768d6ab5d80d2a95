/** Argument checks shared by the description records. */
package org.bnn.runtime.checks;
