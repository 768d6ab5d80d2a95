package org.bnn.dsl.formatting2;

import java.util.List;

import org.eclipse.xtext.formatting2.FormatterRequest;
import org.eclipse.xtext.formatting2.IFormatter2;
import org.eclipse.xtext.formatting2.regionaccess.ITextRegionAccess;
import org.eclipse.xtext.formatting2.regionaccess.ITextReplacement;
import org.eclipse.xtext.formatting2.regionaccess.TextRegionAccessBuilder;
import org.eclipse.xtext.resource.XtextResource;

import com.google.inject.Inject;
import com.google.inject.Provider;

/** Formats a whole parsed file with the language's formatter (for the command line and tests). */
public class FormattedText {
    @Inject
    private Provider<IFormatter2> formatter;
    @Inject
    private Provider<TextRegionAccessBuilder> regionAccess;
    @Inject
    private Provider<FormatterRequest> requests;

    /**
     * The formatted text of {@code resource}.
     *
     * @throws IllegalStateException if the file has syntax errors (the layout would be a guess)
     */
    public String of(XtextResource resource) {
        if (!resource.getErrors().isEmpty()) {
            throw new IllegalStateException("cannot format a file with syntax errors");
        }
        if (resource.getContents().isEmpty()) {
            // An empty file, or one of comments only, has no model to lay out: it is kept as written.
            return resource.getParseResult() == null ? "" : resource.getParseResult().getRootNode().getText();
        }
        ITextRegionAccess regions = regionAccess.get().forNodeModel(resource).create();
        FormatterRequest request = requests.get().setTextRegionAccess(regions);
        List<ITextReplacement> replacements = formatter.get().format(request);
        return regions.getRewriter().renderToString(replacements);
    }
}
