package org.bnn.dsl.ide.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bnn.dsl.bnn.Experiment;
import org.bnn.dsl.bnn.Explore;
import org.bnn.dsl.validation.BnnIssueCodes;
import org.bnn.dsl.bnn.Layer;
import org.bnn.dsl.bnn.Mapping;
import org.bnn.dsl.ide.BnnIdeSetup;
import org.bnn.dsl.ide.estimate.Breakdown;
import org.bnn.dsl.ide.estimate.EstimateHint;
import org.bnn.dsl.ide.estimate.EstimateHints;
import org.bnn.dsl.ide.estimate.EstimatePresentation;
import org.bnn.dsl.ide.quickfix.IssueResolutions;
import org.bnn.dsl.ide.quickfix.IssueResolutions.Resolution;
import org.bnn.dsl.tests.TestFiles;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.inject.Injector;

/**
 * The estimate texts at their edges, the same for Eclipse's minings and the language server's hints:
 * a network its chip cannot hold, a regime sweep, and hints too long for the editor's view.
 */
class EstimatePresentationTest {
    private static final Pattern PERCENT = Pattern.compile("([0-9][0-9.,]*) %");
    private static final String PRESETS = TestFiles.read("examples/lib/illustrative-hw.bnn");
    private static final String QUICKSTART = TestFiles.read("examples/quickstart/quickstart.bnn");

    private static Injector injector;

    @BeforeAll
    static void setUp() {
        injector = new BnnIdeSetup().createInjectorAndDoEMFRegistration();
    }

    /** The quick start's 2,880 tiles on a chip of 64: what it needs against what the chip has, no 4,500 % "utilization". */
    @Test
    void aMappingThatDoesNotFitSaysWhatItNeedsAndWhatHappensToTheWeights() throws IOException {
        String tiny = QUICKSTART.replace("network MnistMlp on Demo", "network MnistMlp on Tiny")
                + "chip Tiny { tiles 64 of T32 clock 100 MHz }\n";
        String mapping = hint(tiny, Mapping.class);
        assertTrue(mapping.startsWith("needs 2,880 tiles, chip has 64: does not fit · "), mapping);
        assertNoShareOver100(mapping);
        Breakdown hover = presentation().hover(element(tiny, Mapping.class)).orElseThrow();
        assertTrue(
                hover.lines()
                        .contains("tiles: needs 2,880 tiles, chip has 64; the weights do not fit (allow reprogramming to stream them)"),
                hover.lines().toString());
        assertNoShareOver100(hover.toPlainText());
        // Its layers agree: nothing is streamed without reprogramming, their ranges hold too few tiles.
        assertTrue(layerHint(tiny, "fc1").startsWith("800 tiles at 0..63 (too few) · "), layerHint(tiny, "fc1"));
        assertTrue(hover.lines().stream().noneMatch(l -> l.contains("streamed")), hover.lines().toString());

        String streamed = tiny.replace("regime nominal\n", "regime nominal\n    allow reprogramming\n");
        String reprogrammed = hint(streamed, Mapping.class);
        assertTrue(reprogrammed.startsWith("needs 2,880 tiles, chip has 64: weights streamed · "), reprogrammed);
        assertFalse(reprogrammed.toLowerCase().contains("does not fit"), "no stale DOES NOT FIT: " + reprogrammed);
        Breakdown streamedHover = presentation().hover(element(streamed, Mapping.class)).orElseThrow();
        assertTrue(streamedHover.lines().stream().anyMatch(l -> l.startsWith("reprogramming (per inference): ")),
                streamedHover.lines().toString());
        assertNoShareOver100(streamedHover.toPlainText());
        assertTrue(layerHint(streamed, "fc1").startsWith("800 tiles at 0..63 (streamed) · "), layerHint(streamed, "fc1"));
    }

