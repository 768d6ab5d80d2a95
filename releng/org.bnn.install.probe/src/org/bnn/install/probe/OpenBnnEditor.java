package org.bnn.install.probe;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.application.WorkbenchAdvisor;
import org.eclipse.ui.ide.IDE;

/**
 * Starts the workbench, opens a .bnn file with a bad tile in the editor Eclipse chooses for it,
 * waits for the file's problem markers and writes what it saw to the file named by its one
 * argument ({@code editor=<id>}, then one {@code marker=line N: message} line per problem), then
 * closes. Knows nothing of the BNN bundles: it sees what a user would.
 */
public final class OpenBnnEditor implements IApplication {

    private static final String TEXT = "package probe\ntile T32 { cells 32 rows x 32 columns 2T2R }\ntile Bad { cells 0 rows x 32 columns 2T2R }\n";
    private static final long TIMEOUT_MS = 120_000;
    private static final int CLOSE_DELAY_MS = 2_000;

    @Override
    public Object start(IApplicationContext context) throws Exception {
        String[] args = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        Path result = Path.of(args[args.length - 1]);
        Display display = PlatformUI.createDisplay();
        try {
            PlatformUI.createAndRunWorkbench(display, new WorkbenchAdvisor() {
                @Override
                public String getInitialWindowPerspectiveId() {
                    return "org.eclipse.ui.resourcePerspective";
                }

                @Override
                public void postStartup() {
                    display.asyncExec(() -> probe(display, result));
                }
            });
        } finally {
            display.dispose();
        }
        return EXIT_OK;
    }

    private static void probe(Display display, Path result) {
        List<String> lines = new ArrayList<>();
        try {
            IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject("probe");
            if (!project.exists()) {
                project.create(null);
            }
            project.open(null);
            IFile file = project.getFile("demo.bnn");
            if (!file.exists()) {
                file.create(new ByteArrayInputStream(TEXT.getBytes(StandardCharsets.UTF_8)), true, null);
            }
            IEditorPart editor = IDE.openEditor(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage(), file);
            lines.add("editor=" + editor.getSite().getId());
            long end = System.currentTimeMillis() + TIMEOUT_MS;
            while (problems(file).isEmpty() && System.currentTimeMillis() < end) {
                if (!display.readAndDispatch()) {
                    Thread.sleep(20);
                }
            }
            problems(file).forEach(problem -> lines.add("marker=" + problem));
        } catch (CoreException | InterruptedException | RuntimeException e) {
            lines.add("failure=" + e);
        }
        try {
            Files.write(result, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            e.printStackTrace();
        }
        // Closed once the workbench has finished starting (its startup-complete event still runs).
        display.timerExec(CLOSE_DELAY_MS, () -> PlatformUI.getWorkbench().close());
    }

    private static List<String> problems(IFile file) throws CoreException {
        List<String> problems = new ArrayList<>();
        for (IMarker marker : file.findMarkers(IMarker.PROBLEM, true, IResource.DEPTH_ZERO)) {
            problems.add("line " + marker.getAttribute(IMarker.LINE_NUMBER, -1) + ": " + marker.getAttribute(IMarker.MESSAGE, ""));
        }
        return problems;
    }

    @Override
    public void stop() {
        // the workbench closes itself when the probe is done
    }
}
