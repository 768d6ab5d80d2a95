package org.bnn.cli;

import org.bnn.dsl.BnnStandaloneSetup;
import org.bnn.dsl.files.ImportLanguageChecks;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.bnn.cli.workspace.BnnWorkspace;
import org.bnn.cli.workspace.WorkspaceException;
import org.bnn.onnx.model.OnnxFormatException;
import org.bnn.onnx.workspace.ImportOptions;
import org.bnn.onnx.workspace.ImportResult;
import org.bnn.onnx.workspace.ModelImport;
import org.bnn.onnx.workspace.ModelImportException;

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
        PrintWriter out = spec.commandLine().getOut();
        // The same questions to the language as the IDEs ask (chips of the presets, a mapping that exceeds its chip).
        ImportLanguageChecks checks = new BnnStandaloneSetup().createInjectorAndDoEMFRegistration().getInstance(ImportLanguageChecks.class);
        ModelImport modelImport = new ModelImport(checks::chips, checks::exceedsChip);
        ImportResult result;
        try {
            result = modelImport.run(model, folder, new ImportOptions(name, chip, inputBits, dataset, force));
        } catch (OnnxFormatException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return BnnCli.EXIT_INPUT_ERRORS;
        } catch (ModelImportException e) {
            throw asCommandLineError(e);
        }
        result.writtenPresets().ifPresent(written -> out.println(
                "no lib/ presets above " + folder.toAbsolutePath().normalize() + ": wrote the illustrative ones to " + written));
        out.printf(Locale.ROOT, "%s: network %s, %d layers (%s)%n", model, result.network(), result.layers(), result.summary());
        result.notes().forEach(note -> out.println("note: " + note));
        out.println("wrote " + result.bnnFile() + " and " + result.weightsFile());
        out.flush();
        BnnWorkspace check = BnnWorkspace.load(List.of(result.bnnFile()));
        return new DiagnosticsPrinter(spec.commandLine().getErr()).print(check) ? BnnCli.EXIT_INPUT_ERRORS : 0;
    }

    /** A wrong option names its option (exit 2 with usage help); a file problem is a workspace error (exit 2). */
    private RuntimeException asCommandLineError(ModelImportException e) {
        return switch (e.problem()) {
            case NAME -> new ParameterException(spec.commandLine(), "--name " + e.getMessage());
            case INPUT_BITS -> new ParameterException(spec.commandLine(), "--input-bits " + e.getMessage());
            case CHIP -> new ParameterException(spec.commandLine(), "--chip " + e.getMessage());
            case EXISTS -> new WorkspaceException(e.getMessage() + "; choose another --name or --output, or give --force");
            case WRITE -> new WorkspaceException(e.getMessage());
        };
    }
}
