package org.bnn.runtime.tests.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

import org.bnn.runtime.data.Dataset;
import org.bnn.runtime.data.Datasets;
import org.bnn.runtime.data.IdxCopies;
import org.bnn.runtime.data.IdxReader;
import org.bnn.runtime.data.Split;
import org.bnn.runtime.testing.IdxFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A split's file present raw and as .gz: the raw one is read; copies that differ in content are a warning. */
class IdxCopiesTest {
    private static final String IMAGES = "train-images-idx3-ubyte";
    private static final String LABELS = "train-labels-idx1-ubyte";

    @TempDir
    Path dir;

    @Test
    void theRawFileWinsOverTheGzippedOne() throws IOException {
        IdxFiles.writeSplit(dir, "train", 4, 3, 3, 1, false);
        IdxFiles.writeSplit(dir, "train", 4, 3, 3, 2, true);
        Dataset train = Datasets.mnist(dir, Split.TRAIN);
        byte[] raw = IdxReader.read(dir.resolve(IMAGES), 3).values();
        for (int i = 0; i < train.size(); i++) {
            assertArrayEquals(Arrays.copyOfRange(raw, i * 9, i * 9 + 9), train.bytes(i));
        }
        assertEquals(Optional.of(dir.resolve(IMAGES)), IdxCopies.chosen(dir, IMAGES));
        Files.delete(dir.resolve(IMAGES));
        assertEquals(Optional.of(dir.resolve(IMAGES + ".gz")), IdxCopies.chosen(dir, IMAGES));
        Files.delete(dir.resolve(IMAGES + ".gz"));
        assertEquals(Optional.empty(), IdxCopies.chosen(dir, IMAGES));
    }

    @Test
    void copiesThatDifferAreAConflict() throws IOException {
        IdxFiles.writeSplit(dir, "train", 4, 3, 3, 1, false);
        IdxFiles.writeSplit(dir, "train", 4, 3, 3, 2, true);
        assertEquals(Optional.of(dir + " holds both " + IMAGES + " and " + IMAGES + ".gz, with different content; " + IMAGES
                + " is read and " + IMAGES + ".gz is ignored (delete the stale copy)"), IdxCopies.conflict(dir, IMAGES));
        assertEquals(Optional.of(dir + " holds both " + LABELS + " and " + LABELS + ".gz, with different content; " + LABELS
                + " is read and " + LABELS + ".gz is ignored (delete the stale copy)"), IdxCopies.conflict(dir, LABELS));
    }

    @Test
    void identicalCopiesAreNoConflict() throws IOException {
        IdxFiles.writeSplit(dir, "train", 4, 3, 3, 1, false);
        IdxFiles.writeSplit(dir, "train", 4, 3, 3, 1, true);
        assertEquals(Optional.empty(), IdxCopies.conflict(dir, IMAGES));
        assertEquals(Optional.empty(), IdxCopies.conflict(dir, LABELS));
    }

    /** Copies are compared as the reader decodes them: a gzipped file named raw and a raw one named .gz can agree. */
    @Test
    void copiesAreComparedByContentNotByName() throws IOException {
        byte[] labels = IdxFiles.idx(new int[] {3}, new byte[] {1, 2, 3});
        IdxFiles.write(dir.resolve(LABELS), labels, true);
        IdxFiles.write(dir.resolve(LABELS + ".gz"), labels, false);
        assertEquals(Optional.empty(), IdxCopies.conflict(dir, LABELS));
        IdxFiles.write(dir.resolve(LABELS + ".gz"), Arrays.copyOf(labels, labels.length - 1), false);
        assertTrue(IdxCopies.conflict(dir, LABELS).isPresent(), "one value fewer");
    }

    @Test
    void aCopyThatDoesNotDecodeDiffers() throws IOException {
        byte[] labels = IdxFiles.idx(new int[] {3}, new byte[] {1, 2, 3});
        IdxFiles.write(dir.resolve(LABELS), labels, false);
        byte[] gzip = Files.readAllBytes(IdxFiles.write(dir.resolve(LABELS + ".gz"), labels, true));
        Files.write(dir.resolve(LABELS + ".gz"), Arrays.copyOf(gzip, gzip.length - 4));
        assertTrue(IdxCopies.conflict(dir, LABELS).isPresent());
    }

    @Test
    void oneCopyIsNoConflict() throws IOException {
        IdxFiles.writeSplit(dir, "train", 4, 3, 3, 1, true);
        assertEquals(Optional.empty(), IdxCopies.conflict(dir, IMAGES));
    }
}
