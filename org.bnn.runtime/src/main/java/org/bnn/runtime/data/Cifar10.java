package org.bnn.runtime.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the binary version of CIFAR-10 (Krizhevsky, "Learning Multiple Layers of Features from Tiny
 * Images", 2009): the files {@code data_batch_1.bin} … {@code data_batch_5.bin} (the training split)
 * and {@code test_batch.bin} (the test split) of the folder {@code cifar-10-batches-bin} in
 * {@code cifar-10-binary.tar.gz}. Each file is a sequence of 3,073-byte records: one label byte
 * (0..9), then the 1,024 red, 1,024 green and 1,024 blue bytes of a 32 × 32 image, each plane row
 * by row. The planes are interleaved here into the simulator's HWC order, value (y, x, c) at
 * (y·32 + x)·3 + c, the order of {@link Dataset}. A file that is missing, empty, gzipped, not a
 * whole number of records, or holds a label above 9 is a one-line {@link DataException} naming it.
 */
public final class Cifar10 {
    public static final int HEIGHT = 32;
    public static final int WIDTH = 32;
    public static final int CHANNELS = 3;
    public static final int CLASSES = 10;
    /** Bytes of one image, one plane after the other in the file. */
    public static final int IMAGE_BYTES = HEIGHT * WIDTH * CHANNELS;
    /** Bytes of one record: the label, then the image. */
    public static final int RECORD_BYTES = 1 + IMAGE_BYTES;

    private static final List<String> TRAIN_FILES = List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin",
            "data_batch_4.bin", "data_batch_5.bin");
    private static final List<String> TEST_FILES = List.of("test_batch.bin");
    private static final String HINT = "; scripts/fetch-data.sh cifar10 says where the CIFAR-10 binary files go";
    private static final int PLANE = HEIGHT * WIDTH;

    private Cifar10() {
    }

    /** The files of {@code split}, in the order their records are read. */
    public static List<String> files(Split split) {
        return split == Split.TRAIN ? TRAIN_FILES : TEST_FILES;
    }

    /** The split's images from {@code folder}, file after file, as a data set named "cifar10". */
    public static Dataset load(Path folder, Split split) {
        List<Path> files = new ArrayList<>();
        long records = 0;
        for (String name : files(split)) {
            Path file = folder.resolve(name);
            if (!Files.isRegularFile(file)) {
                throw new DataException(file + " is missing" + HINT);
            }
            records += recordCount(file);
            files.add(file);
        }
        if (records * IMAGE_BYTES > Integer.MAX_VALUE - 8) {
            throw new DataException(
                    folder + ": the " + split.label() + " split holds " + records + " images, more than one array can hold");
        }
        byte[] pixels = new byte[(int) records * IMAGE_BYTES];
        byte[] labels = new byte[(int) records];
        int image = 0;
        for (Path file : files) {
            image = read(file, image, labels, pixels);
        }
        return new Dataset("cifar10", split, HEIGHT, WIDTH, CHANNELS, CLASSES, pixels, labels);
    }

    /**
     * Checks {@code file} as {@link #load} reads it, keeping nothing (the validator's check): its
     * number of records, or the same {@link DataException}.
     */
    public static int check(Path file) {
        recordCount(file);
        return read(file, 0, null, null);
    }

    /** The records the file's size makes, or why its size is no CIFAR-10 file's. */
    private static int recordCount(Path file) {
        long size;
        byte[] start;
        try (InputStream in = Files.newInputStream(file)) {
            size = Files.size(file);
            start = in.readNBytes(2);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
        if (start.length == 2 && (start[0] & 0xFF) == 0x1f && (start[1] & 0xFF) == 0x8b) {
            // the archive, or one file of it compressed: its first byte would be label 31 anyway
            throw new DataException(file + " is gzip-compressed, not a CIFAR-10 binary file; unpack the archive first" + HINT);
        }
        if (size == 0) {
            throw new DataException(file + " is empty: no CIFAR-10 records" + HINT);
        }
        if (size % RECORD_BYTES != 0) {
            throw new DataException(file + " holds " + size + " bytes, not a whole number of " + RECORD_BYTES + "-byte CIFAR-10 records ("
                    + size % RECORD_BYTES + " bytes past the last whole record)" + HINT);
        }
        if (size / RECORD_BYTES > Integer.MAX_VALUE) {
            throw new DataException(file + " holds " + size / RECORD_BYTES + " records, more than one array can hold");
        }
        return (int) (size / RECORD_BYTES);
    }

    /**
     * Reads the records of {@code file} into images {@code first, first + 1, …} of {@code labels}
     * and {@code pixels} (HWC); with null arrays only the labels are checked. Returns the index after
     * the last image read.
     */
    private static int read(Path file, int first, byte[] labels, byte[] pixels) {
        byte[] record = new byte[RECORD_BYTES];
        int image = first;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            for (int n; (n = in.readNBytes(record, 0, RECORD_BYTES)) > 0; image++) {
                if (n < RECORD_BYTES) { // the size was checked: only a file that changed meanwhile gets here
                    throw new DataException(file + " ends inside record " + (image - first) + " (it changed while being read)");
                }
                int label = record[0] & 0xFF;
                if (label >= CLASSES) {
                    throw new DataException(
                            file + ": record " + (image - first) + " has label " + label + ", not a class 0.." + (CLASSES - 1) + HINT);
                }
                if (labels != null) {
                    labels[image] = record[0];
                    interleave(record, pixels, image * IMAGE_BYTES);
                }
            }
        } catch (IOException e) {
            throw unreadable(file, e);
        }
        return image;
    }

    /** The record's three planes (after the label) as HWC values from {@code offset} on. */
    private static void interleave(byte[] record, byte[] pixels, int offset) {
        for (int p = 0; p < PLANE; p++) {
            for (int c = 0; c < CHANNELS; c++) {
                pixels[offset + p * CHANNELS + c] = record[1 + c * PLANE + p];
            }
        }
    }

    private static DataException unreadable(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new DataException(file + " is missing" + HINT);
        }
        if (e instanceof AccessDeniedException) {
            return new DataException(file + " cannot be read (permission denied)");
        }
        return new DataException(file + " cannot be read: " + e.getMessage(), e);
    }
}
