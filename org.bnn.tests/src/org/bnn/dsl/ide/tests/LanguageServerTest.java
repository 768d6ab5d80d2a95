package org.bnn.dsl.ide.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bnn.dsl.ide.tests.LanguageServerProcess.Session;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionCapabilities;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionKindCapabilities;
import org.eclipse.lsp4j.CodeActionLiteralSupportCapabilities;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts the packaged language server jar as an editor would (a process speaking LSP over stdio)
 * and checks what an editor gets from it: initialization, the validator's diagnostics, and the
 * language's quick fixes as code actions.
 */
class LanguageServerTest {
    private static final long TIMEOUT_SECONDS = LanguageServerProcess.TIMEOUT_SECONDS;

    @TempDir
    Path workspace;

    @Test
    void initializesAndPublishesDiagnosticsOfABrokenFile() throws Exception {
        withServer(session -> {
            String uri = open(session, "broken.bnn", "tile T { cells 32 rows x 0 columns 2T2R }\nchip C { tiles 2 of Missing }\n");
            List<Diagnostic> diagnostics = session.client().diagnosticsFor(uri).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            assertEquals(2, diagnostics.size(), diagnostics.toString());
            Diagnostic size = diagnostics.stream().filter(d -> message(d).contains("columns must be positive")).findFirst()
                    .orElseThrow(() -> new AssertionError(diagnostics.toString()));
            assertEquals(DiagnosticSeverity.Error, size.getSeverity());
            assertEquals(0, size.getRange().getStart().getLine());
            assertEquals(25, size.getRange().getStart().getCharacter());
            assertTrue(diagnostics.stream().anyMatch(d -> message(d).contains("Missing") && d.getRange().getStart().getLine() == 1),
                    diagnostics.toString());
        });
    }

    @Test
    void offersTheQuickFixesAsCodeActions() throws Exception {
        withServer(session -> {
            String text = """
                    device D { regime r { lrs lognormal(median 8 kV, sigma 0.25) hrs lognormal(median 180 kOhm, sigma 0.8)
                        set 1.8 V 100 uA 500 ns reset 1.8 V 100 uA 500 ns endurance 1e7 } }
                    tile T { cells 32 rows x 32 columns 2T2R }
                    chip C { tiles 1 of T }
                    network N { input x: 784 dense h: 1024 output o: dense 10 }
                    mapping M { network N on C }
                    """;
            String uri = open(session, "fixes.bnn", text);
            List<Diagnostic> diagnostics = session.client().diagnosticsFor(uri).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Diagnostic unit = only(diagnostics, "org.bnn.dsl.unitMismatch");
            TextEdit unitEdit = onlyEdit(codeActions(session, uri, unit), "Change 'kV' to 'kOhm'", uri);
            assertEquals("kOhm", unitEdit.getNewText());
            assertEquals(unit.getRange(), unitEdit.getRange());

            Diagnostic capacity = only(diagnostics, "org.bnn.dsl.mappingExceedsChip");
            TextEdit reprogram = onlyEdit(codeActions(session, uri, capacity), "Allow reprogramming the weights while the network runs",
                    uri);
            // A mapping written on one line gets the clause on that line (EstimatePresentationTest: on a line of its own, indented).
            assertEquals("allow reprogramming ", reprogram.getNewText());
            assertEquals(5, reprogram.getRange().getStart().getLine(), "inserted before the mapping's closing brace");
            assertEquals(text.lines().toList().get(5).indexOf('}'), reprogram.getRange().getStart().getCharacter());
        });
    }

    private void withServer(LanguageServerProcess.ServerCheck check) throws Exception {
        LanguageServerProcess.withServer(workspace, clientCapabilities(), check);
    }

    /** An editor that takes code actions as literals (with edits), like VS Code. */
    private static ClientCapabilities clientCapabilities() {
        TextDocumentClientCapabilities text = new TextDocumentClientCapabilities();
        text.setCodeAction(new CodeActionCapabilities(
                new CodeActionLiteralSupportCapabilities(new CodeActionKindCapabilities(List.of(CodeActionKind.QuickFix))), false));
        ClientCapabilities capabilities = new ClientCapabilities();
        capabilities.setTextDocument(text);
        return capabilities;
    }

    private static String open(Session session, String name, String text) {
        return session.open(name, text);
    }

    private static List<CodeAction> codeActions(Session session, String uri, Diagnostic diagnostic) throws Exception {
        CodeActionParams params = new CodeActionParams(new TextDocumentIdentifier(uri), diagnostic.getRange(),
                new CodeActionContext(List.of(diagnostic)));
        var all = session.server().getTextDocumentService().codeAction(params).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        return all.stream().filter(e -> e.isRight()).map(e -> e.getRight()).toList();
    }

    private static TextEdit onlyEdit(List<CodeAction> actions, String title, String uri) {
        CodeAction action = actions.stream().filter(a -> a.getTitle().equals(title)).findFirst()
                .orElseThrow(
                        () -> new AssertionError("no action '" + title + "' in " + actions.stream().map(CodeAction::getTitle).toList()));
        List<TextEdit> edits = action.getEdit().getChanges().get(uri);
        assertEquals(1, edits.size(), edits.toString());
        return edits.get(0);
    }

    private static Diagnostic only(List<Diagnostic> diagnostics, String code) {
        List<Diagnostic> matching = diagnostics.stream()
                .filter(d -> d.getCode() != null
                        && code.equals(d.getCode().isLeft() ? d.getCode().getLeft() : String.valueOf(d.getCode().getRight())))
                .toList();
        assertEquals(1, matching.size(), code + " in " + diagnostics);
        return matching.get(0);
    }

    private static String message(Diagnostic diagnostic) {
        var message = diagnostic.getMessage();
        return message.isLeft() ? message.getLeft() : message.getRight().getValue();
    }
}
