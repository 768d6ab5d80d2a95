package org.bnn.runtime.experiment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

import org.bnn.runtime.engine.BinaryNetwork;
import org.bnn.runtime.errors.DeviceErrors;
import org.bnn.runtime.errors.ErrorLevel;
import org.bnn.runtime.errors.Resampling;
import org.bnn.runtime.errors.WeightErrors;
import org.bnn.runtime.simulation.ErrorPatterns;
import org.bnn.runtime.simulation.Simulation;
import org.bnn.runtime.spec.CellTechnology;
import org.bnn.runtime.spec.LayerGeometry;
import org.bnn.runtime.spec.MappingSpec;
import org.bnn.runtime.spec.TileSpec;

/**
 * Runs an {@link ExperimentSpec} on a network and its (encoded) inputs: one {@link SweepPoint} per
 * point of the sweep and mapping, each over the spec's trials. Every point uses the spec's seed, so
 * the same chip instances (trial keys) are seen at every point and BER flip sets are nested.
 * <p>
 * Weight-level errors follow the cells of the mapping's tile ({@link CellTechnology}): a regime's
 * BER is its technology's analytic raw rate, and cells with a code draw their errors per stored bit
 * and decode every word as it is read ({@link ErrorSpec#patterns(WeightErrors, CellTechnology)}).
 */
public final class ExperimentRunner {
    /** Told after the error-free reference and after every point; called on the caller's thread. */
    public interface Progress {
        /** {@code done} of {@code total} steps (the reference run, then one per point) are finished. */
        void step(int done, int total, String label);

        Progress NONE = (done, total, label) -> {
        };
    }

    private final Simulation simulation;
    private final Progress progress;

    /** @param threads worker threads; results do not depend on it */
    public ExperimentRunner(int threads) {
        this(threads, Progress.NONE);
    }

    /** @param threads worker threads; results do not depend on it */
    public ExperimentRunner(int threads, Progress progress) {
        this.simulation = new Simulation(threads);
        this.progress = progress;
    }

    /**
     * The sweep's points in order.
     *
     * @param labels the inputs' labels, or empty for unlabelled (random) inputs
     */
    public List<SweepPoint> run(ExperimentSpec spec, BinaryNetwork network, long[][] inputs, Optional<int[]> labels) {
        if (labels.isPresent() && labels.get().length != inputs.length) {
            throw new IllegalArgumentException(inputs.length + " inputs but " + labels.get().length + " labels");
        }
        int layers = network.weightLayerCount();
        List<Point> todo = new ArrayList<>();
        for (MappingSpec mapping : spec.mappings()) {
            todo.addAll(points(spec, mapping, layers));
        }
        boolean several = spec.mappings().size() > 1;
        int[] clean = simulation.predict(network, inputs, WeightErrors.none(layers), 1, spec.seed())[0];
        progress.step(1, todo.size() + 1, "error-free");
        List<SweepPoint> points = new ArrayList<>();
        for (Point point : todo) {
            int[][] predictions = simulation.run(network, inputs, point.patterns(), spec.trials(), spec.seed()).predictions();
            OptionalDouble seen = point.patterns().chipBitErrorRate(network, spec.seed(), spec.trials());
            points.add(new SweepPoint(point.mapping(), point.label(), point.ber(), share(predictions, clean),
                    labels.map(l -> share(predictions, l)), seen));
            progress.step(points.size() + 1, todo.size() + 1, several ? point.mapping() + " " + point.label() : point.label());
        }
        return points;
    }

    /** One point to simulate: the mapping, what varies, its BER, and the error patterns. */
    private record Point(String mapping, String label, double ber, ErrorPatterns patterns) {
    }

