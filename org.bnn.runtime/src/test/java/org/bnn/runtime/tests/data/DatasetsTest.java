package org.bnn.runtime.tests.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.bnn.runtime.data.DataException;
import org.bnn.runtime.data.Dataset;
import org.bnn.runtime.data.Datasets;
import org.bnn.runtime.data.IdxArray;
import org.bnn.runtime.data.IdxReader;
import org.bnn.runtime.data.Split;
import org.bnn.runtime.engine.InputEncoder;
import org.bnn.runtime.spec.InputEncoding;
import org.bnn.runtime.testing.IdxFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MNIST-layout loading on synthetic files, its error messages, and the real data when fetched. */
class DatasetsTest {
    @TempDir
    Path dir;

    @Test
    void loadsRawAndGzippedSplitsWithLimit() throws IOException {
        IdxFiles.writeSplit(dir, "train", 7, 5, 4, 1, false);
        IdxFiles.writeSplit(dir, "t10k", 3, 5, 4, 2, true);
        Dataset train = Datasets.mnist(dir, Split.TRAIN);
        Dataset test = Datasets.fashionMnist(dir, Split.TEST);
        assertEquals(7, train.size());
        assertEquals(3, test.size());
        assertEquals(20, train.imageSize());
        assertEquals(5, train.height());
        assertEquals(4, train.width());
        assertEquals(Split.TEST, test.split());
        assertEquals("fashion-mnist", test.name());

        IdxArray images = IdxReader.read(dir.resolve("train-images-idx3-ubyte"), 3);
        IdxArray labels = IdxReader.read(dir.resolve("train-labels-idx1-ubyte"), 1);
        for (int i = 0; i < 7; i++) {
            assertEquals(labels.unsigned(i), train.label(i));
            float[] image = train.image(i);
            for (int j = 0; j < 20; j++) {
                assertEquals(images.unsigned(i * 20 + j), train.byteValue(i, j));
                assertEquals(images.unsigned(i * 20 + j) / 255f, image[j]);
            }
        }
        Dataset first = Datasets.mnist(dir, Split.TRAIN, 2);
        assertEquals(2, first.size());
        assertArrayEquals(train.bytes(1), first.bytes(1));
        assertEquals(7, train.limit(100).size());
    }

    /** An image scaled to [0, 1] encodes, at 8 bits, back to exactly its bytes. */
    @Test
    void scaledImagesEncodeToTheirBytes() throws IOException {
        IdxFiles.writeSplit(dir, "train", 4, 16, 16, 3, false);
        Dataset train = Datasets.mnist(dir, Split.TRAIN);
        InputEncoder encoder = new InputEncoder(new InputEncoding.BitSerial(8), train.imageSize());
        for (int i = 0; i < train.size(); i++) {
            float[] image = train.image(i);
            for (int j = 0; j < image.length; j++) {
                assertEquals(train.byteValue(i, j), encoder.level(image[j]));
            }
        }
    }

    @Test
    void missingDataSaysHowToFetchIt() {
        DataException e = assertThrows(DataException.class, () -> Datasets.mnist(dir.resolve("mnist"), Split.TRAIN));
        assertTrue(e.getMessage().contains(dir.resolve("mnist").resolve("train-images-idx3-ubyte").toString()), e.getMessage());
        assertTrue(e.getMessage().contains("scripts/fetch-data.sh mnist"), e.getMessage());
        DataException f = assertThrows(DataException.class, () -> Datasets.fashionMnist(dir, Split.TEST));
        assertTrue(f.getMessage().contains("scripts/fetch-data.sh fashion-mnist"), f.getMessage());
    }

    @Test
    void corruptDataSaysHowToFetchIt() throws IOException {
        IdxFiles.writeSplit(dir, "train", 3, 4, 4, 4, false);
        Path images = dir.resolve("train-images-idx3-ubyte");
        byte[] bytes = Files.readAllBytes(images);
        Files.write(images, java.util.Arrays.copyOf(bytes, bytes.length - 1));
        DataException e = assertThrows(DataException.class, () -> Datasets.mnist(dir, Split.TRAIN));
        assertTrue(e.getMessage().contains(images.toString()) && e.getMessage().contains("truncated")
                && e.getMessage().contains("scripts/fetch-data.sh mnist"), e.getMessage());
        assertEquals(-1, e.getMessage().indexOf('\n'));
    }

    @Test
    void imageAndLabelCountsMustAgree() throws IOException {
        IdxFiles.writeSplit(dir, "train", 3, 4, 4, 5, false);
        IdxFiles.write(dir.resolve("train-labels-idx1-ubyte"), IdxFiles.idx(new int[] {2}, new byte[2]), false);
        DataException e = assertThrows(DataException.class, () -> Datasets.mnist(dir, Split.TRAIN));
        assertTrue(e.getMessage().contains("has 3 images but"), e.getMessage());
    }

    @Test
    void labelsMustBeClasses() throws IOException {
        IdxFiles.writeSplit(dir, "train", 3, 4, 4, 6, false);
        IdxFiles.write(dir.resolve("train-labels-idx1-ubyte"), IdxFiles.idx(new int[] {3}, new byte[] {1, 10, 2}), false);
        DataException e = assertThrows(DataException.class, () -> Datasets.mnist(dir, Split.TRAIN));
        assertTrue(e.getMessage().contains("label 1 is 10"), e.getMessage());
    }

    /** The fetched data sets, when scripts/fetch-data.sh has run; skipped (with the reason) otherwise. */
    @Test
    void realMnistWhenFetched() {
        Path folder = repository().resolve(Datasets.MNIST_FOLDER);
        assumeTrue(Files.isDirectory(folder), "MNIST not fetched (" + folder + "): run scripts/fetch-data.sh mnist to include this test");
        Dataset train = Datasets.mnist(folder, Split.TRAIN);
        Dataset test = Datasets.mnist(folder, Split.TEST);
        assertEquals(60_000, train.size());
        assertEquals(10_000, test.size());
        assertEquals(784, train.imageSize());
        // The first digits of the original files: a 5 in the training set, a 7 in the test set.
        assertEquals(5, train.label(0));
        assertEquals(7, test.label(0));
    }

    @Test
    void realFashionMnistWhenFetched() {
        Path folder = repository().resolve(Datasets.FASHION_MNIST_FOLDER);
        assumeTrue(Files.isDirectory(folder),
                "Fashion-MNIST not fetched (" + folder + "): run scripts/fetch-data.sh fashion-mnist to include this test");
        Dataset train = Datasets.fashionMnist(folder, Split.TRAIN);
        Dataset test = Datasets.fashionMnist(folder, Split.TEST);
        assertEquals(60_000, train.size());
        assertEquals(10_000, test.size());
        // The first items of the original files: an ankle boot (9) in training, an ankle boot (9) in test.
        assertEquals(9, train.label(0));
        assertEquals(9, test.label(0));
    }

    static Path repository() {
        return Path.of(System.getProperty("bnn.repository.root", ".."));
    }
}
