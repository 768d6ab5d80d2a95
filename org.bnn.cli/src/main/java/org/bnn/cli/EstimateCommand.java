package org.bnn.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.bnn.cli.report.EstimateReport;
import org.bnn.cli.workspace.BnnWorkspace;
import org.bnn.runtime.estimate.EstimateText;
import org.bnn.runtime.estimate.Estimator;
import org.bnn.runtime.estimate.MappingEstimate;
import org.bnn.runtime.json.SpecJson;
import org.bnn.runtime.spec.MappingSpec;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "estimate", mixinStandardHelpOptions = true, description = {
    "Estimates every mapping of the .bnn files without simulating: tiles and utilization per layer,",
    "energy per inference by component, latency, throughput and one-time programming cost."})
final class EstimateCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "The .bnn files to estimate.")
    private List<Path> files;

    @Option(names = "--json", description = "Print JSON (SI units) instead of tables.")
    private boolean json;

    @Override
    public Integer call() {
        BnnWorkspace workspace = BnnWorkspace.load(files);
        if (new DiagnosticsPrinter(spec.commandLine().getErr()).print(workspace)) {
            return BnnCli.EXIT_INPUT_ERRORS;
        }
        List<MappingEstimate> estimates = new ArrayList<>();
        for (Path file : workspace.files()) {
            for (MappingSpec mapping : workspace.mappings(file)) {
                estimates.add(Estimator.estimate(mapping));
            }
        }
        var out = spec.commandLine().getOut();
        if (json) {
            out.println(SpecJson.write(estimates.stream().map(EstimateReport::of).toList()));
        } else {
            for (MappingEstimate estimate : estimates) {
                out.print(EstimateText.tileTable(estimate));
                out.print(EstimateText.costTable(estimate));
                out.println();
            }
        }
        if (estimates.isEmpty()) {
            spec.commandLine().getErr().println("bnn: no mapping to estimate in " + files);
            return BnnCli.EXIT_INPUT_ERRORS;
        }
        out.flush();
        return 0;
    }
}
