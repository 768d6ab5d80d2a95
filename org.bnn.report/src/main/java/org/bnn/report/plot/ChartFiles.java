package org.bnn.report.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/** A chart as PNG bytes or SVG text, drawn without a display. */
public final class ChartFiles {
    private ChartFiles() {
    }

    /** An opaque RGB PNG of {@code size.pngScale()} times the plot size. */
    public static byte[] png(JFreeChart chart, PlotSize size) {
        Drawing.prepare();
        int scale = size.pngScale();
        BufferedImage image = new BufferedImage(size.width() * scale, size.height() * scale, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = image.createGraphics();
        try {
            g2.setColor(Color.WHITE);
            g2.fillRect(0, 0, image.getWidth(), image.getHeight());
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g2.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g2.scale(scale, scale);
            chart.draw(g2, new Rectangle2D.Double(0, 0, size.width(), size.height()));
        } finally {
            g2.dispose();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", bytes)) {
                throw new IllegalStateException("this Java has no PNG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the plot " + chart.getTitle().getText() + " as PNG", e);
        }
        return bytes.toByteArray();
    }

    /** An SVG document of the plot size; element ids are fixed, so the same chart gives the same text. */
    public static String svg(JFreeChart chart, PlotSize size) {
        Drawing.prepare();
        SVGGraphics2D g2 = new SVGGraphics2D(size.width(), size.height());
        g2.setDefsKeyPrefix("bnn");
        chart.draw(g2, new Rectangle2D.Double(0, 0, size.width(), size.height()));
        return g2.getSVGDocument() + "\n";
    }
}
