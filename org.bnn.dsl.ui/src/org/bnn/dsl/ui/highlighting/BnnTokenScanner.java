package org.bnn.dsl.ui.highlighting;

import java.util.ArrayList;
import java.util.List;

import org.antlr.runtime.ANTLRStringStream;
import org.antlr.runtime.CommonToken;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.rules.IToken;
import org.eclipse.jface.text.rules.ITokenScanner;
import org.eclipse.jface.text.rules.Token;
import org.eclipse.xtext.ide.LexerIdeBindings;
import org.eclipse.xtext.ide.editor.syntaxcoloring.AbstractAntlrTokenToAttributeIdMapper;
import org.eclipse.xtext.parser.antlr.Lexer;

import com.google.inject.Inject;
import com.google.inject.Provider;
import com.google.inject.name.Named;

/**
 * Scans a damaged region of code with the language's own ANTLR lexer and hands the tokens,
 * classified by Xtext's token-to-style mapper, to the presentation reconciler. Cheap enough for
 * the UI thread: it only lexes the (line-bounded) damaged region, it never parses. Comments and
 * strings are separate document partitions (see {@code BnnPartitions}) and not scanned here.
 */
public final class BnnTokenScanner implements ITokenScanner {

    @Inject
    @Named(LexerIdeBindings.HIGHLIGHTING)
    private Provider<Lexer> lexerProvider;

    @Inject
    private AbstractAntlrTokenToAttributeIdMapper styleIds;

    private final List<Region> regions = new ArrayList<>();
    private int next;
    private Region current;

    private record Region(int offset, int length, IToken token) {
    }

    @Override
    public void setRange(IDocument document, int offset, int length) {
        regions.clear();
        next = 0;
        current = null;
        String text;
        try {
            text = document.get(offset, length);
        } catch (BadLocationException e) {
            return;
        }
        Lexer lexer = lexerProvider.get();
        lexer.setCharStream(new ANTLRStringStream(text));
        int position = 0;
        // Each token consumes at least one character, so this bound is never reached normally.
        for (int guard = 0; guard <= text.length() && position < text.length(); guard++) {
            org.antlr.runtime.Token token = lexer.nextToken();
            if (token == null || token.getType() == org.antlr.runtime.Token.EOF
                    || !(token instanceof CommonToken common)) {
                break;
            }
            int start = common.getStartIndex();
            int stop = Math.min(common.getStopIndex(), text.length() - 1);
            if (stop < start || stop < position) {
                continue;
            }
            start = Math.max(start, position);
            if (start > position) {
                regions.add(new Region(offset + position, start - position, BnnHighlightingStyles.defaultToken()));
            }
            regions.add(new Region(offset + start, stop - start + 1, BnnHighlightingStyles.tokenFor(styleId(token.getType()))));
            position = stop + 1;
        }
        if (position < text.length()) {
            regions.add(new Region(offset + position, text.length() - position, BnnHighlightingStyles.defaultToken()));
        }
    }

    private String styleId(int tokenType) {
        try {
            return styleIds.getId(tokenType);
        } catch (RuntimeException e) {
            return null;
        }
    }

    @Override
    public IToken nextToken() {
        if (next >= regions.size()) {
            current = null;
            return Token.EOF;
        }
        current = regions.get(next++);
        return current.token();
    }

    @Override
    public int getTokenOffset() {
        return current == null ? 0 : current.offset();
    }

    @Override
    public int getTokenLength() {
        return current == null ? 0 : current.length();
    }
}
