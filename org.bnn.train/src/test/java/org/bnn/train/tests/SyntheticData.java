package org.bnn.train.tests;

import java.util.SplittableRandom;

import org.bnn.runtime.data.Dataset;
import org.bnn.runtime.data.Split;

/**
 * A seeded synthetic image problem: 4 classes of 8 × 8 grey images, class c a bright 4 × 4 square in
 * quadrant c, every pixel with uniform noise, and a few pixels of random clutter. Learnable, but not
 * by a constant or a single pixel.
 */
final class SyntheticData {
    static final int SIDE = 8;
    static final int CLASSES = 4;

    private SyntheticData() {
    }

    static Dataset images(int count, long seed, Split split) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] pixels = new byte[count * SIDE * SIDE];
        byte[] labels = new byte[count];
        for (int i = 0; i < count; i++) {
            int label = random.nextInt(CLASSES);
            labels[i] = (byte) label;
            int y0 = label / 2 * 4;
            int x0 = label % 2 * 4;
            for (int y = 0; y < SIDE; y++) {
                for (int x = 0; x < SIDE; x++) {
                    boolean inside = y >= y0 && y < y0 + 4 && x >= x0 && x < x0 + 4;
                    int value = (inside ? 150 : 30) + random.nextInt(90);
                    if (random.nextInt(10) == 0) {
                        value = random.nextInt(256); // clutter
                    }
                    pixels[i * SIDE * SIDE + y * SIDE + x] = (byte) value;
                }
            }
        }
        return new Dataset("synthetic", split, SIDE, SIDE, 1, CLASSES, pixels, labels);
    }
}
