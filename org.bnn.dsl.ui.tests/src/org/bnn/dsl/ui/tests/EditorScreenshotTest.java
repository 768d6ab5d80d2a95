package org.bnn.dsl.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import org.bnn.dsl.ui.editor.BnnEditor;
import org.bnn.dsl.ui.validation.BnnMarkers;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.ITextOperationTarget;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.Test;

/**
 * Takes the editor screenshots of the docs: {@code docs/editor.png} (the quick-start example with
 * highlighting, the Estimator's figures as code minings, the outline and a validation error in the
 * Problems view) and {@code docs/editor-hover.png} beside it (the hover breakdown of a layer).
 * Runs only when the system property {@code bnn.screenshot} names the first PNG (see
 * releng/scripts/screenshot.sh); uses ImageMagick's {@code import} on the X display the workbench
 * runs on.
 */
class EditorScreenshotTest {

    /** The quick-start example plus a tile the validator rejects. */
    static final String EXAMPLE = BnnEditorFeaturesTest.QUICKSTART.replace("network MnistMlp {", """
            // a mistake, to show a marker
            tile Broken { cells 0 rows x 32 columns 2T2R }

            network MnistMlp {""");

    @Test
    void editorWithMiningsOutlineMarkerAndHover() throws CoreException, IOException, InterruptedException {
        String target = System.getProperty("bnn.screenshot", "");
        assumeTrue(!target.isBlank(), "set -Dbnn.screenshot=<png> to take the screenshots");

        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        // Xvfb has no window manager, so "maximized" means nothing: fill the screen by hand.
        window.getShell().setBounds(window.getShell().getDisplay().getPrimaryMonitor().getBounds());
        IWorkbenchPage page = window.getActivePage();
        IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject("examples");
        if (!project.exists()) {
            project.create(null);
        }
        project.open(null);
        write(project, "illustrative-hw.bnn", BnnEditorFeaturesTest.HARDWARE);
        IFile file = write(project, "quickstart.bnn", EXAMPLE);

        page.showView(IPageLayout.ID_PROBLEM_VIEW);
        page.showView(IPageLayout.ID_PROJECT_EXPLORER);
        page.showView(IPageLayout.ID_OUTLINE);
        IEditorPart part = IDE.openEditor(page, file);
        assertTrue(part instanceof BnnEditor);
        BnnEditor editor = (BnnEditor) part;
        ISourceViewer viewer = (ISourceViewer) editor.getAdapter(ITextOperationTarget.class);
        assertTrue(BnnEditorTest.waitUntil(() -> errorCount(file) > 0, 60_000), "no error marker");
        assertTrue(BnnEditorTest.waitUntil(() -> BnnEditorFeaturesTest.inlinedAnnotations(viewer) == 6, 60_000), "code minings not drawn");
        editor.selectAndReveal(EXAMPLE.indexOf("0 rows"), 0);
        // Let the Problems view and the outline catch up, open the "Errors" group, let the minings paint.
        BnnEditorTest.waitUntil(() -> false, 2_000);
        expandErrorsGroup(window.getShell());
        BnnEditorTest.waitUntil(() -> false, 1_500);
        File png = new File(target).getAbsoluteFile();
        capture(png);

        // Rest the mouse on the layer fc1 until the hover shows the Estimator's breakdown.
        StyledText text = viewer.getTextWidget();
        int before = visibleShells(text.getDisplay());
        Point at = text.toDisplay(text.getLocationAtOffset(text.getText().indexOf("fc1:") + 1));
        for (int dx = 0; dx < 3; dx++) {
            postMouseMove(text.getDisplay(), at.x + dx, at.y + text.getLineHeight() / 2);
            BnnEditorTest.waitUntil(() -> false, 100);
        }
        assertTrue(BnnEditorTest.waitUntil(() -> visibleShells(text.getDisplay()) > before, 10_000), "no hover appeared");
        BnnEditorTest.waitUntil(() -> false, 1_000);
        capture(new File(png.getParentFile(), "editor-hover.png"));
    }

    private static IFile write(IProject project, String name, String content) throws CoreException {
        IFile file = project.getFile(name);
        if (file.exists()) {
            file.delete(true, null);
        }
        file.create(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), true, null);
        return file;
    }

    private static void capture(File png) throws IOException, InterruptedException {
        png.getParentFile().mkdirs();
        Process importer = new ProcessBuilder("import", "-window", "root", png.getPath()).inheritIO().start();
        assertTrue(importer.waitFor(60, TimeUnit.SECONDS), "import timed out");
        assertEquals(0, importer.exitValue(), "import failed");
        assertTrue(png.length() > 0, "no screenshot written");
    }

    private static void postMouseMove(Display display, int x, int y) {
        Event move = new Event();
        move.type = SWT.MouseMove;
        move.x = x;
        move.y = y;
        display.post(move);
    }

    private static int visibleShells(Display display) {
        return (int) Arrays.stream(display.getShells()).filter(Shell::isVisible).count();
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
