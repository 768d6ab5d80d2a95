package org.bnn.dsl.validation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bnn.runtime.weights.LayerShape;
import org.bnn.runtime.weights.WeightsException;
import org.bnn.runtime.weights.WeightsFile;

import com.google.inject.Singleton;

/**
 * The layer shapes of weight files, read from the {@code .npz} headers only and kept while a file
 * is unchanged (same size and modification time). The IDE validates on every keystroke: a weight
 * file that did not change is not read again. Holds the most recently used files; safe for
 * validators running in parallel.
 */
@Singleton
public class WeightShapesCache {
    private static final int CAPACITY = 32;

    /** What reading a weight file's headers gave. */
    public sealed interface Result permits Shapes, Unreadable {
    }

    /** The stored shape of every layer, in the file's order. */
    public record Shapes(List<LayerShape> layers) implements Result {
    }

    /** The file cannot be read as a weight file; the message names the file and the problem. */
    public record Unreadable(String message) implements Result {
    }

    private record Stamp(long size, FileTime modified) {
    }

    private record Entry(Stamp stamp, Result result) {
    }

    private final Map<Path, Entry> entries = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Path, Entry> eldest) {
            return size() > CAPACITY;
        }
    };

    /** The shapes stored in {@code file}, from the cache while the file is unchanged. */
    public Result shapes(Path file) {
        Path key = file.toAbsolutePath().normalize();
        Stamp stamp;
        try {
            BasicFileAttributes attributes = Files.readAttributes(key, BasicFileAttributes.class);
            stamp = new Stamp(attributes.size(), attributes.lastModifiedTime());
        } catch (IOException e) {
            return new Unreadable(key + " cannot be read: " + e.getMessage());
        }
        synchronized (entries) {
            Entry cached = entries.get(key);
            if (cached != null && cached.stamp().equals(stamp)) {
                return cached.result();
            }
        }
        // Read outside the lock; the stamp was taken first, so a change during the read is seen next time.
        Result result = read(key);
        synchronized (entries) {
            entries.put(key, new Entry(stamp, result));
        }
        return result;
    }

    private static Result read(Path file) {
        try {
            return new Shapes(WeightsFile.shapes(file));
        } catch (WeightsException e) {
            return new Unreadable(e.getMessage());
        } catch (RuntimeException e) {
            // A reader bug must not break validation: report it on the file instead.
            return new Unreadable(file + " cannot be read: " + e);
        }
    }
}
