package org.bnn.onnx.workspace;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.stream.Stream;

import org.bnn.onnx.imports.ImportedNetwork;
import org.bnn.onnx.imports.LarqModelImporter;
import org.bnn.onnx.imports.NetworkImporter;
import org.bnn.onnx.model.OnnxFormatException;
import org.bnn.onnx.text.ImportedFile;
import org.bnn.onnx.workspace.ModelImportException.Problem;
import org.bnn.runtime.weights.WeightsFile;

/**
 * An import into a folder, as {@code bnn import} and the IDEs do it (docs/import.md): NAME.bnn (the
 * network, a mapping onto a chip of the nearest lib/ presets, an experiment) and NAME.npz. Reading
 * .bnn files is the language's business, which this module does not depend on: the caller passes
 * how to list the chips of preset files and whether a written mapping exceeds its chip.
 */
public final class ModelImport {
    /** The presets written next to the import when no lib/ folder above it has a chip (the illustrative ones). */
    private static final String BUNDLED_PRESETS = "/org/bnn/onnx/presets/illustrative-hw.bnn";
    private static final String BUNDLED_PRESETS_FILE = "illustrative-hw.bnn";
    private static final String LIBRARY_FOLDER = "lib";

    private final Function<List<Path>, List<String>> chipsDeclared;
    private final BiPredicate<Path, List<Path>> exceedsChip;

    /**
     * @param chipsDeclared the qualified names of the chips some .bnn files declare, in file order
     * @param exceedsChip whether the mapping of a written .bnn file, read with the given preset
     *        files, exceeds its chip (then it is rewritten with {@code allow reprogramming})
     */
    public ModelImport(Function<List<Path>, List<String>> chipsDeclared, BiPredicate<Path, List<Path>> exceedsChip) {
        this.chipsDeclared = chipsDeclared;
        this.exceedsChip = exceedsChip;
    }

