package org.bnn.dsl.ui.launch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.bnn.runtime.experiment.ExperimentInputs;
import org.bnn.runtime.experiment.ExperimentRunner;
import org.bnn.runtime.experiment.ExperimentSpec;
import org.bnn.runtime.experiment.OutputLocation;
import org.bnn.runtime.experiment.ReportSpec;
import org.bnn.runtime.experiment.SweepPoint;
import org.bnn.runtime.experiment.SweepReport;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;

/**
 * The fallback way: the sweep runs inside Eclipse, on the same spec the generated class builds,
 * and writes the report tables (sweep.md, sweep.csv, sweep.json; the plots need org.bnn.report,
 * which this plugin carries in lib/ for the generated class's build path only, not on its own
 * class path) below the file's folder, inside the project unless the user allowed the place.
 */
final class InProcessExperiment {

    /** The report folder of an experiment without a {@code report} line, relative to the file's folder. */
    static final String DEFAULT_REPORTS = "reports";

    private InProcessExperiment() {
    }

    /** @param allowed places outside the project the user allowed for this run */
    static ExperimentRun run(IFile file, ExperimentSpec spec, String why, List<Path> allowed, IProgressMonitor monitor)
            throws IOException, CoreException {
        monitor.beginTask("Experiment " + spec.name() + " (" + spec.trials() + " trials per point)", IProgressMonitor.UNKNOWN);
        // Relative paths of a description (weights, data, report) are relative to its file's folder.
        Path base = file.getParent().getLocation().toFile().toPath();
        ExperimentInputs data = ExperimentInputs.load(spec, base);
        List<SweepPoint> points = new ExperimentRunner(Runtime.getRuntime().availableProcessors())
                .run(spec, data.network(), data.inputs(), data.labels());
        String relative = spec.report().map(ReportSpec::folder).orElse(DEFAULT_REPORTS + "/" + spec.name());
        List<Path> written = SweepReport.write(OutputLocation.checked(base, relative, "report folder", allowed), "bnn (Eclipse)", spec,
                points);
        file.getProject().refreshLocal(IResource.DEPTH_INFINITE, monitor);
        List<IFile> report = written.stream().map(GeneratedExperiment::inWorkspace).filter(f -> f != null).toList();
        return new ExperimentRun("Ran in Eclipse's own process (" + why + ").", SweepReport.table(spec, points), report, null);
    }
}
