package org.bnn.dsl.ui.tests;

import static org.bnn.dsl.ui.tests.BnnEditorTest.waitUntil;
import static org.bnn.dsl.ui.tests.WorkspaceFiles.contents;
import static org.bnn.dsl.ui.tests.WorkspaceFiles.javaFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.bnn.dsl.ui.builder.BnnNature;
import org.bnn.dsl.ui.validation.BnnMarkers;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The project builder, on files no editor has open: markers for every .bnn file, re-checked when
 * a file they import changes, and the Java simulation of the valid files in src-gen; a file an
 * editor holds unsaved keeps the editor's markers.
 */
class BnnProjectBuilderTest {

    private static final long TIMEOUT_MS = 60_000;

    @RegisterExtension
    final TemporaryProject workspace = new TemporaryProject("bnn-builder");

    @Test
    void validatesEveryFileAndGeneratesTheValidOnes() throws CoreException, IOException {
        IFile hardware = workspace.write("illustrative-hw.bnn", BnnEditorFeaturesTest.HARDWARE);
        IFile quickstart = workspace.write("quickstart.bnn", BnnEditorFeaturesTest.QUICKSTART);
        IFile broken = workspace.write("broken.bnn", "package broken\ntile T { cells 0 rows x 32 columns 2T2R }\n");
        BnnNature.addTo(workspace.project());
        workspace.project().build(IncrementalProjectBuilder.FULL_BUILD, null);

        assertEquals(List.of("line 2: The rows must be positive, got 0"), errors(broken));
        assertEquals(List.of(), errors(quickstart));
        List<IFile> generated = javaFiles(workspace.project().getFolder("src-gen"));
        assertFalse(generated.isEmpty(), "Java generated into src-gen");
        assertTrue(generated.stream().allMatch(IResource::isDerived), "generated files are derived");
        assertTrue(generated.stream().anyMatch(f -> contents(f).contains("OnDemo")), generated.toString());

        // A smaller chip in the hardware file: the mapping in the other file no longer fits, and its
        // simulation is no longer generated.
        hardware.setContents(new ByteArrayInputStream(BnnEditorFeaturesTest.HARDWARE.replace("tiles 4096 of T32", "tiles 16 of T32")
                .getBytes(StandardCharsets.UTF_8)), true, false, null);
        workspace.project().build(IncrementalProjectBuilder.INCREMENTAL_BUILD, null);
        List<String> capacity = errors(quickstart);
        assertEquals(1, capacity.size(), capacity.toString());
        assertTrue(capacity.get(0).startsWith("line " + (CHIP_REFERENCE_LINE + 1) + ": "), capacity.toString());
        assertTrue(javaFiles(workspace.project().getFolder("src-gen")).stream().noneMatch(f -> contents(f).contains("OnDemo")),
                "stale simulation removed");

        workspace.project().build(IncrementalProjectBuilder.CLEAN_BUILD, null);
        assertEquals(0, workspace.project().findMarkers(BnnMarkers.PROBLEM, true, IResource.DEPTH_INFINITE).length,
                "clean removes the markers");
    }

    @Test
    void anEditorsUnsavedTextKeepsItsMarkersUntilItIsSaved() throws CoreException, BadLocationException {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        IFile broken = workspace.write("broken.bnn", "package broken\ntile T { cells 0 rows x 32 columns 2T2R }\n");
        try {
            ITextEditor editor = (ITextEditor) IDE.openEditor(page, broken);
            IDocument document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
            assertTrue(waitUntil(() -> errorsOf(broken).size() == 1, TIMEOUT_MS), "the saved file's error, live");
            // Typed, not saved: the fix is live and the marker goes.
            document.replace(document.get().indexOf("0 rows"), 1, "32");
            assertTrue(waitUntil(() -> errorsOf(broken).isEmpty(), TIMEOUT_MS), () -> "live markers: " + errorsOf(broken));

            // Add BNN Nature builds the saved file, which still has the error: the editor's markers stay.
            BnnNature.addTo(workspace.project());
            workspace.project().build(IncrementalProjectBuilder.FULL_BUILD, null);
            assertEquals(List.of(), errorsOf(broken), "the builder's markers of the saved file over the unsaved editor");

            // Saved: the builder's markers are of the same text again.
            editor.doSave(null);
            workspace.project().build(IncrementalProjectBuilder.FULL_BUILD, null);
            assertEquals(List.of(), errorsOf(broken));
            document.replace(document.get().indexOf("32 rows"), 2, "0");
            editor.doSave(null);
            workspace.project().build(IncrementalProjectBuilder.FULL_BUILD, null);
            assertEquals(List.of("line 2: The rows must be positive, got 0"), errorsOf(broken), "after a save the builder reports");
        } finally {
            page.closeAllEditors(false);
        }
    }

    private static List<String> errorsOf(IFile file) {
        try {
            return errors(file);
        } catch (CoreException e) {
            throw new AssertionError(e);
        }
    }

    /** The mapping's line naming the chip (0-based), where the capacity error goes. */
    private static final int CHIP_REFERENCE_LINE = BnnEditorFeaturesTest.line(BnnEditorFeaturesTest.QUICKSTART, "network MnistMlp on Demo");

    private static List<String> errors(IFile file) throws CoreException {
        return Arrays.stream(file.findMarkers(BnnMarkers.PROBLEM, true, IResource.DEPTH_ZERO))
                .filter(m -> m.getAttribute(IMarker.SEVERITY, -1) == IMarker.SEVERITY_ERROR)
                .map(m -> "line " + m.getAttribute(IMarker.LINE_NUMBER, -1) + ": " + m.getAttribute(IMarker.MESSAGE, "")).toList();
    }
}
