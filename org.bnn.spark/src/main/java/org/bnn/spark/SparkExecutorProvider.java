package org.bnn.spark;

import java.util.Optional;

import org.bnn.runtime.explore.ExploreExecutor;
import org.bnn.runtime.explore.ExploreExecutorProvider;

/** {@code bnn run --spark MASTER}: found by the command line through {@link java.util.ServiceLoader}. */
public final class SparkExecutorProvider implements ExploreExecutorProvider {
    @Override
    public String name() {
        return "spark";
    }

    @Override
    public ExploreExecutor open(String address) {
        return new SparkExecutor(SparkMaster.parse(address, Optional.ofNullable(System.getProperty("spark.master"))));
    }
}
