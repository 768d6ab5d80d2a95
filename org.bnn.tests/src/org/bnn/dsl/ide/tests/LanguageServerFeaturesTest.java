package org.bnn.dsl.ide.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.bnn.dsl.ide.tests.LanguageServerProcess.Session;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolCapabilities;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.InlayHintCapabilities;
import org.eclipse.lsp4j.InlayHintParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;

/**
 * What an LSP editor shows for the quick-start example (network and mapping in one file, the
 * illustrative device, tile and chip imported from another): the estimates as inlay hints, code
 * lenses and hover, and the usual language features (symbols, completion, definition, formatting).
 * The figures expected here are those `./bnn estimate` prints for the same files (README).
 */
class LanguageServerFeaturesTest {
    private static final long TIMEOUT = LanguageServerProcess.TIMEOUT_SECONDS;

    @TempDir
    Path workspace;

    private String quickstart;

    @Test
    void showsTheEstimatesAsInlayHints() throws Exception {
        withQuickstart(session -> {
            assertTrue(Boolean.TRUE.equals(session.initialized().getCapabilities().getInlayHintProvider().getLeft()),
                    "inlay hints are announced");
            String uri = session.open("quickstart.bnn", quickstart);
            List<InlayHint> hints = session.server().getTextDocumentService()
                    .inlayHint(new InlayHintParams(new TextDocumentIdentifier(uri), wholeText())).get(TIMEOUT, TimeUnit.SECONDS);
            Map<Integer, String> byLine = hints.stream()
                    .collect(Collectors.toMap(h -> h.getPosition().getLine(), h -> h.getLabel().getLeft()));

            // One per layer, at the end of its line: tiles at their (auto) range · energy per inference (a lower bound:
            // the presets give no energy per partial-sum addition) · latency at 100 MHz.
            assertEquals("800 tiles at 0..799 · ≥ 41.6 nJ · 370 ns", byLine.get(line("dense fc1")), byLine.toString());
            assertEquals("1,024 tiles at 800..1823 · ≥ 54.1 nJ · 370 ns", byLine.get(line("dense fc2")));
            assertEquals("32 tiles at 2848..2879 · ≥ 668 pJ · 150 ns", byLine.get(line("output out")));
            InlayHint fc1 = hints.stream().filter(h -> h.getPosition().getLine() == line("dense fc1")).findFirst().orElseThrow();
            assertEquals(quickstart.lines().toList().get(line("dense fc1")).length(), fc1.getPosition().getCharacter(), "after the layer");

            String mapping = byLine.get(line("mapping OnDemo"));
            assertTrue(mapping.startsWith("2,880/4,096 tiles (70.3 %) · ≥ 151 nJ/inference · 1.26 us · "), mapping);
            String experiment = byLine.get(line("experiment BerSweep"));
            // Seven BER points do not fit a hint: the series by its ends (the hover has every point and the regime).
            assertEquals("2,910,208 weights × BER 0 … 0.100 (7 points) → 0 … 291k expected bit errors", experiment);
            assertEquals(6, hints.size(), byLine.toString());

            // A range request gets only the hints inside it.
            Range fc2Line = new Range(new Position(line("dense fc2"), 0), new Position(line("dense fc2"), 200));
            List<InlayHint> ranged = session.server().getTextDocumentService()
                    .inlayHint(new InlayHintParams(new TextDocumentIdentifier(uri), fc2Line)).get(TIMEOUT, TimeUnit.SECONDS);
            assertEquals(List.of(byLine.get(line("dense fc2"))), ranged.stream().map(h -> h.getLabel().getLeft()).toList());
        });
    }

    /** One annotation per fact: a client that draws inlay hints gets the totals as inlay hints only, as above. */
    @Test
    void givesTheTotalsNoCodeLensWhenTheClientDrawsInlayHints() throws Exception {
        withQuickstart(session -> {
            String uri = session.open("quickstart.bnn", quickstart);
            assertEquals(List.of(), codeLenses(session, uri));
        });
    }

