package org.bnn.dsl.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import org.bnn.dsl.ui.editor.BnnEditor;
import org.bnn.dsl.ui.highlighting.BnnHighlightingStyles;
import org.bnn.dsl.ui.validation.BnnMarkers;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.content.IContentType;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextOperationTarget;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The .bnn editor in a real workbench: editor binding, highlighting in the text widget, and
 * validation problems as markers on the file (what the Problems view lists).
 */
class BnnEditorTest {

    private static final long TIMEOUT_MS = 60_000;

    static final String VALID = """
            // quick start: one tile type, one chip, one network
            package examples.quickstart
            tile T32 { cells 32 rows x 32 columns 2T2R }
            chip Demo { tiles 4096 of T32 }
            /* a small multi-layer perceptron */
            network Mlp {
                input pixels: 28 x 28
                dense fc1: 1024
                dense fc2: 1024
                output out: dense 10
            }
            mapping OnDemo { network Mlp on Demo }
            """;

    /** Parses, but the validator rejects a tile of 0 rows (line 3). */
    static final String INVALID_TILE = """
            package examples.broken

            tile T { cells 0 rows x 32 columns 2T2R }
            chip Demo { tiles 4 of T }
            """;

    /** A syntax error: the chip's closing brace is missing, so the parser stops at 'tile' on line 4. */
    static final String MISSING_BRACE = """
            package examples.syntax
            tile T32 { cells 32 rows x 32 columns 2T2R }
            chip Demo { tiles 4 of T32
            tile T8 { cells 8 rows x 8 columns 2T2R }
            """;

    private IProject project;
    private IWorkbenchPage page;

    @BeforeEach
    void setUp() throws CoreException {
        page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        project = ResourcesPlugin.getWorkspace().getRoot().getProject("bnn-ui-test-" + System.nanoTime());
        project.create(null);
        project.open(null);
    }

    @AfterEach
    void tearDown() throws CoreException {
        page.closeAllEditors(false);
        project.delete(true, true, null);
    }

    @Test
    void bnnFilesHaveTheirContentTypeAndOpenInTheBnnEditor() throws CoreException {
        IFile file = write("quickstart.bnn", VALID);
        IContentType type = file.getContentDescription().getContentType();
        assertEquals("org.bnn.dsl.ui.contentType", type.getId());
        IEditorPart editor = IDE.openEditor(page, file);
        assertInstanceOf(BnnEditor.class, editor);
        assertEquals(BnnEditor.ID, editor.getEditorSite().getId());
    }

    @Test
    void keywordsNumbersAndCommentsAreHighlighted() throws CoreException {
        IFile file = write("quickstart.bnn", VALID);
        StyledText text = textWidget(IDE.openEditor(page, file));
        waitUntil(() -> text.getStyleRanges().length > 0, TIMEOUT_MS);

        // Each snippet starts with a keyword (the first occurrence outside the comment).
        for (String keyword : List.of("tile T32", "cells 32", "rows x", "chip Demo", "network Mlp {", "dense fc1",
                "mapping OnDemo")) {
            StyleRange style = styleAt(text, keyword, 0);
            assertNotNull(style, "no style on keyword of " + keyword);
            assertNotNull(style.foreground, "no colour on keyword of " + keyword);
            assertEquals(BnnHighlightingStyles.KEYWORD, style.foreground.getRGB(), "colour of keyword of " + keyword);
            assertEquals(SWT.BOLD, style.fontStyle & SWT.BOLD, "keyword of " + keyword + " is bold");
        }
        assertEquals(BnnHighlightingStyles.NUMBER, colourAt(text, "4096", 0));
        assertEquals(BnnHighlightingStyles.COMMENT, colourAt(text, "// quick start", 3));
        assertEquals(BnnHighlightingStyles.COMMENT, colourAt(text, "multi-layer", 0));
        // Identifiers are plain: neither bold nor keyword-coloured.
        StyleRange identifier = styleAt(text, "Mlp {", 0);
        assertTrue(identifier == null || (identifier.fontStyle & SWT.BOLD) == 0, "identifier Mlp is not bold");
        assertNotEquals(BnnHighlightingStyles.KEYWORD, identifier == null || identifier.foreground == null
                ? null
                : identifier.foreground.getRGB());
    }

