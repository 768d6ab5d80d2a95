package org.bnn.runtime.data;

/** The two parts of a data set: the images to train on and the held-out images to test on. */
public enum Split {
    TRAIN("train"),
    TEST("t10k");

    private final String filePrefix;

    Split(String filePrefix) {
        this.filePrefix = filePrefix;
    }

    /** The prefix of the split's IDX file names ("train", "t10k"), as in the MNIST distribution. */
    public String filePrefix() {
        return filePrefix;
    }

    /** "train" or "test". */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
