package org.bnn.report.plot;

import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;

import org.bnn.runtime.estimate.EnergyComponent;
import org.jfree.chart.util.ShapeUtils;

/**
 * Colours of the Okabe–Ito palette (distinguishable with every common colour-vision deficiency),
 * and marker shapes so that curves stay apart in greyscale print too.
 */
final class Palette {
    static final Color BLUE = new Color(0x0072B2);
    static final Color VERMILLION = new Color(0xD55E00);
    static final Color BLUISH_GREEN = new Color(0x009E73);
    static final Color REDDISH_PURPLE = new Color(0xCC79A7);
    static final Color ORANGE = new Color(0xE69F00);
    static final Color SKY_BLUE = new Color(0x56B4E9);
    static final Color BLACK = Color.BLACK;
    static final Color YELLOW = new Color(0xF0E442);

    /** Series colours, most contrasting on white first (yellow last: it is faint on white). */
    private static final Color[] SERIES = {BLUE, VERMILLION, BLUISH_GREEN, REDDISH_PURPLE, ORANGE, SKY_BLUE, BLACK, YELLOW};

    static final Color TEXT = new Color(0x222222);
    static final Color NOTE = new Color(0x555555);
    static final Color GRID = new Color(0xDDDDDD);

    private Palette() {
    }

    static Color series(int index) {
        return SERIES[index % SERIES.length];
    }

    /** Marker of the series: circle, square, triangle, diamond, down-triangle, then again. */
    static Shape marker(int index) {
        float r = 4.5f;
        return switch (index % 5) {
            case 0 -> new Ellipse2D.Float(-r, -r, 2 * r, 2 * r);
            case 1 -> new Rectangle2D.Float(-0.9f * r, -0.9f * r, 1.8f * r, 1.8f * r);
            case 2 -> ShapeUtils.createUpTriangle(1.1f * r);
            case 3 -> ShapeUtils.createDiamond(1.15f * r);
            default -> ShapeUtils.createDownTriangle(1.1f * r);
        };
    }

    /** A fixed colour per energy component, the same in every plot. */
    static Color component(EnergyComponent component) {
        return switch (component) {
            case SENSE -> BLUE;
            case POPCOUNT -> ORANGE;
            case PARTIAL_SUMS -> BLUISH_GREEN;
            case THRESHOLD -> REDDISH_PURPLE;
            case ECC -> SKY_BLUE;
            case BUFFER -> VERMILLION;
        };
    }
}
