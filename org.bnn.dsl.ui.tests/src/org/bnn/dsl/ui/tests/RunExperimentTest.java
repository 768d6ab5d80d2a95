package org.bnn.dsl.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.bnn.dsl.ui.launch.RunExperimentJob;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Run Experiment: the sweep of the experiment at the caret runs and its report lands in the project. */
class RunExperimentTest {

	@RegisterExtension
	final TemporaryProject workspace = new TemporaryProject("bnn-run");

	@Test
	void runsTheSweepAndWritesItsReportIntoTheProject() throws CoreException, InterruptedException, IOException {
		workspace.write("illustrative-hw.bnn", BnnEditorFeaturesTest.HARDWARE);
		String text = BnnEditorFeaturesTest.QUICKSTART.replace("random 500 inputs", "random 40 inputs").replace("trials 3", "trials 2")
				.replace("seed 42\n", "seed 42\n    report \"reports/quick\"\n");
		IFile model = workspace.write("quickstart.bnn", text);

		RunExperimentJob job = new RunExperimentJob(model, text, text.indexOf("sweep ber"));
		job.schedule();
		job.join();

		IStatus result = job.getResult();
		assertTrue(result.isOK(), result.toString());
		assertTrue(result.getMessage().startsWith("experiment BerSweep: 40 random inputs x 2 trials, per-chip weight-level errors, seed 42"),
				result.getMessage());
		IFile csv = workspace.project().getFile("reports/quick/sweep.csv");
		assertEquals(csv, job.report());
		assertTrue(csv.exists(), "report in the workspace");
		List<String> lines = read(csv).lines().toList();
		assertEquals("point,ber,trials,mean_accuracy,accuracy_std,accuracy_ci95,mean_agreement,agreement_std,agreement_ci95", lines.get(0));
		assertEquals(8, lines.size(), "header + 7 BER points: " + lines);
		assertEquals("0,0.0,2,,,,1.0,0.0,0.0", lines.get(1), "no errors, full agreement, no labels");
		assertTrue(workspace.project().getFile("reports/quick/sweep.json").exists(), "JSON with the resolved description");
	}

	@Test
	void refusesATextWithErrors() throws CoreException, InterruptedException {
		workspace.write("illustrative-hw.bnn", BnnEditorFeaturesTest.HARDWARE);
		String text = BnnEditorFeaturesTest.QUICKSTART.replace("dense fc1: 1024", "dense fc1: 0");
		RunExperimentJob job = new RunExperimentJob(workspace.write("quickstart.bnn", text), text, 0);
		job.schedule();
		job.join();
		assertEquals(IStatus.ERROR, job.getResult().getSeverity());
		assertEquals("quickstart.bnn has errors: fix them first (Problems view)", job.getResult().getMessage());
	}

	private static String read(IFile file) throws CoreException, IOException {
		try (InputStream in = file.getContents(true)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}
}
