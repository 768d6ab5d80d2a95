package org.bnn.dsl.validation;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.bnn.runtime.data.IdxCopies;

import com.google.inject.Singleton;

/**
 * Whether the raw and {@code .gz} copies of a data-set file differ ({@link IdxCopies#conflict}),
 * kept while both files are unchanged: comparing them decodes up to ~50 MB, which the IDE must not
 * do on every keystroke.
 */
@Singleton
public class DatasetCopiesCache {
    private static final int CAPACITY = 16;

    private final FileStampCache<Optional<String>> cache = new FileStampCache<>(CAPACITY);

    /** A warning if {@code name} is in {@code folder} both raw and gzipped, with different content. */
    public Optional<String> conflict(Path folder, String name) {
        return IdxCopies.both(folder, name)
                .flatMap(both -> cache.get(List.of(both.raw(), both.gzip()), () -> IdxCopies.conflict(folder, name), message -> Optional.empty()));
    }
}
