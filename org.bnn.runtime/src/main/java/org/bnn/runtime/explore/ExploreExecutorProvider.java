package org.bnn.runtime.explore;

import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Executors that run an exploration's tasks outside this process, asked for by name ({@code bnn run --spark
 * MASTER}) and found with {@link ServiceLoader}: their module, and its libraries, are on the class path only when
 * a user asks for them.
 */
public interface ExploreExecutorProvider {
    /** The name it is asked for by, e.g. {@code spark}. */
    String name();

    /**
     * An executor running where {@code address} says, in the provider's own terms (for Spark: a master URL).
     *
     * @throws IllegalArgumentException with one line naming the problem, when the address is malformed or what it
     *                                  names cannot be reached; nothing has run then
     */
    ExploreExecutor open(String address);

    /** The provider called {@code name} on the class path, if any. */
    static Optional<ExploreExecutorProvider> named(String name) {
        return ServiceLoader.load(ExploreExecutorProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(provider -> provider.name().equals(name)).findFirst();
    }
}
