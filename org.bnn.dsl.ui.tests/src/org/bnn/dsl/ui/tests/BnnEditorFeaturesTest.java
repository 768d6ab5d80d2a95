package org.bnn.dsl.ui.tests;

import static org.bnn.dsl.ui.tests.BnnEditorTest.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

import org.bnn.dsl.ui.contentassist.BnnContentAssistProcessor;
import org.bnn.dsl.ui.editor.BnnEditor;
import org.bnn.dsl.ui.editor.ToggleCommentHandler;
import org.bnn.dsl.ui.hover.BnnTextHover;
import org.bnn.dsl.ui.hyperlinking.BnnHyperlinkDetector;
import org.bnn.dsl.ui.internal.BnnUiActivator;
import org.bnn.dsl.ui.validation.BnnDocumentValidator;
import org.bnn.dsl.ui.validation.BnnMarkers;
import org.bnn.dsl.ui.wizard.NewBnnFileWizard;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.emf.common.util.URI;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.Document;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextOperationTarget;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.hyperlink.IHyperlink;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.jface.text.source.inlined.AbstractInlinedAnnotation;
import org.eclipse.jface.text.source.projection.ProjectionAnnotation;
import org.eclipse.jface.text.source.projection.ProjectionViewer;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.views.contentoutline.IContentOutlinePage;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The .bnn editor's features in a real workbench, on the quick-start example (network, mapping and
 * experiment in one file, the illustrative hardware in another): code minings with the
 * Estimator's figures (those `./bnn estimate` prints for the same files), hover, outline, content
 * assist, a quick fix applied to a marker, hyperlinks across files, folding, Toggle Comment and the
 * new-file template.
 */
class BnnEditorFeaturesTest {

    private static final long TIMEOUT_MS = 60_000;

    /** The illustrative presets of examples/quickstart (one regime suffices here). */
    static final String HARDWARE = """
            package presets.illustrative
            device HfO2 {
                stack "TiN/HfO2/Ti/TiN"
                node 130 nm
                regime nominal {
                    lrs lognormal(median 8 kOhm, sigma 0.25)
                    hrs lognormal(median 180 kOhm, sigma 0.80)
                    set 1.8 V 100 uA 500 ns
                    reset 1.8 V 100 uA 500 ns
                    endurance 1e7
                }
            }
            tile T32 {
                cells 32 rows x 32 columns 2T2R of HfO2
                sense pcsa { mismatch 2 % noise 1 % energy 25 fJ per sense delay 2 ns }
                popcount energy 20 fJ per input bit
                row cycle 1 clock
            }
            chip Demo {
                tiles 4096 of T32
                clock 100 MHz
                threshold energy 0.2 pJ per compare
                buffer energy 0.2 pJ per bit
            }
            """;

    /** examples/quickstart/quickstart.bnn without its comments. */
    static final String QUICKSTART = """
            package examples.quickstart
            import presets.illustrative.*

            network MnistMlp {
                input pixels: 28 x 28
                dense fc1: 1024
                dense fc2: 1024
                dense fc3: 1024
                output out: dense 10
            }

            mapping OnDemo {
                network MnistMlp on Demo
                regime nominal
            }

            experiment BerSweep {
                run OnDemo on random 500 inputs
                errors weight-level resample per-chip
                sweep ber { 0, 1e-5, 1e-4, 1e-3, 1e-2, 3.3e-2, 1e-1 }
                trials 3
                seed 42
            }
            """;

    @RegisterExtension
    final TemporaryProject workspace = new TemporaryProject("bnn-features");
    private IWorkbenchPage page;

    @BeforeEach
    void setUp() throws CoreException {
        page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        workspace.write("illustrative-hw.bnn", HARDWARE);
    }

    @AfterEach
    void closeEditors() {
        page.closeAllEditors(false);
    }

