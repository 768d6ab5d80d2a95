package org.bnn.runtime.data;

import java.util.Arrays;

/**
 * Labelled images in memory: {@code size()} images of height × width × channels unsigned bytes,
 * HWC order (value (y, x, c) at (y·W + x)·C + c, the simulator's layout), and one label in
 * [0, classes) each. {@link #image} gives an image scaled to [0, 1] (byte / 255), the input range
 * of {@link org.bnn.runtime.engine.InputEncoder}, which maps it back to the same byte for 8-bit
 * bit-serial input. Immutable.
 */
public final class Dataset {
    private final String name;
    private final Split split;
    private final int height;
    private final int width;
    private final int channels;
    private final int classes;
    private final byte[] pixels;
    private final byte[] labels;

    /** Wraps images (size × height·width·channels bytes) and labels (size bytes); both are copied. */
    public Dataset(String name, Split split, int height, int width, int channels, int classes, byte[] pixels, byte[] labels) {
        if (height < 1 || width < 1 || channels < 1 || classes < 1 || classes > 256) {
            throw new IllegalArgumentException("Dataset " + name + ": shape " + height + "x" + width + "x" + channels + " and "
                    + classes + " classes must be positive (at most 256 classes)");
        }
        long imageSize = (long) height * width * channels;
        if (pixels.length != imageSize * labels.length) {
            throw new IllegalArgumentException("Dataset " + name + ": " + labels.length + " labels need " + imageSize * labels.length
                    + " pixel values, got " + pixels.length);
        }
        for (int i = 0; i < labels.length; i++) {
            if ((labels[i] & 0xFF) >= classes) {
                throw new IllegalArgumentException("Dataset " + name + ": label " + i + " is " + (labels[i] & 0xFF) + ", not in 0.."
                        + (classes - 1));
            }
        }
        this.name = name;
        this.split = split;
        this.height = height;
        this.width = width;
        this.channels = channels;
        this.classes = classes;
        this.pixels = pixels.clone();
        this.labels = labels.clone();
    }

    public String name() {
        return name;
    }

    public Split split() {
        return split;
    }

    /** Number of images. */
    public int size() {
        return labels.length;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    public int channels() {
        return channels;
    }

    /** Values per image: height × width × channels. */
    public int imageSize() {
        return height * width * channels;
    }

    /** Number of classes labels are drawn from. */
    public int classes() {
        return classes;
    }

    /** Label of image i. */
    public int label(int i) {
        return labels[checkIndex(i)] & 0xFF;
    }

    /** Value j of image i as the stored byte, 0..255. */
    public int byteValue(int i, int j) {
        checkIndex(i);
        return pixels[i * imageSize() + j] & 0xFF;
    }

    /** Image i scaled to [0, 1]: byte / 255. */
    public float[] image(int i) {
        float[] image = new float[imageSize()];
        copyImage(i, image, 0);
        return image;
    }

    /** Writes image i, scaled to [0, 1], into {@code target} from {@code offset} on. */
    public void copyImage(int i, float[] target, int offset) {
        int n = imageSize();
        int from = checkIndex(i) * n;
        for (int j = 0; j < n; j++) {
            target[offset + j] = (pixels[from + j] & 0xFF) / 255f;
        }
    }

    /** Image i's stored bytes (a copy). */
    public byte[] bytes(int i) {
        int n = imageSize();
        int from = checkIndex(i) * n;
        return Arrays.copyOfRange(pixels, from, from + n);
    }

    /** The first {@code n} images (all of them if n ≥ size()). */
    public Dataset limit(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("Dataset " + name + ": limit must be non-negative, got " + n);
        }
        if (n >= size()) {
            return this;
        }
        return new Dataset(name, split, height, width, channels, classes, Arrays.copyOf(pixels, n * imageSize()),
                Arrays.copyOf(labels, n));
    }

    private int checkIndex(int i) {
        if (i < 0 || i >= labels.length) {
            throw new IndexOutOfBoundsException("Dataset " + name + " has " + labels.length + " images, no image " + i);
        }
        return i;
    }

    @Override
    public String toString() {
        return name + " " + split.label() + " (" + size() + " images " + height + "x" + width + "x" + channels + ", " + classes
                + " classes)";
    }
}
