package org.bnn.runtime.experiment;

import java.util.List;

import org.bnn.runtime.aging.Condition;
import org.bnn.runtime.checks.Checks;
import org.bnn.runtime.errors.ErrorLevel;
import org.bnn.runtime.errors.Resampling;
import org.bnn.runtime.errors.Sampling;
import org.bnn.runtime.errors.WeightErrors;
import org.bnn.runtime.simulation.ErrorPatterns;
import org.bnn.runtime.spec.CellTechnology;

/**
 * The error model of an experiment (docs/language.md "Errors"): level × resampling, the layers that
 * err, and how per-inference weight errors are sampled.
 *
 * @param erringLayers names of the layers with weights that have errors; empty means all of them
 * @param sampling     {@link Sampling#POPCOUNT_DOMAIN} only with weight-level per-inference errors; null is
 *                     {@link Sampling#EXACT} (JSON written before there was a choice)
 * @param condition    when and how the chips are read: time since programming, temperature, cycles, reads
 *                     (docs/reliability.md); null is {@link Condition#FRESH} (JSON written before there was a choice)
 */
public record ErrorSpec(ErrorLevel level, Resampling resampling, List<String> erringLayers, Sampling sampling, Condition condition) {
    public ErrorSpec {
        Checks.present("ErrorSpec", "level", level);
        level.requireSupported(resampling);
        erringLayers = List.copyOf(Checks.present("ErrorSpec", "erringLayers", erringLayers));
        sampling = sampling == null ? Sampling.EXACT : sampling; // results written before the popcount-domain mode
        condition = condition == null ? Condition.FRESH : condition; // results written before aging
        if (sampling == Sampling.POPCOUNT_DOMAIN && (level != ErrorLevel.WEIGHT || resampling != Resampling.PER_INFERENCE)) {
            throw new IllegalArgumentException("ErrorSpec.sampling POPCOUNT_DOMAIN needs weight-level per-inference errors, got "
                    + level + " " + resampling);
        }
    }

    /** Errors of chips read at once after programming ({@link Condition#FRESH}). */
    public ErrorSpec(ErrorLevel level, Resampling resampling, List<String> erringLayers, Sampling sampling) {
        this(level, resampling, erringLayers, sampling, Condition.FRESH);
    }

    /** The same errors, the chips read under {@code other}. */
    public ErrorSpec at(Condition other) {
        return new ErrorSpec(level, resampling, erringLayers, sampling, other);
    }

    /** Errors sampled as exact flip patterns. */
    public ErrorSpec(ErrorLevel level, Resampling resampling, List<String> erringLayers) {
        this(level, resampling, erringLayers, Sampling.EXACT);
    }

    /** Weight-level errors in every layer, resampled as given. */
    public static ErrorSpec weightLevel(Resampling resampling) {
        return new ErrorSpec(ErrorLevel.WEIGHT, resampling, List.of());
    }

    /** The patterns of weight-level errors at these BERs, sampled as this spec says. */
    public ErrorPatterns patterns(WeightErrors errors) {
        return sampling == Sampling.POPCOUNT_DOMAIN ? ErrorPatterns.popcountDomain(errors) : ErrorPatterns.of(errors);
    }

    /**
     * The patterns of weight-level errors at these BERs on cells of {@code cells}: with a code
     * ({@link CellTechnology#code()}), the BERs are those of the stored bits, drawn exactly, and every
     * word is decoded as it is read; without one, as {@link #patterns(WeightErrors)}.
     *
     * @throws IllegalArgumentException for popcount-domain sampling on cells with a code
     */
    public ErrorPatterns patterns(WeightErrors errors, CellTechnology cells) {
        Checks.present("ErrorSpec.patterns", "cells", cells);
        if (cells.code().isEmpty()) {
            return patterns(errors);
        }
        if (sampling == Sampling.POPCOUNT_DOMAIN) {
            throw new IllegalArgumentException("ErrorSpec.sampling POPCOUNT_DOMAIN cannot model " + cells.label()
                    + " cells, which decode every word as it is read; sample exactly");
        }
        return ErrorPatterns.of(errors, cells.code());
    }

    /** Whether layer {@code name} has errors. */
    public boolean erring(String name) {
        return erringLayers.isEmpty() || erringLayers.contains(name);
    }
}
