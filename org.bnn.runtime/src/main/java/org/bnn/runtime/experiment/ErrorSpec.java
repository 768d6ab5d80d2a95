package org.bnn.runtime.experiment;

import java.util.List;

import org.bnn.runtime.checks.Checks;
import org.bnn.runtime.errors.ErrorLevel;
import org.bnn.runtime.errors.Resampling;

/**
 * The error model of an experiment (DESIGN.md §4 "Errors"): level × resampling, and the layers
 * that err.
 *
 * @param erringLayers names of the layers with weights that have errors; empty means all of them
 */
public record ErrorSpec(ErrorLevel level, Resampling resampling, List<String> erringLayers) {
    public ErrorSpec {
        Checks.present("ErrorSpec", "level", level);
        level.requireSupported(resampling);
        erringLayers = List.copyOf(Checks.present("ErrorSpec", "erringLayers", erringLayers));
    }

    /** Weight-level errors in every layer, resampled as given. */
    public static ErrorSpec weightLevel(Resampling resampling) {
        return new ErrorSpec(ErrorLevel.WEIGHT, resampling, List.of());
    }

    /** Whether layer {@code name} has errors. */
    public boolean erring(String name) {
        return erringLayers.isEmpty() || erringLayers.contains(name);
    }
}