    /** The "Allow reprogramming" quick fix writes its clause as the mapping's others are written, and the hint follows it. */
    @Test
    void allowingReprogrammingWritesAnIndentedClauseAndTheHintFollows() throws IOException {
        String tiny = QUICKSTART.replace("network MnistMlp on Demo", "network MnistMlp on Tiny")
                + "chip Tiny { tiles 64 of T32 clock 100 MHz }\n";
        String fixed = fixed(tiny, "org.bnn.dsl.mappingExceedsChip");
        assertTrue(fixed.contains("mapping OnDemo {\n    network MnistMlp on Tiny\n    regime nominal\n    allow reprogramming\n}\n"),
                fixed);
        assertTrue(hint(fixed, Mapping.class).startsWith("needs 2,880 tiles, chip has 64: weights streamed · "),
                hint(fixed, Mapping.class));

        String tabs = tiny.replace("\n    network MnistMlp", "\n\tnetwork MnistMlp").replace("\n    regime nominal", "\n\tregime nominal");
        assertTrue(fixed(tabs, "org.bnn.dsl.mappingExceedsChip").contains("\tregime nominal\n\tallow reprogramming\n}"));
        String oneLine = tiny.replace("mapping OnDemo {\n    network MnistMlp on Tiny\n    regime nominal\n}",
                "mapping OnDemo { network MnistMlp on Tiny regime nominal }");
        assertTrue(fixed(oneLine, "org.bnn.dsl.mappingExceedsChip")
                .contains("mapping OnDemo { network MnistMlp on Tiny regime nominal allow reprogramming }"));
        String crlf = tiny.replace("\n", "\r\n");
        assertTrue(fixed(crlf, "org.bnn.dsl.mappingExceedsChip").contains("    regime nominal\r\n    allow reprogramming\r\n}\r\n"));
    }

    /** 2,910,208 weights at the BER of each regime of HfO2's 2T2R tiles: one figure per regime, never an empty list. */
    @Test
    void aRegimeSweepGivesTheExpectedBitErrorsOfEachRegime() throws IOException {
        String regimes = QUICKSTART.replace("sweep ber { 0, 1e-5, 1e-4, 1e-3, 1e-2, 3.3e-2, 1e-1 }", "sweep regime { nominal, low }");
        String hint = hint(regimes, Experiment.class);
        assertTrue(hint.matches("2,910,208 weights × BER of nominal · low → [0-9.]+[kM]? · [0-9.]+[kM]? expected bit errors"),
                hint);
        // A sweep being typed has no BER yet: said so, not an empty series (the fuzz test found "ends" of none failing).
        String typing = hint(QUICKSTART.replace("sweep ber { 0, 1e-5, 1e-4, 1e-3, 1e-2, 3.3e-2, 1e-1 }", "sweep ber { }"),
                Experiment.class);
        assertTrue(typing.startsWith("2,910,208 weights × BER: no BER to sweep yet; regime nominal: BER "), typing);
        Breakdown hover = presentation().hover(element(regimes, Experiment.class)).orElseThrow();
        assertEquals(3, hover.lines().size(), hover.lines().toString());
        assertTrue(hover.lines().get(1).startsWith("regime nominal ("), hover.lines().toString());
        assertTrue(hover.lines().get(2).startsWith("regime low ("), hover.lines().toString());
    }

    /** The quick start's seven BER points and regime make a hint of 120 characters: shortened, every figure kept in the hover. */
    @Test
    void longHintsAreShortenedAndTheHoverKeepsTheDetail() throws IOException {
        String hint = hint(QUICKSTART, Experiment.class);
        assertEquals("2,910,208 weights × BER 0 … 0.100 (7 points) → 0 … 291k expected bit errors", hint);
        Breakdown hover = presentation().hover(element(QUICKSTART, Experiment.class)).orElseThrow();
        assertTrue(hover.lines().contains("BER 0.0330 → 96k expected bit errors per chip"), hover.lines().toString());
        assertTrue(hover.lines().stream().anyMatch(l -> l.startsWith("regime nominal (")), hover.lines().toString());

        String many = QUICKSTART.replace("sweep ber { 0, 1e-5, 1e-4, 1e-3, 1e-2, 3.3e-2, 1e-1 }", "sweep layers at ber 1e-2");
        // A second mapping makes each layer's hint name the first, here by a long name: cut after its last whole part.
        String longName = QUICKSTART.replace("mapping OnDemo", "mapping AMappingWithAVeryLongNameThatGoesOnAndOnForeverAndEverAndEver")
                + "mapping Other { network MnistMlp on Demo }\n";
        assertTrue(hints(longName).stream().map(EstimateHint::text).toList().contains("800 tiles at 0..799 · ≥ 41.6 nJ …"),
                hints(longName).toString());
        for (String text : List.of(QUICKSTART, many, longName)) {
            for (String shown : hints(text).stream().map(EstimateHint::text).toList()) {
                assertTrue(shown.length() <= EstimatePresentation.HINT_LENGTH, shown);
            }
        }
        // fc2 and fc3 hold 1,024 x 1,024 weights each, the most of the four layers: 1,048,576 x 1e-2.
        assertEquals("one layer at a time at BER 0.0100 → ≤ 10.5k expected bit errors (fc2)",
                hint(many, Experiment.class));
    }

