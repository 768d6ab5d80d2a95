package org.bnn.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import org.bnn.cli.compile.InMemoryJavaCompiler;
import org.bnn.dsl.bnn.Mapping;
import org.bnn.dsl.bnn.Model;
import org.bnn.dsl.spec.SpecTranslator;
import org.bnn.runtime.engine.BinaryNetwork;
import org.bnn.runtime.engine.NetworkParameters;
import org.bnn.runtime.engine.RandomNetworks;
import org.bnn.runtime.spec.LayerSpec;
import org.bnn.runtime.spec.MappingSpec;
import org.bnn.runtime.spec.NetworkSpec;
import org.bnn.runtime.spec.WeightValues;
import org.bnn.runtime.weights.WeightsException;
import org.bnn.runtime.weights.WeightsFile;
import org.eclipse.xtext.generator.GeneratorContext;
import org.eclipse.xtext.generator.GeneratorDelegate;
import org.eclipse.xtext.generator.IFileSystemAccess;
import org.eclipse.xtext.generator.InMemoryFileSystemAccess;
import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.google.inject.Inject;

/** Generates Java from models, compiles it in memory with javax.tools and runs it. */
@ExtendWith(InjectionExtension.class)
@InjectWith(BnnInjectorProvider.class)
class BnnGeneratorTest {
    @Inject
    private ParseHelper<Model> parser;
    @Inject
    private GeneratorDelegate generator;
    @Inject
    private SpecTranslator translator;
    @Inject
    private org.eclipse.xtext.testing.validation.ValidationTestHelper validation;

    @Inject
    private com.google.inject.Provider<XtextResourceSet> resourceSetProvider;

    /** The quickstart example with the library it imports, in one resource set. */
    private Model quickstart() throws Exception {
        XtextResourceSet resources = resourceSetProvider.get();
        parser.parse(TestFiles.read("examples/lib/illustrative-hw.bnn"), URI.createURI("lib.bnn"), resources);
        return parser.parse(TestFiles.read("examples/quickstart/quickstart.bnn"), URI.createURI("quickstart.bnn"), resources);
    }

    private Map<String, String> generate(Model model) {
        return generate(generator, model);
    }

    /** The Java sources {@code generator} makes of {@code model}, by path relative to the output folder. */
    static Map<String, String> generate(GeneratorDelegate generator, Model model) {
        InMemoryFileSystemAccess fsa = new InMemoryFileSystemAccess();
        generator.generate(model.eResource(), fsa, new GeneratorContext());
        Map<String, String> sources = new TreeMap<>();
        fsa.getTextFiles().forEach((k, v) -> sources.put(k.substring(IFileSystemAccess.DEFAULT_OUTPUT.length()), v.toString()));
        return sources;
    }

    @Test
    void quickstartCompilesWithoutWarningsAndRebuildsTheSameSpec() throws Exception {
        Model model = quickstart();
        Map<String, String> sources = generate(model);
        assertEquals(List.of("examples/quickstart/BerSweepExperiment.java", "examples/quickstart/OnDemoSimulation.java"),
                List.copyOf(sources.keySet()));

        InMemoryJavaCompiler.Result compiled = new InMemoryJavaCompiler().compile(sources);
        assertEquals(List.of(), compiled.warnings(), "generated code must compile without lint warnings");

        Class<?> simulation = compiled.load("examples.quickstart.OnDemoSimulation");
        MappingSpec generated = (MappingSpec) simulation.getMethod("mapping").invoke(null);
        MappingSpec translated = translator.translate((Mapping) model.getElements().get(1));
        assertTrue(translated.chip().tile().device().isPresent() && translated.chip().tile().sense().isPresent()
                && translated.regime().isPresent(), "the example exercises device, sense and regime");
        assertEquals(translated, generated, "the generated program must simulate exactly the validated description");
    }

