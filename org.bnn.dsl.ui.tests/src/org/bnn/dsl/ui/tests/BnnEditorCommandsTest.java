package org.bnn.dsl.ui.tests;

import static org.bnn.dsl.ui.tests.BnnEditorFeaturesTest.HARDWARE;
import static org.bnn.dsl.ui.tests.BnnEditorFeaturesTest.QUICKSTART;
import static org.bnn.dsl.ui.tests.BnnEditorFeaturesTest.document;
import static org.bnn.dsl.ui.tests.BnnEditorFeaturesTest.waitForParse;
import static org.bnn.dsl.ui.tests.BnnEditorFeaturesTest.marker;
import static org.bnn.dsl.ui.tests.BnnEditorTest.waitUntil;
import static org.bnn.dsl.ui.tests.WorkspaceFiles.contents;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

import org.bnn.dsl.ui.editor.BnnEditor;
import org.bnn.dsl.ui.occurrences.BnnOccurrences;
import org.bnn.dsl.ui.preferences.BnnPreferencePage;
import org.bnn.dsl.ui.references.BnnReferencesPage;
import org.bnn.dsl.ui.preferences.BnnPreferences;
import org.bnn.dsl.validation.BnnIssueCodes;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.preference.IPreferenceNode;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.jface.preference.PreferenceConverter;
import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextOperationTarget;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.wizard.IWizardContainer;
import org.eclipse.search.ui.ISearchResultViewPart;
import org.eclipse.search.ui.NewSearchUI;
import org.eclipse.search.ui.text.AbstractTextSearchResult;
import org.eclipse.search.ui.text.Match;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The commands every Xtext editor has, driven through their key bindings and menus in a real
 * workbench: F3 and Navigate → Open Declaration, Ctrl+Shift+G References, Ctrl+Shift+F and Source → Format, Ctrl+1, Mark
 * Occurrences, Alt+Shift+R with its preview across two files, templates in Ctrl+Space, and
 * Window → Preferences → BNN.
 */
class BnnEditorCommandsTest {

    private static final long TIMEOUT_MS = 60_000;

    @RegisterExtension
    final TemporaryProject workspace = new TemporaryProject("bnn-commands");
    private IWorkbenchPage page;
    private IFile hardware;

    @BeforeEach
    void setUp() throws CoreException {
        page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        hardware = workspace.write("illustrative-hw.bnn", HARDWARE);
    }

    @AfterEach
    void closeEditors() {
        page.closeAllEditors(false);
    }

    @Test
    void f3AndNavigateOpenDeclarationOpenTheChipInTheOtherFile() throws CoreException {
        BnnEditor editor = open("quickstart.bnn", QUICKSTART);
        editor.selectAndReveal(QUICKSTART.indexOf("on Demo") + 4, 0);

        Workbench.press("F3");
        assertDemoSelectedInHardware();

        page.activate(editor);
        Workbench.selectMenu("Navigate", "Open Declaration");
        assertDemoSelectedInHardware();
    }

    private void assertDemoSelectedInHardware() {
        BnnEditor opened = assertInstanceOf(BnnEditor.class, page.getActiveEditor());
        assertEquals("illustrative-hw.bnn", opened.getInputFile().getName());
        ITextSelection selection = (ITextSelection) opened.getSelectionProvider().getSelection();
        assertEquals(HARDWARE.indexOf("Demo {"), selection.getOffset());
        assertEquals(4, selection.getLength());
    }

    @Test
    void ctrlShiftFAndSourceFormatLayOutTheFileAsBnnFormatDoes() throws CoreException {
        String messy = QUICKSTART.replace("    dense fc1: 1024", "dense   fc1 :1024").replace("mapping OnDemo {", "mapping   OnDemo{");
        BnnEditor editor = open("quickstart.bnn", messy);
        // bnn format's layout of the quick start: a blank line after the package
        String formatted = QUICKSTART.replace("quickstart\nimport", "quickstart\n\nimport");

        Workbench.press("Ctrl+Shift+F");
        assertEquals(formatted, document(editor).get());

        editor.getAdapter(ITextOperationTarget.class).doOperation(ITextOperationTarget.UNDO);
        assertEquals(messy, document(editor).get(), "one undoable change");
        Workbench.selectMenu("Source", "Format");
        assertEquals(formatted, document(editor).get());
    }