    private static void assertNoShareOver100(String text) {
        Matcher share = PERCENT.matcher(text);
        while (share.find()) {
            assertTrue(Double.parseDouble(share.group(1).replace(",", "")) <= 100, "a share over 100 %: " + text);
        }
    }

    /** The hint after layer {@code name}. */
    private static String layerHint(String text, String name) throws IOException {
        return hints(text).stream().filter(h -> h.element() instanceof Layer layer && name.equals(layer.getName())).findFirst()
                .orElseThrow().text();
    }

    /** {@code text} with the only quick fix of its first issue with {@code code} applied. */
    private static String fixed(String text, String code) throws IOException {
        XtextResource resource = load(text);
        Issue issue = injector.getInstance(IResourceValidator.class).validate(resource, CheckMode.ALL, CancelIndicator.NullImpl).stream()
                .filter(i -> code.equals(i.getCode())).findFirst().orElseThrow(() -> new AssertionError("no " + code + " in\n" + text));
        List<Resolution> fixes = injector.getInstance(IssueResolutions.class).of(resource, text, code, issue.getData(), issue.getOffset(),
                issue.getLength());
        assertEquals(1, fixes.size(), fixes.toString());
        return QuickFixes.apply(text, fixes.get(0));
    }

    /** Before anything runs, an exploration says how many designs and simulations it has and how long it takes here. */
    @Test
    void anExplorationShowsItsDesignsSimulationsAndRunTime() throws IOException {
        String explore = TestFiles.read("examples/explore/explore.bnn");
        String hint = hint(explore, Explore.class);
        assertTrue(hint.matches("45 designs · 15 simulations × 5 chips × 2,000 inputs · ≈ ([0-9]+ s|[0-9]+ min|< 1 s) here"), hint);
        assertTrue(hints(explore).stream().anyMatch(h -> h.text().equals(hint)), "an inlay hint / code mining on the block");
        String costsOnly = explore.replace("objectives accuracy, energy, programming, lifetime", "objectives energy, programming")
                .replace("    require accuracy >= 97.5 %\n", "");
        assertEquals("45 designs · costs only, nothing simulated", hint(costsOnly, Explore.class));
    }

    /** An axis that lists nothing is removed with its line, leaving a valid exploration. */
    @Test
    void anEmptyAxisIsRemovedWithItsLine() throws IOException {
        String explore = TestFiles.read("examples/explore/explore.bnn");
        String empty = explore.replace("    vary cells {", "    vary replicate fc1 { }\n    vary cells {");
        assertEquals(explore, fixed(empty, BnnIssueCodes.EXPLORE_EMPTY_AXIS));
    }

    /** A second axis over the same thing gives its values to the first and goes. */
    @Test
    void aDuplicateAxisIsMergedIntoTheFirst() throws IOException {
        String explore = TestFiles.read("examples/explore/explore.bnn");
        String split = explore.replace("    vary regime { strong, nominal, low, very_low, ultra_low }\n",
                "    vary regime { strong, nominal, low }\n")
                .replace("    vary cells {", "    vary regime { very_low, ultra_low }\n    vary cells {");
        assertEquals(explore, fixed(split, BnnIssueCodes.EXPLORE_DUPLICATE_AXIS));
    }

    private static EstimatePresentation presentation() {
        return injector.getInstance(EstimatePresentation.class);
    }

    private static String hint(String text, Class<? extends EObject> kind) throws IOException {
        return presentation().hint(element(text, kind)).orElseThrow();
    }

    private static <T extends EObject> T element(String text, Class<T> kind) throws IOException {
        return EcoreUtil2.getAllContentsOfType(load(text).getContents().get(0), kind).get(0);
    }

    private static List<EstimateHint> hints(String text) throws IOException {
        return injector.getInstance(EstimateHints.class).of(load(text), CancelIndicator.NullImpl);
    }

    private static XtextResource load(String text) throws IOException {
        XtextResourceSet resourceSet = injector.getInstance(XtextResourceSet.class);
        for (String[] file : List.of(new String[] {"presets.bnn", PRESETS}, new String[] {"edited.bnn", text})) {
            XtextResource resource = (XtextResource) resourceSet.createResource(URI.createURI("memory:/" + file[0]));
            resource.load(new ByteArrayInputStream(file[1].getBytes(StandardCharsets.UTF_8)), Map.of());
        }
        return (XtextResource) resourceSet.getResource(URI.createURI("memory:/edited.bnn"), false);
    }
}