    @Test
    void codeMiningsShowTheEstimatorsFiguresAndAreDrawn() throws CoreException {
        BnnEditor editor = open("quickstart.bnn", QUICKSTART);
        IDocument document = document(editor);
        assertTrue(waitUntil(() -> editor.getCodeMiningProvider().labels(document).size() == 6, TIMEOUT_MS),
                () -> "minings: " + editor.getCodeMiningProvider().labels(document));
        List<String> labels = editor.getCodeMiningProvider().labels(document);
        assertEquals(List.of("800 tiles at 0..799 · ≥ 41.6 nJ · 370 ns", "1,024 tiles at 800..1823 · ≥ 54.1 nJ · 370 ns",
                "1,024 tiles at 1824..2847 · ≥ 54.1 nJ · 370 ns",
                "32 tiles at 2848..2879 · ≥ 668 pJ · 150 ns"), labels.subList(0, 4));
        assertTrue(labels.get(4).startsWith("2,880/4,096 tiles (70.3 %) · ≥ 151 nJ/inference · 1.26 us · "), labels.get(4));
        assertEquals("2,910,208 weights × BER 0 … 0.100 (7 points) → 0 … 291k expected bit errors", labels.get(5),
                "a sweep's range, bounded; every point is in the experiment's hover");

        // Drawn: one inlined annotation per mining in the viewer, and the mapping's line header
        // makes room above its line.
        ISourceViewer viewer = viewer(editor);
        assertTrue(waitUntil(() -> inlinedAnnotations(viewer) == 6, TIMEOUT_MS),
                () -> "inlined annotations: " + inlinedAnnotations(viewer));
        int mappingLine = line(QUICKSTART, "mapping OnDemo");
        assertTrue(waitUntil(() -> viewer.getTextWidget().getLineVerticalIndent(mappingLine) > 0, TIMEOUT_MS),
                "line header above the mapping");
    }

    @Test
    void hoverShowsTheBreakdownOfALayer() throws CoreException {
        BnnEditor editor = open("quickstart.bnn", QUICKSTART);
        ISourceViewer viewer = viewer(editor);
        waitForParse(editor);
        BnnTextHover hover = new BnnTextHover(viewer, editor.getModel(), BnnUiActivator.getDefault().getInjector(), editor::getInputFile);
        @SuppressWarnings("deprecation")
        String text = hover.getHoverInfo(viewer, new Region(QUICKSTART.indexOf("fc1:") + 1, 0));
        assertNotNull(text, "hover on fc1");
        assertTrue(text.startsWith("Layer fc1 on mapping OnDemo\n"), text);
        assertTrue(text.contains("tiles: 800 = 25 column chunks × 32 row chunks × 1 copy of T32; utilization 98.0 %"), text);
        assertTrue(text.contains("energy per inference: ≥ 41.6 nJ (sense "), text);
        assertTrue(text.contains("latency: 37 cycles = 370 ns"), text);
        assertTrue(text.contains("BER of regime nominal: 1.02e-04 (2T2R, PCSA offsets included)"), text);
    }

    @Test
    void outlineListsElementsAndLayersWithTheirEstimates() throws CoreException {
        BnnEditor editor = open("quickstart.bnn", QUICKSTART);
        waitForParse(editor);
        page.showView(IPageLayout.ID_OUTLINE);
        page.activate(editor);
        // The Outline view shows the page the editor adapts to; its control is the outline tree.
        IContentOutlinePage outline = editor.getAdapter(IContentOutlinePage.class);
        assertTrue(waitUntil(() -> outline.getControl() != null, TIMEOUT_MS), "outline page shown");
        Tree tree = assertInstanceOf(Tree.class, outline.getControl());
        assertTrue(waitUntil(() -> tree.getItemCount() > 0 && tree.getItem(0).getItemCount() > 0, TIMEOUT_MS), "outline filled");
        TreeItem root = tree.getItem(0);
        assertEquals("examples.quickstart  model", root.getText());
        List<String> elements = Arrays.stream(root.getItems()).map(TreeItem::getText).toList();
        assertEquals(3, elements.size(), elements.toString());
        assertEquals("MnistMlp  network", elements.get(0));
        assertTrue(elements.get(1).startsWith("OnDemo  2,880/4,096 tiles (70.3 %)"), elements.toString());
        assertTrue(elements.get(2).startsWith("BerSweep  2,910,208 weights × BER"), elements.toString());
        TreeItem network = root.getItem(0);
        assertEquals(List.of("pixels  input", "fc1  800 tiles at 0..799 · ≥ 41.6 nJ · 370 ns",
                "fc2  1,024 tiles at 800..1823 · ≥ 54.1 nJ · 370 ns",
                "fc3  1,024 tiles at 1824..2847 · ≥ 54.1 nJ · 370 ns", "out  32 tiles at 2848..2879 · ≥ 668 pJ · 150 ns"),
                Arrays.stream(network.getItems()).map(TreeItem::getText).toList());
    }

