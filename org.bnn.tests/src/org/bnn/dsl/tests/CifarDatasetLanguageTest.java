package org.bnn.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.bnn.dsl.bnn.BnnPackage;
import org.bnn.dsl.bnn.DatasetKind;
import org.bnn.dsl.bnn.Experiment;
import org.bnn.dsl.bnn.Model;
import org.bnn.dsl.spec.SpecTranslator;
import org.bnn.dsl.validation.BnnIssueCodes;
import org.bnn.runtime.data.Split;
import org.bnn.runtime.experiment.InputSource;
import org.bnn.runtime.testing.CifarFiles;
import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.eclipse.xtext.testing.validation.ValidationTestHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.google.inject.Inject;
import com.google.inject.Provider;

/**
 * {@code cifar10("dir")} in the language: parsed and translated, its image shape checked without
 * files, its binary files checked on disk like MNIST's IDX files.
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(BnnInjectorProvider.class)
class CifarDatasetLanguageTest {
    private static final BnnPackage BNN = BnnPackage.eINSTANCE;

    /** A small conv network on INPUT, mapped, and an experiment on the SPLIT of cifar10("DATA"). */
    private static final String DESIGN = """
            tile T { cells 32 rows x 32 columns 2T2R }
            chip C { tiles 100 of T }
            network N { input x: INPUT  conv c1: 8 kernel 3 padding 1 value -1  pool p1: max 4  dense fc1: 32  output out: dense 10 }
            mapping M { network N on C }
            experiment E { run M on cifar10("DATA") SPLIT limit 5  sweep ber { 0 }  seed 1 }
            """;

    @TempDir
    Path dir;

    @Inject
    private Provider<XtextResourceSet> resourceSets;
    @Inject
    private ValidationTestHelper validation;
    @Inject
    private ParseHelper<Model> parser;
    @Inject
    private SpecTranslator translator;

    private static String design(String input, String folder, String split) {
        return DESIGN.replace("INPUT", input).replace("DATA", folder).replace("SPLIT", split);
    }

    private Model load(String text) throws IOException {
        Path file = dir.resolve("model.bnn");
        Files.writeString(file, text);
        return (Model) resourceSets.get().getResource(URI.createFileURI(file.toAbsolutePath().toString()), true).getContents().get(0);
    }

    @Test
    void aCifar10DatasetParsesAndTranslatesToTheRuntimesName() throws Exception {
        Model model = parser.parse(design("32 x 32 x 3 bitserial 8 bits", "../data/cifar10", "test"));
        validation.assertNoErrors(model);
        Experiment experiment = model.getElements().stream().filter(Experiment.class::isInstance).map(Experiment.class::cast).findFirst()
                .orElseThrow();
        assertEquals(new InputSource.Dataset("cifar10", "../data/cifar10", Split.TEST, 5), translator.translate(experiment.getInputs()));
        assertEquals("cifar10", SpecTranslator.datasetName(DatasetKind.CIFAR10));
    }

    /** cifar10 stays usable as a name, like mnist. */
    @Test
    void cifar10IsStillAName() throws Exception {
        Model model = parser.parse("package lab.cifar10\n" + design("32 x 32 x 3", "d", "test").replace("network N", "network cifar10")
                .replace("network N on", "network cifar10 on"));
        validation.assertNoErrors(model);
    }

    @Test
    void aNetworkInputOtherThan32x32x3IsAnErrorNamingBothShapes() throws Exception {
        validation.assertError(parser.parse(design("28 x 28", "d", "test")), BNN.getDatasetInputs(), BnnIssueCodes.DATASET_SHAPE,
                "cifar10 images are 32x32x3 (height x width x channels), but input x of network N is 28x28x1; declare it as 32 x 32 x 3");
        validation.assertError(parser.parse(design("32 x 32", "d", "test")), BNN.getDatasetInputs(), BnnIssueCodes.DATASET_SHAPE,
                "but input x of network N is 32x32x1; declare it as 32 x 32 x 3");
        validation.assertNoIssue(parser.parse(design("32 x 32 x 3", "d", "test")), BNN.getDatasetInputs(), BnnIssueCodes.DATASET_SHAPE);
        // and MNIST's message still asks for its own shape
        validation.assertError(parser.parse(design("32 x 32 x 3", "d", "test").replace("cifar10(", "mnist(")), BNN.getDatasetInputs(),
                BnnIssueCodes.DATASET_SHAPE, "mnist images are 28x28x1 (height x width x channels), but input x of network N is 32x32x3");
    }

    @Test
    void aTrainingOnImagesOfAnotherShapeIsAnError() throws Exception {
        String training = design("28 x 28", "d", "test") + "\ntraining L { network N on cifar10(\"d\") train save \"w.npz\" }\n";
        Model model = parser.parse(training);
        validation.assertError(model, BNN.getDatasetInputs(), BnnIssueCodes.DATASET_SHAPE,
                "cifar10 images are 32x32x3 (height x width x channels), but input x of network N is 28x28x1; declare it as 32 x 32 x 3");
        assertEquals(2, validation.validate(model).stream().filter(i -> BnnIssueCodes.DATASET_SHAPE.equals(i.getCode())).count(),
                "the experiment's and the training's");
    }

    @Test
    void missingFilesAreAWarningSayingWhereTheyGo() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Model model = load(design("32 x 32 x 3", "data", "train"));
        validation.assertWarning(model, BNN.getDatasetInputs(), BnnIssueCodes.MISSING_FILE, "The cifar10 train split is not found in "
                + data + " (no data_batch_1.bin, no data_batch_2.bin, no data_batch_3.bin, no data_batch_4.bin, no data_batch_5.bin); "
                + "it cannot be fetched: scripts/fetch-data.sh cifar10 says where to put the files of the binary version");
        CifarFiles.writeAll(data, 2, 9);
        assertNoDatasetIssues(load(design("32 x 32 x 3", "data", "train")));
        Files.delete(data.resolve("data_batch_5.bin"));
        validation.assertWarning(load(design("32 x 32 x 3", "data", "train")), BNN.getDatasetInputs(), BnnIssueCodes.MISSING_FILE,
                "(no data_batch_5.bin)");
        assertNoDatasetIssues(load(design("32 x 32 x 3", "data", "test")));
    }

    private void assertNoDatasetIssues(Model model) {
        validation.assertNoErrors(model);
        for (String code : java.util.List.of(BnnIssueCodes.MISSING_FILE, BnnIssueCodes.UNREADABLE_DATASET, BnnIssueCodes.DATASET_SHAPE)) {
            validation.assertNoIssue(model, BNN.getDatasetInputs(), code);
        }
    }

    @Test
    void aDamagedFileIsAnErrorWithTheReadersMessage() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        CifarFiles.writeAll(data, 2, 9);
        Path test = data.resolve("test_batch.bin");
        Files.write(test, new byte[CifarFiles.RECORD + 7]);
        validation.assertError(load(design("32 x 32 x 3", "data", "test")), BNN.getDatasetInputs(), BnnIssueCodes.UNREADABLE_DATASET,
                test + " holds 3080 bytes, not a whole number of 3073-byte CIFAR-10 records (7 bytes past the last whole record)");
        byte[] labelled = CifarFiles.records(2, 1);
        labelled[CifarFiles.RECORD] = 12;
        Files.write(test, labelled);
        validation.assertError(load(design("32 x 32 x 3", "data", "test")), BNN.getDatasetInputs(), BnnIssueCodes.UNREADABLE_DATASET,
                test + ": record 1 has label 12, not a class 0..9");
    }
}
