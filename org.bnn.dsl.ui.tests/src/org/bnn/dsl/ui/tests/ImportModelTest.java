package org.bnn.dsl.ui.tests;

import static org.bnn.dsl.ui.tests.BnnEditorTest.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.bnn.dsl.ui.editor.BnnEditor;
import org.bnn.dsl.ui.imports.ImportModelHandler;
import org.bnn.dsl.ui.imports.ImportModelJob;
import org.bnn.dsl.ui.model.ParsedDocument;
import org.bnn.dsl.ui.validation.BnnMarkers;
import org.bnn.onnx.workspace.ImportOptions;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.wizard.IWizardContainer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.xtext.diagnostics.Severity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Import Model as BNN on the committed PyTorch fixture (examples/import/fashion-bnn.onnx): the
 * wizard's defaults, the written .bnn and .npz, the .bnn open in the BNN editor without problems;
 * a corrupt model gives `bnn import`'s one line and writes nothing.
 */
class ImportModelTest {
    private static final long TIMEOUT_MS = 60_000;

    @RegisterExtension
    final TemporaryProject workspace = new TemporaryProject("bnn-import");
    private IWorkbenchPage page;

    @BeforeEach
    void setUp() {
        page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
    }

    @AfterEach
    void closeEditors() {
        page.closeAllEditors(false);
    }

    @Test
    void theWizardImportsTheFixtureBesideItAndOpensTheNetworkInTheBnnEditor() throws Exception {
        IFile model = copy(fixture("fashion-bnn.onnx"), "fashion-bnn.onnx");
        List<String> defaults = new ArrayList<>();
        Display display = Display.getCurrent();
        // The wizard is modal: the user's part runs in its event loop.
        display.timerExec(100, new Runnable() {
            @Override
            public void run() {
                Shell shell = display.getActiveShell();
                if (shell == null || !(shell.getData() instanceof IWizardContainer) || !shell.getText().equals("Import Model as BNN")) {
                    display.timerExec(100, this);
                    return;
                }
                // The editable fields (the title area's message is a read-only Text too).
                Workbench.find(shell, Text.class).stream().filter(t -> (t.getStyle() & SWT.READ_ONLY) == 0).map(Text::getText)
                        .forEach(defaults::add);
                Combo chip = Workbench.find(shell, Combo.class).get(0);
                defaults.add(chip.getText() + " of " + Arrays.asList(chip.getItems()));
                Workbench.click(shell, "Finish");
            }
        });

        ImportModelHandler.open(display.getActiveShell(), model);

        String folder = workspace.project().getFullPath().toString();
        assertEquals(List.of("FashionBnn", folder, "",
                "presets.illustrative.Demo of [presets.illustrative.Demo, presets.illustrative.Demo1T1R, presets.illustrative.DemoSecded]"),
                defaults, "name, folder, data set and chip (the bundled presets: the project has no lib/)");
        assertTrue(waitUntil(() -> page.getActiveEditor() instanceof BnnEditor editor && editor.getInputFile() != null
                && editor.getInputFile().getName().equals("FashionBnn.bnn"), TIMEOUT_MS), "FashionBnn.bnn opened in the BNN editor");
        BnnEditor editor = assertInstanceOf(BnnEditor.class, page.getActiveEditor());
        IFile bnn = workspace.project().getFile("FashionBnn.bnn");
        assertTrue(bnn.exists() && workspace.project().getFile("FashionBnn.npz").exists(),
                "the .bnn and .npz, refreshed into the workspace");
        assertTrue(workspace.project().getFile("lib/illustrative-hw.bnn").exists(), "the bundled presets written beside it");
        assertTrue(waitUntil(() -> editor.currentParse() != null, TIMEOUT_MS), "the editor's parse");
        ParsedDocument parsed = editor.currentParse();
        assertTrue(parsed.text().contains("mapping FashionBnnOnDemo {\n    network FashionBnn on Demo\n"), parsed.text());
        assertEquals(List.of(), parsed.issues().stream().filter(i -> i.getSeverity() == Severity.ERROR).map(Object::toString).toList());
        assertEquals(List.of(), errorMarkers(bnn));
    }

    @Test
    void aCorruptModelGivesTheCliErrorLineAndWritesNothing() throws Exception {
        IFile model = workspace.write("broken.onnx", "not a protobuf at all\n");
        List<String> errors = new ArrayList<>();
        ImportModelJob job = new ImportModelJob(model, workspace.project(), ImportOptions.defaults(), errors::add);

        job.schedule();
        job.join();

        assertEquals(1, errors.size(), errors::toString);
        String location = model.getLocation().toOSString();
        assertTrue(errors.get(0).startsWith(location + ": not an ONNX model (the protobuf does not parse"), errors.get(0));
        assertEquals(1, errors.get(0).lines().count(), "one line");
        assertTrue(job.imported().isEmpty());
        assertEquals(List.of("broken.onnx"), Arrays.stream(workspace.project().members()).map(IResource::getName)
                .filter(n -> !n.startsWith(".")).toList(), "nothing written");
    }

    @Test
    void anExistingNetworkIsOverwrittenOnlyWhenAskedTo() throws Exception {
        IFile model = copy(fixture("fashion-bnn.onnx"), "fashion-bnn.onnx");
        IFile mine = workspace.write("FashionBnn.bnn", "// mine\n");
        List<String> errors = new ArrayList<>();

        ImportModelJob refused = new ImportModelJob(model, workspace.project(), ImportOptions.defaults(), errors::add);
        refused.schedule();
        refused.join();
        assertEquals(List.of(mine.getLocation().toOSString() + ": exists; choose another name or folder, or tick Overwrite"), errors);
        assertEquals("// mine\n", WorkspaceFiles.contents(mine));

        ImportModelJob forced = new ImportModelJob(model, workspace.project(), new ImportOptions(null, null, 8, null, true), errors::add);
        forced.schedule();
        forced.join();
        assertEquals(1, errors.size(), errors::toString);
        assertTrue(WorkspaceFiles.contents(mine).contains("network FashionBnn {"), "overwritten when asked");
        assertTrue(waitUntil(() -> page.getActiveEditor() instanceof BnnEditor, TIMEOUT_MS), "and opened");
    }

    private IFile copy(Path source, String name) throws IOException, CoreException {
        try (InputStream in = Files.newInputStream(source)) {
            IFile file = workspace.project().getFile(name);
            file.create(in, true, null);
            return file;
        }
    }

    /** A committed model under examples/import of the repository (the build passes its root; tests run in a module's folder). */
    private static Path fixture(String name) {
        Path file = Path.of(System.getProperty("bnn.repository.root", ".."), "examples", "import", name);
        assertTrue(Files.isRegularFile(file), file.toAbsolutePath() + " is missing");
        return file;
    }

    private static List<String> errorMarkers(IFile file) throws CoreException {
        return Arrays.stream(file.findMarkers(BnnMarkers.PROBLEM, true, IResource.DEPTH_ZERO))
                .filter(m -> m.getAttribute(IMarker.SEVERITY, -1) == IMarker.SEVERITY_ERROR).map(m -> m.getAttribute(IMarker.MESSAGE, ""))
                .toList();
    }
}
