package org.bnn.cli;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.bnn.runtime.experiment.OutputLocation;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code --output-root DIR} of the commands that write reports or weights: a folder outside the
 * model's project that its report folders and weights files may lie in. The validator and the
 * generated code both read the allowed folders from the system property
 * {@value OutputLocation#ROOTS_PROPERTY}, which {@link #apply()} sets.
 */
final class OutputRootOption {
    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    private final List<Path> roots = new ArrayList<>();

    @Option(names = "--output-root", paramLabel = "DIR", description = "An existing folder outside the model's project that reports and weights may be written into (repeatable).")
    private void addRoot(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new ParameterException(spec.commandLine(), "--output-root " + folder + ": no such folder");
        }
        roots.add(folder.toAbsolutePath().normalize());
    }

    /** Makes exactly the given folders the allowed extra roots of this process (none without the option). */
    void apply() {
        if (roots.isEmpty()) {
            System.clearProperty(OutputLocation.ROOTS_PROPERTY);
        } else {
            System.setProperty(OutputLocation.ROOTS_PROPERTY,
                    roots.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
        }
    }
}