    @Test
    void ctrl1OffersAndAppliesTheQuickFixOfTheProblemAtTheCaret() throws CoreException {
        String text = HARDWARE.replace("package presets.illustrative", "package presets.fixme").replace("median 8 kOhm", "median 8 kV");
        BnnEditor editor = open("fixme.bnn", text);
        IFile file = editor.getInputFile();
        assertTrue(waitUntil(() -> marker(file, BnnIssueCodes.UNIT_MISMATCH) != null, TIMEOUT_MS), "unit marker");
        editor.selectAndReveal(text.indexOf("kV") + 1, 0);

        Workbench.press("Ctrl+1");
        choose("Change 'kV' to 'kOhm'");

        assertEquals(text.replace("median 8 kV", "median 8 kOhm"), document(editor).get());
        assertTrue(waitUntil(() -> marker(file, BnnIssueCodes.UNIT_MISMATCH) == null, TIMEOUT_MS), "the marker goes with the next parse");
    }

    @Test
    void theCaretOnANameMarksItsDeclarationAndReferences() throws CoreException {
        BnnEditor editor = open("quickstart.bnn", QUICKSTART);
        waitForParse(editor);
        editor.selectAndReveal(QUICKSTART.indexOf("run OnDemo") + 5, 0);
        ISourceViewer viewer = (ISourceViewer) editor.getAdapter(ITextOperationTarget.class);
        List<Integer> expected = List.of(QUICKSTART.indexOf("OnDemo {"), QUICKSTART.indexOf("run OnDemo") + 4);
        assertTrue(waitUntil(() -> occurrences(viewer.getAnnotationModel()).equals(expected), TIMEOUT_MS),
                () -> "occurrences at " + occurrences(viewer.getAnnotationModel()));

        editor.selectAndReveal(QUICKSTART.indexOf("fc2"), 0);
        assertTrue(waitUntil(() -> occurrences(viewer.getAnnotationModel()).equals(List.of(QUICKSTART.indexOf("fc2"))), TIMEOUT_MS),
                () -> "occurrences at " + occurrences(viewer.getAnnotationModel()));
    }

    @Test
    void altShiftRRenamesTheChipInBothFilesAfterAPreview() throws CoreException {
        BnnEditor editor = open("quickstart.bnn", QUICKSTART);
        waitForParse(editor);
        editor.selectAndReveal(QUICKSTART.indexOf("on Demo") + 4, 0);
        List<String> seen = new ArrayList<>();
        Display display = Display.getCurrent();
        // The dialog is modal: the user's part runs in its event loop.
        display.timerExec(100, new Runnable() {
            int step;

            @Override
            public void run() {
                Shell shell = display.getActiveShell();
                if (shell == null || !(shell.getData() instanceof IWizardContainer dialog) || !shell.getText().startsWith("Rename")) {
                    display.timerExec(100, this);
                    return;
                }
                if (step == 0) {
                    Workbench.find(shell, Text.class).get(0).setText("BigChip");
                    Workbench.click(shell, "Preview >");
                    step = 1;
                    display.timerExec(100, this);
                } else {
                    seen.add(dialog.getCurrentPage().getName());
                    Workbench.click(shell, "OK");
                }
            }
        });

        Workbench.press("Alt+Shift+R");

        assertEquals(List.of("PreviewPage"), seen, "the preview was shown");
        assertEquals(QUICKSTART.replace("on Demo", "on BigChip"), document(editor).get());
        assertEquals(HARDWARE.replace("chip Demo", "chip BigChip"), contents(hardware), "the declaration in the other file");
    }

