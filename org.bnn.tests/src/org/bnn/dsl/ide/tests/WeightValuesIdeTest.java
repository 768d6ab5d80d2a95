package org.bnn.dsl.ide.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.bnn.dsl.bnn.Layer;
import org.bnn.dsl.bnn.Model;
import org.bnn.dsl.bnn.Network;
import org.bnn.dsl.ide.BnnIdeSetup;
import org.bnn.dsl.ide.estimate.Breakdown;
import org.bnn.dsl.ide.estimate.EstimatePresentation;
import org.bnn.dsl.ide.quickfix.IssueResolutions.Resolution;
import org.bnn.dsl.ide.symbols.BnnSymbolDetails;
import org.bnn.dsl.validation.BnnIssueCodes;
import org.eclipse.emf.common.util.URI;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.hover.IHoverService;
import org.eclipse.xtext.resource.EObjectAtOffsetHelper;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.junit.jupiter.api.Test;

import com.google.inject.Injector;

/** {@code weights binary|ternary} in the editors: the fixes that remove a useless clause, the hovers and outline details. */
class WeightValuesIdeTest {
    private static final String HARDWARE = """
            tile T { cells 32 rows x 32 columns 2T2R }
            chip C { tiles 100 of T }
            """;
    /** A ternary network with one binary layer, mapped. */
    private static final String MIXED = HARDWARE + """
            network N {
                input x: 64
                weights ternary
                dense h: 32 weights binary
                output o: dense 4
            }
            mapping M { network N on C }
            """;
    private final QuickFixes quickFixes = new QuickFixes();
    private final Injector injector = new BnnIdeSetup().createInjectorAndDoEMFRegistration();

    /** A redundant clause on a layer's line goes with the space before it; the validator then has nothing to say. */
    @Test
    void aRedundantLayerClauseIsRemovedFromItsLine() throws IOException {
        String text = "network N {\n    input x: 16\n    weights ternary\n    dense h: 8 weights ternary\n    output o: dense 2\n}\n";
        List<Resolution> fixes = quickFixes.fixes(text, BnnIssueCodes.REDUNDANT_WEIGHT_VALUES);
        assertEquals(List.of("Remove the clause"), fixes.stream().map(Resolution::label).toList());
        String fixed = QuickFixes.apply(text, fixes.get(0));
        assertEquals("network N {\n    input x: 16\n    weights ternary\n    dense h: 8\n    output o: dense 2\n}\n", fixed);
        assertEquals(List.of(), quickFixes.issues(fixed, BnnIssueCodes.REDUNDANT_WEIGHT_VALUES));
    }

    /** The network's {@code weights binary} has a line of its own: the whole line goes (CRLF files too). */
    @Test
    void aRedundantNetworkClauseIsRemovedWithItsLine() throws IOException {
        for (String newline : List.of("\n", "\r\n")) {
            String text = String.join(newline, "network N {", "    input x: 16", "    weights binary  ", "    output o: dense 2", "}", "");
            String fixed = QuickFixes.apply(text, quickFixes.fixes(text, BnnIssueCodes.REDUNDANT_WEIGHT_VALUES).get(0));
            assertEquals(String.join(newline, "network N {", "    input x: 16", "    output o: dense 2", "}", ""), fixed);
        }
    }

    /** {@code weights} alone gets either value written after it. */
    @Test
    void missingValuesAreWritten() throws IOException {
        String text = "network N {\n    input x: 16\n    dense h: 8 weights\n    output o: dense 2\n}\n";
        List<Resolution> fixes = quickFixes.fixes(text, BnnIssueCodes.WEIGHT_VALUES_MISSING);
        assertEquals(List.of("Write 'weights ternary'", "Write 'weights binary'"), fixes.stream().map(Resolution::label).toList());
        String fixed = QuickFixes.apply(text, fixes.get(0));
        assertEquals(text.replace("weights\n", "weights ternary\n"), fixed);
        assertEquals(List.of(), quickFixes.issues(fixed, BnnIssueCodes.WEIGHT_VALUES_MISSING));
    }