    private static List<Point> points(ExperimentSpec spec, MappingSpec mapping, int layers) {
        List<LayerGeometry> weightLayers = mapping.network().weightLayers();
        CellTechnology cells = mapping.chip().tile().cell();
        boolean[] erring = new boolean[layers];
        for (int l = 0; l < layers; l++) {
            erring[l] = spec.errors().erring(weightLayers.get(l).layer().name());
        }
        Resampling resampling = spec.errors().resampling();
        List<Point> points = new ArrayList<>();
        if (spec.sweep() instanceof SweepSpec.Ber ber) {
            for (double p : ber.points()) {
                points.add(new Point(mapping.name(), berLabel(p), p,
                        spec.errors().patterns(new WeightErrors(resampling, perLayer(erring, p)), cells)));
            }
        } else if (spec.sweep() instanceof SweepSpec.Layers sensitivity) {
            for (int l = 0; l < layers; l++) {
                if (erring[l]) {
                    boolean[] only = new boolean[layers];
                    only[l] = true;
                    points.add(new Point(mapping.name(), weightLayers.get(l).layer().name(), sensitivity.ber(),
                            spec.errors().patterns(new WeightErrors(resampling, perLayer(only, sensitivity.ber())), cells)));
                }
            }
        } else if (spec.sweep() instanceof SweepSpec.Regimes regimes) {
            points.addAll(statePoints(spec, mapping, DeviceStates.of(mapping, regimes, spec.errors().condition()), erring));
        } else if (spec.sweep() instanceof SweepSpec.Ages ages) {
            points.addAll(statePoints(spec, mapping, DeviceStates.of(mapping, ages, spec.errors().condition()), erring));
        } else if (spec.sweep() instanceof SweepSpec.StuckDevices faults) {
            points.addAll(statePoints(spec, mapping, DeviceStates.of(mapping, faults, spec.errors().condition()), erring));
        }
        return points;
    }

    /**
     * Device level: the chips programmed under each state's regime, read as the state says (aged
     * distributions, devices stuck or moved by use). Weight level: flips at the analytic raw BER of
     * each state on the mapping's cells ({@link CellTechnology#bitErrorRate}, the tile's sense
     * amplifier and the stuck-at faults included), resampled as the spec says, and decoded if the
     * cells carry a code. Either way the cells' references are fixed for the regime programmed
     * ({@link CellTechnology#referencesSetFor}): they do not follow aging devices.
     */
    private static List<Point> statePoints(ExperimentSpec spec, MappingSpec mapping, List<DeviceStates> states, boolean[] erring) {
        TileSpec tile = mapping.chip().tile();
        List<Point> points = new ArrayList<>();
        if (spec.errors().level() == ErrorLevel.DEVICE) {
            Set<Integer> errorFree = new HashSet<>();
            for (int l = 0; l < erring.length; l++) {
                if (!erring[l]) {
                    errorFree.add(l);
                }
            }
            DeviceErrors base = DeviceErrors.forMapping(mapping, spec.errors().resampling()).withErrorFreeLayers(errorFree);
            for (DeviceStates state : states) {
                DeviceErrors chips = base.aged(state.programmed(), state.then().regime(), state.then().stuckAt());
                points.add(new Point(mapping.name(), state.label(), chips.averageBitErrorRate(), ErrorPatterns.of(chips)));
            }
        } else {
            Resampling resampling = spec.errors().resampling();
            List<LayerGeometry> layers = mapping.network().weightLayers();
            for (DeviceStates state : states) {
                // Each layer errs at the rate of the cells holding it (binary or ternary weights on the same tile).
                double[] bers = new double[erring.length];
                double misread = 0;
                double weights = 0;
                for (int l = 0; l < bers.length; l++) {
                    LayerGeometry layer = layers.get(l);
                    CellTechnology cells = mapping.cell(layer.layer()).referencesSetFor(state.programmed());
                    bers[l] = erring[l] ? cells.bitErrorRate(state.then().regime(), tile.sense(), state.then().stuckAt()) : 0;
                    misread += erring[l] ? bers[l] * layer.weights() : 0;
                    weights += erring[l] ? layer.weights() : 0;
                }
                double ber = weights > 0 ? misread / weights : 0; // the share of the erring layers' weights misread
                points.add(new Point(mapping.name(), state.label(), ber,
                        spec.errors().patterns(new WeightErrors(resampling, bers), tile.cell())));
            }
        }
        return points;
    }

    private static double[] perLayer(boolean[] erring, double ber) {
        double[] rates = new double[erring.length];
        for (int l = 0; l < rates.length; l++) {
            rates[l] = erring[l] ? ber : 0;
        }
        return rates;
    }

    /** The BER as written in the sweep: "0", "0.00001", "0.033" (shortest exact decimal). */
    static String berLabel(double ber) {
        return ber == 0 ? "0" : BigDecimal.valueOf(ber).stripTrailingZeros().toString();
    }

    /** Per trial, the share of predictions equal to {@code reference}. */
    private static TrialStatistics share(int[][] predictions, int[] reference) {
        double[] perTrial = new double[predictions.length];
        for (int trial = 0; trial < predictions.length; trial++) {
            int same = 0;
            for (int n = 0; n < reference.length; n++) {
                same += predictions[trial][n] == reference[n] ? 1 : 0;
            }
            perTrial[trial] = (double) same / reference.length;
        }
        return new TrialStatistics(perTrial);
    }
}
