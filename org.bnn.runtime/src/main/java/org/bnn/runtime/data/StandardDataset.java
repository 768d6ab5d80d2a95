package org.bnn.runtime.data;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.bnn.runtime.spec.Shape;

/**
 * The data sets the language names, by the name it uses ({@code mnist("dir")}): their image shape,
 * known without reading a file (for the validator's shape check), and how each split is read.
 */
public enum StandardDataset {
    MNIST("mnist", 28, 28, 1),
    FASHION_MNIST("fashion-mnist", 28, 28, 1),
    CIFAR10("cifar10", Cifar10.HEIGHT, Cifar10.WIDTH, Cifar10.CHANNELS);

    private final String id;
    private final Shape shape;

    StandardDataset(String id, int height, int width, int channels) {
        this.id = id;
        this.shape = new Shape(height, width, channels);
    }

    /** The name in the language and in {@link org.bnn.runtime.experiment.InputSource.Dataset}: "mnist", "fashion-mnist", "cifar10". */
    public String id() {
        return id;
    }

    /** The images' height × width × channels, which the network's input must have. */
    public Shape shape() {
        return shape;
    }

    /** Examples in a split of the official files (60,000/10,000 for the MNISTs, 50,000/10,000 for CIFAR-10). */
    public int size(Split split) {
        return switch (this) {
            case MNIST, FASHION_MNIST -> split == Split.TRAIN ? 60_000 : 10_000;
            case CIFAR10 -> split == Split.TRAIN ? 50_000 : 10_000;
        };
    }

    /** The split read from {@code folder}, as its files lie there ({@link Datasets}, {@link Cifar10}). */
    public Dataset load(Path folder, Split split) {
        return switch (this) {
            case MNIST -> Datasets.mnist(folder, split);
            case FASHION_MNIST -> Datasets.fashionMnist(folder, split);
            case CIFAR10 -> Datasets.cifar10(folder, split);
        };
    }

    /** The data set of name {@code id}; an IllegalArgumentException lists the known ones. */
    public static StandardDataset named(String id) {
        return Arrays.stream(values()).filter(d -> d.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown dataset \"" + id + "\"; known: "
                        + Arrays.stream(values()).map(StandardDataset::id).collect(Collectors.joining(", "))));
    }

    @Override
    public String toString() {
        return id.toUpperCase(Locale.ROOT);
    }
}
