package org.bnn.dsl.ui.tests;

import static org.bnn.dsl.ui.tests.WorkspaceFiles.contents;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.bnn.dsl.ui.builder.BnnNature;
import org.bnn.dsl.ui.classpath.BnnJavaProject;
import org.bnn.dsl.ui.launch.ExperimentRun;
import org.bnn.dsl.ui.launch.RunExperimentHandler;
import org.bnn.dsl.ui.launch.RunExperimentJob;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.expressions.IEvaluationContext;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.jdt.core.JavaCore;
import org.eclipse.jdt.launching.IJavaLaunchConfigurationConstants;
import org.eclipse.jface.text.IDocument;
import org.eclipse.ui.ISources;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Run Experiment: in a Java project with the BNN nature the experiment's generated class is built
 * and launched (JDT launching) and its report and output land in the project; elsewhere the same
 * spec runs in Eclipse's process. Both give the same numbers (the sweep is deterministic by seed).
 */
class RunExperimentTest {

    /** The quickstart, small enough for a test, with its report into {@code reports/quick}. */
    private static final String SMALL = BnnEditorFeaturesTest.QUICKSTART.replace("random 500 inputs", "random 40 inputs")
            .replace("trials 3", "trials 2").replace("seed 42\n", "seed 42\n    report \"reports/quick\" csv md png\n");

    private static final String TABLE_START = "experiment BerSweep: 40 random inputs x 2 trials, per-chip weight-level errors, seed 42";

    @RegisterExtension
    final TemporaryProject workspace = new TemporaryProject("bnn-run");

    @RegisterExtension
    final TemporaryProject plain = new TemporaryProject("bnn-plain");

    @Test
    void launchesTheGeneratedClassInAJavaProjectWithTheBnnNature() throws Exception {
        assertTrue(SMALL.contains("random 40 inputs") && SMALL.contains("report \"reports/quick\" csv md png"), SMALL);
        IProject project = workspace.project();
        workspace.write("illustrative-hw.bnn", BnnEditorFeaturesTest.HARDWARE);
        IFile model = workspace.write("quickstart.bnn", SMALL);
        BnnJavaProject.configure(project, null);
        BnnNature.addTo(project);
        assertTrue(project.hasNature(JavaCore.NATURE_ID) && project.hasNature(BnnNature.ID));

        // No build before: the run builds the project itself.
        RunExperimentJob job = run(model, SMALL);
        IStatus result = job.getResult();
        assertTrue(result.isOK(), result.toString());
        ExperimentRun run = job.run();
        assertTrue(run.way()
                .startsWith("Ran the generated class examples.quickstart.BerSweepExperiment as a Java application on the build path of "
                        + project.getName()),
                run.way());
        assertTrue(result.getMessage().startsWith(run.way()), result.getMessage());
        assertTrue(run.output().startsWith(TABLE_START), run.output());

        IFile log = project.getFile("reports/quick/run.log");
        assertEquals(log, run.log());
        assertTrue(log.exists(), "log in the workspace");
        String output = contents(log);
        for (String name : List.of("accuracy-vs-ber.csv", "report.md", "accuracy-vs-ber.png")) {
            IFile file = project.getFile("reports/quick/" + name);
            assertTrue(file.exists(), name + " in the workspace: " + run.report());
            assertTrue(run.report().contains(file), name + " in " + run.report());
            assertTrue(output.contains("report: " + file.getLocation().toOSString()), "the class printed " + name + ":\n" + output);
        }
        assertEquals(project.getFile("reports/quick/report.md"), job.report(), "the Markdown opens");
        assertTrue(contents(project.getFile("reports/quick/accuracy-vs-ber.csv")).lines().count() > 7, "a row per BER point");

        // The same experiment in-process, in a project that does not compile Java: the same table.
        plain.write("illustrative-hw.bnn", BnnEditorFeaturesTest.HARDWARE);
        RunExperimentJob inProcess = run(plain.write("quickstart.bnn", SMALL), SMALL);
        assertTrue(inProcess.getResult().isOK(), inProcess.getResult().toString());
        assertNull(inProcess.run().log());
        assertTrue(inProcess.run().output().startsWith(TABLE_START), inProcess.run().output());
        assertTrue(output.startsWith(inProcess.run().output()), "same numbers:\n" + output + "\nin-process:\n" + inProcess.run().output());
    }