    @Test
    void aPoolsClauseIsRemoved() throws IOException {
        String text = "network N { input x: 8 x 8 conv c: 2 kernel 3 pool p: max 2 weights ternary output o: dense 2 }\n";
        List<Resolution> fixes = quickFixes.fixes(text, BnnIssueCodes.WEIGHT_VALUES_WITHOUT_WEIGHTS);
        String fixed = QuickFixes.apply(text, fixes.get(0));
        assertEquals("network N { input x: 8 x 8 conv c: 2 kernel 3 pool p: max 2 output o: dense 2 }\n", fixed);
        assertEquals(List.of(), quickFixes.issues(fixed, BnnIssueCodes.WEIGHT_VALUES_WITHOUT_WEIGHTS));
    }

    private Network network(String text) throws IOException {
        XtextResource resource = (XtextResource) injector.getInstance(XtextResourceSet.class)
                .createResource(URI.createURI("memory:/w.bnn"));
        resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), Map.of());
        return ((Model) resource.getContents().get(0)).getElements().stream().filter(Network.class::isInstance).map(Network.class::cast)
                .findFirst().orElseThrow();
    }

    /** Hovering the clause explains the values, and how a 2T2R cell holds and reads a 0. */
    @Test
    void theClausesHoverSaysWhatTheValuesAreAndWhatTheySet() throws IOException {
        EstimatePresentation presentation = injector.getInstance(EstimatePresentation.class);
        Network network = network(MIXED);
        Breakdown ternary = presentation.hover(network.getWeightValues()).orElseThrow();
        assertEquals("Ternary weights: −1, 0 or +1", ternary.title());
        String lines = String.join("\n", ternary.lines());
        assertTrue(lines.contains("0 is both devices in the high-resistance state"), lines);
        assertTrue(lines.contains("same single sense") && lines.contains("arXiv 2007.14234"), lines);
        assertTrue(lines.contains("sets every layer with weights of network N that has no clause of its own"), lines);

        Breakdown binary = presentation.hover(network.getLayers().get(0).getWeightValues()).orElseThrow();
        assertEquals("Binary weights: −1 or +1", binary.title());
        assertTrue(binary.lines().contains("sets layer h only; network N's other layers are ternary"), binary.lines().toString());
    }

    /** The language server's hover shows the clause's breakdown on either word, {@code weights} or {@code ternary}. */
    @Test
    void theServersHoverCoversBothWordsOfTheClause() throws IOException {
        String text = "network T {\n    input x: 4\n    dense h: 4 weights ternary\n    output o: dense 2\n}\n";
        Network network = network(text);
        XtextResource resource = (XtextResource) network.eResource();
        Document document = new Document(1, text);
        for (int offset : new int[] {text.indexOf("weights") + 2, text.indexOf("ternary") + 2}) {
            HoverParams params = new HoverParams(new TextDocumentIdentifier("memory:/w.bnn"), document.getPosition(offset));
            Hover hover = injector.getInstance(IHoverService.class).hover(document, resource, params, CancelIndicator.NullImpl);
            String shown = hover == null ? "no hover" : hover.getContents().getRight().getValue();
            assertTrue(shown.startsWith("**Ternary weights: −1, 0 or +1**") && shown.contains("sets layer h only"), offset + ": "
                    + shown + " on " + injector.getInstance(EObjectAtOffsetHelper.class).resolveElementAt(resource, offset));
        }
    }

    /** A layer's and a network's hover name their values; the outline marks a ternary layer. */
    @Test
    void layerAndNetworkHoversAndOutlineNameTheValues() throws IOException {
        EstimatePresentation presentation = injector.getInstance(EstimatePresentation.class);
        Network network = network(MIXED);
        Layer hidden = network.getLayers().get(0);
        Layer output = network.getLayers().get(1);
        assertTrue(presentation.hover(hidden).orElseThrow().lines().contains("fan-in 64, fan-out 32, 1 position, 2,048 binary weights"),
                presentation.hover(hidden).toString());
        assertTrue(presentation.hover(output).orElseThrow().lines().contains("fan-in 32, fan-out 4, 1 position, 128 ternary weights"),
                presentation.hover(output).toString());
        assertEquals("Network N: 2,176 weights (binary in h; ternary in o) in 2 layers", presentation.hover(network).orElseThrow().title());

        BnnSymbolDetails details = injector.getInstance(BnnSymbolDetails.class);
        assertTrue(details.getDetails(output).endsWith(" · ternary"), details.getDetails(output));
        assertTrue(!details.getDetails(hidden).contains("ternary"), details.getDetails(hidden));
    }
}