    /** The client may ask for the totals as code lenses (initializationOptions.estimateTotals); the layers keep their inlay hints. */
    @Test
    void showsMappingAndExperimentTotalsAsCodeLensesWhenAskedTo() throws Exception {
        JsonObject options = new JsonObject();
        options.addProperty("estimateTotals", "codeLens");
        withQuickstart(options, session -> {
            String uri = session.open("quickstart.bnn", quickstart);
            List<? extends CodeLens> lenses = codeLenses(session, uri);
            assertEquals(List.of(line("mapping OnDemo"), line("experiment BerSweep")),
                    lenses.stream().map(l -> l.getRange().getStart().getLine()).toList());
            assertTrue(lenses.get(0).getCommand().getTitle().startsWith("2,880/4,096 tiles (70.3 %)"), lenses.toString());
            List<Integer> hinted = session.server().getTextDocumentService()
                    .inlayHint(new InlayHintParams(new TextDocumentIdentifier(uri), wholeText())).get(TIMEOUT, TimeUnit.SECONDS).stream()
                    .map(h -> h.getPosition().getLine()).toList();
            assertEquals(List.of(line("dense fc1"), line("dense fc2"), line("dense fc3"), line("output out")), hinted,
                    "inlay hints on the layers only");
        });
    }

    private static List<? extends CodeLens> codeLenses(Session session, String uri) throws Exception {
        return session.server().getTextDocumentService().codeLens(new CodeLensParams(new TextDocumentIdentifier(uri))).get(TIMEOUT,
                TimeUnit.SECONDS);
    }

    @Test
    void hoverShowsTheEstimatorsBreakdown() throws Exception {
        withQuickstart(session -> {
            String uri = session.open("quickstart.bnn", quickstart);
            String layer = hover(session, uri, "fc1: 1024", 1);
            assertTrue(layer.startsWith("**Layer fc1 on mapping OnDemo**"), layer);
            assertTrue(layer.contains("- tiles: 800 = 25 column chunks × 32 row chunks × 1 copy of T32; utilization 98.0 %"), layer);
            assertTrue(layer.contains("- energy per inference: ≥ 41.6 nJ (sense "), layer);
            assertTrue(layer.contains("- not estimated (no unit energy given): partial sums per addition"), layer);
            assertTrue(layer.contains("- latency: 37 cycles = 370 ns"), layer);
            assertTrue(layer.contains("- BER of regime nominal: 1.02e-04 "), layer); // presets: 1.0e-4 without amplifier offsets
            assertTrue(layer.contains("(2T2R, PCSA offsets included)"), layer);

            String mapping = hover(session, uri, "OnDemo {", 1);
            assertTrue(mapping.contains("- latency: 126 cycles = 1.26 us per inference, 7.94e+05 inferences/s"), mapping);
            assertTrue(mapping.contains("- programming (one time): 5,820,416 pulses, 524 uJ"), mapping);

            // A cross-file reference: the chip of the mapping, declared in the presets file.
            String chip = hover(session, uri, "Demo\n", 1);
            assertEquals("**Chip Demo**\n\n- 4,096 tiles of T32 = 4,194,304 cells\n", chip);
        });
    }

    @Test
    void documentSymbolsListElementsAndLayersWithTheirEstimates() throws Exception {
        withQuickstart(session -> {
            String uri = session.open("quickstart.bnn",
                    quickstart + "\ntraining Train { network MnistMlp on mnist(\"data\") train save \"w.npz\" }\n");
            List<DocumentSymbol> symbols = session.server().getTextDocumentService()
                    .documentSymbol(new DocumentSymbolParams(new TextDocumentIdentifier(uri))).get(TIMEOUT, TimeUnit.SECONDS)
                    .stream().map(e -> e.getRight()).toList();
            List<DocumentSymbol> all = new ArrayList<>();
            flatten(symbols, all);
            DocumentSymbol network = named(all, "MnistMlp");
            assertEquals(SymbolKind.Class, network.getKind());
            assertEquals(List.of("pixels", "fc1", "fc2", "fc3", "out"),
                    network.getChildren().stream().map(DocumentSymbol::getName).toList());
            assertEquals("800 tiles at 0..799 · ≥ 41.6 nJ · 370 ns", named(all, "fc1").getDetail());
            assertEquals(SymbolKind.Interface, named(all, "OnDemo").getKind());
            assertEquals(SymbolKind.Event, named(all, "BerSweep").getKind());
            assertEquals(SymbolKind.Function, named(all, "Train").getKind(), "as its semantic token, a function");
        });
    }

