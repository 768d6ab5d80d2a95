package org.bnn.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;

import org.bnn.calibration.fit.Calibration;
import org.bnn.calibration.measurements.MalformedMeasurementsException;
import org.bnn.calibration.measurements.Measurements;
import org.bnn.calibration.measurements.MeasurementsCsv;
import org.bnn.calibration.report.CalibrationReport;
import org.bnn.calibration.report.DeviceBlock;
import org.bnn.cli.workspace.WorkspaceException;
import org.bnn.dsl.BnnStandaloneSetup;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.IGrammarAccess;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "fit", mixinStandardHelpOptions = true, description = {
    "Fits log-normal device parameters to measured resistances (docs/reliability.md).",
    "Prints the fit of each group with confidence intervals and a normality test, the aging per decade of time,",
    "and a .bnn device block; exits 1 with file:line: problem if the CSV is malformed."})
final class FitCommand implements Callable<Integer> {
    private static final double CONFIDENCE = 0.95;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CSV", description = "The measurements: columns state, ohms and optionally regime, seconds, cycles.")
    private Path csv;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the device block to FILE instead of printing it.")
    private Path output;

    @Option(names = "--name", paramLabel = "D", defaultValue = "Measured", description = "The device's name in the block (default: ${DEFAULT-VALUE}).")
    private String name;

    @Override
    public Integer call() {
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]{0,199}")) {
            throw new ParameterException(spec.commandLine(), "--name " + name
                    + ": not a name (letters, digits and _, not starting with a digit, at most 200)");
        }
        if (!Files.isRegularFile(csv)) {
            throw new WorkspaceException(csv + (Files.isDirectory(csv) ? ": is a folder; name the CSV file" : ": no such file"));
        }
        Measurements measurements;
        try {
            measurements = MeasurementsCsv.read(csv);
        } catch (IOException e) {
            throw new WorkspaceException(csv + ": cannot be read: " + e.getMessage());
        } catch (MalformedMeasurementsException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return BnnCli.EXIT_INPUT_ERRORS;
        }
        Calibration calibration = Calibration.of(measurements, CONFIDENCE);
        PrintWriter out = spec.commandLine().getOut();
        out.print(CalibrationReport.text(calibration));
        Set<String> keywords = GrammarUtil.getAllKeywords(
                new BnnStandaloneSetup().createInjectorAndDoEMFRegistration().getInstance(IGrammarAccess.class).getGrammar());
        String block = DeviceBlock.text(calibration, name, String.valueOf(csv.getFileName()), keywords::contains);
        if (output == null) {
            out.print("\n" + block);
        } else {
            try {
                Files.writeString(output, block);
            } catch (IOException e) {
                throw new WorkspaceException(output + ": cannot be written: " + e.getMessage());
            }
            out.print("\ndevice " + name + " written to " + output + "\n");
        }
        out.flush(); // print does not flush the command line's writer, and nothing else will
        return 0;
    }
}
