package org.bnn.onnx.text;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

import org.bnn.onnx.imports.ImportedNetwork;
import org.bnn.runtime.spec.NetworkSpec;

/**
 * The .bnn file {@code bnn import} writes: a header saying where the network came from, the network,
 * a mapping onto a chip of the presets and an experiment (a comment to complete when the data set is
 * not given). Formatted as the language's formatter formats it.
 */
public final class ImportedFile {
    private ImportedFile() {
    }

    /**
     * The file's text.
     *
     * @param importLine the import of the chip's package ({@code presets.illustrative.*}), or null
     * @param dataset the experiment's data as the language writes it, or null for a commented experiment
     * @param allowReprogramming whether the mapping allows a network larger than the chip
     */
    public static String text(ImportedNetwork imported, String modelName, String weightsName, String importLine, String chip,
            String dataset,
            boolean allowReprogramming) {
        NetworkSpec spec = imported.spec();
        StringBuilder b = new StringBuilder();
        b.append("// ").append(spec.name()).append(", imported from ").append(modelName).append(" by `bnn import` (docs/import.md);\n");
        b.append("// weights and batch norms in ").append(weightsName).append(" (docs/weights.md). Layers from the model's nodes:\n");
        Map<String, String> sources = imported.sources();
        b.append(spec.layers().stream().map(l -> "//   " + l.name() + " <- " + sources.getOrDefault(l.name(), "?"))
                .collect(Collectors.joining("\n")))
                .append('\n');
        imported.notes().forEach(note -> b.append("// Note: ").append(note).append('\n'));
        b.append("package imported\n\n");
        if (importLine != null) {
            b.append("import ").append(importLine).append("\n\n");
        }
        b.append(NetworkText.block(spec, weightsName)).append('\n');
        String mapping = spec.name() + "On" + chip;
        b.append("mapping ").append(mapping).append(" {\n");
        b.append("    network ").append(spec.name()).append(" on ").append(chip).append('\n');
        if (allowReprogramming) {
            b.append("    allow reprogramming\n");
        }
        // The formatter keeps no blank line before a comment that ends the file: write it as it would.
        b.append(dataset == null ? "}\n" : "}\n\n");
        String prefix = dataset == null ? "// " : "";
        if (dataset == null) {
            b.append(
                    "// The accuracy under bit errors: name the data set the model was trained on, uncomment, then `bnn run` this file.\n");
        }
        String[] experiment = {
            "experiment " + spec.name() + "BerSweep {",
            "    run " + mapping + " on " + (dataset == null ? "mnist(\"../data/mnist\") test" : dataset),
            "    errors weight-level resample per-chip",
            "    sweep ber { 0, 1e-4, 1e-3, 1e-2, 3e-2 }",
            "    trials 5",
            "    seed 42",
            "    report \"reports/" + spec.name() + "-ber-sweep\" csv json md png svg",
            "}"};
        for (String line : experiment) {
            b.append(prefix).append(line).append('\n');
        }
        return b.toString();
    }

    /** A network name from a model file name: fashion-bnn.onnx gives FashionBnn. */
    public static String networkName(Path model) {
        String base = model.getFileName().toString().replaceAll("\\.(onnx|h5|hdf5)$", "");
        StringBuilder b = new StringBuilder();
        for (String part : base.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        String name = b.length() == 0 || Character.isDigit(b.charAt(0)) ? "Imported" + b : b.toString();
        return name.length() > 200 ? name.substring(0, 200) : name;
    }

    /** The layers in one line: conv1 16x3x3, pool1 max 2, fc1 64, out 10. */
    public static String summary(NetworkSpec spec) {
        return spec.layers().stream().map(NetworkText::layer).map(s -> s.replaceFirst("^(conv|pool|dense|output) ", ""))
                .collect(Collectors.joining(", "));
    }
}
