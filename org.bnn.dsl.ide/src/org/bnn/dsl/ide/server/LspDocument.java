package org.bnn.dsl.ide.server;

import java.util.Arrays;

import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.util.ITextRegion;
import org.eclipse.xtext.util.TextRegion;

/**
 * The text of a document as the language server's services see it, with the protocol's rules for
 * positions instead of Xtext's exceptions: a character past the end of its line means the end of
 * the line (LSP: "defaults back to the line length"), so does a position between the CR and the
 * LF of a CRLF; an offset past the end means the end. A position that cannot name a place in the
 * text at all (a negative number, a line past the last) is the client's mistake and is answered
 * with {@link InvalidRequestException}, which the request guard turns into an empty answer.
 * <p>
 * Lines end at LF, CRLF or a lone CR, as in LSP and in Xtext's node model (whose line numbers
 * the services' ranges come from; Xtext's own {@code Document} counts LFs only). The line starts
 * and ends are computed once, so a position costs a binary search rather than a scan of the text.
 */
public class LspDocument extends Document {

    /** Offsets at which the lines start: 0, then after each line break. */
    private final int[] lineStarts;
    /** Offsets at which the lines' text ends (their line break, or the end of the text). */
    private final int[] lineEnds;

    public LspDocument(Integer version, String contents) {
        super(version, contents, false);
        int lines = 1;
        for (int i = 0; i < contents.length(); i++) {
            if (isLineBreak(contents, i)) {
                lines++;
            }
        }
        lineStarts = new int[lines];
        lineEnds = new int[lines];
        int line = 0;
        for (int i = 0; i < contents.length(); i++) {
            if (isLineBreak(contents, i)) {
                lineEnds[line] = contents.charAt(i) == '\n' && i > 0 && contents.charAt(i - 1) == '\r' ? i - 1 : i;
                lineStarts[++line] = i + 1;
            }
        }
        lineEnds[line] = contents.length();
    }

    /** The same text and version with the protocol's rules for positions. */
    public static LspDocument of(Document document) {
        return document instanceof LspDocument lsp ? lsp : new LspDocument(document.getVersion(), document.getContents());
    }

    @Override
    public int getOffSet(Position position) {
        if (position == null || position.getLine() < 0 || position.getCharacter() < 0) {
            throw new InvalidRequestException("position " + describe(position) + " has a negative or missing line or character");
        }
        if (position.getLine() >= lineStarts.length) {
            throw new InvalidRequestException("position " + describe(position) + " is past the last line (" + (lineStarts.length - 1)
                    + ") of the document");
        }
        int start = lineStarts[position.getLine()];
        return start + Math.min(position.getCharacter(), lineLength(position.getLine()));
    }

    @Override
    public Position getPosition(int offset) {
        int clamped = Math.max(0, Math.min(offset, getContents().length()));
        int line = lineOf(clamped);
        return new Position(line, Math.min(clamped - lineStarts[line], lineLength(line)));
    }

    /** The position as the services must see it: its character within its line ({@link InvalidRequestException} if outside). */
    public Position normalize(Position position) {
        return getPosition(getOffSet(position));
    }

    /** Both ends normalized; {@link InvalidRequestException} if it is outside or ends before it starts. */
    public Range normalize(Range range) {
        ITextRegion region = getTextRegion(range);
        return new Range(getPosition(region.getOffset()), getPosition(region.getEndOffset()));
    }

    @Override
    public ITextRegion getTextRegion(Range range) {
        if (range == null) {
            throw new InvalidRequestException("a range is missing");
        }
        int start = getOffSet(range.getStart());
        int end = getOffSet(range.getEnd());
        if (end < start) {
            throw new InvalidRequestException(
                    "range " + describe(range.getStart()) + "–" + describe(range.getEnd()) + " ends before it starts");
        }
        return new TextRegion(start, end - start);
    }

    @Override
    public String getSubstring(Range range) {
        ITextRegion region = getTextRegion(range);
        return getContents().substring(region.getOffset(), region.getEndOffset());
    }

    @Override
    public String getLineContent(int lineNumber) {
        if (lineNumber < 0 || lineNumber >= lineStarts.length) {
            throw new InvalidRequestException("line " + lineNumber + " is not a line of the document (0.." + (lineStarts.length - 1) + ")");
        }
        int start = lineStarts[lineNumber];
        return getContents().substring(start, start + lineLength(lineNumber));
    }

    @Override
    public int getLineCount() {
        return lineStarts.length;
    }

    /**
     * The changes applied one after the other (each change's range refers to the text the
     * previous one left), with the same rules for their positions.
     */
    @Override
    public LspDocument applyTextDocumentChanges(Iterable<? extends TextDocumentContentChangeEvent> changes) {
        LspDocument current = this;
        Integer version = getVersion() == null ? null : getVersion() + 1;
        for (TextDocumentContentChangeEvent change : changes) {
            String text = change.getText() == null ? "" : change.getText();
            String contents;
            if (change.getRange() == null) {
                contents = text;
            } else {
                ITextRegion region = current.getTextRegion(change.getRange());
                contents = current.getContents().substring(0, region.getOffset()) + text
                        + current.getContents().substring(region.getEndOffset());
            }
            current = new LspDocument(version, contents);
        }
        return current;
    }

    /** Never the text: a message about a position must stay one short line. */
    @Override
    protected String getSourceOnError() {
        return "";
    }

    /** Length of the line's text, without its line break. */
    public int lineLength(int line) {
        return lineEnds[line] - lineStarts[line];
    }

    /** Whether a line ends at {@code i}: an LF, or a CR not followed by an LF (a CRLF ends at its LF). */
    private static boolean isLineBreak(String text, int i) {
        char c = text.charAt(i);
        return c == '\n' || c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n');
    }

    private int lineOf(int offset) {
        int index = Arrays.binarySearch(lineStarts, offset);
        return index >= 0 ? index : -index - 2;
    }

    private static String describe(Position position) {
        return position == null ? "(none)" : position.getLine() + ":" + position.getCharacter();
    }
}
