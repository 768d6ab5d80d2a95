package org.bnn.dsl.ide.server;

import java.util.Locale;
import java.util.logging.Logger;

import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.InitializeParams;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.inject.Singleton;

/**
 * Where a language-server client shows the totals of mappings and experiments: as inlay hints after
 * their names or as code lenses above them, never both (one annotation per fact). The client chooses
 * with the initialization option {@value #OPTION}: {@code "inlayHint"}, {@code "codeLens"} or
 * {@code "auto"} (the default: inlay hints when the client announces that it draws them, else code
 * lenses, so that a client without inlay hints, such as Neovim before 0.10, still shows the totals).
 * Layers always get inlay hints. One instance per language, set by the server's {@code initialize}.
 */
@Singleton
public class EstimateTotals {

    /** The key in the {@code initializationOptions} of {@code initialize}. */
    public static final String OPTION = "estimateTotals";

    private static final Logger LOG = Logger.getLogger(EstimateTotals.class.getName());

    /** The two places of a total. */
    public enum Kind {
        INLAY_HINT,
        CODE_LENS
    }

    private volatile Kind kind = Kind.INLAY_HINT;

    public Kind kind() {
        return kind;
    }

    /** Takes the client's choice from {@code params} ({@code "auto"} when it makes none). */
    public void choose(InitializeParams params) {
        String option = option(params.getInitializationOptions());
        kind = switch (option.toLowerCase(Locale.ROOT)) {
            case "inlayhint" -> Kind.INLAY_HINT;
            case "codelens" -> Kind.CODE_LENS;
            default -> {
                if (!option.equalsIgnoreCase("auto")) {
                    LOG.warning("initializationOptions." + OPTION + " '" + option + "' is not inlayHint, codeLens or auto: auto is used");
                }
                yield drawsInlayHints(params.getCapabilities()) ? Kind.INLAY_HINT : Kind.CODE_LENS;
            }
        };
    }

    /** The option's text, "auto" when absent or not a string (LSP4J hands the options over as JSON). */
    private static String option(Object options) {
        JsonElement value = options instanceof JsonObject object ? object.get(OPTION) : null;
        return value != null && value.isJsonPrimitive() ? value.getAsString() : "auto";
    }

    private static boolean drawsInlayHints(ClientCapabilities capabilities) {
        return capabilities != null && capabilities.getTextDocument() != null && capabilities.getTextDocument().getInlayHint() != null;
    }
}
