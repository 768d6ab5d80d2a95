package org.bnn.dsl.ide.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.bnn.dsl.ide.server.LspDocument;
import org.bnn.dsl.ide.server.SemanticTokensInLines;
import org.bnn.dsl.ide.server.SemanticTokensInLines.Token;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentHighlightParams;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One check per kind of client mistake or broken text that Xtext alone answers with an internal
 * error ({@code -32603}) and a stack trace: each must be answered (empty where nothing fits), the
 * mistake logged as one warning, and nothing logged as a server bug. The seeded
 * {@link LanguageServerFuzzTest} finds such cases; these keep each one fixed.
 */
class LanguageServerClientMistakesTest {
    private static final long TIMEOUT = InProcessLanguageServer.TIMEOUT_SECONDS;

    /** A complete model: device, tile, chip, network, mapping, experiment. */
    private static final String MODEL = SemanticTokensTest.TEXT;

    @TempDir
    static Path workspace;

    private static InProcessLanguageServer session;
    private static int documents;

    @BeforeAll
    static void start() throws Exception {
        session = new InProcessLanguageServer(workspace, InProcessLanguageServer.likeVsCode(),
                new LanguageServerProcess.DiagnosticsCollector());
    }

    @AfterAll
    static void stop() throws Exception {
        session.close();
    }

    @BeforeEach
    void forgetTheLog() {
        session.log.clear();
        session.loggedExceptions.clear();
    }

    @Test
    void aCharacterPastTheEndOfItsLineMeansTheEndOfTheLine() throws Exception {
        String uri = open(MODEL);
        int line = lineOf(MODEL, "network N {");
        int end = AnswerRanges.lines(MODEL).get(line).length();

        List<String> atTheEnd = completionLabels(uri, new Position(line, end));
        List<String> pastTheEnd = completionLabels(uri, new Position(line, end + 1000));

        assertFalse(atTheEnd.isEmpty(), "completions at the end of '" + AnswerRanges.lines(MODEL).get(line) + "'");
        assertEquals(atTheEnd, pastTheEnd);
        assertNoServerBug();
    }