    @Test
    void ctrlShiftGListsTheReferencesOfTheProjectInTheSearchView() throws CoreException {
        String secondText = QUICKSTART.replace("package examples.quickstart", "package examples.second");
        IFile second = workspace.write("second.bnn", secondText);
        BnnEditor editor = open("quickstart.bnn", QUICKSTART);
        waitForParse(editor);
        editor.selectAndReveal(QUICKSTART.indexOf("on Demo") + 4, 0);

        Workbench.press("Ctrl+Shift+G");

        ISearchResultViewPart view = NewSearchUI.getSearchResultView();
        assertNotNull(view, "the Search view is open");
        BnnReferencesPage referencesPage = assertInstanceOf(BnnReferencesPage.class, view.getActivePage(),
                "the references page shows the result");
        AbstractTextSearchResult references = referencesPage.getInput();
        assertNotNull(references, "a result in the Search view");
        assertEquals("References to Demo (2 references)", references.getLabel());
        assertReference(references, editor.getInputFile(), QUICKSTART.indexOf("on Demo") + 3);
        assertReference(references, second, secondText.indexOf("on Demo") + 3);
        assertEquals(0, references.getMatches(hardware).length, "the declaration is not a reference");
    }

    @Test
    void ctrlSpaceAtTheStartOfALineOffersTheElementTemplates() throws CoreException {
        String text = QUICKSTART + "\nmapp";
        BnnEditor editor = open("quickstart.bnn", text);
        waitForParse(editor);
        editor.selectAndReveal(text.length(), 0);

        Workbench.press("Ctrl+Space");
        choose("mapping - a network on a chip, in a regime");

        assertTrue(document(editor).get().endsWith("\nmapping Name {\n    network network on chip\n    regime nominal\n}\n"),
                document(editor).get());
    }

    @Test
    void thePreferencePageTurnsTheMiningsOffAndIgnoresAWarning() throws CoreException {
        String text = QUICKSTART + "tile Spare { cells 32 rows x 32 columns 2T2R }\n";
        BnnEditor editor = open("quickstart.bnn", text);
        IDocument document = document(editor);
        ISourceViewer viewer = (ISourceViewer) editor.getAdapter(ITextOperationTarget.class);
        assertTrue(waitUntil(() -> marker(editor.getInputFile(), BnnIssueCodes.UNUSED_DECLARATION) != null, TIMEOUT_MS),
                "the unused tile is marked");
        assertTrue(waitUntil(() -> BnnEditorFeaturesTest.inlinedAnnotations(viewer) == 6, TIMEOUT_MS), "minings drawn");
        IPreferenceStore store = BnnPreferences.store();
        try {
            Display display = Display.getCurrent();
            display.timerExec(100, new Runnable() {
                @Override
                public void run() {
                    Shell shell = display.getActiveShell();
                    if (shell == null || !(shell.getData() instanceof PreferenceDialog dialog)) {
                        display.timerExec(100, this);
                        return;
                    }
                    IPreferenceNode node = PlatformUI.getWorkbench().getPreferenceManager().find(BnnPreferencePage.ID);
                    dialog.getTreeViewer().setSelection(new StructuredSelection(node), true);
                    Composite page = (Composite) ((PreferencePage) dialog.getSelectedPage()).getControl();
                    Button minings = Workbench.find(page, Button.class).stream()
                            .filter(b -> b.getText().equals("Show tiles, energy and latency as code minings")).findFirst().orElseThrow();
                    minings.setSelection(false);
                    minings.notifyListeners(SWT.Selection, new Event());
                    Combo unused = Workbench.find(page, Combo.class).get(0); // "Declared but not used", the first severity
                    unused.select(Arrays.asList(unused.getItems()).indexOf("Ignore"));
                    unused.notifyListeners(SWT.Selection, new Event());
                    Workbench.click(shell, "Apply and Close");
                }
            });
            Workbench.selectMenu("Window", "Preferences");

            assertTrue(waitUntil(() -> BnnEditorFeaturesTest.inlinedAnnotations(viewer) == 0, TIMEOUT_MS), "minings gone");
            assertEquals(List.of(), editor.getCodeMiningProvider().labels(document));
            assertTrue(waitUntil(() -> marker(editor.getInputFile(), BnnIssueCodes.UNUSED_DECLARATION) == null, TIMEOUT_MS),
                    "the ignored warning is gone");

            // A colour set on the page (its colour editor stores it so) redraws the keywords.
            PreferenceConverter.setValue(store, BnnPreferences.COLOURS.get("Keywords"), new RGB(200, 0, 0));
            StyledText widget = viewer.getTextWidget();
            assertTrue(waitUntil(() -> new RGB(200, 0, 0).equals(widget.getStyleRangeAtOffset(text.indexOf("mapping")).foreground.getRGB()),
                    TIMEOUT_MS), "keyword colour");
        } finally {
            store.setToDefault(BnnPreferences.CODE_MININGS);
            BnnPreferences.COLOURS.values().forEach(store::setToDefault);
            BnnPreferences.SEVERITIES.values().forEach(store::setToDefault);
        }
    }

