/** Design-space exploration: the designs of a mapping over axes, their costs and accuracies, and their Pareto front (docs/explore.md). */
package org.bnn.runtime.explore;
