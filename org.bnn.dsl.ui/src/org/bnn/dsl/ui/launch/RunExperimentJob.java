package org.bnn.dsl.ui.launch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.bnn.dsl.bnn.Experiment;
import org.bnn.dsl.bnn.Model;
import org.bnn.dsl.spec.SpecTranslator;
import org.bnn.dsl.ui.internal.BnnUiActivator;
import org.bnn.dsl.ui.model.ParsedDocument;
import org.bnn.dsl.ui.validation.BnnDocumentValidator;
import org.bnn.dsl.ui.validation.BnnWorkspaceSources;
import org.bnn.runtime.experiment.ExperimentInputs;
import org.bnn.runtime.experiment.ExperimentRunner;
import org.bnn.runtime.experiment.ExperimentSpec;
import org.bnn.runtime.experiment.ReportSpec;
import org.bnn.runtime.experiment.SweepPoint;
import org.bnn.runtime.experiment.SweepReport;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

import com.google.inject.Injector;

/**
 * Runs an experiment of a .bnn text as its generated class does (the sweep on org.bnn.runtime,
 * from the same spec the generator writes out), writes the report tables (sweep.csv, sweep.json,
 * sweep.md; the plots need org.bnn.report, which the plugin does not ship) next to the file and
 * refreshes the project. In the background: parse, validation and sweep.
 */
public final class RunExperimentJob extends Job {

	/** The report folder of an experiment without a {@code report} line, relative to the project. */
	static final String DEFAULT_REPORTS = "reports";

	private final IFile file;
	private final String text;
	private final int offset;
	private volatile IFile report;

	/**
	 * @param offset the experiment whose text contains this offset runs; without one, the file's first experiment
	 */
	public RunExperimentJob(IFile file, String text, int offset) {
		super("Running the experiment of " + file.getName());
		this.file = file;
		this.text = text;
		this.offset = offset;
		setUser(true);
	}

	/** The CSV the run wrote (after a successful run), null before. */
	public IFile report() {
		return report;
	}

	@Override
	protected IStatus run(IProgressMonitor monitor) {
		Injector injector = BnnUiActivator.getDefault().getInjector();
		try {
			ParsedDocument parsed = injector.getInstance(BnnDocumentValidator.class).parse(BnnWorkspaceSources.uriOf(file), text,
					BnnWorkspaceSources.siblingsOf(file), monitor::isCanceled);
			if (parsed == null) {
				return Status.CANCEL_STATUS;
			}
			if (parsed.issues().stream().anyMatch(i -> i.getSeverity() == Severity.ERROR)) {
				return error(file.getName() + " has errors: fix them first (Problems view)");
			}
			Experiment experiment = experimentAt(parsed);
			if (experiment == null) {
				return error(file.getName() + " has no experiment");
			}
			ExperimentSpec spec = injector.getInstance(SpecTranslator.class).tryTranslate(experiment).orElse(null);
			if (spec == null) {
				return error("experiment " + experiment.getName() + " is incomplete");
			}
			monitor.beginTask("Experiment " + spec.name() + " (" + spec.trials() + " trials per point)", IProgressMonitor.UNKNOWN);
			// Relative paths of a description (weights, data, report) are relative to its file's folder.
			Path base = file.getParent().getLocation().toFile().toPath();
			ExperimentInputs data = ExperimentInputs.load(spec, base);
			List<SweepPoint> points = new ExperimentRunner(Runtime.getRuntime().availableProcessors())
					.run(spec, data.network(), data.inputs(), data.labels());
			String relative = spec.report().map(ReportSpec::folder).orElse(DEFAULT_REPORTS + "/" + spec.name());
			SweepReport.write(base.resolve(relative), "bnn (Eclipse)", spec, points);
			file.getProject().refreshLocal(IResource.DEPTH_INFINITE, monitor);
			report = file.getParent().getFile(new org.eclipse.core.runtime.Path(relative + "/sweep.csv"));
			return new Status(IStatus.OK, BnnUiActivator.PLUGIN_ID, SweepReport.table(spec, points));
		} catch (IOException | CoreException | RuntimeException e) {
			return new Status(IStatus.ERROR, BnnUiActivator.PLUGIN_ID, "The experiment of " + file.getName() + " failed: " + e.getMessage(), e);
		}
	}

	private Experiment experimentAt(ParsedDocument parsed) {
		if (parsed.resource().getContents().isEmpty() || !(parsed.resource().getContents().get(0) instanceof Model model)) {
			return null;
		}
		Experiment first = null;
		for (EObject element : model.getElements()) {
			if (element instanceof Experiment experiment) {
				first = first == null ? experiment : first;
				ICompositeNode node = NodeModelUtils.getNode(experiment);
				if (node != null && node.getOffset() <= offset && offset <= node.getEndOffset()) {
					return experiment;
				}
			}
		}
		return first;
	}

	private static IStatus error(String message) {
		return new Status(IStatus.ERROR, BnnUiActivator.PLUGIN_ID, message);
	}
}