    // ---------------------------------------------------------------------------------------

    private static void assertReference(AbstractTextSearchResult references, IFile file, int offset) {
        Match[] matches = references.getMatches(file);
        assertEquals(1, matches.length, file.getName());
        assertEquals(offset, matches[0].getOffset(), file.getName());
        assertEquals(4, matches[0].getLength(), file.getName());
    }

    private static List<String> labels(Table table) {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < table.getItemCount(); i++) {
            labels.add(table.getItem(i).getText());
        }
        return labels;
    }

    private BnnEditor open(String name, String text) throws CoreException {
        return assertInstanceOf(BnnEditor.class, IDE.openEditor(page, workspace.write(name, text)));
    }

    /** Offsets of the occurrence annotations, in order. */
    private static List<Integer> occurrences(IAnnotationModel model) {
        List<Integer> offsets = new ArrayList<>();
        for (Iterator<Annotation> it = model.getAnnotationIterator(); it.hasNext();) {
            Annotation annotation = it.next();
            if (BnnOccurrences.TYPE.equals(annotation.getType())) {
                offsets.add(model.getPosition(annotation).getOffset());
            }
        }
        offsets.sort(null);
        return offsets;
    }

    /** Chooses the proposal {@code label} in the open proposal popup, as Enter on it does. */
    private static void choose(String label) {
        Table proposals = proposalTable();
        List<String> labels = labels(proposals);
        int index = labels.indexOf(label);
        assertTrue(index >= 0, labels.toString());
        proposals.setSelection(index);
        proposals.notifyListeners(SWT.DefaultSelection, new Event());
    }

    /** The table of the open proposal popup (its items hold the proposals). */
    private static Table proposalTable() {
        List<Table> tables = new ArrayList<>();
        assertTrue(waitUntil(() -> {
            tables.clear();
            for (Shell shell : Display.getCurrent().getShells()) {
                if (shell.isVisible()) {
                    Workbench.find(shell, Table.class).stream().filter(t -> t.getItemCount() > 0 && isProposal(t.getItem(0)))
                            .forEach(tables::add);
                }
            }
            // an asynchronous assistant first shows a "Computing proposals" entry
            return !tables.isEmpty() && !labels(tables.get(0)).toString().contains("Computing proposals");
        }, TIMEOUT_MS), "the proposal popup is open");
        return tables.get(0);
    }

    private static boolean isProposal(TableItem item) {
        item.getText(); // a virtual table fills its items when they are read
        return item.getData() instanceof ICompletionProposal;
    }

}
