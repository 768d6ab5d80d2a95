package org.bnn.dsl.ide.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.bnn.dsl.ide.tests.LanguageServerProcess.Session;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.SemanticTokenModifiers;
import org.eclipse.lsp4j.SemanticTokenTypes;
import org.eclipse.lsp4j.SemanticTokensLegend;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Semantic highlighting as an LSP editor gets it from the packaged server
 * ({@code textDocument/semanticTokens/full}): declarations and references as the kind of element
 * they name, units, numbers and the words of the closed choices; keywords are left to the editor.
 */
class SemanticTokensTest {
    private static final long TIMEOUT = LanguageServerProcess.TIMEOUT_SECONDS;

    static final String TEXT = """
            device D {
                regime fast { lrs lognormal(median 8 kOhm, sigma 0.25) hrs lognormal(median 180 kOhm, sigma 0.8)
                    set 1.8 V 100 uA 500 ns reset 1.8 V 100 uA 500 ns endurance 1e7 }
            }
            tile T { cells 32 rows x 32 columns 2T2R of D }
            chip C { tiles 4 of T }
            network N { input pixels: 4 dense h: 8 output o: dense 2 }
            mapping M { network N on C regime fast replicate h 2 place h -> tiles 0..1, o -> tile 2 }
            experiment E { run M on random 10 inputs errors weight-level sweep ber { 0, 1e-3 } }
            """;

    @TempDir
    Path workspace;

    /** A token as the editor decodes it: the text it covers, its type and modifiers. */
    private record Token(String text, String type, List<String> modifiers) {
    }

    @Test
    void highlightsNamesByTheirKindUnitsNumbersAndChoices() throws Exception {
        LanguageServerProcess.withServer(workspace, new ClientCapabilities(), session -> {
            Map<Integer, Token> tokens = tokens(session);
            String declaration = SemanticTokenModifiers.Declaration;

            assertToken(tokens, "D {", "D", SemanticTokenTypes.Struct, declaration);
            assertToken(tokens, "fast {", "fast", SemanticTokenTypes.EnumMember, declaration);
            assertToken(tokens, "8 kOhm", "8", SemanticTokenTypes.Number);
            assertToken(tokens, "kOhm,", "kOhm", SemanticTokenTypes.Type);
            assertToken(tokens, "1e7", "1e7", SemanticTokenTypes.Number);
            assertToken(tokens, "T {", "T", SemanticTokenTypes.Struct, declaration);
            assertToken(tokens, "2T2R", "2T2R", SemanticTokenTypes.EnumMember);
            assertToken(tokens, "D }", "D", SemanticTokenTypes.Struct);
            assertToken(tokens, "T }", "T", SemanticTokenTypes.Struct);
            assertToken(tokens, "N {", "N", SemanticTokenTypes.Class, declaration);
            assertToken(tokens, "pixels:", "pixels", SemanticTokenTypes.Variable, declaration);
            assertToken(tokens, "h: 8", "h", SemanticTokenTypes.Property, declaration);
            assertToken(tokens, "M {", "M", SemanticTokenTypes.Interface, declaration);
            assertToken(tokens, "N on C", "N", SemanticTokenTypes.Class);
            assertToken(tokens, "C regime", "C", SemanticTokenTypes.Struct);
            assertToken(tokens, "fast replicate", "fast", SemanticTokenTypes.EnumMember);
            assertToken(tokens, "h 2", "h", SemanticTokenTypes.Property);
            assertToken(tokens, "h ->", "h", SemanticTokenTypes.Property);
            assertToken(tokens, "0..1", "0..1", SemanticTokenTypes.Number);
            assertToken(tokens, "E {", "E", SemanticTokenTypes.Event, declaration);
            assertToken(tokens, "M on random", "M", SemanticTokenTypes.Interface);
            assertToken(tokens, "weight-level", "weight-level", SemanticTokenTypes.EnumMember);
            assertToken(tokens, "1e-3", "1e-3", SemanticTokenTypes.Number);

            for (String keyword : List.of("device", "regime fast {", "tile", "mapping", "sweep")) {
                assertFalse(tokens.containsKey(TEXT.indexOf(keyword)), keyword + " is left to the editor's lexical highlighting");
            }
        });
    }

    /** Opens {@link #TEXT} and decodes the server's tokens (relative positions, legend indices) by offset. */
    private Map<Integer, Token> tokens(Session session) throws Exception {
        SemanticTokensLegend legend = session.initialized().getCapabilities().getSemanticTokensProvider().getLegend();
        String uri = session.open("tokens.bnn", TEXT);
        List<Integer> data = session.server().getTextDocumentService()
                .semanticTokensFull(new SemanticTokensParams(new TextDocumentIdentifier(uri))).get(TIMEOUT, TimeUnit.SECONDS).getData();
        assertFalse(data.isEmpty(), "tokens");
        assertEquals(0, data.size() % 5, data.toString());
        List<Integer> lineStarts = new ArrayList<>(List.of(0));
        for (int i = 0; i < TEXT.length(); i++) {
            if (TEXT.charAt(i) == '\n') {
                lineStarts.add(i + 1);
            }
        }
        Map<Integer, Token> tokens = new TreeMap<>();
        int line = 0;
        int character = 0;
        for (int i = 0; i < data.size(); i += 5) {
            line += data.get(i);
            character = data.get(i) == 0 ? character + data.get(i + 1) : data.get(i + 1);
            int offset = lineStarts.get(line) + character;
            List<String> modifiers = new ArrayList<>();
            for (int bit = 0; bit < legend.getTokenModifiers().size(); bit++) {
                if ((data.get(i + 4) & (1 << bit)) != 0) {
                    modifiers.add(legend.getTokenModifiers().get(bit));
                }
            }
            tokens.put(offset,
                    new Token(TEXT.substring(offset, offset + data.get(i + 2)), legend.getTokenTypes().get(data.get(i + 3)), modifiers));
        }
        return tokens;
    }

    /** The token at the start of the first occurrence of {@code snippet}. */
    private static void assertToken(Map<Integer, Token> tokens, String snippet, String text, String type, String... modifiers) {
        int offset = TEXT.indexOf(snippet);
        assertTrue(offset >= 0, snippet);
        assertEquals(new Token(text, type, List.of(modifiers)), tokens.get(offset), "at '" + snippet + "' in " + tokens);
    }
}
