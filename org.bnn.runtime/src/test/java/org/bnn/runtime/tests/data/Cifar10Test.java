package org.bnn.runtime.tests.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import org.bnn.runtime.data.Cifar10;
import org.bnn.runtime.data.DataException;
import org.bnn.runtime.data.Dataset;
import org.bnn.runtime.data.Datasets;
import org.bnn.runtime.data.Split;
import org.bnn.runtime.data.StandardDataset;
import org.bnn.runtime.engine.InputEncoder;
import org.bnn.runtime.spec.InputEncoding;
import org.bnn.runtime.spec.Shape;
import org.bnn.runtime.testing.CifarFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CIFAR-10 binary reader on small files written in the real format: pixel order, splits, errors. */
class Cifar10Test {
    @TempDir
    Path dir;

    /** Every value lands at (y·32 + x)·3 + c, with the red, green and blue planes row by row in the file. */
    @Test
    void planesBecomeHwcPixels() throws IOException {
        byte[] record = new byte[CifarFiles.RECORD];
        record[0] = 7;
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < 32; y++) {
                for (int x = 0; x < 32; x++) {
                    record[1 + c * 1024 + y * 32 + x] = (byte) value(y, x, c);
                }
            }
        }
        Files.write(dir.resolve("test_batch.bin"), record);
        Dataset test = Datasets.cifar10(dir, Split.TEST);
        assertEquals(1, test.size());
        assertEquals(7, test.label(0));
        assertEquals(32, test.height());
        assertEquals(32, test.width());
        assertEquals(3, test.channels());
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                for (int c = 0; c < 3; c++) {
                    assertEquals(value(y, x, c), test.byteValue(0, (y * 32 + x) * 3 + c), "pixel y " + y + " x " + x + " channel " + c);
                }
            }
        }
        // a few spelled out: the first red, green, blue values, then the second pixel's red and the last blue
        assertArrayEquals(new int[] {record[1] & 0xFF, record[1025] & 0xFF, record[2049] & 0xFF, record[2] & 0xFF, record[3072] & 0xFF},
                new int[] {test.byteValue(0, 0), test.byteValue(0, 1), test.byteValue(0, 2), test.byteValue(0, 3),
                    test.byteValue(0, 3071)});
    }

    /** Distinct in every coordinate, so a swapped axis or plane shows. */
    private static int value(int y, int x, int c) {
        return (y * 7 + x * 3 + c * 101) % 256;
    }

    /** The training split is the five batches in order; the test split is test_batch.bin; both scale as MNIST does. */
    @Test
    void splitsReadTheirFilesInOrder() throws IOException {
        CifarFiles.writeAll(dir, 3, 40);
        Dataset train = StandardDataset.CIFAR10.load(dir, Split.TRAIN);
        Dataset test = StandardDataset.named("cifar10").load(dir, Split.TEST);
        assertEquals(15, train.size());
        assertEquals(3, test.size());
        assertEquals("cifar10", train.name());
        assertEquals(Split.TRAIN, train.split());
        for (int b = 1; b <= 5; b++) {
            byte[] file = Files.readAllBytes(dir.resolve("data_batch_" + b + ".bin"));
            for (int r = 0; r < 3; r++) {
                int image = (b - 1) * 3 + r;
                assertEquals(file[r * CifarFiles.RECORD] & 0xFF, train.label(image));
                // red of pixel (1, 2), blue of pixel (31, 31)
                assertEquals(file[r * CifarFiles.RECORD + 1 + 32 + 2] & 0xFF, train.byteValue(image, (32 + 2) * 3));
                assertEquals(file[r * CifarFiles.RECORD + 3072] & 0xFF, train.byteValue(image, 3071));
                assertEquals((file[r * CifarFiles.RECORD + 1] & 0xFF) / 255f, train.image(image)[0]);
            }
        }
        InputEncoder encoder = new InputEncoder(new InputEncoding.BitSerial(8), test.imageSize());
        float[] image = test.image(2);
        for (int j = 0; j < image.length; j++) {
            assertEquals(test.byteValue(2, j), encoder.level(image[j]), "an 8-bit input encodes back to the byte");
        }
    }

    @Test
    void missingFileIsNamedWithWhereTheDataGoes() throws IOException {
        CifarFiles.writeAll(dir, 1, 1);
        Files.delete(dir.resolve("data_batch_4.bin"));
        DataException e = assertThrows(DataException.class, () -> Datasets.cifar10(dir, Split.TRAIN));
        assertEquals(dir.resolve("data_batch_4.bin") + " is missing; scripts/fetch-data.sh cifar10 says where the CIFAR-10 binary files go",
                e.getMessage());
        assertEquals(1, Datasets.cifar10(dir, Split.TEST).size(), "the test split does not need the training files");
    }

    @Test
    void aSizeThatIsNoWholeNumberOfRecordsIsNamed() throws IOException {
        Path file = dir.resolve("test_batch.bin");
        Files.write(file, Arrays.copyOf(CifarFiles.records(2, 3), 2 * CifarFiles.RECORD - 1));
        DataException e = assertThrows(DataException.class, () -> Datasets.cifar10(dir, Split.TEST));
        assertTrue(e.getMessage().startsWith(file + " holds 6145 bytes, not a whole number of 3073-byte CIFAR-10 records (3072 bytes past"),
                e.getMessage());
        assertEquals(e.getMessage(), assertThrows(DataException.class, () -> Cifar10.check(file)).getMessage());
        Files.write(file, new byte[0]);
        assertTrue(assertThrows(DataException.class, () -> Datasets.cifar10(dir, Split.TEST)).getMessage().startsWith(file + " is empty"));
    }

    @Test
    void aLabelAboveNineIsNamedWithItsRecord() throws IOException {
        Path file = dir.resolve("test_batch.bin");
        byte[] records = CifarFiles.records(3, 5);
        records[2 * CifarFiles.RECORD] = 10;
        Files.write(file, records);
        String expected = file
                + ": record 2 has label 10, not a class 0..9; scripts/fetch-data.sh cifar10 says where the CIFAR-10 binary files go";
        assertEquals(expected, assertThrows(DataException.class, () -> Datasets.cifar10(dir, Split.TEST)).getMessage());
        assertEquals(expected, assertThrows(DataException.class, () -> Cifar10.check(file)).getMessage());
        records[2 * CifarFiles.RECORD] = 9;
        Files.write(file, records);
        assertEquals(3, Cifar10.check(file));
    }

    @Test
    void aGzippedFileIsToldToBeUnpacked() throws IOException {
        Path file = dir.resolve("test_batch.bin");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(CifarFiles.records(2, 6));
        }
        DataException e = assertThrows(DataException.class, () -> Datasets.cifar10(dir, Split.TEST));
        assertTrue(e.getMessage().startsWith(file + " is gzip-compressed"), e.getMessage());
        assertEquals(-1, e.getMessage().indexOf('\n'));
    }

    @Test
    void aFolderInPlaceOfAFileIsMissing() throws IOException {
        Files.createDirectories(dir.resolve("test_batch.bin"));
        assertTrue(assertThrows(DataException.class, () -> Datasets.cifar10(dir, Split.TEST)).getMessage()
                .startsWith(dir.resolve("test_batch.bin") + " is missing"));
    }

    @Test
    void unknownDatasetNamesListTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StandardDataset.named("cifar100"));
        assertEquals("unknown dataset \"cifar100\"; known: mnist, fashion-mnist, cifar10", e.getMessage());
        assertEquals(StandardDataset.MNIST, StandardDataset.named("mnist"));
        assertEquals(new Shape(28, 28, 1), StandardDataset.FASHION_MNIST.shape());
        assertEquals(new Shape(32, 32, 3), StandardDataset.CIFAR10.shape());
    }

    /** The real data, when put in data/cifar10; skipped (with the reason) otherwise. */
    @Test
    void realCifar10WhenPresent() {
        Path folder = DatasetsTest.repository().resolve(Datasets.CIFAR10_FOLDER);
        assumeTrue(Files.isRegularFile(folder.resolve("test_batch.bin")),
                "CIFAR-10 not present (" + folder + "): scripts/fetch-data.sh cifar10 says where to put it");
        Dataset test = Datasets.cifar10(folder, Split.TEST);
        assertEquals(10_000, test.size());
        // The first test image of the original file is a cat (3).
        assertEquals(3, test.label(0));
        Dataset train = Datasets.cifar10(folder, Split.TRAIN);
        assertEquals(50_000, train.size());
        // The first training image is a frog (6).
        assertEquals(6, train.label(0));
    }
}
