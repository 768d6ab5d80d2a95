package org.bnn.dsl.ide.tests;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import org.bnn.dsl.ide.server.SemanticTokensInLines;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.DocumentHighlight;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.InsertReplaceEdit;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PrepareRenameResult;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.TextDocumentEdit;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.Either3;

/**
 * The ranges and positions in a language server's answer that are about one document: of a hover,
 * completion edits, locations, highlights, symbols, text edits, code lenses, inlay hints, semantic
 * tokens (decoded), folding ranges (as whole lines), code action and rename edits, prepareRename.
 */
final class AnswerRanges {
    private final String uri;

    AnswerRanges(String uri) {
        this.uri = uri;
    }

    /** The ranges in the answer about the document {@code uri} that do not lie inside its {@code text}, each with what it came from. */
    static List<String> outside(Object answer, String uri, String text) {
        List<String> lines = lines(text);
        List<String> outside = new ArrayList<>();
        new AnswerRanges(uri).forEach(answer, (range, where) -> {
            for (Position position : new Position[] {range.getStart(), range.getEnd()}) {
                if (position.getLine() < 0 || position.getLine() >= lines.size() || position.getCharacter() < 0
                        || position.getCharacter() > lines.get(position.getLine()).length()) {
                    outside.add(range + " of " + where);
                    return;
                }
            }
        });
        return outside;
    }

    /** The lines as LSP counts them: ended by LF, CRLF or a lone CR. */
    static List<String> lines(String text) {
        return List.of(text.split("\\r\\n|\\r|\\n", -1));
    }

    /** Every range about the document in the answer. */
    List<Range> all(Object answer) {
        List<Range> all = new ArrayList<>();
        forEach(answer, (range, where) -> all.add(range));
        return all;
    }

    /** Calls {@code each} with every range about the document and what it came from. */
    void forEach(Object answer, BiConsumer<Range, String> each) {
        if (answer == null) {
            return;
        }
        if (answer instanceof List<?> list) {
            list.forEach(element -> forEach(element, each));
        } else if (answer instanceof Either<?, ?> either) {
            forEach(either.get(), each);
        } else if (answer instanceof Either3<?, ?, ?> either) {
            forEach(either.get(), each);
        } else if (answer instanceof Hover hover) {
            accept(hover.getRange(), "hover", each);
        } else if (answer instanceof CompletionList completions) {
            forEach(completions.getItems(), each);
        } else if (answer instanceof CompletionItem item) {
            forEach(item.getTextEdit(), each);
            forEach(item.getAdditionalTextEdits(), each);
        } else if (answer instanceof InsertReplaceEdit edit) {
            accept(edit.getInsert(), "completion insert", each);
            accept(edit.getReplace(), "completion replace", each);
        } else if (answer instanceof TextEdit edit) {
            accept(edit.getRange(), "text edit '" + edit.getNewText() + "'", each);
        } else if (answer instanceof Location location) {
            if (uri.equals(location.getUri())) {
                accept(location.getRange(), "location", each);
            }
        } else if (answer instanceof LocationLink link) {
            if (uri.equals(link.getTargetUri())) {
                accept(link.getTargetRange(), "link", each);
                accept(link.getTargetSelectionRange(), "link selection", each);
            }
        } else if (answer instanceof DocumentHighlight highlight) {
            accept(highlight.getRange(), "highlight", each);
        } else if (answer instanceof DocumentSymbol symbol) {
            accept(symbol.getRange(), "symbol " + symbol.getName(), each);
            accept(symbol.getSelectionRange(), "selection of symbol " + symbol.getName(), each);
            forEach(symbol.getChildren(), each);
        } else if (answer instanceof SymbolInformation symbol) {
            forEach(symbol.getLocation(), each);
        } else if (answer instanceof CodeLens lens) {
            accept(lens.getRange(), "code lens", each);
        } else if (answer instanceof InlayHint hint) {
            accept(new Range(hint.getPosition(), hint.getPosition()), "inlay hint", each);
        } else if (answer instanceof SemanticTokens tokens) {
            semanticTokens(tokens.getData(), each);
        } else if (answer instanceof FoldingRange folding) {
            accept(new Range(new Position(folding.getStartLine(), 0), new Position(folding.getEndLine(), 0)), "folding range", each);
        } else if (answer instanceof CodeAction action) {
            forEach(action.getEdit(), each);
        } else if (answer instanceof WorkspaceEdit edit) {
            if (edit.getChanges() != null) {
                forEach(edit.getChanges().entrySet().stream().filter(e -> uri.equals(e.getKey())).map(Map.Entry::getValue).toList(), each);
            }
            forEach(edit.getDocumentChanges(), each);
        } else if (answer instanceof TextDocumentEdit edit) {
            if (uri.equals(edit.getTextDocument().getUri())) {
                forEach(edit.getEdits(), each);
            }
        } else if (answer instanceof PrepareRenameResult prepared) {
            accept(prepared.getRange(), "prepareRename", each);
        } else if (answer instanceof Range range) {
            accept(range, "range", each);
        }
    }

    private static void accept(Range range, String what, BiConsumer<Range, String> each) {
        if (range != null) {
            each.accept(range, what);
        }
    }

    /** Tokens come as (line delta, start delta, length, type, modifiers); each is a range on its line. */
    private static void semanticTokens(List<Integer> data, BiConsumer<Range, String> each) {
        for (SemanticTokensInLines.Token token : SemanticTokensInLines.decode(data)) {
            each.accept(new Range(new Position(token.line(), token.start()), new Position(token.line(), token.start() + token.length())),
                    "semantic token");
        }
    }
}
