/** Error models and the keyed sampler that draws every error pattern. */
package org.bnn.runtime.errors;
