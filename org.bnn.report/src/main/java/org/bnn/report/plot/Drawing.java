package org.bnn.report.plot;

import org.jfree.chart.text.TextUtils;

/** Settings of Java 2D and JFreeChart that every plot needs, made once before the first chart. */
final class Drawing {
    static {
        // Plots are drawn off-screen; without a display AWT must not try to open one.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        // JFreeChart draws rotated text (the vertical axis label) as glyph outlines by default, a
        // workaround for rotated-text bugs of early JDKs; Java 17 draws it right, and SVG then keeps
        // it as searchable, selectable text.
        TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    private Drawing() {
    }

    /** Runs the settings above (once, when this class is first used). */
    static void prepare() {
        // The static initializer does the work.
    }
}
