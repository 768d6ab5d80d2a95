package org.bnn.report.plot;

/**
 * The size a plot is laid out at, in points (the SVG's size), and the factor the PNG is drawn
 * larger by, so that its pixels stay sharp on screens and in print.
 */
public record PlotSize(int width, int height, int pngScale) {
    /** 800 × 500, PNG at 1600 × 1000 pixels. */
    public static final PlotSize DEFAULT = new PlotSize(800, 500, 2);

    public PlotSize {
        if (width < 100 || height < 100) {
            throw new IllegalArgumentException("PlotSize must be at least 100 × 100, got " + width + " × " + height);
        }
        if (pngScale < 1 || pngScale > 8) {
            throw new IllegalArgumentException("PlotSize.pngScale must be in 1..8, got " + pngScale);
        }
    }
}
