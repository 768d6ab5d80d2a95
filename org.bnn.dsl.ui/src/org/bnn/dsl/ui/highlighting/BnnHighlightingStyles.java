package org.bnn.dsl.ui.highlighting;

import java.util.Map;

import org.eclipse.jface.text.TextAttribute;
import org.eclipse.jface.text.rules.IToken;
import org.eclipse.jface.text.rules.Token;
import org.eclipse.lsp4j.SemanticTokenTypes;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.xtext.ide.editor.syntaxcoloring.HighlightingStyles;

/**
 * Colours and font styles of the style ids of Xtext's {@link HighlightingStyles} (the ids the
 * language's token mapper produces) and of the semantic token types the language's semantic
 * highlighting calculator produces. The same scheme as Eclipse's Java editor.
 */
public final class BnnHighlightingStyles {

    public static final RGB KEYWORD = new RGB(127, 0, 85);
    public static final RGB COMMENT = new RGB(63, 127, 95);
    public static final RGB STRING = new RGB(42, 0, 255);
    public static final RGB NUMBER = new RGB(125, 125, 125);
    public static final RGB INVALID = new RGB(255, 0, 0);

    private static final Map<String, IToken> TOKENS = Map.of(
            HighlightingStyles.KEYWORD_ID, token(KEYWORD, SWT.BOLD),
            HighlightingStyles.COMMENT_ID, token(COMMENT, SWT.NORMAL),
            HighlightingStyles.STRING_ID, token(STRING, SWT.NORMAL),
            HighlightingStyles.NUMBER_ID, token(NUMBER, SWT.NORMAL),
            HighlightingStyles.INVALID_TOKEN_ID, token(INVALID, SWT.NORMAL));

    /** Networks, mappings, chips, tiles, devices, experiments, trainings: declared and referred to. */
    public static final RGB ELEMENT = new RGB(0, 80, 160);
    /** Layers (as the Java editor's fields). */
    public static final RGB LAYER = new RGB(0, 0, 192);
    /** The input of a network (as the Java editor's local variables). */
    public static final RGB INPUT = new RGB(106, 62, 62);
    /** Units of quantities. */
    public static final RGB UNIT = new RGB(0, 128, 128);

    /** Semantic styles by the LSP token type the language's semantic highlighting calculator gives. */
    private static final Map<String, TextAttribute> SEMANTIC = Map.of(
            SemanticTokenTypes.Class, attribute(ELEMENT, SWT.NORMAL),
            SemanticTokenTypes.Interface, attribute(ELEMENT, SWT.NORMAL),
            SemanticTokenTypes.Struct, attribute(ELEMENT, SWT.NORMAL),
            SemanticTokenTypes.Event, attribute(ELEMENT, SWT.NORMAL),
            SemanticTokenTypes.Function, attribute(ELEMENT, SWT.NORMAL),
            SemanticTokenTypes.Property, attribute(LAYER, SWT.NORMAL),
            SemanticTokenTypes.Variable, attribute(INPUT, SWT.NORMAL),
            SemanticTokenTypes.EnumMember, attribute(LAYER, SWT.ITALIC),
            SemanticTokenTypes.Type, attribute(UNIT, SWT.NORMAL),
            SemanticTokenTypes.Number, attribute(NUMBER, SWT.NORMAL));

    private static final IToken DEFAULT = new Token(null);

    private BnnHighlightingStyles() {
    }

    /** The token (text attribute) for a style id; ids without a style give the default token. */
    public static IToken tokenFor(String styleId) {
        IToken token = styleId == null ? null : TOKENS.get(styleId);
        return token == null ? DEFAULT : token;
    }

    public static IToken defaultToken() {
        return DEFAULT;
    }

    /**
     * The style of a semantic highlight: its first style id is the token type, the others are
     * modifiers (not styled); null for types without a style (namespaces).
     */
    public static TextAttribute semanticAttribute(String... styleIds) {
        return styleIds.length == 0 ? null : SEMANTIC.get(styleIds[0]);
    }

    private static IToken token(RGB rgb, int style) {
        return new Token(attribute(rgb, style));
    }

    private static TextAttribute attribute(RGB rgb, int style) {
        // Device-independent colours (SWT 3.120+): no registry and no disposal needed.
        return new TextAttribute(new Color(rgb), null, style);
    }
}