    @Test
    void contentAssistProposesTheChipsOfTheProject() throws CoreException {
        String text = QUICKSTART.replace("network MnistMlp on Demo", "network MnistMlp on ");
        BnnEditor editor = open("quickstart.bnn", text);
        waitForParse(editor);
        BnnContentAssistProcessor processor = new BnnContentAssistProcessor(editor.getModel(), BnnUiActivator.getDefault().getInjector(),
                editor::getInputFile);
        int offset = text.indexOf("on \n") + 3;
        List<String> proposals = Arrays.stream(processor.computeCompletionProposals(viewer(editor), offset))
                .map(ICompletionProposal::getDisplayString).toList();
        assertTrue(proposals.contains("Demo - Chip"), "the chip, with what it is: " + proposals);
        assertTrue(proposals.stream().noneMatch(p -> p.contains("my.model")), "only the workspace's elements: " + proposals);

        ICompletionProposal demo = Arrays.stream(processor.computeCompletionProposals(viewer(editor), offset))
                .filter(p -> p.getDisplayString().equals("Demo - Chip")).findFirst().orElseThrow();
        demo.apply(document(editor));
        assertTrue(document(editor).get().contains("network MnistMlp on Demo\n"), document(editor).get());
    }

    @Test
    void aQuickFixRepairsAMarkedUnit() throws CoreException {
        String text = HARDWARE.replace("package presets.illustrative", "package presets.fixme").replace("median 8 kOhm", "median 8 kV");
        BnnEditor editor = open("fixme.bnn", text);
        IFile file = editor.getInputFile();
        assertTrue(waitUntil(() -> unitMarker(file) != null, TIMEOUT_MS), "no unit marker");
        IMarker marker = unitMarker(file);
        assertEquals(line(text, "median 8 kV") + 1, marker.getAttribute(IMarker.LINE_NUMBER, -1));
        assertTrue(IDE.getMarkerHelpRegistry().hasResolutions(marker));
        IMarkerResolution[] fixes = IDE.getMarkerHelpRegistry().getResolutions(marker);
        IMarkerResolution change = Arrays.stream(fixes).filter(f -> f.getLabel().equals("Change 'kV' to 'kOhm'")).findFirst()
                .orElseThrow(() -> new AssertionError(Arrays.stream(fixes).map(IMarkerResolution::getLabel).toList().toString()));

        change.run(marker);

        assertEquals(text.replace("median 8 kV", "median 8 kOhm"), document(editor).get());
        assertTrue(waitUntil(() -> unitMarker(file) == null, TIMEOUT_MS), "the marker goes with the next parse");
    }

    @Test
    void aReferenceLinksToItsDeclarationInAnotherFile() throws CoreException {
        BnnEditor editor = open("quickstart.bnn", QUICKSTART);
        waitForParse(editor);
        int offset = QUICKSTART.indexOf("on Demo") + 4;
        IHyperlink[] links = new BnnHyperlinkDetector(editor.getModel(), BnnUiActivator.getDefault().getInjector())
                .detectHyperlinks(viewer(editor), new Region(offset, 0), false);
        assertNotNull(links, "a link on Demo");
        assertEquals(new Region(QUICKSTART.indexOf("Demo\n"), 4), links[0].getHyperlinkRegion());

        links[0].open();

        IEditorPart opened = page.getActiveEditor();
        assertEquals("illustrative-hw.bnn", ((BnnEditor) opened).getInputFile().getName());
        ITextSelection selection = (ITextSelection) ((BnnEditor) opened).getSelectionProvider().getSelection();
        assertEquals(HARDWARE.indexOf("Demo {"), selection.getOffset());
        assertEquals(4, selection.getLength());
    }