    @Test
    void experimentsRebuildTheirSpecAndPrintTheSweep() throws Exception {
        Model model = quickstart();
        InMemoryJavaCompiler.Result compiled = new InMemoryJavaCompiler().compile(generate(model));
        assertEquals(List.of(), compiled.warnings());
        Class<?> experiment = compiled.load("examples.quickstart.BerSweepExperiment");
        Object generated = experiment.getMethod("experiment").invoke(null);
        assertEquals(translator.translate((org.bnn.dsl.bnn.Experiment) model.getElements().get(2)), generated);
        String output = runMain(experiment);
        assertTrue(output.contains("experiment BerSweep: 500 random inputs x 3 trials, per-chip weight-level errors, seed 42"), output);
        assertTrue(output.contains("           0    100.00%      0.00%     +-0.00%"), output);
        assertEquals(output, runMain(experiment), "same seed, same table");
    }

    @Test
    void generatedMainPrintsTilesAndDeterministicPredictions() throws Exception {
        Model model = quickstart();
        Class<?> simulation = new InMemoryJavaCompiler().compile(generate(model)).load("examples.quickstart.OnDemoSimulation");
        String first = runMain(simulation, "7", "16");
        assertTrue(first.contains("tiles: 2880 of 4096 (70.3 %)"), first);
        assertTrue(first.contains("energy per inference: 151 nJ (sense 72.8 nJ, popcount 58.2 nJ, threshold 616 pJ, buffer 18.9 nJ)"),
                first);
        assertTrue(first.contains("latency: 126 cycles = 1.26 us per inference"), first);
        assertTrue(first.contains("  fc1               784     1024          1      800"), first);
        String predictions = first.lines().filter(l -> l.startsWith("predictions for 16 random inputs (seed 7):"))
                .findFirst().orElseThrow(() -> new AssertionError(first));
        String[] classes = predictions.substring(predictions.indexOf(':') + 1).trim().split(" ");
        assertEquals(16, classes.length);
        for (String c : classes) {
            int k = Integer.parseInt(c);
            assertTrue(k >= 0 && k < 10, "class " + k);
        }
        assertEquals(first, runMain(simulation, "7", "16"), "same seed, same output");
    }

    @Test
    void simulationsOfNetworksWithAWeightsFileClassifyWithThoseWeights(@TempDir Path folder) throws Exception {
        Model model = parser.parse("""
                package trained
                tile T { cells 32 rows x 32 columns 2T2R }
                chip C { tiles 100 of T }
                network N { input x: 40  dense h: 24  output out: dense 5  weights "w/n.npz" }
                mapping M { network N on C }
                """);
        InMemoryJavaCompiler.Result compiled = new InMemoryJavaCompiler().compile(generate(model));
        assertEquals(List.of(), compiled.warnings());
        Class<?> simulation = compiled.load("trained.MSimulation");
        assertEquals("w/n.npz", simulation.getField("WEIGHTS").get(null));
        NetworkSpec spec = ((MappingSpec) simulation.getMethod("mapping").invoke(null)).network();
        NetworkParameters trained = RandomNetworks.parameters(spec, 99);
        Files.createDirectories(folder.resolve("w"));
        WeightsFile.write(folder.resolve("w/n.npz"), trained);

        Method run = simulation.getMethod("run", Path.class, long.class, int.class);
        String output = captureOutput(() -> run.invoke(null, folder, 3L, 20));
        String withWeights = predictions(BinaryNetwork.create(spec, trained), 20, 3);
        assertNotEquals(predictions(RandomNetworks.create(spec, 3), 20, 3), withWeights, "premise: the weights change the predictions");
        assertTrue(output.contains("predictions for 20 random inputs (seed 3, weights w/n.npz):" + withWeights + "\n"), output);

        InvocationTargetException missing = assertThrows(InvocationTargetException.class,
                () -> run.invoke(null, folder.resolve("elsewhere"), 3L, 20));
        assertInstanceOf(WeightsException.class, missing.getCause());
        assertTrue(missing.getCause().getMessage().contains("n.npz"), missing.getCause().getMessage());
    }

