package org.bnn.dsl.formatting2;

import org.eclipse.xtext.formatting2.ITextReplacerContext;
import org.eclipse.xtext.formatting2.internal.CommentReplacer;
import org.eclipse.xtext.formatting2.internal.WhitespaceReplacer;
import org.eclipse.xtext.formatting2.regionaccess.IComment;

/**
 * A token the parser skipped in text with syntax errors (an unterminated string's quote, a stray
 * character), which Xtext's region access lists among the comments of a hidden region but with no
 * grammar element, so that Xtext's formatter has no replacer for it and throws. Formatting the
 * whole of such text is refused ({@code bnn format}, the language server); a rename formats only the regions
 * it changed, and there the token and the whitespace around it stay exactly as typed.
 */
final class SkippedTokenReplacer extends CommentReplacer {

    SkippedTokenReplacer(IComment token) {
        super(token);
    }

    @Override
    public ITextReplacerContext createReplacements(ITextReplacerContext context) {
        return context;
    }

    @Override
    public void configureWhitespace(WhitespaceReplacer leading, WhitespaceReplacer trailing) {
        // typed text around a token the parser could not place: nothing to lay out
    }
}
