/** JSON of resolved descriptions, for reports and reproducible runs (Jackson). */
package org.bnn.runtime.json;