    /** Names, units, choice words and tile ranges, for the semantic colours. */
    static final String SEMANTIC = """
            package examples.semantic
            tile T32 { cells 32 rows x 32 columns 2T2R }
            chip Demo { tiles 4096 of T32  clock 100 MHz }
            network Mlp {
                input pixels: 28 x 28
                dense fc1: 1024
                output out: dense 10
            }
            mapping OnDemo {
                network Mlp on Demo
                place fc1 -> tiles 0..799, out -> tiles 800..831
            }
            """;

    @Test
    void namesUnitsAndChoicesAreColouredByWhatTheyMean() throws CoreException, BadLocationException {
        IFile file = write("semantic.bnn", SEMANTIC);
        IEditorPart editor = IDE.openEditor(page, file);
        StyledText text = textWidget(editor);
        assertTrue(waitUntil(() -> BnnHighlightingStyles.ELEMENT.equals(foregroundAt(text, "Mlp on")), TIMEOUT_MS),
                "no semantic colour on the network reference: " + styleAt(text, "Mlp on", 0));

        assertEquals(BnnHighlightingStyles.ELEMENT, colourAt(text, "Mlp {", 0), "network declaration");
        assertEquals(BnnHighlightingStyles.ELEMENT, colourAt(text, "Demo {", 0), "chip declaration");
        assertEquals(BnnHighlightingStyles.ELEMENT, colourAt(text, "Demo\n", 0), "chip reference");
        assertEquals(BnnHighlightingStyles.ELEMENT, colourAt(text, "of T32", 3), "tile reference");
        assertEquals(BnnHighlightingStyles.LAYER, colourAt(text, "fc1:", 0), "layer declaration");
        assertEquals(BnnHighlightingStyles.LAYER, colourAt(text, "fc1 ->", 0), "layer reference");
        assertEquals(BnnHighlightingStyles.INPUT, colourAt(text, "pixels:", 0), "input");
        assertEquals(BnnHighlightingStyles.UNIT, colourAt(text, "MHz", 0), "unit");
        StyleRange choice = styleAt(text, "2T2R", 0);
        assertEquals(BnnHighlightingStyles.LAYER, choice.foreground.getRGB(), "choice word");
        assertEquals(SWT.ITALIC, choice.fontStyle & SWT.ITALIC, "choice word is italic");
        assertEquals(BnnHighlightingStyles.NUMBER, colourAt(text, "0..799", 0), "tile range");
        assertEquals(BnnHighlightingStyles.NUMBER, colourAt(text, "0..799", 5), "tile range");
        assertEquals(BnnHighlightingStyles.KEYWORD, colourAt(text, "network Mlp", 0), "keywords keep their colour");
        assertEquals(BnnHighlightingStyles.KEYWORD, colourAt(text, "place fc1", 0), "keywords keep their colour");

        // While the user types, the colours move with the text until the next parse replaces them: the whole
        // text drawn again right after an edit (before any parse can run) has them at the names' new places.
        IDocument document = ((ITextEditor) editor).getDocumentProvider().getDocument(editor.getEditorInput());
        document.replace(0, 0, "// an edit before everything\n");
        ((ITextViewer) editor.getAdapter(ITextOperationTarget.class)).invalidateTextPresentation();
        assertEquals(BnnHighlightingStyles.ELEMENT, colourAt(text, "Mlp on", 0), "after an edit");
        assertEquals(BnnHighlightingStyles.UNIT, colourAt(text, "MHz", 0), "after an edit");
        assertEquals(BnnHighlightingStyles.KEYWORD, colourAt(text, "network Mlp", 0), "after an edit");
    }

    private static RGB foregroundAt(StyledText text, String snippet) {
        StyleRange style = styleAt(text, snippet, 0);
        return style == null || style.foreground == null ? null : style.foreground.getRGB();
    }

    @Test
    void validatorErrorIsAProblemMarkerOnItsLine() throws CoreException {
        IFile file = write("broken.bnn", INVALID_TILE);
        IDE.openEditor(page, file);
        List<IMarker> errors = waitForErrors(file);
        IMarker error = errors.get(0);
        assertEquals(3, error.getAttribute(IMarker.LINE_NUMBER, -1), describe(errors));
        assertFalse(error.getAttribute(IMarker.MESSAGE, "").isBlank());
        assertTrue(error.isSubtypeOf(IMarker.PROBLEM), "listed in the Problems view");
        int start = error.getAttribute(IMarker.CHAR_START, -1);
        int lineStart = INVALID_TILE.indexOf("tile T");
        assertTrue(start >= lineStart && start < INVALID_TILE.indexOf('\n', lineStart), "marker starts on line 3: " + start);
    }

