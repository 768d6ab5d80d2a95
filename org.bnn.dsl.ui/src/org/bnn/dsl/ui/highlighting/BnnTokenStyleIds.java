package org.bnn.dsl.ui.highlighting;

import org.eclipse.xtext.ide.editor.syntaxcoloring.DefaultAntlrTokenToAttributeIdMapper;
import org.eclipse.xtext.ide.editor.syntaxcoloring.HighlightingStyles;

/**
 * Lexical style ids of the language's tokens: Xtext's defaults (keywords, INT, strings, comments)
 * plus the language's own number terminals, decimals ({@code 0.5}, {@code 3.3e-2}) and tile ranges
 * ({@code 0..799}), which the defaults leave plain.
 */
public final class BnnTokenStyleIds extends DefaultAntlrTokenToAttributeIdMapper {

    @Override
    protected String calculateId(String tokenName, int tokenType) {
        if ("RULE_DECIMAL".equals(tokenName) || "RULE_TILE_RANGE".equals(tokenName)) {
            return HighlightingStyles.NUMBER_ID;
        }
        return super.calculateId(tokenName, tokenType);
    }
}
