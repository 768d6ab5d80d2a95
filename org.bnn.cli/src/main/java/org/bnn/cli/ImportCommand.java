package org.bnn.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.bnn.cli.workspace.BnnWorkspace;
import org.bnn.cli.workspace.Diagnostic;
import org.bnn.cli.workspace.WorkspaceException;
import org.bnn.dsl.validation.BnnIssueCodes;
import org.bnn.onnx.imports.ImportedNetwork;
import org.bnn.onnx.imports.LarqModelImporter;
import org.bnn.onnx.imports.NetworkImporter;
import org.bnn.onnx.model.OnnxFormatException;
import org.bnn.onnx.text.ImportedFile;
import org.bnn.runtime.weights.WeightsFile;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "import", mixinStandardHelpOptions = true, description = {
    "Imports a binarized network from an ONNX or QONNX model, or a Larq/Keras .h5 file (docs/import.md): writes NAME.bnn (the network, a",
    "mapping onto a chip of the nearest lib/ presets and an experiment to complete) and NAME.npz (weights and",
    "batch norms). Exits 1 with one line naming the node if the model is not a BNN the simulator runs."})
final class ImportCommand implements Callable<Integer> {
    /** The presets written next to the import when no lib/ folder above it has a chip (the illustrative ones). */
    private static final String BUNDLED_PRESETS = "/org/bnn/cli/presets/illustrative-hw.bnn";

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = "The .onnx model, or a Keras .h5 file saved by Larq.")
    private Path model;

    @Option(names = {"-o",
        "--output"}, paramLabel = "DIR", defaultValue = ".", description = "Folder of the written files (default: the current one).")
    private Path folder;

    @Option(names = "--name", paramLabel = "N", description = "The network's name (default: from the model's file name).")
    private String name;

    @Option(names = "--chip", paramLabel = "CHIP", description = "The chip to map onto, by name or qualified name (default: the first chip of the nearest lib/ presets).")
    private String chip;

    @Option(names = "--input-bits", paramLabel = "B", defaultValue = "8", description = "Bits of a real-valued input, fed bit-serially (default: ${DEFAULT-VALUE}).")
    private int inputBits;

    @Option(names = "--dataset", paramLabel = "DATA", description = "The experiment's data, as the language writes it, e.g. 'fashion-mnist(\"../data/fashion-mnist\") test';"
            + " without it the experiment is written as a comment to complete.")
    private String dataset;

    @Option(names = "--force", description = "Overwrite NAME.bnn and NAME.npz if they exist.")
    private boolean force;

    @Override
    public Integer call() {
        String network = name != null ? name : ImportedFile.networkName(model);
        if (!network.matches("[A-Za-z_][A-Za-z0-9_]{0,199}")) {
            throw new ParameterException(spec.commandLine(),
                    "--name " + network + ": not a name (letters, digits and _, not starting with a digit)");
        }
        if (inputBits < 1 || inputBits > 16) {
            throw new ParameterException(spec.commandLine(), "--input-bits " + inputBits + ": the simulator feeds 1 to 16 bits");
        }
        Path bnnFile = folder.resolve(network + ".bnn");
        Path weightsFile = folder.resolve(network + ".npz");
        for (Path target : List.of(bnnFile, weightsFile)) {
            if (Files.exists(target) && !force) {
                throw new WorkspaceException(target + ": exists; choose another --name or --output, or give --force");
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        ImportedNetwork imported;
        try {
            imported = isKerasFile(model)
                    ? LarqModelImporter.importFile(model, network, inputBits)
                    : NetworkImporter.importFile(model, network, inputBits);
        } catch (OnnxFormatException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return BnnCli.EXIT_INPUT_ERRORS;
        }
        createFolder();
        Presets presets = presets(bnnFile, out);
        String text = ImportedFile.text(imported, model.getFileName().toString(), weightsFile.getFileName().toString(), presets.imports(),
                presets.chip(), dataset, false);
        try {
            WeightsFile.write(weightsFile, imported.parameters());
            Files.writeString(bnnFile, text);
            if (needsReprogramming(bnnFile)) {
                Files.writeString(bnnFile, ImportedFile.text(imported, model.getFileName().toString(), weightsFile.getFileName().toString(),
                        presets.imports(), presets.chip(), dataset, true));
            }
        } catch (IOException e) {
            throw new WorkspaceException(bnnFile + ": cannot be written: " + e.getMessage());
        }
        out.printf(Locale.ROOT, "%s: network %s, %d layers (%s)%n", model, network, imported.spec().layers().size(),
                ImportedFile.summary(imported.spec()));
        imported.notes().forEach(note -> out.println("note: " + note));
        out.println("wrote " + bnnFile + " and " + weightsFile);
        out.flush();
        BnnWorkspace check = BnnWorkspace.load(List.of(bnnFile));
        return new DiagnosticsPrinter(spec.commandLine().getErr()).print(check) ? BnnCli.EXIT_INPUT_ERRORS : 0;
    }

    /** A Keras HDF5 file (Larq saves these), by its extension; everything else is read as ONNX. */
    private static boolean isKerasFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".h5") || name.endsWith(".hdf5");
    }

    private void createFolder() {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new WorkspaceException(folder + ": cannot be created: " + e.getMessage());
        }
    }

    /** True if the mapping as written exceeds its chip (then it is rewritten with `allow reprogramming`). */
    private static boolean needsReprogramming(Path bnnFile) {
        return BnnWorkspace.load(List.of(bnnFile)).diagnostics().stream()
                .anyMatch(d -> BnnIssueCodes.MAPPING_EXCEEDS_CHIP.equals(d.code()) && d.severity() == Diagnostic.Severity.ERROR);
    }

    private record Presets(String imports, String chip) {
    }

    /** The chip to map onto and the import that names it: from lib/ folders above the output, else bundled presets written there. */
    private Presets presets(Path bnnFile, PrintWriter out) {
        List<String> chips = new ArrayList<>();
        List<Path> libraries = BnnWorkspace.contextOf(bnnFile).stream().filter(p -> p.getParent().getFileName().toString().equals("lib"))
                .toList();
        if (!libraries.isEmpty()) {
            BnnWorkspace lib = BnnWorkspace.load(libraries);
            libraries.forEach(file -> chips.addAll(lib.chips(file)));
        }
        if (chips.isEmpty()) {
            Path written = folder.resolve("lib").resolve("illustrative-hw.bnn");
            copyBundledPresets(written);
            out.println("no lib/ presets above " + folder.toAbsolutePath().normalize() + ": wrote the illustrative ones to " + written);
            chips.addAll(BnnWorkspace.load(List.of(written)).chips(written));
        }
        String chosen = chips.stream().filter(c -> chip == null || c.equals(chip) || c.endsWith("." + chip)).findFirst()
                .orElseThrow(() -> new ParameterException(spec.commandLine(),
                        "--chip " + chip + ": no such chip in the presets; they have " + chips));
        int dot = chosen.lastIndexOf('.');
        return dot < 0 ? new Presets(null, chosen) : new Presets(chosen.substring(0, dot) + ".*", chosen.substring(dot + 1));
    }

    private static void copyBundledPresets(Path target) {
        try (InputStream in = ImportCommand.class.getResourceAsStream(BUNDLED_PRESETS)) {
            if (in == null) {
                throw new WorkspaceException("the bundled presets are missing from this build (" + BUNDLED_PRESETS + ")");
            }
            Files.createDirectories(target.getParent());
            if (!Files.exists(target)) {
                Files.copy(in, target);
            }
        } catch (IOException e) {
            throw new WorkspaceException(target + ": cannot be written: " + e.getMessage());
        }
    }
}
