package org.bnn.dsl.ide.quickfix;

import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

/**
 * A clause added at the end of a braced element ({@code mapping M { … }}), written as the element's
 * other clauses are: on a line of its own, indented like the first clause, when the closing brace
 * stands on its own line; before the brace on the same line when the element is written on one line.
 */
final class LastClause {
    /** The formatter's indentation (BnnFormatter), for an element whose clauses share the brace's line. */
    private static final String INDENT = "    ";

    private LastClause() {
    }

    /** The edit that adds {@code clause} before the closing brace of {@code element}; none when the element has no brace yet. */
    static List<TextEdit> add(EObject element, Document document, String clause) {
        ICompositeNode node = element == null ? null : NodeModelUtils.findActualNodeFor(element);
        String text = document.getContents();
        int close = node == null ? -1 : node.getEndOffset() - 1;
        if (close < 0 || text.charAt(close) != '}') {
            return List.of();
        }
        int braceLine = lineStart(text, close);
        if (!text.substring(braceLine, close).isBlank()) {
            String before = Character.isWhitespace(text.charAt(close - 1)) ? "" : " ";
            return insert(document, close, before + clause + " ");
        }
        return insert(document, braceLine, clauseIndent(node, text, braceLine, close) + clause + lineEnd(text, braceLine));
    }

    /**
     * The indentation of the element's first clause when that clause starts a line of its own, else
     * (it follows the opening brace, or there is none) the closing brace's and one more level.
     */
    private static String clauseIndent(ICompositeNode node, String text, int braceLine, int close) {
        String deeper = text.substring(braceLine, close) + INDENT;
        ILeafNode open = null;
        for (ILeafNode leaf : node.getLeafNodes()) {
            if (leaf.isHidden()) {
                continue;
            }
            if (open != null) {
                int line = lineStart(text, leaf.getOffset());
                String indent = text.substring(line, leaf.getOffset());
                return leaf.getOffset() < close && line > open.getOffset() && indent.isBlank() ? indent : deeper;
            }
            if ("{".equals(leaf.getText())) {
                open = leaf;
            }
        }
        return deeper;
    }

    /** The line end before {@code lineStart} (LF, CRLF or CR), so that the file keeps one kind. */
    private static String lineEnd(String text, int lineStart) {
        if (text.charAt(lineStart - 1) == '\r') {
            return "\r";
        }
        return lineStart >= 2 && text.charAt(lineStart - 2) == '\r' ? "\r\n" : "\n";
    }

    private static int lineStart(String text, int offset) {
        return Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
    }

    private static List<TextEdit> insert(Document document, int offset, String text) {
        Position at = document.getPosition(offset);
        return List.of(new TextEdit(new Range(at, at), text));
    }
}
