package org.bnn.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.bnn.cli.workspace.BnnWorkspace;
import org.bnn.cli.workspace.BnnWorkspace.DeclaredNetwork;
import org.bnn.cli.workspace.WorkspaceException;
import org.bnn.onnx.export.NetworkExporter;
import org.bnn.onnx.model.OnnxModels;
import org.bnn.runtime.engine.NetworkParameters;
import org.bnn.runtime.weights.WeightsException;
import org.bnn.runtime.weights.WeightsFile;

import ai.onnx.proto.OnnxMl.ModelProto;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "export", mixinStandardHelpOptions = true, description = {
    "Exports networks of a .bnn file with their trained weights as standard ONNX (docs/import.md) that onnxruntime",
    "runs to the simulator's predictions: input pixels in [0, 1] (N, C, H, W); outputs scores and prediction."})
final class ExportCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The .bnn file.")
    private Path file;

    @Option(names = {"-o",
        "--output"}, paramLabel = "PATH", required = true, description = "The .onnx file to write (one network), or a folder that receives NETWORK.onnx for each network.")
    private Path output;

    @Option(names = "--network", paramLabel = "N", description = "Export only this network of the file.")
    private String only;

    @Override
    public Integer call() {
        BnnWorkspace workspace = BnnWorkspace.load(List.of(file));
        if (new DiagnosticsPrinter(spec.commandLine().getErr()).print(workspace)) {
            return BnnCli.EXIT_INPUT_ERRORS;
        }
        List<DeclaredNetwork> networks = workspace.networks(file).stream().filter(n -> only == null || n.spec().name().equals(only))
                .toList();
        if (networks.isEmpty()) {
            throw new ParameterException(spec.commandLine(), only == null
                    ? file + " declares no network"
                    : "--network " + only + ": " + file + " has no such network; it has "
                            + workspace.networks(file).stream().map(n -> n.spec().name()).toList());
        }
        boolean toFolder = networks.size() > 1 || Files.isDirectory(output);
        PrintWriter out = spec.commandLine().getOut();
        for (DeclaredNetwork network : networks) {
            Path weights = network.weights().orElseThrow(() -> new WorkspaceException(file + ": network " + network.spec().name()
                    + " has no weights file; an export writes trained weights (add weights \"....npz\" to the network)"));
            NetworkParameters parameters;
            try {
                parameters = WeightsFile.read(weights);
            } catch (WeightsException e) {
                throw new WorkspaceException(e.getMessage());
            }
            ModelProto model;
            try {
                model = NetworkExporter.export(network.spec(), parameters, Version.text());
            } catch (IllegalArgumentException e) {
                throw new WorkspaceException(file + ": network " + network.spec().name() + ": " + e.getMessage());
            }
            Path target = toFolder ? output.resolve(network.spec().name() + ".onnx") : output;
            try {
                if (target.getParent() != null) {
                    Files.createDirectories(target.getParent());
                }
                OnnxModels.write(model, target);
            } catch (IOException e) {
                throw new WorkspaceException(target + ": cannot be written: " + e.getMessage());
            }
            out.println("network " + network.spec().name() + " -> " + target);
        }
        out.flush();
        return 0;
    }
}
