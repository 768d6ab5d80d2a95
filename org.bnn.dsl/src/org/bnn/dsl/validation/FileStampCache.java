package org.bnn.dsl.validation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Results computed from files, kept while every file is unchanged (same size and modification
 * time). The IDE validates on every keystroke: files that did not change are not read again.
 * Holds the most recently used results; safe for validators running in parallel.
 *
 * @param <R> what reading the files gives
 */
public final class FileStampCache<R> {
    private record Stamp(long size, FileTime modified) {
    }

    private record Entry<R>(List<Stamp> stamps, R result) {
    }

    private final Map<List<Path>, Entry<R>> entries;

    public FileStampCache(int capacity) {
        entries = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<List<Path>, Entry<R>> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * What {@code read} gives for {@code files}, from the cache while they are unchanged; {@code
     * unreadable} turns a file whose size and time cannot be read into a result (not cached).
     */
    public R get(List<Path> files, Supplier<R> read, Function<String, R> unreadable) {
        List<Path> key = files.stream().map(file -> file.toAbsolutePath().normalize()).toList();
        List<Stamp> stamps = new ArrayList<>();
        for (Path file : key) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                stamps.add(new Stamp(attributes.size(), attributes.lastModifiedTime()));
            } catch (IOException e) {
                return unreadable.apply(file + " cannot be read: " + e.getMessage());
            }
        }
        synchronized (entries) {
            Entry<R> cached = entries.get(key);
            if (cached != null && cached.stamps().equals(stamps)) {
                return cached.result();
            }
        }
        // Read outside the lock; the stamps were taken first, so a change during the read is seen next time.
        R result = read.get();
        synchronized (entries) {
            entries.put(key, new Entry<>(stamps, result));
        }
        return result;
    }
}