    @Test
    void completionProposesKeywordsAndTheChipsOfImportedFiles() throws Exception {
        withQuickstart(session -> {
            String text = "import presets.illustrative.*\nnetwork N { input x: 4 output o: dense 2 }\nmapping M { network N on  }\n";
            String uri = session.open("complete.bnn", text);
            List<String> chips = completion(session, uri, text.indexOf("on  }") + 3, text);
            assertTrue(chips.contains("Demo"), chips.toString());
            List<String> keywords = completion(session, uri, text.length(), text);
            assertTrue(keywords.containsAll(List.of("device", "tile", "chip", "network", "mapping", "experiment")), keywords.toString());

            String placing = "import presets.illustrative.*\nnetwork N { input x: 4 output o: dense 2 }\n"
                    + "mapping M { network N on Demo place  }\n";
            String placingUri = session.open("place.bnn", placing);
            List<String> placements = completion(session, placingUri, placing.indexOf("place  }") + 6, placing);
            assertTrue(placements.containsAll(List.of("auto", "o")), "auto or the network's layers: " + placements);
        });
    }

    /** After {@code weights} the values are offered, after a layer's size the clause (its hover: WeightValuesIdeTest). */
    @Test
    void completionOffersTheWeightValues() throws Exception {
        withQuickstart(session -> {
            String text = "network N {\n    input x: 4\n    weights \n    output o: dense 2\n}\n";
            String uri = session.open("values.bnn", text);
            List<String> values = completion(session, uri, text.indexOf("weights \n") + 8, text);
            assertTrue(values.containsAll(List.of("binary", "ternary")), values.toString());
            String layer = "network N {\n    input x: 4\n    dense h: 4 \n    output o: dense 2\n}\n";
            String layerUri = session.open("layer.bnn", layer);
            List<String> afterLayer = completion(session, layerUri, layer.indexOf("h: 4 ") + 5, layer);
            assertTrue(afterLayer.contains("weights"), afterLayer.toString());
        });
    }

    @Test
    void goesToTheDefinitionInAnotherFile() throws Exception {
        withQuickstart(session -> {
            String uri = session.open("quickstart.bnn", quickstart);
            int offset = quickstart.indexOf("on Demo") + 4;
            List<? extends Location> locations = session.server().getTextDocumentService()
                    .definition(new DefinitionParams(new TextDocumentIdentifier(uri), position(quickstart, offset)))
                    .get(TIMEOUT, TimeUnit.SECONDS).getLeft();
            assertEquals(1, locations.size(), locations.toString());
            Location chip = locations.get(0);
            assertEquals(session.uri("illustrative-hw.bnn"), chip.getUri());
            String presets = Files.readString(workspace.resolve("illustrative-hw.bnn"));
            assertEquals(line(presets, "chip Demo {"), chip.getRange().getStart().getLine());
        });
    }

    @Test
    void formatsADocumentLikeBnnFormat() throws Exception {
        withQuickstart(session -> {
            String messy = "tile T {cells 32 rows x 32 columns 2T2R}\nchip   C { tiles 4 of T }\n";
            String uri = session.open("messy.bnn", messy);
            List<? extends TextEdit> edits = session.server().getTextDocumentService()
                    .formatting(new DocumentFormattingParams(new TextDocumentIdentifier(uri), new FormattingOptions(4, true)))
                    .get(TIMEOUT, TimeUnit.SECONDS);
            assertFalse(edits.isEmpty(), "the messy text is reformatted");
            String formatted = apply(messy, edits);
            assertTrue(formatted.startsWith("tile T {\n    cells 32 rows x 32 columns 2T2R\n}\n"), formatted);
            assertTrue(formatted.contains("chip C {"), formatted);
        });
    }

