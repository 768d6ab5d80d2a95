package org.bnn.dsl.validation;

import java.nio.file.Path;
import java.util.List;

import org.bnn.runtime.engine.LayerParameters;
import org.bnn.runtime.weights.LayerShape;
import org.bnn.runtime.weights.WeightsException;
import org.bnn.runtime.weights.WeightsFile;

import com.google.inject.Singleton;

/**
 * The layer shapes of weight files, found by reading each file as {@code bnn run} does (every
 * member's CRC-32, every array's type and shape, batch-norm values finite and variances
 * non-negative), so that a file that passes the check also loads. Weight files are a few MB: one
 * full read per version of the file (same size and modification time), cached, costs the
 * validator a few milliseconds once.
 */
@Singleton
public class WeightShapesCache {
    private static final int CAPACITY = 32;

    /** What reading a weight file gave. */
    public sealed interface Result permits Shapes, Unreadable {
    }

    /** The stored shape of every layer, in the file's order. */
    public record Shapes(List<LayerShape> layers) implements Result {
    }

    /** The file cannot be used as a weight file; the message names the file, the entry and the problem. */
    public record Unreadable(String message) implements Result {
    }

    private final FileStampCache<Result> cache = new FileStampCache<>(CAPACITY);

    /** The shapes stored in {@code file}, from the cache while the file is unchanged. */
    public Result shapes(Path file) {
        return cache.get(List.of(file), () -> read(file.toAbsolutePath().normalize()), Unreadable::new);
    }

    private static Result read(Path file) {
        try {
            return new Shapes(WeightsFile.read(file).layers().stream().map(WeightShapesCache::shape).toList());
        } catch (WeightsException e) {
            return new Unreadable(e.getMessage());
        } catch (RuntimeException e) {
            // A reader bug must not break validation: report it on the file instead.
            return new Unreadable(file + " cannot be read: " + e);
        }
    }

    private static LayerShape shape(LayerParameters layer) {
        return new LayerShape(layer.layer(), layer.weights().rows(), layer.weights().fanIn());
    }
}
