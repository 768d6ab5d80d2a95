package org.bnn.dsl.validation;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.bnn.runtime.engine.BinaryNetwork;
import org.bnn.runtime.engine.LayerParameters;
import org.bnn.runtime.engine.NetworkParameters;
import org.bnn.runtime.spec.NetworkSpec;
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

    /** The stored shape of every layer, in the file's order, and the parameters read. */
    public record Shapes(List<LayerShape> layers, NetworkParameters parameters) implements Result {
        /**
         * Why the runtime does not build {@code network} from these parameters as {@code bnn run}
         * does ({@link BinaryNetwork#create}), in the runtime's words; empty when it does.
         */
        public Optional<String> rejection(NetworkSpec network) {
            try {
                BinaryNetwork.create(network, parameters);
                return Optional.empty();
            } catch (IllegalArgumentException e) {
                return Optional.of(String.valueOf(e.getMessage()));
            }
        }
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
            NetworkParameters parameters = WeightsFile.read(file);
            return new Shapes(parameters.layers().stream().map(WeightShapesCache::shape).toList(), parameters);
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
