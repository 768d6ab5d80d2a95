package org.bnn.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.bnn.cli.compile.InMemoryJavaCompiler;
import org.bnn.dsl.bnn.Model;
import org.bnn.dsl.bnn.Training;
import org.bnn.dsl.spec.SpecTranslator;
import org.bnn.dsl.validation.BnnIssueCodes;
import org.bnn.runtime.data.Split;
import org.bnn.runtime.engine.BinaryNetwork;
import org.bnn.runtime.experiment.TrainingSpec;
import org.bnn.runtime.testing.IdxFiles;
import org.bnn.runtime.weights.WeightsFile;
import org.eclipse.xtext.generator.GeneratorContext;
import org.eclipse.xtext.generator.GeneratorDelegate;
import org.eclipse.xtext.generator.IFileSystemAccess;
import org.eclipse.xtext.generator.InMemoryFileSystemAccess;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.eclipse.xtext.testing.validation.ValidationTestHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.google.inject.Inject;

/** Training blocks: defaults, validation, and a generated training run on a tiny dataset. */
@ExtendWith(InjectionExtension.class)
@InjectWith(BnnInjectorProvider.class)
class TrainingGenerationTest {
    private static final String NETWORK = """
            package t
            network Small {
                input pixels: 28 x 28 bitserial 8 bits
                dense h: 16
                output out: dense 10
            }
            """;

    @Inject
    private ParseHelper<Model> parser;
    @Inject
    private ValidationTestHelper validation;
    @Inject
    private SpecTranslator translator;
    @Inject
    private GeneratorDelegate generator;

    @Test
    void defaultsAreFilledInAndWrittenValuesKept() throws Exception {
        Model model = parser.parse(NETWORK + """
                training Plain { network Small on mnist("data") train save "w.npz" }
                training Aware { network Small on mnist("data") train limit 500 epochs 3 batch 50 adam 0.01 to 0.001 inject ber 0.033
                                 seed 7 save "aware.npz" }
                """);
        validation.assertNoErrors(model);
        TrainingSpec plain = translator.translate((Training) model.getElements().get(1));
        assertEquals(List.of(20, 100), List.of(plain.epochs(), plain.batch()));
        assertEquals(3e-3, plain.learningRate());
        assertEquals(3e-5, plain.finalLearningRate(), 1e-18);
        assertEquals(0.0, plain.injectBer());
        assertEquals("w.npz.checkpoint", plain.checkpoint());
        TrainingSpec aware = translator.translate((Training) model.getElements().get(2));
        assertEquals(List.of(3, 50, 500), List.of(aware.epochs(), aware.batch(), aware.data().limit()));
        assertEquals(List.of(0.01, 0.001, 0.033), List.of(aware.learningRate(), aware.finalLearningRate(), aware.injectBer()));
        assertEquals(7, aware.seed());
        validation.assertWarning(model, org.bnn.dsl.bnn.BnnPackage.Literals.TRAINING, BnnIssueCodes.MISSING_SEED,
                "Training Plain has no seed");
    }

    @Test
    void impossibleSettingsAreErrorsAndTheTestSplitAWarning() throws Exception {
        Model model = parser.parse(NETWORK + """
                training T { network Small on mnist("data") test epochs 0 batch 1 adam 0 inject ber 0.5 seed 1 save "w.npz" }
                """);
        validation.assertError(model, org.bnn.dsl.bnn.BnnPackage.Literals.TRAINING, BnnIssueCodes.NON_POSITIVE_SIZE,
                "at least one epoch, got 0");
        validation.assertError(model, org.bnn.dsl.bnn.BnnPackage.Literals.TRAINING, BnnIssueCodes.NON_POSITIVE_SIZE,
                "Batches need at least 2 examples");
        validation.assertError(model, org.bnn.dsl.bnn.BnnPackage.Literals.TRAINING, BnnIssueCodes.PHYSICAL_RANGE,
                "learning rate must be positive, got 0.0");
        validation.assertError(model, org.bnn.dsl.bnn.BnnPackage.Literals.TRAINING, BnnIssueCodes.SWEEP_VALUES, "in [0, 0.5), got 0.5");
        validation.assertWarning(model, org.bnn.dsl.bnn.BnnPackage.Literals.DATASET_INPUTS, BnnIssueCodes.TRAINING_ON_TEST_SPLIT,
                "Training on the test split");
    }

    @Test
    void generatedTrainingSavesWeightsTheSimulatorReads(@TempDir Path base) throws Exception {
        Path data = Files.createDirectories(base.resolve("data"));
        IdxFiles.writeSplit(data, Split.TRAIN.filePrefix(), 120, 28, 28, 1, false);
        IdxFiles.writeSplit(data, Split.TEST.filePrefix(), 40, 28, 28, 2, true);
        Model model = parser.parse(NETWORK + """
                training T { network Small on mnist("data") train epochs 2 batch 20 seed 3 save "weights/small.npz" }
                """);
        validation.assertNoErrors(model);
        InMemoryFileSystemAccess fsa = new InMemoryFileSystemAccess();
        generator.generate(model.eResource(), fsa, new GeneratorContext());
        Map<String, String> sources = new TreeMap<>();
        fsa.getTextFiles().forEach((k, v) -> sources.put(k.substring(IFileSystemAccess.DEFAULT_OUTPUT.length()), v.toString()));
        assertEquals(List.of("t/TTraining.java"), List.copyOf(sources.keySet()));
        InMemoryJavaCompiler.Result compiled = new InMemoryJavaCompiler().compile(sources);
        assertEquals(List.of(), compiled.warnings());

        double accuracy = (double) compiled.load("t.TTraining").getMethod("run", Path.class).invoke(null, base);
        Path weights = base.resolve("weights/small.npz");
        assertTrue(Files.exists(weights) && Files.exists(base.resolve("weights/small.npz.checkpoint")), "weights and checkpoint written");
        // The returned accuracy is the simulator's on the 40 test images with the saved weights.
        BinaryNetwork network = BinaryNetwork.create(translator.translate((Training) model.getElements().get(1)).network(),
                WeightsFile.read(weights));
        var test = org.bnn.runtime.data.Datasets.mnist(data, Split.TEST);
        int correct = 0;
        for (int i = 0; i < test.size(); i++) {
            correct += network.predict(network.encode(test.image(i))) == test.label(i) ? 1 : 0;
        }
        assertEquals(correct / 40.0, accuracy);
    }
}
