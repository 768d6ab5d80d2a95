package org.bnn.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.bnn.dsl.ide.BnnIdeSetup;
import org.bnn.dsl.ide.estimate.EstimateHint;
import org.bnn.dsl.ide.estimate.EstimateHints;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import com.google.inject.Injector;

/**
 * What the editor does after a keystroke on a large model (issue 6, target ≤ 100 ms for 100
 * layers): parse the text into a fresh resource set next to a hardware file, run every validation
 * rule (the Estimator's capacity and utilization checks included), then compute every estimate hint
 * (one per layer, the mapping's totals, the experiment's expected bit errors), exactly as the Eclipse
 * reconciler plus code minings, or the language server's diagnostics plus inlay hints, do.
 * <p>
 * {@code afterCommentEdit}: the mapping's description is unchanged, so its estimate comes from the
 * cache. {@code afterLayerEdit}: every operation changes a layer's width, so the Estimator runs
 * again (the cache misses; its 256 entries are outgrown by 4,096 distinct widths).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(1)
public class EditorResponsivenessBenchmark {
    @Param({"100"})
    public int layers;

    private static final String HARDWARE = """
            package hw
            device HfO2 { regime nominal {
                lrs lognormal(median 8 kOhm, sigma 0.25) hrs lognormal(median 180 kOhm, sigma 0.80)
                set 1.8 V 100 uA 500 ns reset 1.8 V 100 uA 500 ns endurance 1e7 } }
            tile T32 { cells 32 rows x 32 columns 2T2R of HfO2
                sense pcsa { mismatch 2 % noise 1 % energy 25 fJ per sense delay 2 ns }
                popcount energy 20 fJ per input bit row cycle 1 clock }
            chip Big { tiles 1000000 of T32 clock 100 MHz threshold energy 0.2 pJ per compare buffer energy 0.2 pJ per bit }
            """;

    private Injector injector;
    private int edits;

    @Setup
    public void setUp() {
        injector = new BnnIdeSetup().createInjectorAndDoEMFRegistration();
    }

    /** A network of {@code layers} layers with weights (dense layers of alternating widths, then the output), its mapping and a sweep. */
    static String model(int layers, int firstWidth, String comment) {
        StringBuilder text = new StringBuilder("// ").append(comment).append("\npackage big\nimport hw.*\nnetwork Deep {\n")
                .append("    input pixels: 28 x 28\n");
        for (int i = 1; i < layers; i++) {
            text.append("    dense fc").append(i).append(": ").append(i == 1 ? firstWidth : 256 + 128 * (i % 3)).append('\n');
        }
        text.append("    output out: dense 10\n}\n")
                .append("mapping OnBig {\n    network Deep on Big\n    regime nominal\n}\n")
                .append("experiment Sweep {\n    run OnBig on random 100 inputs\n    sweep ber { 0, 1e-5, 1e-4, 1e-3, 1e-2 }\n    seed 1\n}\n");
        return text.toString();
    }

    @Benchmark
    public int afterCommentEdit() throws IOException {
        return keystroke(model(layers, 512, "edit " + edits++));
    }

    @Benchmark
    public int afterLayerEdit() throws IOException {
        return keystroke(model(layers, 512 + edits++ % 4096, "a model"));
    }

    private int keystroke(String text) throws IOException {
        XtextResourceSet resourceSet = injector.getInstance(XtextResourceSet.class);
        load(resourceSet, "hw.bnn", HARDWARE);
        XtextResource model = load(resourceSet, "big.bnn", text);
        List<Issue> issues = injector.getInstance(IResourceValidator.class).validate(model, CheckMode.ALL, CancelIndicator.NullImpl);
        EcoreUtil.resolveAll(resourceSet);
        List<EstimateHint> hints = injector.getInstance(EstimateHints.class).of(model, CancelIndicator.NullImpl);
        if (hints.size() != layers + 2) { // one per layer with weights + mapping + experiment
            throw new IllegalStateException("expected " + (layers + 2) + " hints, got " + hints.size() + "; issues: " + issues);
        }
        return issues.size() + hints.size();
    }

    private static XtextResource load(XtextResourceSet resourceSet, String name, String text) throws IOException {
        XtextResource resource = (XtextResource) resourceSet.createResource(URI.createURI("memory:/" + name));
        resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), Map.of());
        return resource;
    }
}
