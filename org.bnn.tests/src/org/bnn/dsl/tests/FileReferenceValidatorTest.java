package org.bnn.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bnn.dsl.bnn.BnnPackage;
import org.bnn.dsl.bnn.Model;
import org.bnn.dsl.validation.BnnIssueCodes;
import org.bnn.runtime.engine.RandomNetworks;
import org.bnn.runtime.spec.NetworkSpec;
import org.bnn.runtime.spec.WeightValues;
import org.bnn.runtime.testing.IdxFiles;
import org.bnn.runtime.testing.NpzFiles;
import org.bnn.runtime.weights.WeightsFile;
import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.eclipse.xtext.testing.validation.ValidationTestHelper;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.google.inject.Inject;
import com.google.inject.Provider;

/**
 * The files a description names, checked against the disk: descriptions are real files in a
 * temporary folder, loaded through file URIs, so relative paths resolve as in the IDE and the CLI.
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(BnnInjectorProvider.class)
class FileReferenceValidatorTest {
    private static final BnnPackage BNN = BnnPackage.eINSTANCE;

    /** A 784-32-10 network with weights "w.npz" and an experiment on the MNIST test split in "data". */
    private static final String DESIGN = """
            tile T { cells 32 rows x 32 columns 2T2R }
            chip C { tiles 100 of T }
            network N {
                input x: INPUT
                dense fc1: 32
                output out: dense 10
                weights "WEIGHTS"
            }
            mapping M { network N on C }
            experiment E {
                run M on DATASET("DATA") SPLIT limit 5
                sweep ber { 0 }
                seed 1
            }
            """;

    @TempDir
    Path dir;

    @Inject
    private Provider<XtextResourceSet> resourceSets;
    @Inject
    private ValidationTestHelper validation;
    @Inject
    private ParseHelper<Model> parser;

    private static String design(String weights, String dataset, String folder, String split) {
        return DESIGN.replace("INPUT", "28 x 28").replace("WEIGHTS", weights).replace("DATASET", dataset).replace("DATA", folder)
                .replace("SPLIT", split);
    }

    private static String design(String weights) {
        return design(weights, "mnist", "data", "test");
    }

    /** Writes {@code text} to {@code file} and loads it through its file URI. */
    private Model load(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        XtextResourceSet resources = resourceSets.get();
        return (Model) resources.getResource(URI.createFileURI(file.toAbsolutePath().toString()), true).getContents().get(0);
    }

    private Model load(String text) throws IOException {
        return load(dir.resolve("model.bnn"), text);
    }

    private static NetworkSpec network(String hidden, int neurons) {
        return NetworkSpec.builder("N", "x", 28, 28).dense(hidden, neurons).output("out", 10).build();
    }

    private static Path writeWeights(Path file, NetworkSpec spec) throws IOException {
        Files.createDirectories(file.getParent());
        WeightsFile.write(file, RandomNetworks.parameters(spec, 3));
        return file;
    }

    private void assertNoFileIssues(Model model) {
        for (String code : List.of(BnnIssueCodes.MISSING_FILE, BnnIssueCodes.WEIGHTS_SHAPE, BnnIssueCodes.UNREADABLE_FILE,
                BnnIssueCodes.DATASET_SHAPE, BnnIssueCodes.WEIGHTS_REJECTED)) {
            validation.assertNoIssue(model, BNN.getNetwork(), code);
            validation.assertNoIssue(model, BNN.getDenseLayer(), code);
            validation.assertNoIssue(model, BNN.getOutputLayer(), code);
            validation.assertNoIssue(model, BNN.getDatasetInputs(), code);
        }
    }

    @Test
    void matchingWeightsAndPresentDataGiveNoIssue() throws Exception {
        writeWeights(dir.resolve("weights/w.npz"), network("fc1", 32));
        IdxFiles.writeSplit(Files.createDirectories(dir.resolve("data")), "t10k", 3, 28, 28, 5, false);
        Model model = load(design("weights/w.npz"));
        validation.assertNoErrors(model);
        assertNoFileIssues(model);
    }

    @Test
    void aMissingWeightsFileIsAWarningNamingTheResolvedPath() throws Exception {
        Model model = load(dir.resolve("models/model.bnn"), design("../weights/missing.npz"));
        validation.assertWarning(model, BNN.getNetwork(), BnnIssueCodes.MISSING_FILE,
                "Weights file " + dir.resolve("weights/missing.npz") + " does not exist");
        validation.assertNoIssue(model, BNN.getNetwork(), BnnIssueCodes.WEIGHTS_SHAPE);
    }

    @Test
    void everyLayerOfAnotherShapeIsAnError() throws Exception {
        writeWeights(dir.resolve("w.npz"), network("fc1", 16));
        Model model = load(design("w.npz"));
        validation.assertError(model, BNN.getDenseLayer(), BnnIssueCodes.WEIGHTS_SHAPE,
                "Weights file \"w.npz\" holds 16 x 784 weights for layer fc1, which needs 32 x 784 (neurons x fan-in)");
        validation.assertError(model, BNN.getOutputLayer(), BnnIssueCodes.WEIGHTS_SHAPE,
                "holds 10 x 16 weights for layer out, which needs 10 x 32");
    }

    @Test
    void missingAndExtraLayersAreErrors() throws Exception {
        writeWeights(dir.resolve("w.npz"), network("hidden", 32));
        Model model = load(design("w.npz"));
        validation.assertError(model, BNN.getDenseLayer(), BnnIssueCodes.WEIGHTS_SHAPE,
                "Weights file \"w.npz\" has no weights for layer fc1, which needs 32 x 784");
        validation.assertError(model, BNN.getNetwork(), BnnIssueCodes.WEIGHTS_SHAPE,
                "holds weights for layer hidden, but network N has no layer with weights of that name");
        validation.assertNoIssue(model, BNN.getOutputLayer(), BnnIssueCodes.WEIGHTS_SHAPE);
    }

    @Test
    void aCorruptFileIsAnErrorWithTheReadersMessage() throws Exception {
        Files.writeString(dir.resolve("w.npz"), "not a zip archive");
        validation.assertError(load(design("w.npz")), BNN.getNetwork(), BnnIssueCodes.UNREADABLE_FILE,
                dir.resolve("w.npz") + " is not a NumPy .npz file");

        byte[] whole = Files.readAllBytes(writeWeights(dir.resolve("cut.npz"), network("fc1", 32)));
        Files.write(dir.resolve("cut.npz"), Arrays.copyOf(whole, whole.length / 2));
        validation.assertError(load(design("cut.npz")), BNN.getNetwork(), BnnIssueCodes.UNREADABLE_FILE, "cut.npz");
    }

    /**
     * Ternary weights in the file (a nonzero mask per layer, as WeightsFile writes them) for a binary
     * network, and binary ones for a ternary network: shapes match, but the runtime does not build the
     * network from them; its message is an error on the weights line. A matching file is no issue.
     */
    @Test
    void weightsOfTheOtherValuesAreAnErrorWithTheRuntimesMessage() throws Exception {
        NetworkSpec ternary = NetworkSpec.builder("N", "x", 28, 28).weights(WeightValues.TERNARY).dense("fc1", 32).output("out", 10)
                .build();
        writeWeights(dir.resolve("ternary.npz"), ternary);
        writeWeights(dir.resolve("binary.npz"), network("fc1", 32));
        assertTrue(WeightsFile.read(dir.resolve("ternary.npz")).layers().stream().allMatch(layer -> layer.ternary()));

        String binaryDesign = design("ternary.npz");
        Model model = load(binaryDesign);
        String message = "Weights file \"ternary.npz\" does not load into network N: layer fc1 has binary weights in the network, but"
                + " ternary parameters (with a nonzero mask)";
        validation.assertError(model, BNN.getNetwork(), BnnIssueCodes.WEIGHTS_REJECTED, message);
        Issue issue = validation.validate(model).stream().filter(i -> BnnIssueCodes.WEIGHTS_REJECTED.equals(i.getCode())).findFirst().get();
        assertEquals(message, issue.getMessage());
        assertEquals("\"ternary.npz\"", binaryDesign.substring(issue.getOffset(), issue.getOffset() + issue.getLength()));
        validation.assertNoIssue(model, BNN.getDenseLayer(), BnnIssueCodes.WEIGHTS_SHAPE);

        String ternaryDesign = design("binary.npz").replace("input x: 28 x 28\n", "input x: 28 x 28\n    weights ternary\n");
        validation.assertError(load(ternaryDesign), BNN.getNetwork(), BnnIssueCodes.WEIGHTS_REJECTED,
                "layer fc1 has ternary weights in the network, but binary parameters (without a nonzero mask)");

        IdxFiles.writeSplit(Files.createDirectories(dir.resolve("data")), "t10k", 3, 28, 28, 5, false);
        Model matching = load(design("ternary.npz").replace("input x: 28 x 28\n", "input x: 28 x 28\n    weights ternary\n"));
        validation.assertNoErrors(matching);
        assertNoFileIssues(matching);
    }

    /** A weight file with one member's CRC-32 wrong: an error on the weights line, naming the file and the member. */
    @Test
    void aDamagedWeightsFileIsAnErrorOnTheWeightsLine() throws Exception {
        Path file = writeWeights(dir.resolve("w.npz"), network("fc1", 32));
        long stored = NpzFiles.flipStoredCrc(file, "out/var.npy");
        Model model = load(design("w.npz"));
        String message = String.format(Locale.ROOT, "%s: member out/var.npy: CRC-32 mismatch (stored 0x%08x, computed 0x%08x)", file,
                stored, stored ^ 1);
        validation.assertError(model, BNN.getNetwork(), BnnIssueCodes.UNREADABLE_FILE, message);
        Issue issue = validation.validate(model).stream().filter(i -> BnnIssueCodes.UNREADABLE_FILE.equals(i.getCode())).findFirst().get();
        assertEquals(message, issue.getMessage());
        assertEquals(7, issue.getLineNumber(), "the line of weights \"w.npz\"");
        assertEquals("\"w.npz\"", design("w.npz").substring(issue.getOffset(), issue.getOffset() + issue.getLength()));
    }

    /** What only a full load found before (bnn run): values and types of the batch norm, each an error of bnn check now. */
    @Test
    void batchNormValuesAndTypesAreCheckErrors() throws Exception {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("nan", "entry fc1/var holds NaN at index 3: batch-norm values must be finite");
        expected.put("negative", "entry fc1/var holds -1.0 at index 31: a variance cannot be negative");
        expected.put("bigEndian", "entry fc1/var: element type '>f8' is not supported (little-endian u1, i1, b1, i4, i8, f4, f8 are)");
        expected.put("shape", "entry out/gamma has shape (32,), the layer's weights have 10 rows, so (10,) is needed");
        expected.put("floatWeights", "entry out/weights must be uint8 (rows, ceil(fan_in/8)) packed bits, got <f8 (10, 32)");
        for (Map.Entry<String, String> kind : expected.entrySet()) {
            Map<String, byte[]> members = new LinkedHashMap<>(NpzFiles.layer("fc1", 32, 784));
            members.putAll(NpzFiles.layer("out", 10, 32));
            switch (kind.getKey()) {
                case "nan" -> members.put("fc1/var", NpzFiles.vectorWith(32, 3, Double.NaN));
                case "negative" -> members.put("fc1/var", NpzFiles.vectorWith(32, 31, -1));
                case "bigEndian" -> members.put("fc1/var", NpzFiles.npy(">f8", "(32,)", new byte[32 * 8]));
                case "shape" -> members.put("out/gamma", NpzFiles.vectorWith(32, 0, 1));
                default -> members.put("out/weights", NpzFiles.npy("<f8", "(10, 32)", new byte[10 * 32 * 8]));
            }
            Path file = NpzFiles.write(dir.resolve(kind.getKey() + ".npz"), true, members);
            validation.assertError(load(design(kind.getKey() + ".npz")), BNN.getNetwork(), BnnIssueCodes.UNREADABLE_FILE,
                    file + " " + kind.getValue());
        }
    }

    @Test
    void datasetCopiesThatDifferAreAWarning() throws Exception {
        writeWeights(dir.resolve("w.npz"), network("fc1", 32));
        Path data = Files.createDirectories(dir.resolve("data"));
        IdxFiles.writeSplit(data, "t10k", 3, 28, 28, 5, false);
        IdxFiles.writeSplit(data, "t10k", 3, 28, 28, 5, true);
        validation.assertNoIssue(load(design("w.npz")), BNN.getDatasetInputs(), BnnIssueCodes.DATASET_COPIES_DIFFER);

        IdxFiles.writeSplit(data, "t10k", 3, 28, 28, 6, true);
        Model model = load(design("w.npz"));
        for (String name : List.of("t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte")) {
            validation.assertWarning(model, BNN.getDatasetInputs(), BnnIssueCodes.DATASET_COPIES_DIFFER, data + " holds both " + name
                    + " and " + name + ".gz, with different content; " + name + " is read and " + name
                    + ".gz is ignored (delete the stale copy)");
        }
        validation.assertNoErrors(model);
    }

    /** A data file that the run could not read is an error of the check, with the reader's message; the file's name does not matter. */
    @Test
    void aDamagedDatasetFileIsAnError() throws Exception {
        writeWeights(dir.resolve("w.npz"), network("fc1", 32));
        Path data = Files.createDirectories(dir.resolve("data"));
        IdxFiles.writeSplit(data, "t10k", 3, 28, 28, 5, false);
        Path images = data.resolve("t10k-images-idx3-ubyte");
        byte[] raw = Files.readAllBytes(images);
        IdxFiles.write(images, raw, true); // gzipped under the raw name: fine
        Model model = load(design("w.npz"));
        validation.assertNoErrors(model);
        assertNoFileIssues(model);
        validation.assertNoIssue(model, BNN.getDatasetInputs(), BnnIssueCodes.UNREADABLE_DATASET);

        Files.write(images, Arrays.copyOf(raw, raw.length - 5));
        validation.assertError(load(design("w.npz")), BNN.getDatasetInputs(), BnnIssueCodes.UNREADABLE_DATASET,
                images + " is truncated: its header announces 3 x 28 x 28 = 2352 values, the file holds 2347");
    }

    @Test
    void anUnchangedFileIsNotReadAgain() throws Exception {
        Path file = writeWeights(dir.resolve("w.npz"), network("fc1", 32));
        validation.assertNoErrors(load(design("w.npz")));

        // Same size, same time stamp, other bytes: the cached header read stands.
        FileTime stamp = Files.getLastModifiedTime(file);
        byte[] garbage = new byte[(int) Files.size(file)];
        Arrays.fill(garbage, (byte) 'x');
        Files.write(file, garbage);
        Files.setLastModifiedTime(file, stamp);
        validation.assertNoErrors(load(design("w.npz")));

        // A new time stamp is a new version of the file: it is read again.
        Files.setLastModifiedTime(file, FileTime.fromMillis(stamp.toMillis() + 10_000));
        validation.assertError(load(design("w.npz")), BNN.getNetwork(), BnnIssueCodes.UNREADABLE_FILE, "is not a NumPy .npz file");
    }

    @Test
    void aDatasetFolderWithoutTheSplitIsAWarningWithTheFetchCommand() throws Exception {
        writeWeights(dir.resolve("w.npz"), network("fc1", 32));
        Path data = Files.createDirectories(dir.resolve("data"));
        IdxFiles.writeSplit(data, "train", 3, 28, 28, 5, false);
        Model model = load(design("w.npz"));
        validation.assertWarning(model, BNN.getDatasetInputs(), BnnIssueCodes.MISSING_FILE,
                "The mnist test split is not found in " + data
                        + " (no t10k-images-idx3-ubyte[.gz], no t10k-labels-idx1-ubyte[.gz]); fetch it with scripts/fetch-data.sh mnist");
        validation.assertNoIssue(load(design("w.npz", "mnist", "data", "train")), BNN.getDatasetInputs(), BnnIssueCodes.MISSING_FILE);
        validation.assertWarning(load(design("w.npz", "fashion-mnist", "nowhere", "train")), BNN.getDatasetInputs(),
                BnnIssueCodes.MISSING_FILE, "fetch it with scripts/fetch-data.sh fashion-mnist");
    }

    @Test
    void gzippedSplitsInAFolderRelativeToTheFileAreFound() throws Exception {
        writeWeights(dir.resolve("w.npz"), network("fc1", 32));
        IdxFiles.writeSplit(Files.createDirectories(dir.resolve("sibling/fashion")), "t10k", 3, 28, 28, 5, true);
        Model model = load(dir.resolve("models/model.bnn"), design("../w.npz", "fashion-mnist", "../sibling/fashion", "test"));
        validation.assertNoErrors(model);
        assertNoFileIssues(model);
    }

    @Test
    void datasetImagesMustHaveTheNetworksInputShapeEvenWithoutFiles() throws Exception {
        String flat = DESIGN.replace("INPUT", "784").replace("WEIGHTS", "w.npz").replace("DATASET", "mnist").replace("DATA", "data")
                .replace("SPLIT", "test");
        // No file is needed: the images' shape is known, so a description in memory gets the error too.
        Model inMemory = parser.parse(flat);
        validation.assertError(inMemory, BNN.getDatasetInputs(), BnnIssueCodes.DATASET_SHAPE,
                "mnist images are 28x28x1 (height x width x channels), but input x of network N is 1x1x784; declare it as 28 x 28");
        Model square = parser.parse(DESIGN.replace("INPUT", "28 x 28 x 1").replace("WEIGHTS", "w.npz").replace("DATASET", "fashion-mnist")
                .replace("DATA", "data").replace("SPLIT", "test"));
        validation.assertNoIssue(square, BNN.getDatasetInputs(), BnnIssueCodes.DATASET_SHAPE);
    }

    @Test
    void descriptionsThatAreNotFilesGetNoFileChecks() throws Exception {
        Model model = parser.parse(design("nowhere/w.npz", "mnist", "nowhere", "test"), URI.createURI("synthetic:/model.bnn"),
                resourceSets.get());
        validation.assertNoErrors(model);
        assertNoFileIssues(model);
    }

    @Test
    void oddInputsNeverBreakTheValidator() throws Exception {
        List<String> texts = List.of(
                design(""),
                design("bad\\u0000name.npz"),
                design("w.npz", "mnist", "", "test"),
                design("w.npz").replace("run M", "run Missing"),
                design("w.npz").replace("output out: dense 10", ""),
                design("w.npz").replace("dense fc1: 32", "dense fc1: 0"),
                "network N { input x: 28 x 28 weights \"w.npz\" }",
                "experiment E { run M on mnist(\"data\") test sweep ber { 0 } }");
        writeWeights(dir.resolve("w.npz"), network("fc1", 32));
        for (String text : texts) {
            List<Issue> issues = validation.validate(load(text));
            // A check that throws becomes an "Error executing EValidator" diagnostic.
            assertTrue(issues.stream().noneMatch(i -> i.getMessage() == null || i.getMessage().contains("EValidator")
                    || i.getMessage().contains("Exception")), issues::toString);
        }
        List<Issue> empty = validation.validate(load(design("")));
        assertEquals(1, empty.stream().filter(i -> BnnIssueCodes.MISSING_FILE.equals(i.getCode()) && i.getSeverity() == Severity.WARNING
                && i.getMessage().startsWith("Weights file " + dir + " does not exist")).count(),
                "an empty weights path names the folder, which is no file: " + empty);
        List<Issue> nul = validation.validate(load(design("bad\\u0000name.npz")));
        assertTrue(
                nul.stream().anyMatch(i -> BnnIssueCodes.MISSING_FILE.equals(i.getCode()) && i.getMessage().contains("is not a file path")),
                nul::toString);
    }
}
