package org.bnn.dsl.ui.preferences;

import java.util.LinkedHashMap;
import java.util.Map;

import org.bnn.dsl.ui.highlighting.BnnHighlightingStyles;
import org.bnn.dsl.ui.internal.BnnUiActivator;
import org.bnn.dsl.validation.BnnIssueCodes;
import org.eclipse.core.runtime.preferences.AbstractPreferenceInitializer;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.jface.preference.PreferenceConverter;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.validation.Issue;

/**
 * The editor's preferences (Window → Preferences → BNN): code minings on or off, the colours of
 * the highlighting, and the severity of the validator's warnings and hints. Errors keep their
 * severity: the generator and the runtime reject what they describe.
 */
public final class BnnPreferences extends AbstractPreferenceInitializer {

    public static final String CODE_MININGS = "org.bnn.dsl.ui.codeMinings";

    /** Colour keys by label, with their defaults (the scheme of Eclipse's Java editor). */
    public static final Map<String, String> COLOURS = new LinkedHashMap<>();
    static final Map<String, RGB> DEFAULT_COLOURS = new LinkedHashMap<>();

    /** Severity keys of the validator's warnings and hints, by label. */
    public static final Map<String, String> SEVERITIES = new LinkedHashMap<>();

    public static final String WARNING = "warning";
    public static final String INFO = "info";
    public static final String IGNORE = "ignore";

    static {
        colour("Keywords", "keyword", BnnHighlightingStyles.KEYWORD);
        colour("Comments", "comment", BnnHighlightingStyles.COMMENT);
        colour("Strings", "string", BnnHighlightingStyles.STRING);
        colour("Numbers", "number", BnnHighlightingStyles.NUMBER);
        colour("Networks, mappings, chips, tiles, devices, experiments, trainings", "element", BnnHighlightingStyles.ELEMENT);
        colour("Layers and choice words", "layer", BnnHighlightingStyles.LAYER);
        colour("Inputs", "input", BnnHighlightingStyles.INPUT);
        colour("Units", "unit", BnnHighlightingStyles.UNIT);
        severity("Declared but not used", BnnIssueCodes.UNUSED_DECLARATION);
        severity("Weights or data file missing", BnnIssueCodes.MISSING_FILE);
        severity("Training without a seed", BnnIssueCodes.MISSING_SEED);
        severity("Experiment without a seed", BnnIssueCodes.EXPERIMENT_WITHOUT_SEED);
        severity("Network streamed onto a chip too small (allow reprogramming)", BnnIssueCodes.MAPPING_NEEDS_REPROGRAMMING);
        severity("Pulse energy far from V*I*t", BnnIssueCodes.PROGRAMMING_ENERGY_MISMATCH);
        severity("Sense amplifier slower than the row cycle", BnnIssueCodes.SENSE_SLOWER_THAN_ROW_CYCLE);
        severity("Training on the test split", BnnIssueCodes.TRAINING_ON_TEST_SPLIT);
        severity("Weights clause that changes nothing", BnnIssueCodes.REDUNDANT_WEIGHT_VALUES);
        severity("Copies of a dataset differ", BnnIssueCodes.DATASET_COPIES_DIFFER);
        severity("Value overrides a measured fit", BnnIssueCodes.MEASUREMENTS_OVERRIDDEN);
        severity("Device fitted from measurements (hint)", BnnIssueCodes.MEASURED_DEVICE);
        severity("Low tile utilization (hint)", BnnIssueCodes.LOW_TILE_UTILIZATION);
    }

    private static void colour(String label, String name, RGB rgb) {
        String key = "org.bnn.dsl.ui.colour." + name;
        COLOURS.put(label, key);
        DEFAULT_COLOURS.put(key, rgb);
    }

    private static void severity(String label, String code) {
        SEVERITIES.put(label, severityKey(code));
    }

    static String severityKey(String code) {
        return "org.bnn.dsl.ui.severity." + code;
    }

    @Override
    public void initializeDefaultPreferences() {
        IPreferenceStore store = store();
        store.setDefault(CODE_MININGS, true);
        DEFAULT_COLOURS.forEach((key, rgb) -> PreferenceConverter.setDefault(store, key, rgb));
        // Empty: the validator's own severity.
        SEVERITIES.values().forEach(key -> store.setDefault(key, ""));
    }

    public static IPreferenceStore store() {
        return BnnUiActivator.getDefault().getPreferenceStore();
    }

    public static boolean codeMinings() {
        return store().getBoolean(CODE_MININGS);
    }

    /** The colour of {@code defaultColour}'s key as the user set it. */
    public static RGB colour(RGB defaultColour) {
        for (Map.Entry<String, RGB> entry : DEFAULT_COLOURS.entrySet()) {
            if (entry.getValue().equals(defaultColour)) {
                return PreferenceConverter.getColor(store(), entry.getKey());
            }
        }
        return defaultColour;
    }

    /** The severity the user gave a warning or hint; errors, and issues without a setting, keep theirs. */
    public static Severity severityOf(Issue issue) {
        Severity severity = issue.getSeverity();
        if (issue.getCode() == null || (severity != Severity.WARNING && severity != Severity.INFO)) {
            return severity;
        }
        return switch (store().getString(severityKey(issue.getCode()))) {
            case WARNING -> Severity.WARNING;
            case INFO -> Severity.INFO;
            case IGNORE -> Severity.IGNORE;
            default -> severity;
        };
    }

    public static boolean isSeverity(String key) {
        return key.startsWith("org.bnn.dsl.ui.severity.");
    }

    public static boolean isColour(String key) {
        return key.startsWith("org.bnn.dsl.ui.colour.");
    }
}