    @Test
    void aSimulationFindsTheWeightsOfANetworkInAnotherFolder() throws Exception {
        XtextResourceSet resources = resourceSetProvider.get();
        parser.parse("""
                package nets
                network N { input x: 40  output out: dense 5  weights "w/n.npz" }
                """, URI.createFileURI("/designs/nets/n.bnn"), resources);
        Model model = parser.parse("""
                package maps
                import nets.*
                tile T { cells 32 rows x 32 columns 2T2R }
                chip C { tiles 100 of T }
                mapping M { network N on C }
                """, URI.createFileURI("/designs/maps/m.bnn"), resources);
        Class<?> simulation = new InMemoryJavaCompiler().compile(generate(model)).load("maps.MSimulation");
        assertEquals(Path.of("../nets/w/n.npz").toString(), simulation.getField("WEIGHTS").get(null));
    }

    private static String predictions(BinaryNetwork network, int count, long seed) {
        StringBuilder text = new StringBuilder();
        for (long[] input : RandomNetworks.inputs(network, count, seed)) {
            text.append(' ').append(network.predict(input));
        }
        return text.toString();
    }

    @Test
    void namesThatAreJavaKeywordsStillGiveValidJava() throws Exception {
        Model model = parser.parse("""
                package new.^class
                tile ^int { cells 8 rows x 8 columns 2T2R }
                chip ^public { tiles 100 of ^int }
                network ^void { input ^var: 16  output ^return: dense 3 }
                mapping ^static { network ^void on ^public }
                """);
        Map<String, String> sources = generate(model);
        assertEquals(List.of("new_/class_/staticSimulation.java"), List.copyOf(sources.keySet()));
        Class<?> simulation = new InMemoryJavaCompiler().compile(sources).load("new_.class_.staticSimulation");
        MappingSpec spec = (MappingSpec) simulation.getMethod("mapping").invoke(null);
        assertEquals("static", spec.name());
        assertEquals("int", spec.chip().tile().name());
    }

    @Test
    void convolutionalOneTOneRDesignsRebuildTheSameSpec() throws Exception {
        Model model = parser.parse("""
                package designs
                tile T { cells 64 rows x 144 columns 1T1R reference 18 kOhm ecc secded(72,64) decode energy 2 pJ per word }
                tile B { cells 32 rows x 32 columns 1T1R reference best }
                chip C { tiles 1000 of T  clock 50 MHz  adder energy 10 fJ per addition }
                network N {
                    input img: 28 x 28 bitserial 8 bits
                    conv c1: 32 kernel 3 stride 1 padding 1 value -1
                    pool p1: max 2
                    conv c2: 64 kernel 3 valid
                    pool p2: avg 2 stride 1
                    dense fc: 100
                    output out: dense 10
                }
                mapping M { network N on C replicate c1 4, c2 2 allow reprogramming }
                """);
        validation.assertNoErrors(model);
        Map<String, String> sources = generate(model);
        InMemoryJavaCompiler.Result compiled = new InMemoryJavaCompiler().compile(sources);
        assertEquals(List.of(), compiled.warnings());
        MappingSpec generated = (MappingSpec) compiled.load("designs.MSimulation").getMethod("mapping").invoke(null);
        MappingSpec translated = translator.translate((Mapping) model.getElements().get(4));
        assertEquals(translated, generated);
        assertEquals(4, generated.replicationOf("c1"));
        assertTrue(generated.allowReprogramming());
    }

