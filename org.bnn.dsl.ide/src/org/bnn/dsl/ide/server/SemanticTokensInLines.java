package org.bnn.dsl.ide.server;

import java.util.ArrayList;
import java.util.List;

/**
 * Semantic tokens, LSP-encoded (line delta, start delta, length, type, modifiers per token): decoded
 * to absolute positions, and filtered to those that lie inside their line of the document, encoded
 * again relative to each other.
 */
public final class SemanticTokensInLines {

    /** One token at its absolute place: line, start character, length, type and modifiers as encoded. */
    public record Token(int line, int start, int length, int type, int modifiers) {
    }

    private SemanticTokensInLines() {
    }

    /** The tokens of LSP's relative encoding (an incomplete last group is left out). */
    public static List<Token> decode(List<Integer> data) {
        List<Token> tokens = new ArrayList<>(data.size() / 5);
        int line = 0;
        int start = 0;
        for (int i = 0; i + 4 < data.size(); i += 5) {
            start = data.get(i) == 0 ? start + data.get(i + 1) : data.get(i + 1);
            line += data.get(i);
            tokens.add(new Token(line, start, data.get(i + 2), data.get(i + 3), data.get(i + 4)));
        }
        return tokens;
    }

    /** The tokens that lie inside their line of the document and follow the previous kept one, encoded again. */
    public static List<Integer> keep(LspDocument document, List<Integer> data) {
        List<Integer> kept = new ArrayList<>(data.size());
        int keptLine = 0;
        int keptStart = 0;
        for (Token token : decode(data)) {
            int line = token.line();
            int start = token.start();
            if (line < 0 || line >= document.getLineCount() || start < 0 || token.length() < 0
                    || start + token.length() > document.lineLength(line)
                    || line < keptLine || line == keptLine && start < keptStart) {
                continue;
            }
            kept.addAll(List.of(line - keptLine, line == keptLine ? start - keptStart : start, token.length(), token.type(),
                    token.modifiers()));
            keptLine = line;
            keptStart = start;
        }
        return kept;
    }
}
