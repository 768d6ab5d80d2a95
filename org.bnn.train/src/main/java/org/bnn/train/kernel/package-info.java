/**
 * The trainer's number crunching: a fixed worker pool ({@link org.bnn.train.kernel.Workers}) and a
 * blocked, multi-threaded float matrix product ({@link org.bnn.train.kernel.MatrixKernel}) whose
 * results do not depend on the number of threads. Benchmarked by
 * {@code org.bnn.benchmarks.MatrixKernelBenchmark}.
 */
package org.bnn.train.kernel;