    /** True for the files an import reads: ONNX models and Keras HDF5 files. */
    public static boolean isModel(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".onnx") || isKerasFile(file);
    }

    /** The network name an import gives a model by default: fashion-bnn.onnx gives FashionBnn. */
    public static String defaultName(Path model) {
        return ImportedFile.networkName(model);
    }

    /** True if {@code name} can name the network: letters, digits and _, not starting with a digit, at most 200. */
    public static boolean isNetworkName(String name) {
        return name.matches("[A-Za-z_][A-Za-z0-9_]{0,199}");
    }

    /**
     * The chips an import into {@code folder} can map onto, qualified, the default first: those of
     * the lib/ presets in the folder and every folder above it, else those of the bundled presets
     * (which the import then writes into the folder's lib/).
     */
    public List<String> availableChips(Path folder) {
        List<String> chips = chipsDeclared.apply(libraryFiles(folder));
        if (!chips.isEmpty()) {
            return chips;
        }
        try {
            Path scratch = Files.createTempDirectory("bnn-presets");
            Path copy = scratch.resolve(BUNDLED_PRESETS_FILE);
            try {
                copyBundledPresets(copy);
                return chipsDeclared.apply(List.of(copy));
            } finally {
                Files.deleteIfExists(copy);
                Files.deleteIfExists(scratch);
            }
        } catch (IOException e) {
            throw new ModelImportException(Problem.WRITE, "a temporary copy of the bundled presets",
                    "cannot be written: " + e.getMessage());
        }
    }

    /**
     * Imports {@code model} into {@code folder}.
     *
     * @throws OnnxFormatException if the model is not a BNN the simulator runs (one line naming the file or node)
     * @throws ModelImportException if an option is wrong or a file exists or cannot be written; nothing is written
     *         then, except the bundled presets when the chip is the problem
     */
    public ImportResult run(Path model, Path folder, ImportOptions options) throws OnnxFormatException {
        String network = options.name() != null ? options.name() : defaultName(model);
        if (!isNetworkName(network)) {
            throw new ModelImportException(Problem.NAME, network, "not a name (letters, digits and _, not starting with a digit)");
        }
        if (options.inputBits() < 1 || options.inputBits() > 16) {
            throw new ModelImportException(Problem.INPUT_BITS, Integer.toString(options.inputBits()), "the simulator feeds 1 to 16 bits");
        }
        Path bnnFile = folder.resolve(network + ".bnn");
        Path weightsFile = folder.resolve(network + ".npz");
        for (Path target : List.of(bnnFile, weightsFile)) {
            if (Files.exists(target) && !options.overwrite()) {
                throw new ModelImportException(Problem.EXISTS, target.toString(), "exists");
            }
        }
        ImportedNetwork imported = isKerasFile(model)
                ? LarqModelImporter.importFile(model, network, options.inputBits())
                : NetworkImporter.importFile(model, network, options.inputBits());
        createFolder(folder);
        Optional<Path> writtenPresets = Optional.empty();
        List<Path> presets = libraryFiles(folder);
        List<String> chips = chipsDeclared.apply(presets);
        if (chips.isEmpty()) {
            Path written = folder.resolve(LIBRARY_FOLDER).resolve(BUNDLED_PRESETS_FILE);
            writeBundledPresets(written);
            writtenPresets = Optional.of(written);
            presets = List.of(written);
            chips = chipsDeclared.apply(presets);
        }
        String chosen = chosenChip(chips, options.chip());
        int dot = chosen.lastIndexOf('.');
        String importLine = dot < 0 ? null : chosen.substring(0, dot) + ".*";
        String chip = chosen.substring(dot + 1);
        String modelName = model.getFileName().toString();
        String weightsName = weightsFile.getFileName().toString();
        try {
            WeightsFile.write(weightsFile, imported.parameters());
            Files.writeString(bnnFile, ImportedFile.text(imported, modelName, weightsName, importLine, chip, options.dataset(), false));
            if (exceedsChip.test(bnnFile, presets)) {
                Files.writeString(bnnFile, ImportedFile.text(imported, modelName, weightsName, importLine, chip, options.dataset(), true));
            }
        } catch (IOException e) {
            throw new ModelImportException(Problem.WRITE, bnnFile.toString(), "cannot be written: " + e.getMessage());
        }
        return new ImportResult(bnnFile, weightsFile, network, imported.spec().layers().size(), ImportedFile.summary(imported.spec()),
                imported.notes(), writtenPresets);
    }

    /** A Keras HDF5 file (Larq saves these), by its extension; everything else is read as ONNX. */
    private static boolean isKerasFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".h5") || name.endsWith(".hdf5");
    }

    private static String chosenChip(List<String> chips, String asked) {
        return chips.stream().filter(c -> asked == null || c.equals(asked) || c.endsWith("." + asked)).findFirst()
                .orElseThrow(() -> new ModelImportException(Problem.CHIP, asked, "no such chip in the presets; they have " + chips));
    }

    /** The .bnn files of lib/ in {@code folder} and in every folder above it, nearest first, each folder's sorted. */
    static List<Path> libraryFiles(Path folder) {
        List<Path> files = new ArrayList<>();
        for (Path enclosing = folder.toAbsolutePath().normalize(); enclosing != null; enclosing = enclosing.getParent()) {
            Path library = enclosing.resolve(LIBRARY_FOLDER);
            if (!Files.isDirectory(library)) {
                continue;
            }
            try (Stream<Path> listed = Files.list(library)) {
                listed.filter(p -> p.toString().endsWith(".bnn") && Files.isRegularFile(p)).sorted().forEach(files::add);
            } catch (IOException e) {
                // A library that cannot be listed offers no chip; the bundled presets stand in.
            }
        }
        return files;
    }

    private static void createFolder(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new ModelImportException(Problem.WRITE, folder.toString(), "cannot be created: " + e.getMessage());
        }
    }

    private static void writeBundledPresets(Path target) {
        try {
            Files.createDirectories(target.getParent());
            if (!Files.exists(target)) {
                copyBundledPresets(target);
            }
        } catch (IOException e) {
            throw new ModelImportException(Problem.WRITE, target.toString(), "cannot be written: " + e.getMessage());
        }
    }

    private static void copyBundledPresets(Path target) throws IOException {
        try (InputStream in = ModelImport.class.getResourceAsStream(BUNDLED_PRESETS)) {
            if (in == null) {
                throw new IllegalStateException("the bundled presets are missing from this build (" + BUNDLED_PRESETS + ")");
            }
            Files.copy(in, target);
        }
    }
}
