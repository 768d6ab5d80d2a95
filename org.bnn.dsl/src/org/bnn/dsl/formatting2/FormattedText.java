package org.bnn.dsl.formatting2;

import java.util.List;

import org.eclipse.xtext.formatting2.FormatterRequest;
import org.eclipse.xtext.formatting2.IFormatter2;
import org.eclipse.xtext.formatting2.regionaccess.ITextRegionAccess;
import org.eclipse.xtext.formatting2.regionaccess.ITextReplacement;
import org.eclipse.xtext.formatting2.regionaccess.TextRegionAccessBuilder;
import org.eclipse.xtext.parser.IParseResult;
import org.eclipse.xtext.resource.XtextResource;

import com.google.inject.Inject;
import com.google.inject.Provider;

/** Formats a whole parsed file with the language's formatter (for the command line, the language server and tests). */
public class FormattedText {
    @Inject
    private Provider<IFormatter2> formatter;
    @Inject
    private Provider<TextRegionAccessBuilder> regionAccess;
    @Inject
    private Provider<FormatterRequest> requests;

    /**
     * Whether the formatter can lay out {@code resource}: the one rule of {@code bnn format} and of
     * the language server. It must have parsed without syntax errors (the layout of half-typed text
     * would be a guess, and Xtext's formatter throws on tokens the parser skipped) and hold a model
     * (an empty or comment-only file has nothing to lay out). Linking errors do not count: an
     * unresolved name changes no layout, and whether they are known yet depends on who resolved the
     * references first.
     */
    public static boolean formattable(XtextResource resource) {
        return !hasSyntaxErrors(resource) && resource.getParseResult() != null && !resource.getContents().isEmpty();
    }

    private static boolean hasSyntaxErrors(XtextResource resource) {
        IParseResult parse = resource.getParseResult();
        return parse != null && parse.hasSyntaxErrors();
    }

    /**
     * The formatted text of {@code resource}; a file without a model is kept as written.
     *
     * @throws IllegalStateException if the file has syntax errors (the layout would be a guess)
     */
    public String of(XtextResource resource) {
        if (hasSyntaxErrors(resource)) {
            throw new IllegalStateException("cannot format a file with syntax errors");
        }
        if (!formattable(resource)) {
            return resource.getParseResult() == null ? "" : resource.getParseResult().getRootNode().getText();
        }
        ITextRegionAccess regions = regionAccess.get().forNodeModel(resource).create();
        FormatterRequest request = requests.get().setTextRegionAccess(regions);
        List<ITextReplacement> replacements = formatter.get().format(request);
        return regions.getRewriter().renderToString(replacements);
    }
}
