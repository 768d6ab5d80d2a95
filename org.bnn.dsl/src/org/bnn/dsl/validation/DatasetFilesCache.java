package org.bnn.dsl.validation;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.bnn.runtime.data.Cifar10;
import org.bnn.runtime.data.DataException;
import org.bnn.runtime.data.IdxCopies;
import org.bnn.runtime.data.IdxReader;

import com.google.inject.Singleton;

/**
 * What the validator learns by reading data-set files, kept while the files are unchanged: whether
 * an IDX file reads ({@link IdxReader#check}), whether a CIFAR-10 binary file reads
 * ({@link Cifar10#check}) and whether an IDX file's raw and {@code .gz} copies differ
 * ({@link IdxCopies#conflict}). Each streams through up to ~50 MB, which the IDE must not do on
 * every keystroke.
 */
@Singleton
public class DatasetFilesCache {
    private static final int CAPACITY = 32;

    private final FileStampCache<Optional<String>> damage = new FileStampCache<>(CAPACITY);
    private final FileStampCache<Optional<String>> conflicts = new FileStampCache<>(CAPACITY);
    private final FileStampCache<Optional<String>> cifarDamage = new FileStampCache<>(CAPACITY);

    /** Why {@code file} cannot be read as an IDX file of {@code dimensions} dimensions, if it cannot. */
    public Optional<String> damage(Path file, int dimensions) {
        return damage.get(List.of(file), () -> problem(() -> IdxReader.check(file, dimensions)), Optional::of);
    }

    /** Why {@code file} cannot be read as a CIFAR-10 binary file ({@link Cifar10#check}), if it cannot. */
    public Optional<String> cifarDamage(Path file) {
        return cifarDamage.get(List.of(file), () -> problem(() -> Cifar10.check(file)), Optional::of);
    }

    /** The message of the DataException that {@code check} throws, if it throws one. */
    private static Optional<String> problem(Runnable check) {
        try {
            check.run();
            return Optional.empty();
        } catch (DataException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** A warning if {@code name} is in {@code folder} both raw and gzipped, with different content. */
    public Optional<String> conflict(Path folder, String name) {
        return IdxCopies.both(folder, name)
                .flatMap(both -> conflicts.get(List.of(both.raw(), both.gzip()), () -> IdxCopies.conflict(folder, name),
                        message -> Optional.empty()));
    }
}