    @Test
    void aPositionOutsideTheDocumentIsAnsweredEmptyWithOneWarning() throws Exception {
        String uri = open(MODEL);
        int lines = AnswerRanges.lines(MODEL).size();
        for (Position outside : List.of(new Position(lines, 0), new Position(lines + 1000, 3), new Position(-1, 0), new Position(0, -1))) {
            assertNull(answer(session.server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(uri), outside))),
                    "hover at " + outside);
            assertNull(
                    answer(session.server.getTextDocumentService()
                            .definition(new DefinitionParams(new TextDocumentIdentifier(uri), outside))),
                    "definition at " + outside);
        }
        assertWarnings(8, "request answered empty: position");
        assertNoServerBug();
    }

    @Test
    void aChangeOutsideTheDocumentIsIgnored() throws Exception {
        String uri = open(MODEL);
        int lines = AnswerRanges.lines(MODEL).size();
        Position outside = new Position(lines + 2, 0);
        change(uri, 2, new Range(new Position(0, 0), outside), "network Lost {}");

        // The server still holds the client's text: a change computed on it renames the network.
        int line = lineOf(MODEL, "network N {");
        int name = AnswerRanges.lines(MODEL).get(line).indexOf("N {");
        change(uri, 3, new Range(new Position(line, name), new Position(line, name + 1)), "Renamed");

        List<String> symbols = answer(
                session.server.getTextDocumentService().documentSymbol(new DocumentSymbolParams(new TextDocumentIdentifier(uri))))
                .stream().map(symbol -> symbol.getRight().getName()).toList();
        assertTrue(symbols.contains("Renamed"), "symbols after the changes: " + symbols);
        assertFalse(symbols.contains("N") || symbols.contains("Lost"), "symbols after the changes: " + symbols);
        assertWarnings(1, "ignored");
        assertNoServerBug();
    }

    @Test
    void aRequestOnADocumentThatIsNotOpenIsAnsweredEmpty() throws Exception {
        Position start = new Position(0, 0);
        for (String uri : List.of(workspace.resolve("never-written.bnn").toUri().toString(),
                workspace.resolve("notes.txt").toUri().toString(),
                "not a uri")) {
            assertNull(answer(session.server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(uri), start))), uri);
        }
        assertWarnings(3, "request answered empty");
        assertNoServerBug();
    }

    @Test
    void goingToTheDefinitionOfNothingFindsNothing() throws Exception {
        for (String text : List.of("", "// only a comment\n", "}")) {
            String uri = open(text);
            TextDocumentIdentifier document = new TextDocumentIdentifier(uri);
            Position start = new Position(0, 0);
            AnswerRanges ranges = new AnswerRanges(uri);
            var service = session.server.getTextDocumentService();
            assertEquals(List.of(), ranges.all(answer(service.definition(new DefinitionParams(document, start)))),
                    "definition in '" + text + "'");
            assertEquals(List.of(),
                    ranges.all(answer(service.references(new ReferenceParams(document, start, new ReferenceContext(true))))),
                    "references in '" + text + "'");
            assertEquals(List.of(), ranges.all(answer(service.documentHighlight(new DocumentHighlightParams(document, start)))),
                    "highlights in '" + text + "'");
            assertEquals(List.of(), ranges.all(answer(service.prepareRename(new PrepareRenameParams(document, start)))),
                    "prepareRename in '" + text + "'");
            assertEquals(List.of(), ranges.all(answer(service.rename(new RenameParams(document, start, "X")))), "rename in '" + text + "'");
        }
        assertNoServerBug();
    }

    @Test
    void formattingLeavesBrokenEmptyAndCommentOnlyTextAlone() throws Exception {
        for (String text : List.of("network N { dense", "network N { input x: 4 dense h: 8 output o: dense 2 } }", "",
                "// only a comment\n")) {
            TextDocumentIdentifier document = new TextDocumentIdentifier(open(text));
            List<? extends TextEdit> edits = answer(session.server.getTextDocumentService()
                    .formatting(new DocumentFormattingParams(document, new FormattingOptions(4, true))));
            assertEquals(List.of(), edits, "formatting of '" + text + "'");
        }
        assertNoServerBug();
    }

    @Test
    void formattingStillFormatsTextThatParses() throws Exception {
        TextDocumentIdentifier document = new TextDocumentIdentifier(open("network N {   input x: 4 dense h: 8 output o: dense 2 }\n"));
        List<? extends TextEdit> edits = answer(
                session.server.getTextDocumentService().formatting(new DocumentFormattingParams(document, new FormattingOptions(4, true))));
        assertNotNull(edits);
        assertFalse(edits.isEmpty(), "the guard against broken text must not stop formatting altogether");
    }

    /** An unterminated string leaves tokens the parser skipped; renaming formats the regions around them (found by LanguageServerFuzzTest). */
    @Test
    void renamingInTextWithSkippedTokensRenamesAndKeepsThem() throws Exception {
        String text = "network A {\n    input x: 28 x 28 binarize at 0.5\n    dense y: 2\n    output o: dense 10\n    weights \"w.np\n}\n";
        String uri = open(text);
        WorkspaceEdit edit = answer(session.server.getTextDocumentService()
                .rename(new RenameParams(new TextDocumentIdentifier(uri), new Position(0, 8), "Renamed")));
        assertNotNull(edit, "the rename's edit");
        List<TextEdit> edits = edit.getDocumentChanges() != null
                ? edit.getDocumentChanges().stream().flatMap(change -> change.getLeft().getEdits().stream()).map(Either::getLeft).toList()
                : edit.getChanges().get(uri);
        assertEquals(List.of("Renamed"), edits.stream().map(TextEdit::getNewText).toList(), "the edits: " + edits);
        assertEquals(new Range(new Position(0, 8), new Position(0, 9)), edits.get(0).getRange());
        assertNoServerBug();
    }

    @Test
    void semanticTokensLieInsideTheirLines() throws Exception {
        String truncated = MODEL.substring(0, MODEL.indexOf("network N {") + 17);
        String unclosedString = MODEL.replace("tile T {", "tile T \"{");
        for (String text : List.of(MODEL, MODEL.replace("\n", "\r\n"), MODEL.replace("\n", "\r"), truncated, unclosedString)) {
            SemanticTokens tokens = answer(session.server.getTextDocumentService()
                    .semanticTokensFull(new SemanticTokensParams(new TextDocumentIdentifier(open(text)))));
            assertNotNull(tokens, "tokens of " + text);
            assertFalse(tokens.getData().isEmpty(), "tokens of " + text);
            assertEquals(List.of(), AnswerRanges.outside(tokens, "", text), "tokens outside their lines, text:\n" + text);
        }
        assertNoServerBug();
    }

    /**
     * After some edits Xtext 2.42 encodes tokens past the end of their lines (seen with LanguageServerFuzzTest's seed,
     * not reproducible on a freshly opened text): the server keeps only the tokens inside their lines.
     */
    @Test
    void semanticTokensPastTheEndOfTheirLineAreLeftOut() {
        LspDocument document = new LspDocument(1, "network N {\n    dense h: 8\n}");
        // N (0:8), a token past the end of line 0, h (1:10), a token past the end of line 1, then } (2:0).
        List<Integer> encoded = List.of(0, 8, 1, 0, 1, 0, 4, 3, 1, 0, 1, 10, 1, 2, 1, 0, 4, 7, 1, 0, 1, 0, 1, 5, 0);
        List<Integer> kept = SemanticTokensInLines.keep(document, encoded);
        assertEquals(List.of(new Token(0, 8, 1, 0, 1), new Token(1, 10, 1, 2, 1), new Token(2, 0, 1, 5, 0)),
                SemanticTokensInLines.decode(kept));
        assertEquals(List.of(0, 8, 1, 0, 1, 1, 10, 1, 2, 1, 1, 0, 1, 5, 0), kept, "re-encoded relative to the tokens kept");
    }

    @Test
    void linesEndAtLfCrlfAndALoneCr() {
        for (String text : List.of("ab\ncd\n\nef", "ab\r\ncd\r\n\r\nef", "ab\rcd\r\ref", "ab\r\ncd\r\n\ref")) {
            LspDocument document = new LspDocument(1, text);
            String shown = text.replace("\r", "\\r").replace("\n", "\\n");
            assertEquals(4, document.getLineCount(), shown);
            assertEquals(List.of("ab", "cd", "", "ef"),
                    List.of(document.getLineContent(0), document.getLineContent(1), document.getLineContent(2),
                            document.getLineContent(3)),
                    shown);
            int ef = text.indexOf("ef");
            assertEquals(new Position(3, 0), document.getPosition(ef), shown);
            assertEquals(ef, document.getOffSet(new Position(3, 0)), shown);
            assertEquals(2, document.getOffSet(new Position(0, 7)), "past the end of ab is its end: " + shown);
            if (text.startsWith("ab\r\n")) {
                assertEquals(new Position(0, 2), document.getPosition(3), "between the CR and the LF is the end of ab: " + shown);
            }
        }
    }

    // --- helpers ---------------------------------------------------------------------------

    /** Opens the text as a new document of the workspace; its URI. */
    private static String open(String text) {
        String uri = workspace.resolve("mistake" + ++documents + ".bnn").toUri().toString();
        session.server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "bnn", 1, text)));
        return uri;
    }

    private static void change(String uri, int version, Range range, String text) {
        session.server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, version),
                List.of(new TextDocumentContentChangeEvent(range, text))));
    }

    private static List<String> completionLabels(String uri, Position position) throws Exception {
        Either<List<CompletionItem>, CompletionList> completions = answer(
                session.server.getTextDocumentService().completion(new CompletionParams(new TextDocumentIdentifier(uri), position)));
        assertNotNull(completions, "completions at " + position);
        List<CompletionItem> items = completions.isLeft() ? completions.getLeft() : completions.getRight().getItems();
        return items.stream().map(CompletionItem::getLabel).sorted().toList();
    }

    /** The answer; an error response fails the test with its code. */
    private static <T> T answer(CompletableFuture<T> request) throws Exception {
        try {
            return request.get(TIMEOUT, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ResponseErrorException error) {
                fail("error response " + error.getResponseError().getCode() + " '" + error.getResponseError().getMessage() + "'");
            }
            throw e;
        }
    }

    private static int lineOf(String text, String part) {
        return AnswerRanges.lines(text.substring(0, text.indexOf(part))).size() - 1;
    }

    private static void assertWarnings(int count, String part) {
        List<String> warnings = session.log.stream().filter(line -> line.startsWith("WARNING") && line.contains(part)).toList();
        assertEquals(count, warnings.size(), "warnings containing '" + part + "' in the log " + List.copyOf(session.log));
    }

    /** Nothing logged as a server bug, and no exception (whose stack trace a console would print). */
    private static void assertNoServerBug() {
        List<String> bugs = session.log.stream()
                .filter(line -> line.startsWith("SEVERE") || line.startsWith("ERROR") || line.startsWith("FATAL")).toList();
        assertEquals(List.of(), bugs, "server bugs logged");
        assertEquals(List.of(), session.loggedExceptions.stream().map(Throwable::toString).toList(), "exceptions logged");
    }
}