    @Test
    void runsInProcessOutsideAJavaProject() throws CoreException, InterruptedException, IOException {
        workspace.write("illustrative-hw.bnn", BnnEditorFeaturesTest.HARDWARE);
        IFile model = workspace.write("quickstart.bnn", SMALL);

        RunExperimentJob job = run(model, SMALL);

        IStatus result = job.getResult();
        assertTrue(result.isOK(), result.toString());
        assertEquals("Ran in Eclipse's own process (" + workspace.project().getName()
                + " is not a Java project with the BNN nature, so its generated class is not compiled).", job.run().way());
        assertTrue(job.run().output().startsWith(TABLE_START), job.run().output());
        IFile csv = workspace.project().getFile("reports/quick/sweep.csv");
        assertEquals(workspace.project().getFile("reports/quick/sweep.md"), job.report(), "the Markdown table opens");
        assertTrue(csv.exists(), "report in the workspace");
        List<String> lines = contents(csv).lines().toList();
        assertEquals("point,ber,trials,mean_accuracy,accuracy_std,accuracy_ci95,mean_agreement,agreement_std,agreement_ci95", lines.get(0));
        assertEquals(8, lines.size(), "header + 7 BER points: " + lines);
        assertEquals("0,0.0,2,,,,1.0,0.0,0.0", lines.get(1), "no errors, full agreement, no labels");
        assertTrue(workspace.project().getFile("reports/quick/sweep.json").exists(), "JSON with the resolved description");
    }

    /** The generated main writes a report only where a report line says: without one, the run stays in-process. */
    @Test
    void runsInProcessWithoutAReportLine() throws CoreException, InterruptedException {
        IProject project = workspace.project();
        String text = SMALL.replace("    report \"reports/quick\" csv md png\n", "");
        workspace.write("illustrative-hw.bnn", BnnEditorFeaturesTest.HARDWARE);
        IFile model = workspace.write("quickstart.bnn", text);
        BnnJavaProject.configure(project, null);
        BnnNature.addTo(project);

        RunExperimentJob job = run(model, text);

        assertTrue(job.getResult().isOK(), job.getResult().toString());
        assertEquals(
                "Ran in Eclipse's own process (the experiment has no report line, and its generated class writes a report only where that line says).",
                job.run().way());
        assertEquals(project.getFile("reports/BerSweep/sweep.md"), job.report());
        assertTrue(job.report().exists());
    }

    @Test
    void refusesATextWithErrorsNamingFileAndLine() throws CoreException, InterruptedException {
        IProject project = workspace.project();
        workspace.write("illustrative-hw.bnn", BnnEditorFeaturesTest.HARDWARE);
        String text = SMALL.replace("run OnDemo on", "run Nowhere on");
        IFile model = workspace.write("quickstart.bnn", text);
        BnnJavaProject.configure(project, null);
        BnnNature.addTo(project);

        RunExperimentJob job = run(model, text);

        assertEquals(IStatus.ERROR, job.getResult().getSeverity());
        long line = text.substring(0, text.indexOf("run Nowhere")).chars().filter(c -> c == '\n').count() + 1;
        assertTrue(job.getResult().getMessage().startsWith("quickstart.bnn:" + line + ": "), job.getResult().getMessage());
        assertTrue(job.getResult().getMessage().contains("Nowhere"), job.getResult().getMessage());
        assertTrue(job.getResult().getMessage().endsWith(" (fix the errors first, see the Problems view)"), job.getResult().getMessage());
        assertNull(job.run());
        assertTrue(!project.getFile("reports/quick/run.log").exists(), "nothing launched");
    }