    @Test
    void multiLineElementsFold() throws CoreException {
        BnnEditor editor = open("quickstart.bnn", QUICKSTART);
        waitForParse(editor);
        ProjectionViewer viewer = (ProjectionViewer) viewer(editor);
        assertTrue(waitUntil(() -> foldedRegions(viewer).size() == 3, TIMEOUT_MS), () -> "folding: " + foldedRegions(viewer));
        assertEquals(List.of(line(QUICKSTART, "network"), line(QUICKSTART, "mapping"), line(QUICKSTART, "experiment")),
                foldedRegions(viewer));
    }

    @Test
    void toggleCommentCommentsAndUncommentsLines() throws BadLocationException {
        IDocument document = new Document("tile T { cells 32 rows x 32 columns 2T2R }\n\n    chip C { tiles 4 of T }\n");
        String original = document.get();
        ToggleCommentHandler.toggle(document, 0, 2);
        assertEquals("// tile T { cells 32 rows x 32 columns 2T2R }\n\n//     chip C { tiles 4 of T }\n", document.get());
        ToggleCommentHandler.toggle(document, 0, 2);
        assertEquals(original, document.get());
    }

    @Test
    void theNewFileTemplateIsAValidDescription() throws IOException {
        String template;
        try (InputStream in = NewBnnFileWizard.template()) {
            assertNotNull(in, "template in the bundle");
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Issue> issues = BnnUiActivator.getDefault().getInjector().getInstance(BnnDocumentValidator.class)
                .validate(URI.createURI("memory:/template.bnn"), template, List.of(), () -> false);
        assertEquals(List.of(), issues.stream().filter(i -> i.getSeverity() != Severity.INFO).toList());
        assertTrue(template.contains("mapping") && template.contains("experiment") && template.contains("//"));
    }

    // ---------------------------------------------------------------------------------------

    private BnnEditor open(String name, String text) throws CoreException {
        return assertInstanceOf(BnnEditor.class, IDE.openEditor(page, workspace.write(name, text)));
    }

    static void waitForParse(BnnEditor editor) {
        assertTrue(waitUntil(() -> editor.getModel().current(document(editor)) != null, TIMEOUT_MS), "no parse of the editor's text");
    }

    static IDocument document(BnnEditor editor) {
        return editor.getDocumentProvider().getDocument(editor.getEditorInput());
    }

    private static ISourceViewer viewer(BnnEditor editor) {
        return (ISourceViewer) editor.getAdapter(ITextOperationTarget.class);
    }

    /** Code minings drawn in the viewer: each is an inlined annotation of its annotation model. */
    static int inlinedAnnotations(ISourceViewer viewer) {
        int count = 0;
        for (Iterator<Annotation> it = viewer.getAnnotationModel().getAnnotationIterator(); it.hasNext();) {
            if (it.next() instanceof AbstractInlinedAnnotation) {
                count++;
            }
        }
        return count;
    }

    /** First lines of the folding regions, in order. */
    private static List<Integer> foldedRegions(ProjectionViewer viewer) {
        List<Integer> lines = new ArrayList<>();
        var model = viewer.getProjectionAnnotationModel();
        for (Iterator<Annotation> it = model.getAnnotationIterator(); it.hasNext();) {
            Annotation annotation = it.next();
            if (annotation instanceof ProjectionAnnotation) {
                try {
                    lines.add(viewer.getDocument().getLineOfOffset(model.getPosition(annotation).getOffset()));
                } catch (BadLocationException e) {
                    throw new AssertionError(e);
                }
            }
        }
        lines.sort(null);
        return lines;
    }

    private static IMarker unitMarker(IFile file) {
        return marker(file, "org.bnn.dsl.unitMismatch");
    }

    /** The first BNN problem marker of {@code file} with the issue code {@code code}, or null. */
    static IMarker marker(IFile file, String code) {
        try {
            return Arrays.stream(file.findMarkers(BnnMarkers.PROBLEM, true, IResource.DEPTH_ZERO))
                    .filter(m -> code.equals(m.getAttribute(BnnMarkers.ISSUE_CODE, null))).findFirst().orElse(null);
        } catch (CoreException e) {
            return null;
        }
    }

    /** The 0-based line of {@code snippet}'s first occurrence in {@code text}. */
    static int line(String text, String snippet) {
        int offset = text.indexOf(snippet);
        assertTrue(offset >= 0, snippet);
        return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count();
    }
}
