package org.bnn.dsl.ui.highlighting;

import java.util.Map;

import org.eclipse.jface.text.TextAttribute;
import org.eclipse.jface.text.rules.IToken;
import org.eclipse.jface.text.rules.Token;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.xtext.ide.editor.syntaxcoloring.HighlightingStyles;

/**
 * Colours and font styles of the style ids of Xtext's {@link HighlightingStyles} (the ids the
 * language's token mapper produces). The same scheme as Eclipse's Java editor.
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

	private static IToken token(RGB rgb, int style) {
		// Device-independent colours (SWT 3.120+): no registry and no disposal needed.
		return new Token(new TextAttribute(new Color(rgb), null, style));
	}
}