    // ---------------------------------------------------------------------------------------

    private void withQuickstart(LanguageServerProcess.ServerCheck check) throws Exception {
        withQuickstart(null, check);
    }

    private void withQuickstart(JsonObject options, LanguageServerProcess.ServerCheck check) throws Exception {
        Path examples = Path.of(System.getProperty("bnn.repository.root", "..")).resolve("examples/quickstart");
        quickstart = Files.readString(examples.resolve("quickstart.bnn"));
        Files.copy(examples.resolveSibling("lib/illustrative-hw.bnn"), workspace.resolve("illustrative-hw.bnn"));
        Files.writeString(workspace.resolve("quickstart.bnn"), quickstart);
        LanguageServerProcess.withServer(workspace, capabilities(), options, check);
    }

    /** Hierarchical document symbols and inlay hints, like VS Code. */
    private static ClientCapabilities capabilities() {
        TextDocumentClientCapabilities text = new TextDocumentClientCapabilities();
        DocumentSymbolCapabilities symbols = new DocumentSymbolCapabilities();
        symbols.setHierarchicalDocumentSymbolSupport(true);
        text.setDocumentSymbol(symbols);
        text.setInlayHint(new InlayHintCapabilities());
        ClientCapabilities capabilities = new ClientCapabilities();
        capabilities.setTextDocument(text);
        return capabilities;
    }

    private String hover(Session session, String uri, String snippet, int delta) throws Exception {
        int offset = quickstart.indexOf(snippet);
        assertTrue(offset >= 0, snippet);
        Hover hover = session.server().getTextDocumentService()
                .hover(new HoverParams(new TextDocumentIdentifier(uri), position(quickstart, offset + delta)))
                .get(TIMEOUT, TimeUnit.SECONDS);
        return hover.getContents().getRight().getValue();
    }

    private static List<String> completion(Session session, String uri, int offset, String text) throws Exception {
        var result = session.server().getTextDocumentService()
                .completion(new CompletionParams(new TextDocumentIdentifier(uri), position(text, offset))).get(TIMEOUT, TimeUnit.SECONDS);
        List<CompletionItem> items = result.isLeft() ? result.getLeft() : result.getRight().getItems();
        return items.stream().map(CompletionItem::getLabel).toList();
    }

    private static void flatten(List<DocumentSymbol> symbols, List<DocumentSymbol> into) {
        for (DocumentSymbol symbol : symbols) {
            into.add(symbol);
            if (symbol.getChildren() != null) {
                flatten(symbol.getChildren(), into);
            }
        }
    }

    private static DocumentSymbol named(List<DocumentSymbol> symbols, String name) {
        return symbols.stream().filter(s -> s.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not in " + symbols.stream().map(DocumentSymbol::getName).toList()));
    }

    private int line(String snippet) {
        return line(quickstart, snippet);
    }

    private static int line(String text, String snippet) {
        int offset = text.indexOf(snippet);
        assertTrue(offset >= 0, snippet);
        return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count();
    }

    private static Position position(String text, int offset) {
        String before = text.substring(0, offset);
        int line = (int) before.chars().filter(c -> c == '\n').count();
        return new Position(line, offset - (before.lastIndexOf('\n') + 1));
    }

    private static Range wholeText() {
        return new Range(new Position(0, 0), new Position(10_000, 0));
    }

    /** Applies non-overlapping edits, last first. */
    private static String apply(String text, List<? extends TextEdit> edits) {
        Function<Position, Integer> offset = p -> {
            int index = 0;
            for (int line = 0; line < p.getLine(); line++) {
                index = text.indexOf('\n', index) + 1;
            }
            return index + p.getCharacter();
        };
        StringBuilder result = new StringBuilder(text);
        edits.stream().sorted((a, b) -> Integer.compare(offset.apply(b.getRange().getStart()), offset.apply(a.getRange().getStart())))
                .forEach(e -> result.replace(offset.apply(e.getRange().getStart()), offset.apply(e.getRange().getEnd()), e.getNewText()));
        return result.toString();
    }
}
