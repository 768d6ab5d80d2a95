package org.bnn.dsl.ide.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentHighlightParams;
import org.eclipse.lsp4j.DocumentRangeFormattingParams;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InlayHintParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.SignatureHelpParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A misbehaving client, seeded: thousands of random edits of the examples (insertions of their
 * own fragments and of odd characters, CRLF and CR included, deletions, whole prefixes), now and
 * then an edit outside the document, interleaved with every request the server announces at
 * random positions — inside, past the end of a line, between a CR and its LF, past the last line,
 * negative — and on documents that are unknown or were never opened. Every request must be
 * answered without an error response, nothing may be logged with an exception (a stack trace on a
 * console) or as SEVERE, and every range in an answer about the edited document must lie inside
 * the text the client holds.
 * <p>
 * The server is checked after every request, so that a failure names the request, its position and
 * the text. {@code -Dbnn.lspFuzz.seeds=N}, {@code =A..B} or {@code =A,B,C} reruns or widens the
 * campaign (a new server per seed; {@code scripts/lsp-fuzz.sh} runs many), and
 * {@code -Dbnn.lspFuzz.operations=N} lengthens it; each seed stops after
 * {@value #DEFAULT_OPERATIONS} operations or {@value #TIME_BUDGET_SECONDS} s, whichever comes first.
 */
class LanguageServerFuzzTest {
    /** The suite's seed, and seeds that once found a bug (27: a rename over an empty reference; 98: a rename that cannot be written). */
    private static final String DEFAULT_SEEDS = "20261205,27,98";
    private static final int DEFAULT_OPERATIONS = 4000;
    private static final int OPERATIONS = Integer.getInteger("bnn.lspFuzz.operations", DEFAULT_OPERATIONS);
    private static final long TIME_BUDGET_SECONDS = 45;
    private static final String[] ODD = {"\r\n", "\r", "\n", "{", "}", "\"", "//", "/*", "*/", ":", "x", " ", "\t", "é", "\uD834\uDD1E",
        "0",
        "1e999", "-", "..", "import ", "network ", "dense ", "on ", "\u0000"};

    @TempDir
    Path workspace;

    private Random random;
    private final Map<String, String> texts = new HashMap<>();
    private final Map<String, Integer> versions = new HashMap<>();
    private List<String> corpus;
    private String library;

    /** The seeds of {@code bnn.lspFuzz.seeds}: one number, a range {@code A..B} or a list {@code A,B,C}. */
    static LongStream seeds() {
        String seeds = System.getProperty("bnn.lspFuzz.seeds", DEFAULT_SEEDS).trim();
        int range = seeds.indexOf("..");
        if (range >= 0) {
            return LongStream.rangeClosed(Long.parseLong(seeds.substring(0, range).trim()),
                    Long.parseLong(seeds.substring(range + 2).trim()));
        }
        return Arrays.stream(seeds.split(",")).map(String::trim).mapToLong(Long::parseLong);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aMisbehavingClientGetsNoErrorAndNoStackTrace(long seed) throws Exception {
        random = new Random(seed);
        corpus = examples();
        library = Files.readString(Path.of(System.getProperty("bnn.repository.root", "..")).resolve("examples/lib/illustrative-hw.bnn"));
        Files.writeString(workspace.resolve("illustrative-hw.bnn"), library);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIME_BUDGET_SECONDS);
        int operations = 0;
        int requests = 0;
        try (InProcessLanguageServer session = new InProcessLanguageServer(workspace, InProcessLanguageServer.likeVsCode(),
                new LanguageServerProcess.DiagnosticsCollector())) {
            List<Request> announced = announced(session.initialized.getCapabilities());
            open(session, "a.bnn", pick(corpus));
            open(session, "b.bnn", pick(corpus));
            for (; operations < OPERATIONS && System.nanoTime() < deadline; operations++) {
                String uri = random.nextBoolean() ? uri("a.bnn") : uri("b.bnn");
                int dice = random.nextInt(100);
                if (dice < 40) {
                    edit(session, uri);
                } else if (dice < 43) {
                    editOutside(session, uri);
                } else if (dice < 44) {
                    reopen(session, uri);
                } else {
                    Request request = announced.get(random.nextInt(announced.size()));
                    String target = dice < 95 ? uri : random.nextBoolean() ? uri("never-written.bnn") : uri("illustrative-hw.bnn");
                    String text = texts.containsKey(target) ? texts.get(target) : target.endsWith("illustrative-hw.bnn") ? library : "";
                    Asked asked = ask(request, target, text);
                    Object answer = answer(asked, session);
                    assertNoServerBug(session, seed, operations, asked, texts);
                    if (texts.containsKey(target)) {
                        assertInside(answer, target, text);
                    }
                    requests++;
                }
            }
            assertNoServerBug(session, seed, operations, null, texts);
        }
        assertTrue(operations >= 1000, "only " + operations + " operations in " + TIME_BUDGET_SECONDS + " s");
        System.out.println("LanguageServerFuzzTest: seed " + seed + ", " + operations + " operations, " + requests + " requests");
    }

    /**
     * Nothing logged with an exception (a stack trace on a console) or as a server bug; else the
     * request and the client's texts (a rename, for one, also reads the other open document).
     */
    private static void assertNoServerBug(InProcessLanguageServer session, long seed, int operations, Asked asked,
            Map<String, String> texts) {
        List<String> severe = session.log.stream().filter(l -> l.startsWith("SEVERE") || l.startsWith("ERROR") || l.startsWith("FATAL"))
                .toList();
        if (!session.loggedExceptions.isEmpty() || !severe.isEmpty()) {
            String others = texts.entrySet().stream().filter(open -> asked == null || !open.getKey().equals(asked.uri()))
                    .map(open -> "\n" + open.getKey() + ":\n" + open.getValue()).collect(Collectors.joining());
            fail("seed " + seed + ", operation " + operations + (asked == null ? "" : ", " + asked) + "\nother open documents:" + others
                    + "\nserver bugs logged: " + severe
                    + "\nexceptions logged (stack traces): "
                    + session.loggedExceptions.stream().map(LanguageServerFuzzTest::stackTrace).distinct().toList());
        }
    }

    // --- edits -----------------------------------------------------------------------------

    private void open(InProcessLanguageServer session, String name, String text) {
        String uri = uri(name);
        texts.put(uri, text);
        versions.put(uri, 1);
        session.server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "bnn", 1, text)));
    }

    /** A random change the client also makes to its copy: an insertion, a deletion, a replacement or a whole new text. */
    private void edit(InProcessLanguageServer session, String uri) {
        String text = texts.get(uri);
        TextDocumentContentChangeEvent change;
        String changed;
        if (random.nextInt(20) == 0) {
            String example = pick(corpus);
            changed = example.substring(0, random.nextInt(example.length() + 1));
            change = new TextDocumentContentChangeEvent(changed);
        } else {
            int start = outsideCrlf(text, random.nextInt(text.length() + 1));
            int end = outsideCrlf(text, Math.min(text.length(), start + (random.nextInt(3) == 0 ? random.nextInt(40) : 0)));
            String inserted = random.nextInt(3) == 0 ? "" : fragment();
            changed = text.substring(0, start) + inserted + text.substring(end);
            change = new TextDocumentContentChangeEvent(new Range(position(text, start), position(text, end)), inserted);
        }
        texts.put(uri, changed);
        // Now and then a stale version number: the text still changes as the client says.
        int version = random.nextInt(10) == 0 ? 0 : versions.merge(uri, 1, Integer::sum);
        session.server.getTextDocumentService()
                .didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, version), List.of(change)));
    }

    /** The offset, moved before the CR if it falls inside a CRLF (which no LSP position can name). */
    private static int outsideCrlf(String text, int offset) {
        return offset > 0 && offset < text.length() && text.charAt(offset - 1) == '\r' && text.charAt(offset) == '\n' ? offset - 1 : offset;
    }

    /** A change whose range lies outside the document: ignored by the server, so the client's copy stays too. */
    private void editOutside(InProcessLanguageServer session, String uri) {
        String text = texts.get(uri);
        int lines = AnswerRanges.lines(text).size();
        Position outside = random.nextBoolean() ? new Position(lines + random.nextInt(5), 0) : new Position(-1 - random.nextInt(3), 0);
        session.server.getTextDocumentService()
                .didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, versions.get(uri)),
                        List.of(new TextDocumentContentChangeEvent(new Range(outside, outside), "x"))));
    }

    private void reopen(InProcessLanguageServer session, String uri) {
        session.server.getTextDocumentService().didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(uri)));
        open(session, uri.substring(uri.lastIndexOf('/') + 1), pick(corpus));
    }

    private String fragment() {
        if (random.nextBoolean()) {
            StringBuilder odd = new StringBuilder();
            for (int i = random.nextInt(4); i >= 0; i--) {
                odd.append(ODD[random.nextInt(ODD.length)]);
            }
            return odd.toString();
        }
        String example = pick(corpus);
        int start = random.nextInt(example.length());
        return example.substring(start, Math.min(example.length(), start + 1 + random.nextInt(60)));
    }

    // --- requests --------------------------------------------------------------------------

    private interface Sender {
        CompletableFuture<?> send(InProcessLanguageServer session, TextDocumentIdentifier document, Position position, Range range);
    }

    /** A request the server announced, by its LSP method name. */
    private record Request(String method, Sender sender) {
    }

    /** One request as sent: where, and on which text of the client's. */
    private record Asked(Request request, String uri, Position position, Range range, String text) {
        @Override
        public String toString() {
            return request.method() + " at " + position + " / " + range + " of " + uri + ", text:\n" + text;
        }
    }

    /** The requests the server announced, each with a random position or range. */
    private static List<Request> announced(ServerCapabilities capabilities) {
        List<Request> requests = new ArrayList<>();
        if (capabilities.getHoverProvider() != null) {
            requests.add(new Request("textDocument/hover", (s, d, p, r) -> s.server.getTextDocumentService().hover(new HoverParams(d, p))));
        }
        if (capabilities.getCompletionProvider() != null) {
            requests.add(new Request("textDocument/completion",
                    (s, d, p, r) -> s.server.getTextDocumentService().completion(new CompletionParams(d, p))));
        }
        if (capabilities.getDefinitionProvider() != null) {
            requests.add(new Request("textDocument/definition",
                    (s, d, p, r) -> s.server.getTextDocumentService().definition(new DefinitionParams(d, p))));
        }
        if (capabilities.getReferencesProvider() != null) {
            requests.add(new Request("textDocument/references",
                    (s, d, p, r) -> s.server.getTextDocumentService().references(new ReferenceParams(d, p, new ReferenceContext(true)))));
        }
        if (capabilities.getDocumentHighlightProvider() != null) {
            requests.add(new Request("textDocument/documentHighlight",
                    (s, d, p, r) -> s.server.getTextDocumentService().documentHighlight(new DocumentHighlightParams(d, p))));
        }
        if (capabilities.getSignatureHelpProvider() != null) {
            requests.add(new Request("textDocument/signatureHelp",
                    (s, d, p, r) -> s.server.getTextDocumentService().signatureHelp(new SignatureHelpParams(d, p))));
        }
        if (capabilities.getDocumentSymbolProvider() != null) {
            requests.add(new Request("textDocument/documentSymbol",
                    (s, d, p, r) -> s.server.getTextDocumentService().documentSymbol(new DocumentSymbolParams(d))));
        }
        if (capabilities.getDocumentFormattingProvider() != null) {
            requests.add(new Request("textDocument/formatting", (s, d, p, r) -> s.server.getTextDocumentService()
                    .formatting(new DocumentFormattingParams(d, new FormattingOptions(4, true)))));
        }
        if (capabilities.getDocumentRangeFormattingProvider() != null) {
            requests.add(new Request("textDocument/rangeFormatting", (s, d, p, r) -> s.server.getTextDocumentService()
                    .rangeFormatting(new DocumentRangeFormattingParams(d, new FormattingOptions(4, true), r))));
        }
        if (capabilities.getCodeLensProvider() != null) {
            requests.add(new Request("textDocument/codeLens",
                    (s, d, p, r) -> s.server.getTextDocumentService().codeLens(new CodeLensParams(d)).thenCompose(lenses -> {
                        if (lenses == null || lenses.isEmpty()
                                || !Boolean.TRUE.equals(capabilities.getCodeLensProvider().getResolveProvider())) {
                            return CompletableFuture.completedFuture(lenses);
                        }
                        CodeLens lens = lenses.get(0);
                        return s.server.getTextDocumentService().resolveCodeLens(lens).thenApply(resolved -> lenses);
                    })));
        }
        if (capabilities.getInlayHintProvider() != null) {
            requests.add(new Request("textDocument/inlayHint",
                    (s, d, p, r) -> s.server.getTextDocumentService().inlayHint(new InlayHintParams(d, r))));
        }
        if (capabilities.getSemanticTokensProvider() != null) {
            requests.add(new Request("textDocument/semanticTokens/full",
                    (s, d, p, r) -> s.server.getTextDocumentService().semanticTokensFull(new SemanticTokensParams(d))));
        }
        if (capabilities.getFoldingRangeProvider() != null) {
            requests.add(new Request("textDocument/foldingRange",
                    (s, d, p, r) -> s.server.getTextDocumentService().foldingRange(new FoldingRangeRequestParams(d))));
        }
        if (capabilities.getCodeActionProvider() != null) {
            requests.add(new Request("textDocument/codeAction", (s, d, p, r) -> s.server.getTextDocumentService()
                    .codeAction(new CodeActionParams(d, r, new CodeActionContext(List.of())))));
        }
        if (capabilities.getRenameProvider() != null) {
            requests.add(new Request("textDocument/rename",
                    (s, d, p, r) -> s.server.getTextDocumentService().rename(new RenameParams(d, p, "renamed"))));
            if (capabilities.getRenameProvider().isRight()
                    && Boolean.TRUE.equals(capabilities.getRenameProvider().getRight().getPrepareProvider())) {
                requests.add(new Request("textDocument/prepareRename",
                        (s, d, p, r) -> s.server.getTextDocumentService().prepareRename(new PrepareRenameParams(d, p))));
            }
        }
        assertTrue(requests.size() >= 12, "the server announces its usual requests: " + requests.size());
        return requests;
    }

    /** The request at a random position and range (now and then a reversed one). */
    private Asked ask(Request request, String uri, String text) {
        Position position = randomPosition(text);
        Position other = randomPosition(text);
        boolean ordered = position.getLine() < other.getLine()
                || position.getLine() == other.getLine() && position.getCharacter() <= other.getCharacter();
        Range range = ordered || random.nextInt(10) == 0 ? new Range(position, other) : new Range(other, position);
        return new Asked(request, uri, position, range, text);
    }

    private static Object answer(Asked asked, InProcessLanguageServer session) throws Exception {
        try {
            return asked.request().sender().send(session, new TextDocumentIdentifier(asked.uri()), asked.position(), asked.range())
                    .get(InProcessLanguageServer.TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ResponseErrorException error) {
                fail("error response " + error.getResponseError().getCode() + " '" + error.getResponseError().getMessage() + "' to "
                        + asked);
            }
            throw e;
        }
    }

    /** Mostly a place in the text; else past a line's end, between CR and LF, past the last line, or negative. */
    private Position randomPosition(String text) {
        List<String> lines = AnswerRanges.lines(text);
        int dice = random.nextInt(100);
        if (dice < 75) {
            int line = random.nextInt(lines.size());
            return new Position(line, random.nextInt(lines.get(line).length() + 3));
        } else if (dice < 90) {
            return new Position(lines.size() + random.nextInt(1000), random.nextInt(5));
        } else if (dice < 95) {
            return new Position(random.nextInt(lines.size()), 1000 + random.nextInt(Integer.MAX_VALUE - 1000));
        }
        return new Position(-1 - random.nextInt(5), random.nextInt(3) - 1);
    }

    // --- ranges in answers -----------------------------------------------------------------

    /** Every range and position in the answer that is about {@code uri} lies inside {@code text}. */
    private static void assertInside(Object answer, String uri, String text) {
        assertEquals(List.of(), AnswerRanges.outside(answer, uri, text), "ranges outside the document; text:\n" + text);
    }

    /** The LSP position of an offset: lines as in {@link #lines}, an offset inside a CRLF at the end of its line. */
    static Position position(String text, int offset) {
        List<String> before = AnswerRanges.lines(text.substring(0, offset));
        int line = before.size() - 1;
        if (offset > 0 && offset < text.length() && text.charAt(offset - 1) == '\r' && text.charAt(offset) == '\n') {
            return new Position(line - 1, before.get(line - 1).length());
        }
        return new Position(line, before.get(line).length());
    }

    private static String stackTrace(Throwable e) {
        java.io.StringWriter trace = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(trace));
        return trace.toString();
    }

    // --- set-up ----------------------------------------------------------------------------

    private String uri(String name) {
        return workspace.resolve(name).toUri().toString();
    }

    private String pick(List<String> from) {
        return from.get(random.nextInt(from.size()));
    }

    private static List<String> examples() throws IOException {
        Path examples = Path.of(System.getProperty("bnn.repository.root", "..")).resolve("examples");
        try (Stream<Path> files = Files.walk(examples)) {
            List<String> texts = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".bnn")).sorted().toList()) {
                texts.add(Files.readString(file));
            }
            return texts;
        }
    }
}
