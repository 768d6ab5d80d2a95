package org.bnn.dsl.ide.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.bnn.dsl.ide.BnnIdeSetup;
import org.bnn.dsl.ide.estimate.EstimateHint;
import org.bnn.dsl.ide.estimate.EstimateHints;
import org.bnn.dsl.ide.estimate.ModelEstimates;
import org.bnn.dsl.bnn.Mapping;
import org.bnn.dsl.bnn.Network;
import org.bnn.runtime.estimate.MappingEstimate;
import org.bnn.runtime.spec.MappingSpec;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.inject.Injector;

/**
 * The shared estimate service in process: estimates are looked up by the mapping's description,
 * so edits that leave it unchanged compute nothing, and incomplete text gives no hint instead of
 * an error.
 */
class ModelEstimatesTest {
    private static Injector injector;
    private static String presets;
    private static String quickstart;

    @BeforeAll
    static void setUp() throws IOException {
        injector = new BnnIdeSetup().createInjectorAndDoEMFRegistration();
        Path examples = Path.of(System.getProperty("bnn.repository.root", "..")).resolve("examples/quickstart");
        presets = Files.readString(examples.resolveSibling("lib/illustrative-hw.bnn"));
        quickstart = Files.readString(examples.resolve("quickstart.bnn"));
    }

    @Test
    void anEditThatKeepsTheMappingsDescriptionReusesItsEstimate() throws IOException {
        ModelEstimates estimates = injector.getInstance(ModelEstimates.class);
        List<EstimateHint> first = hints(quickstart.replace("dense fc3: 1024", "dense fc3: 1000"));
        long computed = estimates.estimatesComputed();

        // A changed comment and a renamed experiment: same mapping description, nothing recomputed.
        List<EstimateHint> again = hints(quickstart.replace("dense fc3: 1024", "dense fc3: 1000")
                .replace("// Quick start", "// A typed comment").replace("BerSweep", "Sweep2"));
        assertEquals(computed, estimates.estimatesComputed(), "no estimate recomputed");
        assertEquals(texts(first), texts(again));

        // A changed layer: one new estimate, and the hints follow.
        List<EstimateHint> changed = hints(quickstart.replace("dense fc3: 1024", "dense fc3: 512"));
        assertEquals(computed + 1, estimates.estimatesComputed());
        // fc3 1024 -> 512 on 32 x 32 tiles: 32 column chunks x 16 row chunks; 524,288 senses x 25 fJ + as many
        // popcount bits x 20 fJ + 512 compares x 0.2 pJ + (512 written + 1,024 x 16 read) buffer bits x 0.2 pJ
        // = 27.07 nJ; 32 rows + 5 adder stages = 37 cycles at 100 MHz.
        assertTrue(texts(changed).contains("512 tiles at 1824..2335 · ≥ 27.1 nJ · 370 ns"), texts(changed).toString());
    }

    @Test
    void incompleteTextGivesNoHintAndNoError() throws IOException {
        // The chip of one mapping is unknown and a network is half typed: the complete mapping has
        // hints, and the layer hints name it since network A has two mappings.
        String text = """
                import presets.illustrative.*
                network A { input x: 64 dense h: 32 output o: dense 2 }
                network B { input x: 64 dense h:
                mapping OnNothing { network A on Missing }
                mapping OnDemo { network A on Demo }
                """;
        List<String> hints = texts(hints(text));
        // h: 64 -> 32 takes 2 column chunks, 2,048 senses x (25 + 20) fJ + 32 compares x 0.2 pJ + (32 + 64)
        // buffer bits x 0.2 pJ = 117.8 pJ, no energy per partial-sum addition given (hence the lower bound),
        // 32 rows + 1 adder stage = 33 cycles; o: 32 -> 2 in one chunk, 64 x 45 fJ + 2 x 0.2 pJ + 32 x 0.2 pJ
        // = 9.68 pJ (complete: no partial sums), 2 rows = 2 cycles.
        assertEquals(List.of("2 tiles at 0..1 · ≥ 118 pJ · 330 ns (OnDemo)", "1 tile at 2 · 9.68 pJ · 20.0 ns (OnDemo)"),
                hints.subList(0, 2),
                hints.toString());
        assertTrue(hints.get(2).startsWith("3/4,096 tiles (0.1 %)"), hints.toString());
        assertEquals(3, hints.size(), hints.toString());
    }