    /**
     * A ternary network with one binary layer and random weights (no weights file): the generated
     * class builds the same spec, values included, compiles without warnings and classifies.
     */
    @Test
    void ternaryNetworksRebuildTheirValuesAndRun() throws Exception {
        Model model = parser.parse("""
                package ternary
                tile T { cells 32 rows x 32 columns 2T2R }
                chip C { tiles 200 of T }
                network N {
                    input img: 12 x 12
                    weights ternary
                    conv c: 8 kernel 3 padding 1 value -1
                    pool p: max 2
                    dense h: 32 weights binary
                    output out: dense 4
                }
                mapping M { network N on C }
                """);
        validation.assertNoErrors(model);
        Map<String, String> sources = generate(model);
        String simulationSource = sources.get("ternary/MSimulation.java");
        assertTrue(simulationSource.contains(".weights(WeightValues.TERNARY)\n                .conv(\"c\""), simulationSource);
        assertTrue(simulationSource.contains(".weights(WeightValues.BINARY)\n                .dense(\"h\", 32)\n"
                + "                .weights(WeightValues.TERNARY)\n                .output(\"out\", 4)"), simulationSource);
        assertTrue(simulationSource.contains("with seeded random −1/0/+1 weights"), simulationSource);
        InMemoryJavaCompiler.Result compiled = new InMemoryJavaCompiler().compile(sources);
        assertEquals(List.of(), compiled.warnings());
        Class<?> simulation = compiled.load("ternary.MSimulation");
        MappingSpec generated = (MappingSpec) simulation.getMethod("mapping").invoke(null);
        assertEquals(translator.translate((Mapping) model.getElements().get(3)), generated);
        assertEquals(List.of(WeightValues.TERNARY, WeightValues.BINARY, WeightValues.TERNARY), generated.network().layers().stream()
                .filter(LayerSpec::hasWeights).map(LayerSpec::values).toList());
        String output = runMain(simulation, "3", "6");
        String predictions = output.lines().filter(l -> l.startsWith("predictions for 6 random inputs (seed 3):")).findFirst()
                .orElseThrow(() -> new AssertionError(output));
        assertEquals(6, predictions.substring(predictions.indexOf(':') + 1).trim().split(" ").length, predictions);
        assertEquals(output, runMain(simulation, "3", "6"), "same seed, same output");
    }

    @Test
    void incompleteMappingsGenerateNothing() throws Exception {
        Model model = parser.parse("""
                tile T { cells 8 rows x 8 columns 2T2R }
                chip C { tiles 0 of T }
                network N { input x: 16  output o: dense 3 }
                mapping M { network N on C }
                mapping Broken { network Missing on C }
                """);
        assertEquals(Map.of(), generate(model));
    }

    @Test
    void aGeneratedExperimentRunByHandRefusesAReportOutsideItsProject(@TempDir Path project) throws Exception {
        // The validator refuses this report folder; the generated program must refuse it too, at
        // write time, when someone compiles and runs it without the validator.
        Model model = parser.parse("""
                package outside
                tile T { cells 32 rows x 32 columns 2T2R }
                chip C { tiles 64 of T }
                network N { input x: 16  output o: dense 3 }
                mapping M { network N on C }
                experiment E {
                    run M on random 4 inputs
                    errors weight-level resample per-chip
                    sweep ber { 0 }
                    seed 1
                    report "../escaped" formats { csv }
                }
                """);
        Class<?> experiment = new InMemoryJavaCompiler().compile(generate(model)).load("outside.EExperiment");
        Path base = Files.createDirectories(project.resolve("model"));
        java.lang.reflect.InvocationTargetException refused = assertThrows(java.lang.reflect.InvocationTargetException.class,
                () -> captureOutput(() -> experiment.getMethod("run", Path.class).invoke(null, base)));
        assertInstanceOf(org.bnn.runtime.experiment.OutputFolderException.class, refused.getCause());
        assertTrue(refused.getCause().getMessage().contains("escaped"), refused.getCause().getMessage());
        assertTrue(!Files.exists(project.resolve("escaped")), "nothing was written outside the project");
    }

    private static String runMain(Class<?> simulation, String... args) throws Exception {
        return captureOutput(() -> simulation.getMethod("main", String[].class).invoke(null, (Object) args));
    }

    /** What {@code call} prints on System.out. */
    private static String captureOutput(Callable<?> call) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            call.call();
        } finally {
            System.setOut(original);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
