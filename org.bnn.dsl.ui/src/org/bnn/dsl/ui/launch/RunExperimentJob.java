package org.bnn.dsl.ui.launch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.bnn.dsl.bnn.Experiment;
import org.bnn.dsl.bnn.Model;
import org.bnn.dsl.generator.BnnGenerator;
import org.bnn.dsl.generator.ExperimentTemplate;
import org.bnn.dsl.generator.JavaNames;
import org.bnn.dsl.spec.SpecTranslator;
import org.bnn.dsl.ui.internal.BnnUiActivator;
import org.bnn.dsl.ui.model.ParsedDocument;
import org.bnn.dsl.ui.validation.BnnDocumentValidator;
import org.bnn.dsl.ui.validation.BnnWorkspaceSources;
import org.bnn.runtime.experiment.ExperimentSpec;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.service.OperationCanceledError;
import org.eclipse.xtext.validation.Issue;

import com.google.inject.Injector;

/**
 * Runs the experiment of a .bnn text in the background: refuses a text with errors (naming file
 * and line) except places outside the project that the user allows, then launches the experiment's generated class when the project compiles it
 * ({@link GeneratedExperiment}), else runs the same spec in Eclipse's process
 * ({@link InProcessExperiment}). The result says which way it ran.
 */
public final class RunExperimentJob extends Job {

    private final IFile file;
    private final String text;
    private final int offset;
    private volatile ExperimentRun run;

    /**
     * @param text   the file's text (saved: the generated class is built from the file)
     * @param offset the experiment whose text contains this offset runs; without one, the file's first experiment
     */
    public RunExperimentJob(IFile file, String text, int offset) {
        super("Running the experiment of " + file.getName());
        this.file = file;
        this.text = text;
        this.offset = offset;
        setUser(true);
    }

    /** What the run did (after a successful run), null before. */
    public ExperimentRun run() {
        return run;
    }

    /** The report file to open (after a successful run), null before or when there is none. */
    public IFile report() {
        return run == null ? null : run.toOpen();
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
            List<Issue> errors = parsed.issues().stream().filter(i -> i.getSeverity() == Severity.ERROR).toList();
            Optional<Issue> error = errors.stream().filter(i -> !OutsideProjectConfirmation.overridable(i)).findFirst();
            if (error.isPresent()) {
                return error(file.getName() + ":" + error.get().getLineNumber() + ": " + error.get().getMessage()
                        + " (fix the errors first, see the Problems view)");
            }
            // Only places outside the project are wrong: the user may allow them for this run.
            Optional<List<Path>> allowed = errors.isEmpty() ? Optional.of(List.of()) : OutsideProjectConfirmation.ask(file, errors);
            if (allowed.isEmpty()) {
                return Status.CANCEL_STATUS;
            }
            Experiment experiment = experimentAt(parsed);
            if (experiment == null) {
                return error(file.getName() + " has no experiment");
            }
            ExperimentSpec spec = injector.getInstance(SpecTranslator.class).tryTranslate(experiment).orElse(null);
            if (spec == null) {
                return error("experiment " + experiment.getName() + " is incomplete");
            }
            Optional<String> inProcess = GeneratedExperiment.unavailable(file, spec.report().isPresent());
            run = inProcess.isPresent()
                    ? InProcessExperiment.run(file, spec, inProcess.get(), allowed.get(), monitor)
                    : GeneratedExperiment.run(file, mainType(injector, experiment), spec.report().get().folder(), allowed.get(), monitor);
            return new Status(IStatus.OK, BnnUiActivator.PLUGIN_ID, run.way() + "\n\n" + run.output());
        } catch (OperationCanceledException | OperationCanceledError e) { // Xtext's parser and validator cancel with the Error
            return Status.CANCEL_STATUS;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Status.CANCEL_STATUS;
        } catch (GeneratedExperiment.LaunchRefused e) {
            return error(e.getMessage());
        } catch (IOException | CoreException | RuntimeException e) {
            return new Status(IStatus.ERROR, BnnUiActivator.PLUGIN_ID, "The experiment of " + file.getName() + " failed: " + e.getMessage(),
                    e);
        }
    }

    /** The generated class's qualified name, by the generator's own naming (package of the model, class of the template). */
    private static String mainType(Injector injector, Experiment experiment) {
        String packageName = JavaNames.packageName(EcoreUtil2.getContainerOfType(experiment, Model.class).getName());
        return BnnGenerator.qualifiedName(packageName, injector.getInstance(ExperimentTemplate.class).className(experiment));
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
