/**
 * Data sets for training and accuracy studies: an IDX reader (raw or gzip), an in-memory labelled
 * image set ({@link org.bnn.runtime.data.Dataset}) and loaders for MNIST and Fashion-MNIST from
 * the cache that {@code scripts/fetch-data.sh} fills. Plain {@code java.util.zip}; no fetching
 * here (that needs npm and apt, which belong to the scripts, not to the runtime).
 */
package org.bnn.runtime.data;