    @Test
    void syntaxErrorIsAProblemMarkerOnItsLine() throws CoreException {
        IFile file = write("syntax.bnn", MISSING_BRACE);
        IDE.openEditor(page, file);
        List<IMarker> errors = waitForErrors(file);
        assertTrue(errors.stream().anyMatch(m -> m.getAttribute(IMarker.LINE_NUMBER, -1) == 4
                && m.getAttribute(IMarker.MESSAGE, "").contains("'}'")), describe(errors));
    }

    @Test
    void markersFollowTheTextWhileTyping() throws CoreException {
        IFile file = write("quickstart.bnn", VALID);
        IEditorPart editor = IDE.openEditor(page, file);
        IDocument document = ((ITextEditor) editor).getDocumentProvider().getDocument(editor.getEditorInput());

        // Break the valid text in the editor (unsaved): an error marker appears on line 3 ...
        document.set(VALID.replace("cells 32 rows", "cells 0 rows"));
        List<IMarker> errors = waitForErrors(file);
        assertEquals(3, errors.get(0).getAttribute(IMarker.LINE_NUMBER, -1), describe(errors));

        // ... and goes away when the text is valid again: no error or warning is left (hints may remain).
        document.set(VALID);
        assertTrue(waitUntil(() -> errorsAndWarnings(file).isEmpty(), TIMEOUT_MS), () -> describe(markers(file)));
    }

    // ---------------------------------------------------------------------------------------

    private IFile write(String name, String content) throws CoreException {
        IFile file = project.getFile(name);
        file.create(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), true, null);
        return file;
    }

    private static StyledText textWidget(IEditorPart editor) {
        assertInstanceOf(BnnEditor.class, editor);
        return assertInstanceOf(StyledText.class, editor.getAdapter(Control.class));
    }

    private static StyleRange styleAt(StyledText text, String snippet, int delta) {
        int offset = text.getText().indexOf(snippet);
        assertTrue(offset >= 0, "text contains " + snippet);
        return text.getStyleRangeAtOffset(offset + delta);
    }

    private static RGB colourAt(StyledText text, String snippet, int delta) {
        StyleRange style = styleAt(text, snippet, delta);
        assertNotNull(style, "no style at " + snippet);
        assertNotNull(style.foreground, "no colour at " + snippet);
        return style.foreground.getRGB();
    }

    private static List<IMarker> errorsAndWarnings(IFile file) {
        return markers(file).stream().filter(m -> m.getAttribute(IMarker.SEVERITY, -1) != IMarker.SEVERITY_INFO).toList();
    }

    private static List<IMarker> markers(IFile file) {
        try {
            return Arrays.asList(file.findMarkers(BnnMarkers.PROBLEM, true, IResource.DEPTH_ZERO));
        } catch (CoreException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<IMarker> errors(IFile file) {
        return markers(file).stream()
                .filter(m -> m.getAttribute(IMarker.SEVERITY, -1) == IMarker.SEVERITY_ERROR)
                .collect(Collectors.toList());
    }

    private static List<IMarker> waitForErrors(IFile file) {
        assertTrue(waitUntil(() -> !errors(file).isEmpty(), TIMEOUT_MS), "no error marker on " + file.getName());
        return errors(file);
    }

    private static String describe(List<IMarker> markers) {
        return markers.stream()
                .map(m -> "line " + m.getAttribute(IMarker.LINE_NUMBER, -1) + ": " + m.getAttribute(IMarker.MESSAGE, ""))
                .collect(Collectors.joining("; ", "markers [", "]"));
    }

    /** Runs the display's event loop until the condition holds or the time is up. */
    static boolean waitUntil(BooleanSupplier condition, long timeoutMs) {
        Display display = Display.getCurrent();
        long end = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < end) {
            while (display.readAndDispatch()) {
                // drain pending UI events (asyncExecs of the reconciler, repaints)
            }
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }
}
