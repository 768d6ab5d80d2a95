package org.bnn.report.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.imageio.ImageIO;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.bnn.report.Report;
import org.bnn.report.ReportFormat;
import org.bnn.report.ReportWriter;
import org.bnn.report.plot.PlotSize;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** The plots as files: PNGs that decode at the expected size and show something, SVGs that parse and carry their labels. */
class PlotFilesTest {
    /** Okabe–Ito blue and vermillion (the first two series), blue and orange (sense and popcount energy). */
    private static final Map<String, List<Integer>> COLOURS = Map.of("accuracy-vs-ber.png", List.of(0x0072B2, 0xD55E00),
            "energy-per-inference.png", List.of(0x0072B2, 0xE69F00));

    private static Path writePlots(Report report, Path folder) throws Exception {
        new ReportWriter(EnumSet.of(ReportFormat.PNG, ReportFormat.SVG), new PlotSize(640, 400, 2)).write(report, folder);
        return folder;
    }

    @Test
    void pngsDecodeAtTwiceThePlotSizeAndShowTheSeriesColours(@TempDir Path folder) throws Exception {
        writePlots(SmallReport.realistic(), folder);
        for (String name : COLOURS.keySet()) {
            BufferedImage image = ImageIO.read(folder.resolve(name).toFile());
            assertNotNull(image, name + " does not decode");
            assertEquals(1280, image.getWidth(), name);
            assertEquals(800, image.getHeight(), name);
            Set<Integer> colours = new HashSet<>();
            int white = 0;
            for (int y = 0; y < image.getHeight(); y += 2) {
                for (int x = 0; x < image.getWidth(); x += 2) {
                    int rgb = image.getRGB(x, y) & 0xFFFFFF;
                    colours.add(rgb);
                    white += rgb == 0xFFFFFF ? 1 : 0;
                }
            }
            // Anti-aliased text, lines and fills give hundreds of shades; a blank or one-colour image gives one.
            assertTrue(colours.size() > 100, name + " has only " + colours.size() + " colours");
            assertTrue(white > colours.size(), name + ": the background should be white");
            assertTrue(colours.containsAll(COLOURS.get(name)), name + " lacks its series' colours");
        }
    }

    @Test
    void svgsParseAndCarryTitlesLabelsAndTicks(@TempDir Path folder) throws Exception {
        writePlots(SmallReport.realistic(), folder);
        List<String> accuracy = texts(folder.resolve("accuracy-vs-ber.svg"));
        assertTrue(accuracy.containsAll(List.of("MNIST MLP (illustrative numbers)", "Plain training", "Error-aware training",
                "Test accuracy (%)", "Bit error rate of the weights (log scale)", "0", "10⁻⁶", "10⁻¹")), accuracy.toString());
        List<String> energy = texts(folder.resolve("energy-per-inference.svg"));
        assertTrue(energy.containsAll(List.of("Sense", "Popcount", "fc1", "out", "Energy per inference (nJ)", "3.00")), energy.toString());
        assertTrue(energy.contains("Not estimated (no unit energy given): buffer"), energy.toString());
    }

    @Test
    void theZeroBerPointIsLabelledOnlyWhenPresent(@TempDir Path folder) throws Exception {
        Report positiveOnly = Report.builder("No zero").series(SmallReport.aware()).build();
        List<String> texts = texts(writePlots(positiveOnly, folder).resolve("accuracy-vs-ber.svg"));
        assertTrue(texts.contains("10⁻²"), texts.toString());
        assertTrue(!texts.contains("0"), texts.toString());
    }

    /** The text elements of an SVG, parsed as XML (without fetching its DTD). */
    private static List<String> texts(Path svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        Document document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(Files.readString(svg))));
        assertEquals("svg", document.getDocumentElement().getTagName());
        NodeList nodes = document.getElementsByTagName("text");
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }
}
