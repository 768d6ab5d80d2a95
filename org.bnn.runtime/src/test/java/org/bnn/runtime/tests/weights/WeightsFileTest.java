package org.bnn.runtime.tests.weights;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import org.bnn.runtime.engine.BatchNorm;
import org.bnn.runtime.engine.LayerParameters;
import org.bnn.runtime.engine.NetworkParameters;
import org.bnn.runtime.engine.WeightMatrix;
import org.bnn.runtime.weights.LayerShape;
import org.bnn.runtime.weights.NpyArray;
import org.bnn.runtime.weights.NpzReader;
import org.bnn.runtime.weights.NpzWriter;
import org.bnn.runtime.weights.WeightsException;
import org.bnn.runtime.weights.WeightsFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The weight-file layout (docs/weights.md): round trip, NumPy's bit order, shapes from headers, bad files. */
class WeightsFileTest {
    @TempDir
    Path dir;

    static NetworkParameters randomParameters(long seed, int[][] layers) {
        SplittableRandom random = new SplittableRandom(seed);
        LayerParameters[] result = new LayerParameters[layers.length];
        for (int l = 0; l < layers.length; l++) {
            int rows = layers[l][0];
            int fanIn = layers[l][1];
            double[] latent = new double[rows * fanIn];
            for (int i = 0; i < latent.length; i++) {
                latent[i] = random.nextDouble() - 0.5;
            }
            double[][] bn = new double[4][rows];
            for (int k = 0; k < rows; k++) {
                bn[0][k] = random.nextGaussian();
                bn[1][k] = random.nextGaussian();
                bn[2][k] = random.nextGaussian() * 10;
                bn[3][k] = random.nextDouble() * 5;
            }
            result[l] = new LayerParameters("layer" + l, WeightMatrix.fromSigns(fanIn, rows, latent),
                    new BatchNorm(bn[0], bn[1], bn[2], bn[3], 1e-4 * (l + 1)));
        }
        return new NetworkParameters(List.of(result));
    }

    @Test
    void roundTrip() {
        NetworkParameters parameters = randomParameters(1, new int[][] {{17, 784}, {64, 17}, {10, 65}, {3, 1}});
        Path file = dir.resolve("w.npz");
        WeightsFile.write(file, parameters);
        NetworkParameters read = WeightsFile.read(file);
        assertEquals(parameters, read);
        assertEquals(List.of("layer0", "layer1", "layer2", "layer3"), read.layers().stream().map(LayerParameters::layer).toList());
        assertEquals(List.of(new LayerShape("layer0", 17, 784), new LayerShape("layer1", 64, 17), new LayerShape("layer2", 10, 65),
                new LayerShape("layer3", 3, 1)), WeightsFile.shapes(file));
    }

    @Test
    void sameParametersSameBytes() throws IOException {
        NetworkParameters parameters = randomParameters(2, new int[][] {{5, 9}});
        WeightsFile.write(dir.resolve("a.npz"), parameters);
        WeightsFile.write(dir.resolve("b.npz"), parameters);
        assertArrayEquals(Files.readAllBytes(dir.resolve("a.npz")), Files.readAllBytes(dir.resolve("b.npz")));
    }

    /** Weights are np.packbits rows: the first weight in the most significant bit, bit 1 = +1. */
    @Test
    void weightsAreNumpyPackbitsRows() {
        double[] row = {1, -1, -1, -1, -1, -1, -1, 1, 1};
        Path file = dir.resolve("bits.npz");
        WeightsFile.write(file, NetworkParameters.of(LayerParameters.signOnly("d", WeightMatrix.fromSigns(9, 1, row))));
        try (NpzReader in = NpzReader.open(file)) {
            NpyArray packed = in.array("d/weights");
            assertArrayEquals(new long[] {1, 2}, packed.shape());
            assertArrayEquals(new byte[] {(byte) 0x81, (byte) 0x80}, packed.bytes());
            assertArrayEquals(new long[] {9}, in.array("d/fan_in").toLongs());
        }
    }

    /**
     * Ternary weights: signs in {@code weights}, np.packbits(w != 0) in {@code nonzero}; a round trip
     * keeps the mask, and a mask of another shape is refused by name.
     */
    @Test
    void ternaryWeightsCarryANonzeroMask() {
        double[] signs = {1, -1, 1, 1, -1, -1, -1, 1, 1};
        double[] nonzero = {1, 1, -1, 1, -1, 1, 1, 1, -1};
        LayerParameters layer = new LayerParameters("t", WeightMatrix.fromSigns(9, 1, signs), WeightMatrix.fromSigns(9, 1, nonzero),
                BatchNorm.identity(1));
        Path file = dir.resolve("ternary.npz");
        WeightsFile.write(file, NetworkParameters.of(layer));
        try (NpzReader in = NpzReader.open(file)) {
            assertArrayEquals(new byte[] {(byte) 0b1011_0001, (byte) 0x80}, in.array("t/weights").bytes());
            assertArrayEquals(new byte[] {(byte) 0b1101_0111, (byte) 0x00}, in.array("t/nonzero").bytes());
        }
        NetworkParameters read = WeightsFile.read(file);
        assertEquals(NetworkParameters.of(layer), read);
        assertTrue(read.layer("t").orElseThrow().ternary());

        Path bad = dir.resolve("bad-mask.npz");
        try (NpzWriter out = NpzWriter.create(bad)) {
            out.add("t/weights", NpyArray.ofUnsignedBytes(new byte[2], 1, 2));
            out.add("t/nonzero", NpyArray.ofUnsignedBytes(new byte[1], 1, 1));
            out.add("t/fan_in", NpyArray.scalar(9L));
        }
        WeightsException e = assertThrows(WeightsException.class, () -> WeightsFile.read(bad));
        assertTrue(
                e.getMessage().contains("t/nonzero")
                        && e.getMessage().contains("must be uint8 packed bits of the shape of t/weights (1, 2)"),
                e.getMessage());
    }

