package org.bnn.dsl.ide.formatting;

import java.util.List;

import org.bnn.dsl.formatting2.FormattedText;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.formatting.FormattingService;
import org.eclipse.xtext.resource.XtextResource;

/**
 * Formatting (whole document or a range) of text that {@link FormattedText#formattable} says can be
 * laid out, the rule {@code bnn format} follows: text with syntax errors, and text without any
 * element, is left as it is (Xtext's formatter throws on tokens the parser skipped and on a file
 * without any element, and reflowing half-typed text would only move it around).
 */
public class BnnFormattingService extends FormattingService {

    @Override
    public List<TextEdit> format(XtextResource resource, Document document, int offset, int length, FormattingOptions options) {
        if (!FormattedText.formattable(resource)) {
            return List.of();
        }
        return super.format(resource, document, offset, length, options);
    }
}
