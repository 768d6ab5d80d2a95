package org.bnn.dsl.ui.highlighting;

import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

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
 * highlighting calculator produces. By default the scheme of Eclipse's Java editor; the colours are
 * the user's (Window → Preferences → BNN).
 */
public final class BnnHighlightingStyles {

    public static final RGB KEYWORD = new RGB(127, 0, 85);
    public static final RGB COMMENT = new RGB(63, 127, 95);
    public static final RGB STRING = new RGB(42, 0, 255);
    public static final RGB NUMBER = new RGB(125, 125, 125);
    public static final RGB INVALID = new RGB(255, 0, 0);

    /** Networks, mappings, chips, tiles, devices, experiments, trainings: declared and referred to. */
    public static final RGB ELEMENT = new RGB(0, 80, 160);
    /** Layers (as the Java editor's fields). */
    public static final RGB LAYER = new RGB(0, 0, 192);
    /** The input of a network (as the Java editor's local variables). */
    public static final RGB INPUT = new RGB(106, 62, 62);
    /** Units of quantities. */
    public static final RGB UNIT = new RGB(0, 128, 128);

    private record Style(RGB colour, int fontStyle) {
    }

    private static final Map<String, Style> TOKEN_STYLES = Map.of(
            HighlightingStyles.KEYWORD_ID, new Style(KEYWORD, SWT.BOLD),
            HighlightingStyles.COMMENT_ID, new Style(COMMENT, SWT.NORMAL),
            HighlightingStyles.STRING_ID, new Style(STRING, SWT.NORMAL),
            HighlightingStyles.NUMBER_ID, new Style(NUMBER, SWT.NORMAL),
            HighlightingStyles.INVALID_TOKEN_ID, new Style(INVALID, SWT.NORMAL));

    /** Semantic styles by the LSP token type the language's semantic highlighting calculator gives. */
    private static final Map<String, Style> SEMANTIC_STYLES = Map.of(
            SemanticTokenTypes.Class, new Style(ELEMENT, SWT.NORMAL),
            SemanticTokenTypes.Interface, new Style(ELEMENT, SWT.NORMAL),
            SemanticTokenTypes.Struct, new Style(ELEMENT, SWT.NORMAL),
            SemanticTokenTypes.Event, new Style(ELEMENT, SWT.NORMAL),
            SemanticTokenTypes.Function, new Style(ELEMENT, SWT.NORMAL),
            SemanticTokenTypes.Property, new Style(LAYER, SWT.NORMAL),
            SemanticTokenTypes.Variable, new Style(INPUT, SWT.NORMAL),
            SemanticTokenTypes.EnumMember, new Style(LAYER, SWT.ITALIC),
            SemanticTokenTypes.Type, new Style(UNIT, SWT.NORMAL),
            SemanticTokenTypes.Number, new Style(NUMBER, SWT.NORMAL));

    /** One token per style id, kept for the life of the plugin: a colour change updates it in place. */
    private static final Map<String, Token> TOKENS = new HashMap<>();
    private static volatile Map<String, TextAttribute> semantic = Map.of();

    static {
        TOKEN_STYLES.keySet().forEach(id -> TOKENS.put(id, new Token(null)));
        refresh(UnaryOperator.identity());
    }

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
        return styleIds.length == 0 ? null : semantic.get(styleIds[0]);
    }

    /**
     * Applies the user's colours: {@code colours} maps each default colour to the one to draw. The
     * editors then redraw their text (the tokens are updated in place).
     */
    public static synchronized void refresh(UnaryOperator<RGB> colours) {
        TOKEN_STYLES.forEach((id, style) -> TOKENS.get(id).setData(attribute(colours.apply(style.colour()), style.fontStyle())));
        Map<String, TextAttribute> attributes = new HashMap<>();
        SEMANTIC_STYLES.forEach((type, style) -> attributes.put(type, attribute(colours.apply(style.colour()), style.fontStyle())));
        semantic = Map.copyOf(attributes);
    }

    private static TextAttribute attribute(RGB rgb, int style) {
        // Device-independent colours (SWT 3.120+): no registry and no disposal needed.
        return new TextAttribute(new Color(rgb), null, style);
    }
}
