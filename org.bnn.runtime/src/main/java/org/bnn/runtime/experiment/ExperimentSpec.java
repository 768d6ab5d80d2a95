package org.bnn.runtime.experiment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.bnn.runtime.aging.Condition;
import org.bnn.runtime.checks.Checks;
import org.bnn.runtime.errors.ErrorLevel;
import org.bnn.runtime.errors.Sampling;
import org.bnn.runtime.spec.CellTechnology;
import org.bnn.runtime.spec.LayerGeometry;
import org.bnn.runtime.spec.MappingSpec;

/**
 * An accuracy study of a mapping: for each point of the sweep and each of {@code trials} chip
 * instances, the predictions of the inputs under errors are compared with the labels (datasets)
 * and with the error-free chip's predictions. Every point uses the same keys, so flip sets are
 * nested across a BER sweep (common random numbers).
 * <p>
 * An experiment may run on several mappings of the same network ({@link #mappings()}), to compare
 * designs: every mapping gets the whole sweep, with the same seed, trials and inputs.
 *
 * @param otherMappings further mappings of the same network, each run like {@code mapping} and
 *                      compared with it; empty for a study of one mapping (null is read as empty:
 *                      JSON written before there was a choice)
 * @param weights       the trained weights ({@code .npz}, relative paths: to the description's folder);
 *                      empty means seeded random weights
 */
public record ExperimentSpec(String name, MappingSpec mapping, List<MappingSpec> otherMappings, InputSource inputs, ErrorSpec errors,
        SweepSpec sweep, int trials, long seed, Optional<String> weights, Optional<ReportSpec> report) {
    public ExperimentSpec {
        Checks.name("ExperimentSpec", "name", name);
        Checks.present("ExperimentSpec", "mapping", mapping);
        otherMappings = otherMappings == null ? List.of() : List.copyOf(otherMappings);
        Checks.present("ExperimentSpec", "inputs", inputs);
        Checks.present("ExperimentSpec", "errors", errors);
        Checks.present("ExperimentSpec", "sweep", sweep);
        Checks.positive("ExperimentSpec", "trials", trials);
        Checks.present("ExperimentSpec", "weights", weights);
        Checks.present("ExperimentSpec", "report", report);
        if (sweep instanceof SweepSpec.Ber && errors.level() == ErrorLevel.DEVICE) {
            throw new IllegalArgumentException("ExperimentSpec(" + name + ") sweeps BER at device level: a device-level chip's "
                    + "errors follow from its regime, so sweep regimes there, or use weight-level errors to sweep BER");
        }
        if ((sweep instanceof SweepSpec.Ber || sweep instanceof SweepSpec.Layers) && !errors.condition().equals(Condition.FRESH)) {
            throw new IllegalArgumentException("ExperimentSpec(" + name + ") reads its chips " + errors.condition().describe()
                    + ", but its sweep sets the bit error rate directly: aging applies to a regime's devices, so sweep "
                    + "regime, time, temperature, cycles or reads");
        }
        if (sweep instanceof SweepSpec.Layers && errors.level() == ErrorLevel.DEVICE) {
            throw new IllegalArgumentException("ExperimentSpec(" + name + ") sweeps layers at device level: the layer "
                    + "sensitivity study flips weights at one BER, so it needs weight-level errors");
        }
        Set<String> names = new HashSet<>();
        List<MappingSpec> all = new ArrayList<>();
        all.add(mapping);
        all.addAll(otherMappings);
        for (MappingSpec each : all) {
            checkMapping(name, mapping, each, errors, sweep);
            if (!names.add(each.name())) {
                throw new IllegalArgumentException("ExperimentSpec(" + name + ") runs on mapping " + each.name()
                        + " twice: name each mapping once");
            }
        }
    }

    /** A study of one mapping. */
    public ExperimentSpec(String name, MappingSpec mapping, InputSource inputs, ErrorSpec errors, SweepSpec sweep, int trials, long seed,
            Optional<String> weights, Optional<ReportSpec> report) {
        this(name, mapping, List.of(), inputs, errors, sweep, trials, seed, weights, report);
    }

    /** Every mapping the experiment runs on: {@code mapping}, then {@code otherMappings}. */
    public List<MappingSpec> mappings() {
        List<MappingSpec> all = new ArrayList<>();
        all.add(mapping);
        all.addAll(otherMappings);
        return List.copyOf(all);
    }

    private static void checkMapping(String name, MappingSpec first, MappingSpec mapping, ErrorSpec errors, SweepSpec sweep) {
        Checks.present("ExperimentSpec(" + name + ")", "otherMappings[]", mapping);
        if (!mapping.network().equals(first.network())) {
            throw new IllegalArgumentException("ExperimentSpec(" + name + ") compares mappings of different networks: " + mapping.name()
                    + " maps " + mapping.network().name() + ", " + first.name() + " maps " + first.network().name()
                    + " (the same weights and inputs run on every mapping)");
        }
        for (String layer : errors.erringLayers()) {
            if (mapping.network().weightLayers().stream().noneMatch(l -> l.layer().name().equals(layer))) {
                throw new IllegalArgumentException("ExperimentSpec(" + name + ").errors names layer " + layer
                        + ", which is not a layer with weights of network " + mapping.network().name());
            }
        }
        if (sweep instanceof SweepSpec.Regimes regimes) {
            DeviceStates.of(mapping, regimes, errors.condition()); // known regimes, physical at the condition
        }
        if (sweep instanceof SweepSpec.Ages ages) {
            DeviceStates.of(mapping, ages, errors.condition()); // each point is physical, or the violation says where not
        }
        if (sweep instanceof SweepSpec.StuckDevices faults) {
            DeviceStates.of(mapping, faults, errors.condition());
        }
        if (errors.level() == ErrorLevel.DEVICE) {
            for (LayerGeometry layer : mapping.network().weightLayers()) {
                CellTechnology cells = mapping.cell(layer.layer());
                if (!cells.supportsDeviceLevelErrors()) {
                    throw new IllegalArgumentException("ExperimentSpec(" + name + ") simulates device-level errors, but layer "
                            + layer.layer().name() + " of mapping " + mapping.name() + " is held by " + cells.label()
                            + " cells: the device-level simulation reads 2T2R pairs with a PCSA only; use weight-level "
                            + "errors (a regime sweep then uses the cells' analytic error rate)");
                }
            }
        }
        if (errors.level() == ErrorLevel.WEIGHT && mapping.chip().tile().spareColumns() > 0) {
            throw new IllegalArgumentException("ExperimentSpec(" + name + ") simulates weight-level errors on mapping " + mapping.name()
                    + ", whose tile " + mapping.chip().tile().name() + " has spare columns: the repair replaces columns with stuck "
                    + "devices, which only device-level errors draw; use 'errors device-level'");
        }
        if (errors.sampling() == Sampling.POPCOUNT_DOMAIN && mapping.chip().tile().cell().code().isPresent()) {
            throw new IllegalArgumentException("ExperimentSpec(" + name + ") samples errors in the popcount domain on mapping "
                    + mapping.name() + ", whose " + mapping.chip().tile().cell().label() + " cells decode every word as it is read: "
                    + "the errors the network sees are not independent flips of its weights; sample them exactly");
        }
    }
}
