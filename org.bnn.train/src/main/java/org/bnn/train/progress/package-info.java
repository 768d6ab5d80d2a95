/** Training progress on the console (a pinned progress-bar library, outside the runtime core). */
package org.bnn.train.progress;
