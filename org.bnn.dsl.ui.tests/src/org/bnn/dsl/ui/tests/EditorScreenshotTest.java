package org.bnn.dsl.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.bnn.dsl.ui.editor.BnnEditor;
import org.bnn.dsl.ui.validation.BnnMarkers;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.Test;

/**
 * Takes the editor screenshot of the docs (docs/editor.png): a .bnn file with highlighting and
 * a validation error, the marker in the Problems view. Runs only when the system property
 * {@code bnn.screenshot} names the PNG to write (see releng/scripts/screenshot.sh); uses
 * ImageMagick's {@code import} on the X display the workbench runs on.
 */
class EditorScreenshotTest {

	static final String EXAMPLE = """
			// Quick start: a 2T2R RRAM chip running a binarized MLP
			package examples.quickstart

			/* 32 x 32 differential cells per tile, one sense amplifier per column */
			tile T32 { cells 32 rows x 32 columns 2T2R }
			tile Broken { cells 0 rows x 32 columns 2T2R }

			chip Demo { tiles 4096 of T32 }

			network Mlp {
			    input pixels: 28 x 28
			    dense fc1: 1024
			    dense fc2: 1024
			    output out: dense 10
			}

			mapping OnDemo { network Mlp on Demo }
			""";

	@Test
	void editorWithHighlightingAndErrorMarker() throws CoreException, IOException, InterruptedException {
		String target = System.getProperty("bnn.screenshot", "");
		assumeTrue(!target.isBlank(), "set -Dbnn.screenshot=<png> to take the screenshot");

		IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
		// Xvfb has no window manager, so "maximized" means nothing: fill the screen by hand.
		window.getShell().setBounds(window.getShell().getDisplay().getPrimaryMonitor().getBounds());
		IWorkbenchPage page = window.getActivePage();
		IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject("examples");
		if (!project.exists()) {
			project.create(null);
		}
		project.open(null);
		IFile file = project.getFile("quickstart.bnn");
		if (file.exists()) {
			file.delete(true, null);
		}
		file.create(new ByteArrayInputStream(EXAMPLE.getBytes(StandardCharsets.UTF_8)), true, null);

		page.showView(IPageLayout.ID_PROBLEM_VIEW);
		page.showView(IPageLayout.ID_PROJECT_EXPLORER);
		IViewPart outline = page.findView(IPageLayout.ID_OUTLINE);
		if (outline != null) {
			page.hideView(outline); // the editor has no outline page yet
		}
		IEditorPart editor = IDE.openEditor(page, file);
		assertTrue(editor instanceof BnnEditor);
		assertTrue(BnnEditorTest.waitUntil(() -> errorCount(file) > 0, 60_000), "no error marker");
		((BnnEditor) editor).selectAndReveal(EXAMPLE.indexOf("0 rows"), 0);
		// Let the Problems view catch up, open its "Errors" group, let the annotations paint.
		BnnEditorTest.waitUntil(() -> false, 2_000);
		expandErrorsGroup(window.getShell());
		BnnEditorTest.waitUntil(() -> false, 1_500);

		File png = new File(target).getAbsoluteFile();
		png.getParentFile().mkdirs();
		Process importer = new ProcessBuilder("import", "-window", "root", png.getPath()).inheritIO().start();
		assertTrue(importer.waitFor(60, TimeUnit.SECONDS), "import timed out");
		assertEquals(0, importer.exitValue(), "import failed");
		assertTrue(png.length() > 0, "no screenshot written");
	}

	/** Expands the Problems view's "Errors" group (as a click on its arrow would). */
	private static void expandErrorsGroup(Control control) {
		if (control instanceof Tree tree) {
			for (TreeItem item : tree.getItems()) {
				if (item.getText().startsWith("Errors")) {
					Event event = new Event();
					event.item = item;
					tree.notifyListeners(SWT.Expand, event);
					item.setExpanded(true);
				}
			}
		} else if (control instanceof Composite composite) {
			for (Control child : composite.getChildren()) {
				expandErrorsGroup(child);
			}
		}
	}

	private static int errorCount(IFile file) {
		try {
			int errors = 0;
			for (IMarker marker : file.findMarkers(BnnMarkers.PROBLEM, true, IResource.DEPTH_ZERO)) {
				if (marker.getAttribute(IMarker.SEVERITY, -1) == IMarker.SEVERITY_ERROR) {
					errors++;
				}
			}
			return errors;
		} catch (CoreException e) {
			return 0;
		}
	}
}