    /**
     * The Estimator failing on a description the runtime accepted: hints and hovers get nothing and
     * the editor keeps answering, and the failure is logged, once, as one warning line naming the
     * mapping (it was swallowed silently before).
     */
    @Test
    void anEstimationFailureIsLoggedOnceAndAnswersNothing() throws IOException {
        ModelEstimates failing = new ModelEstimates() {
            @Override
            protected MappingEstimate compute(MappingSpec spec) {
                throw new ArithmeticException("integer overflow");
            }
        };
        injector.injectMembers(failing);
        Mapping mapping = mapping(quickstart);
        List<LogRecord> records = logged(() -> {
            assertEquals(Optional.empty(), failing.of(mapping));
            assertEquals(Optional.empty(), failing.of(mapping)); // asked again by the next hint or hover
            assertEquals(List.of(), failing.of((Network) mapping.getNetwork()));
            return null;
        });
        assertEquals(1, records.size(), records::toString);
        LogRecord record = records.get(0);
        assertEquals(Level.WARNING, record.getLevel());
        assertTrue(record.getMessage().startsWith("no estimate for mapping OnDemo (edited.bnn:17): the estimate failed"
                + " (java.lang.ArithmeticException: integer overflow at "), record.getMessage());
        assertFalse(record.getMessage().contains("\n"), record.getMessage());
        assertEquals(null, record.getThrown(), "one line, no stack trace");
    }

    /** A description the runtime rejects is the validator's to report: no estimate, and nothing logged. */
    @Test
    void aRejectedDescriptionGivesNoEstimateAndLogsNothing() throws IOException {
        ModelEstimates estimates = injector.getInstance(ModelEstimates.class);
        Mapping mapping = mapping(
                quickstart.replace("input pixels: 28 x 28\n    dense fc1: 1024", "input pixels: 4 x 4\n    conv fc1: 8 kernel 5"));
        List<LogRecord> records = logged(() -> {
            assertEquals(Optional.empty(), estimates.of(mapping));
            return null;
        });
        assertEquals(List.of(), records);
    }

    private static Mapping mapping(String text) throws IOException {
        XtextResourceSet resourceSet = injector.getInstance(XtextResourceSet.class);
        load(resourceSet, "presets.bnn", presets);
        XtextResource resource = load(resourceSet, "edited.bnn", text);
        return EcoreUtil2.getAllContentsOfType(resource.getContents().get(0), Mapping.class).get(0);
    }

    /** What {@link ModelEstimates} logs while {@code action} runs. */
    private static List<LogRecord> logged(Supplier<Void> action) {
        List<LogRecord> records = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(ModelEstimates.class.getName());
        logger.addHandler(handler);
        try {
            action.get();
        } finally {
            logger.removeHandler(handler);
        }
        return records;
    }

    private static List<String> texts(List<EstimateHint> hints) {
        return hints.stream().map(EstimateHint::text).toList();
    }

    private static List<EstimateHint> hints(String text) throws IOException {
        XtextResourceSet resourceSet = injector.getInstance(XtextResourceSet.class);
        load(resourceSet, "presets.bnn", presets);
        XtextResource resource = load(resourceSet, "edited.bnn", text);
        return injector.getInstance(EstimateHints.class).of(resource, CancelIndicator.NullImpl);
    }

    private static XtextResource load(XtextResourceSet resourceSet, String name, String text) throws IOException {
        XtextResource resource = (XtextResource) resourceSet.createResource(URI.createURI("memory:/" + name));
        resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), Map.of());
        return resource;
    }
}
