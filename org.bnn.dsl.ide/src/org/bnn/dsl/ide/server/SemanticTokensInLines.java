package org.bnn.dsl.ide.server;

import java.util.ArrayList;
import java.util.List;

/**
 * Semantic tokens, LSP-encoded (line delta, start delta, length, type, modifiers per token), with
 * only the tokens that lie inside their line of the document, encoded again relative to each other.
 */
final class SemanticTokensInLines {

    private SemanticTokensInLines() {
    }

    static List<Integer> keep(LspDocument document, List<Integer> data) {
        List<Integer> kept = new ArrayList<>(data.size());
        int line = 0;
        int start = 0;
        int keptLine = 0;
        int keptStart = 0;
        for (int i = 0; i + 4 < data.size(); i += 5) {
            start = data.get(i) == 0 ? start + data.get(i + 1) : data.get(i + 1);
            line += data.get(i);
            int length = data.get(i + 2);
            if (line < 0 || line >= document.getLineCount() || start < 0 || length < 0 || start + length > document.lineLength(line)
                    || line < keptLine || line == keptLine && start < keptStart) {
                continue;
            }
            kept.add(line - keptLine);
            kept.add(line == keptLine ? start - keptStart : start);
            kept.addAll(data.subList(i + 2, i + 5));
            keptLine = line;
            keptStart = start;
        }
        return kept;
    }
}
