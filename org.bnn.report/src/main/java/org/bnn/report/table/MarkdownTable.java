package org.bnn.report.table;

import java.util.List;

/**
 * A GitHub-flavoured Markdown table: the first column left-aligned (names), the others
 * right-aligned (numbers). Cells are escaped so that a label with "|" cannot split a row.
 */
final class MarkdownTable {
    private MarkdownTable() {
    }

    static String write(List<String> header, List<List<String>> rows) {
        StringBuilder text = new StringBuilder();
        row(text, header);
        text.append("|---|");
        text.append("---:|".repeat(header.size() - 1));
        text.append('\n');
        for (List<String> row : rows) {
            if (row.size() != header.size()) {
                throw new IllegalArgumentException("Markdown row has " + row.size() + " cells, the header " + header.size() + ": " + row);
            }
            row(text, row);
        }
        return text.toString();
    }

    private static void row(StringBuilder text, List<String> cells) {
        text.append('|');
        for (String cell : cells) {
            text.append(' ').append(escape(cell)).append(" |");
        }
        text.append('\n');
    }

    private static String escape(String cell) {
        return cell.replace("\\", "\\\\").replace("|", "\\|").replace('\n', ' ').replace('\r', ' ');
    }
}
