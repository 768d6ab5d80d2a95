package org.bnn.dsl.ide.formatting;

import java.util.List;

import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.formatting.FormattingService;
import org.eclipse.xtext.parser.IParseResult;
import org.eclipse.xtext.resource.XtextResource;

/**
 * Formatting (whole document or a range) of text that parses; text with syntax errors is left as
 * it is, as {@code bnn format} leaves such files alone: the formatter needs a complete parse
 * (Xtext's throws on tokens the parser skipped, and on a file without any element), and reflowing
 * half-typed text would only move it around.
 */
public class BnnFormattingService extends FormattingService {

    @Override
    public List<TextEdit> format(XtextResource resource, Document document, int offset, int length, FormattingOptions options) {
        IParseResult parse = resource.getParseResult();
        if (parse == null || parse.hasSyntaxErrors() || resource.getContents().isEmpty()) {
            return List.of();
        }
        return super.format(resource, document, offset, length, options);
    }
}