    /** A file written by NumPy (np.savez, float32 batch norm, int32 fan_in, a string entry): see resources/weights. */
    @Test
    void readsAFileWrittenByNumpy() throws IOException {
        Path file = dir.resolve("numpy-written.npz");
        try (InputStream in = getClass().getResourceAsStream("/weights/numpy-written.npz")) {
            Files.copy(in, file);
        }
        NetworkParameters read = WeightsFile.read(file);
        assertEquals(List.of(new LayerShape("conv1", 4, 9), new LayerShape("out", 3, 13)), WeightsFile.shapes(file));
        for (LayerParameters layer : read.layers()) {
            WeightMatrix w = layer.weights();
            for (int k = 0; k < w.rows(); k++) {
                for (int j = 0; j < w.fanIn(); j++) {
                    assertEquals((k * 7 + j * 3) % 5 < 2, w.bit(k, j), layer.layer() + " (" + k + ", " + j + ")");
                }
            }
            BatchNorm bn = layer.batchNorm();
            for (int k = 0; k < w.rows(); k++) {
                assertEquals(k + 0.5, bn.gamma()[k]);
                assertEquals(-(double) k / 4, bn.beta()[k]); // -0.0 for k = 0, as NumPy wrote it
                assertEquals(2 * k - 1, bn.mean()[k]);
                assertEquals(k + 1, bn.variance()[k]);
            }
            assertEquals(1e-3f, bn.epsilon());
        }
    }

    @Test
    void missingFile() {
        assertMessage(dir.resolve("none.npz"), "does not exist");
    }

    @Test
    void notAZip() throws IOException {
        Path file = Files.writeString(dir.resolve("text.npz"), "hello");
        assertMessage(file, "not a NumPy .npz file");
    }

    @Test
    void noWeights() {
        Path file = write("empty.npz", "meta", NpyArray.scalar(1L));
        assertMessage(file, "holds no <layer>/weights entry");
    }

    @Test
    void missingFanIn() {
        Path file = write("f.npz", "d/weights", NpyArray.ofUnsignedBytes(new byte[2], 1, 2));
        assertMessage(file, "has no entry d/fan_in");
    }

    @Test
    void packedWidthMustFitFanIn() {
        Path file = write("f.npz", "d/weights", NpyArray.ofUnsignedBytes(new byte[2], 1, 2), "d/fan_in", NpyArray.scalar(17L));
        assertMessage(file, "entry d/weights has shape (1, 2), but fan_in 17 needs (rows, 3)");
    }

    @Test
    void weightsMustBeBytes() {
        Path file = write("f.npz", "d/weights", NpyArray.ofDoubles(new double[2], 1, 2), "d/fan_in", NpyArray.scalar(9L));
        assertMessage(file, "entry d/weights must be uint8");
    }

    @Test
    void unknownField() {
        Path file = write("f.npz", "d/weights", NpyArray.ofUnsignedBytes(new byte[1], 1, 1), "d/fan_in", NpyArray.scalar(3L),
                "d/variance", NpyArray.ofDoubles(new double[] {1}, 1));
        assertMessage(file, "entry d/variance is not a weight-file field");
    }

    @Test
    void partialBatchNorm() {
        Path file = write("f.npz", "d/weights", NpyArray.ofUnsignedBytes(new byte[1], 1, 1), "d/fan_in", NpyArray.scalar(3L),
                "d/gamma", NpyArray.ofDoubles(new double[] {1}, 1));
        assertMessage(file, "has d/gamma but no d/beta");
    }

    @Test
    void batchNormLengthMustMatchRows() {
        Path file = write("f.npz", "d/weights", NpyArray.ofUnsignedBytes(new byte[2], 2, 1), "d/fan_in", NpyArray.scalar(3L),
                "d/gamma", NpyArray.ofDoubles(new double[] {1}, 1), "d/beta", NpyArray.ofDoubles(new double[] {1}, 1),
                "d/mean", NpyArray.ofDoubles(new double[] {1}, 1), "d/var", NpyArray.ofDoubles(new double[] {1}, 1),
                "d/eps", NpyArray.scalar(0.0));
        assertMessage(file, "entry d/gamma has shape (1,), the layer's weights have 2 rows");
    }

    @Test
    void invalidBatchNormValues() {
        Path file = write("f.npz", "d/weights", NpyArray.ofUnsignedBytes(new byte[1], 1, 1), "d/fan_in", NpyArray.scalar(3L),
                "d/gamma", NpyArray.ofDoubles(new double[] {1}, 1), "d/beta", NpyArray.ofDoubles(new double[] {1}, 1),
                "d/mean", NpyArray.ofDoubles(new double[] {1}, 1), "d/var", NpyArray.ofDoubles(new double[] {-2}, 1),
                "d/eps", NpyArray.scalar(0.0));
        assertMessage(file, "entry d/var holds -2.0 at index 0: a variance cannot be negative");
    }

    private Path write(String name, Object... entries) {
        Path file = dir.resolve(name);
        try (NpzWriter out = NpzWriter.create(file)) {
            for (int i = 0; i < entries.length; i += 2) {
                out.add((String) entries[i], (NpyArray) entries[i + 1]);
            }
        }
        return file;
    }

    private static void assertMessage(Path file, String expected) {
        WeightsException e = assertThrows(WeightsException.class, () -> WeightsFile.read(file));
        assertTrue(e.getMessage().startsWith(file.toString()) && e.getMessage().contains(expected), e.getMessage());
        assertEquals(-1, e.getMessage().indexOf('\n'), "one line");
    }
}