    /** Cancelling the job while the generated class runs terminates its process. */
    @Test
    void cancelTerminatesTheLaunchedClass() throws Exception {
        IProject project = workspace.project();
        // Long enough not to end on its own during the test.
        String text = SMALL.replace("random 40 inputs", "random 20000 inputs").replace("trials 2", "trials 50");
        workspace.write("illustrative-hw.bnn", BnnEditorFeaturesTest.HARDWARE);
        IFile model = workspace.write("quickstart.bnn", text);
        BnnJavaProject.configure(project, null);
        BnnNature.addTo(project);
        ILaunchManager launches = DebugPlugin.getDefault().getLaunchManager();

        RunExperimentJob job = new RunExperimentJob(model, text, 0);
        job.schedule();
        IProcess process = null;
        long deadline = System.currentTimeMillis() + 120_000;
        while (process == null && System.currentTimeMillis() < deadline) {
            process = Arrays.stream(launches.getProcesses()).filter(p -> project.getName().equals(projectOf(p))).findFirst().orElse(null);
            Thread.sleep(50);
        }
        assertNotNull(process, "the generated class was launched");
        assertFalse(process.isTerminated(), "still running when cancelled");
        job.cancel();
        job.join();

        assertEquals(IStatus.CANCEL, job.getResult().getSeverity(), job.getResult().toString());
        assertTrue(process.isTerminated(), "the process ended with the job");
        assertFalse(Arrays.asList(launches.getLaunches()).contains(process.getLaunch()), "the launch is removed");
    }

    /** The handler saves the dirty editor before it runs: the generated class is built from the file. */
    @Test
    void theHandlerSavesTheEditorFirst() throws Exception {
        IProject project = workspace.project();
        workspace.write("illustrative-hw.bnn", BnnEditorFeaturesTest.HARDWARE);
        IFile model = workspace.write("quickstart.bnn", SMALL);
        BnnJavaProject.configure(project, null);
        BnnNature.addTo(project);
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        ITextEditor editor = (ITextEditor) IDE.openEditor(page, model);
        try {
            IDocument document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
            document.set(document.get().replace("trials 2", "trials 1"));
            assertTrue(editor.isDirty());
            IEvaluationContext context = PlatformUI.getWorkbench().getService(IHandlerService.class).createContextSnapshot(false);
            context.addVariable(ISources.ACTIVE_EDITOR_NAME, editor);

            new RunExperimentHandler().execute(new ExecutionEvent(null, Map.of(), null, context));

            assertFalse(editor.isDirty(), "saved");
            assertTrue(contents(model).contains("trials 1"), contents(model));
            // Cancelled at once (a finished run would open its dialog).
            List<Job> jobs = Arrays.stream(Job.getJobManager().find(null)).filter(RunExperimentJob.class::isInstance).toList();
            assertEquals(1, jobs.size(), "the run is scheduled: " + jobs);
            jobs.get(0).cancel();
            jobs.get(0).join();
            // No result when it was cancelled before it started.
            IStatus result = jobs.get(0).getResult();
            assertTrue(result == null || result.getSeverity() == IStatus.CANCEL, String.valueOf(result));
        } finally {
            page.closeAllEditors(false);
        }
    }

    private static String projectOf(IProcess process) {
        try {
            return process.getLaunch().getLaunchConfiguration().getAttribute(IJavaLaunchConfigurationConstants.ATTR_PROJECT_NAME, "");
        } catch (CoreException e) {
            return "";
        }
    }

    private static RunExperimentJob run(IFile model, String text) throws InterruptedException {
        RunExperimentJob job = new RunExperimentJob(model, text, text.indexOf("sweep ber"));
        job.schedule();
        job.join();
        return job;
    }
}
