package org.bnn.dsl.formatting2;

import org.eclipse.xtext.formatting2.ITextReplacerContext;
import org.eclipse.xtext.formatting2.internal.SinglelineCommentReplacer;
import org.eclipse.xtext.formatting2.internal.WhitespaceReplacer;
import org.eclipse.xtext.formatting2.regionaccess.IComment;

/**
 * An indented {@code //} comment, kept as written: the formatter indents it with its code but
 * never edits its text. Xtext's default for indented comments squeezes the spaces after
 * {@code //} to one, which changes aligned comments and commented-out code.
 */
final class KeptCommentReplacer extends SinglelineCommentReplacer {

    KeptCommentReplacer(IComment comment) {
        super(comment, "//");
    }

    @Override
    public ITextReplacerContext createReplacements(ITextReplacerContext context) {
        return context;
    }

    @Override
    public void configureWhitespace(WhitespaceReplacer leading, WhitespaceReplacer trailing) {
        // the surrounding whitespace is the code's formatting, as for Xtext's own comment replacers
    }
}
