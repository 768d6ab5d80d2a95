package org.bnn.dsl.parser;

import org.antlr.runtime.ANTLRStringStream;
import org.antlr.runtime.CharStream;
import org.bnn.dsl.parser.antlr.BnnParser;
import org.eclipse.xtext.nodemodel.impl.NodeModelBuilder;
import org.eclipse.xtext.parser.IParseResult;

/**
 * The language's parser, reading every line ending alike: LF, CRLF and a lone CR (old Mac
 * files, some Windows tools). A lone CR is read as LF, one character for one, so offsets are
 * those of the text as written while the lexer (whose '//' comments end at LF) and Xtext's line
 * numbering (which fails on a lone CR that ends the text) see the line breaks they know.
 */
public class LineEndingParser extends BnnParser {

    @Override
    protected IParseResult doParse(String ruleName, CharStream in, NodeModelBuilder builder, int initialLookAhead) {
        String text = in.substring(0, in.size() - 1); // toString() of a reader's stream also gives its unused buffer
        String read = lonelyCarriageReturnsAsLineFeeds(text);
        return super.doParse(ruleName, read == text ? in : new ANTLRStringStream(read), builder, initialLookAhead);
    }

    /** {@code text} with each CR that is not followed by LF replaced by LF; {@code text} itself when it has none. */
    public static String lonelyCarriageReturnsAsLineFeeds(String text) {
        int cr = text.indexOf('\r');
        if (cr < 0) {
            return text;
        }
        char[] chars = text.toCharArray();
        boolean changed = false;
        for (int i = cr; i < chars.length; i++) {
            if (chars[i] == '\r' && (i + 1 == chars.length || chars[i + 1] != '\n')) {
                chars[i] = '\n';
                changed = true;
            }
        }
        return changed ? new String(chars) : text;
    }
}
