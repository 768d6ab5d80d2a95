package org.bnn.onnx.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.bnn.runtime.data.Dataset;
import org.bnn.runtime.data.Datasets;
import org.bnn.runtime.data.Split;
import org.bnn.runtime.weights.Npy;

/** The committed import fixtures (examples/import, made by make_fixtures.py) and the data they were trained on. */
public final class Fixtures {
    private Fixtures() {
    }

    public static Path root() {
        return Path.of(System.getProperty("bnn.repository.root", "..")).toAbsolutePath().normalize();
    }

    public static Path plainModel() {
        return root().resolve("examples/import/fashion-bnn.onnx");
    }

    public static Path qonnxModel() {
        return root().resolve("examples/import/fashion-bnn-qonnx.onnx");
    }

    /** PyTorch's predicted class of each of the 10,000 Fashion-MNIST test images (float64 evaluation). */
    public static int[] pytorchPredictions() throws IOException {
        try (InputStream in = Files.newInputStream(root().resolve("examples/import/fashion-predictions.npy"))) {
            long[] values = Npy.read(in, "fashion-predictions.npy").toLongs();
            int[] result = new int[values.length];
            for (int i = 0; i < values.length; i++) {
                result[i] = (int) values[i];
            }
            return result;
        }
    }

    /** The Fashion-MNIST test set (scripts/fetch-data.sh fashion-mnist; scripts/test.sh fetches it). */
    public static Dataset fashionTest() {
        return Datasets.fashionMnist(root().resolve(Datasets.FASHION_MNIST_FOLDER), Split.TEST);
    }
}
