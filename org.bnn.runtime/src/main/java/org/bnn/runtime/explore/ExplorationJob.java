package org.bnn.runtime.explore;

import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bnn.runtime.engine.BinaryNetwork;
import org.bnn.runtime.engine.NetworkParameters;
import org.bnn.runtime.errors.ErrorLevel;
import org.bnn.runtime.experiment.ExperimentInputs;
import org.bnn.runtime.experiment.ExperimentRunner;
import org.bnn.runtime.experiment.ExperimentSpec;
import org.bnn.runtime.experiment.SweepPoint;
import org.bnn.runtime.experiment.SweepSpec;
import org.bnn.runtime.json.SpecJson;
import org.bnn.runtime.spec.MappingSpec;
import org.bnn.runtime.spec.NetworkSpec;

/**
 * The simulations of an exploration and what they run on: the designs' experiments, one per set of designs
 * that behave alike (with weight-level errors the tile's size, the replication and the placement change no
 * prediction, so designs that differ only in them share a simulation), and the weights and inputs of each
 * network, loaded once. Cut into {@link SimulationTask}s of (simulation, chip, shard of inputs).
 * <p>
 * A job is {@link Serializable}, so that an executor can send it once to each machine that runs tasks: it travels
 * as its descriptions in the JSON of {@link SpecJson}, each network's parameters and its encoded inputs and
 * labels, and is rebuilt there; its tasks then give the same results as here.
 */
public final class ExplorationJob implements Serializable {
    private static final long serialVersionUID = 1L;
    private final ExploreSpec spec;
    private final List<ExperimentSpec> simulations;
    private final Map<NetworkSpec, ExperimentInputs> data;
    private final int inputs;

    private ExplorationJob(ExploreSpec spec, List<ExperimentSpec> simulations, Map<NetworkSpec, ExperimentInputs> data) {
        this.spec = spec;
        this.simulations = List.copyOf(simulations);
        this.data = Map.copyOf(data);
        this.inputs = data.values().iterator().next().inputs().length;
    }

    /**
     * Loads the weights and inputs of every network the simulations run (relative paths against {@code base}).
     *
     * @param simulations one experiment per simulation, at least one
     * @throws org.bnn.runtime.data.DataException       when the dataset is missing or corrupt
     * @throws org.bnn.runtime.weights.WeightsException when the weights file is missing or corrupt
     */
    public static ExplorationJob load(ExploreSpec spec, List<ExperimentSpec> simulations, Path base) {
        Map<NetworkSpec, ExperimentInputs> data = new LinkedHashMap<>();
        for (ExperimentSpec simulation : simulations) {
            data.computeIfAbsent(simulation.mapping().network(), network -> ExperimentInputs.load(simulation, base));
        }
        if (data.isEmpty()) {
            throw new IllegalArgumentException("an exploration job needs at least one simulation");
        }
        return new ExplorationJob(spec, simulations, data);
    }

    /**
     * What makes a design's predictions what they are: designs of equal keys share one simulation. With
     * weight-level errors, the network, the cells (their code, their analytic rate under the regime, with the
     * tile's sense amplifier and device) and the sweep point; with device-level errors, all of the mapping
     * but its name (devices and amplifiers are keyed by where they sit).
     */
    public static List<Object> key(ExperimentSpec experiment) {
        MappingSpec mapping = experiment.mapping();
        if (experiment.errors().level() == ErrorLevel.WEIGHT) {
            var tile = mapping.chip().tile();
            boolean regimeMatters = experiment.sweep() instanceof SweepSpec.Regimes;
            return List.of(mapping.network(), tile.cell(), regimeMatters ? tile.sense() : Optional.empty(),
                    regimeMatters ? tile.device() : Optional.empty(), experiment.sweep());
        }
        return List.of(mapping.network(), mapping.chip(), mapping.regime(), mapping.replication(), mapping.placement(),
                experiment.sweep());
    }

    public ExploreSpec spec() {
        return spec;
    }

    /** One experiment per simulation, in order. */
    public List<ExperimentSpec> simulations() {
        return simulations;
    }

    /** True if the inputs have labels (a dataset), false for random inputs. */
    public boolean labelled() {
        return data.values().iterator().next().labels().isPresent();
    }

    /** Inputs every simulation runs on. */
    public int inputs() {
        return inputs;
    }

    /** Shards of {@link ExploreSpec#shardInputs()} inputs (the last one may hold fewer). */
    public int shards() {
        return (inputs + spec.shardInputs() - 1) / spec.shardInputs();
    }

    /** Every task: simulation by simulation, chip by chip, shard by shard. */
    public List<SimulationTask> tasks() {
        List<SimulationTask> tasks = new ArrayList<>();
        for (int simulation = 0; simulation < simulations.size(); simulation++) {
            for (int chip = 0; chip < spec.trials(); chip++) {
                for (int shard = 0; shard < shards(); shard++) {
                    tasks.add(new SimulationTask(simulation, chip, shard));
                }
            }
        }
        return tasks;
    }

    /**
     * Runs one task: the simulation's experiment as one trial seeded {@link TaskSeeds#of} on the task's shard of
     * inputs, through {@link ExperimentRunner} (single-threaded), counted.
     */
    public ShardResult run(SimulationTask task) {
        ExperimentSpec simulation = simulations.get(task.simulation());
        ExperimentInputs loaded = data.get(simulation.mapping().network());
        int from = task.shard() * spec.shardInputs();
        int to = Math.min(inputs, from + spec.shardInputs());
        if (from >= to || task.chip() >= spec.trials()) {
            throw new IllegalArgumentException("task " + task + " lies outside the job (" + shards() + " shards, " + spec.trials()
                    + " chips)");
        }
        ExperimentSpec oneChip = new ExperimentSpec(simulation.name(), simulation.mapping(), simulation.otherMappings(),
                simulation.inputs(), simulation.errors(), simulation.sweep(), 1,
                TaskSeeds.of(spec.seed(), spec.errors().resampling(), task), simulation.weights(), Optional.empty());
        SweepPoint point = new ExperimentRunner(1).run(oneChip, loaded.network(), Arrays.copyOfRange(loaded.inputs(), from, to),
                loaded.labels().map(labels -> Arrays.copyOfRange(labels, from, to))).get(0);
        int count = to - from;
        return new ShardResult(task, count, point.accuracy().map(a -> count(a.perTrial()[0], count)).orElse(0),
                count(point.agreement().perTrial()[0], count));
    }

    /** Sent as its descriptions, parameters and inputs; the networks are rebuilt on arrival. */
    private Object writeReplace() {
        return SerialForm.of(this);
    }

    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException("an ExplorationJob is read through its serial form");
    }

    /**
     * What travels: the exploration and its simulations in JSON (records with optional parts are not serializable
     * themselves), and per network (in the order the simulations first name them) its parameters, its encoded inputs and
     * their labels (null for random inputs).
     */
    private record SerialForm(String spec, List<String> simulations, List<NetworkParameters> parameters, List<long[][]> inputs,
            List<int[]> labels) implements Serializable {
        private static final long serialVersionUID = 1L;

        static SerialForm of(ExplorationJob job) {
            List<String> simulations = new ArrayList<>();
            for (ExperimentSpec simulation : job.simulations) {
                simulations.add(asJson(simulation, ExperimentSpec.class));
            }
            List<NetworkParameters> parameters = new ArrayList<>();
            List<long[][]> inputs = new ArrayList<>();
            List<int[]> labels = new ArrayList<>();
            for (NetworkSpec network : job.networks()) {
                ExperimentInputs loaded = job.data.get(network);
                parameters.add(loaded.parameters());
                inputs.add(loaded.inputs());
                labels.add(loaded.labels().orElse(null));
            }
            return new SerialForm(asJson(job.spec, ExploreSpec.class), simulations, parameters, inputs, labels);
        }

        /**
         * The JSON of {@code spec}, checked to read back as the very same spec: a description the JSON could not carry
         * whole would run as another one on the other side, so it is refused here instead.
         */
        private static <T> String asJson(T spec, Class<T> type) {
            String json = SpecJson.write(spec);
            if (!spec.equals(SpecJson.read(json, type))) {
                throw new IllegalStateException("this " + type.getSimpleName() + " does not survive its JSON, so it cannot be sent: "
                        + json);
            }
            return json;
        }

        private Object readResolve() {
            List<ExperimentSpec> read = simulations.stream().map(json -> SpecJson.read(json, ExperimentSpec.class)).toList();
            Map<NetworkSpec, ExperimentInputs> data = new LinkedHashMap<>();
            for (NetworkSpec network : networks(read)) {
                int n = data.size();
                data.put(network, new ExperimentInputs(parameters.get(n), BinaryNetwork.create(network, parameters.get(n)), inputs.get(n),
                        Optional.ofNullable(labels.get(n))));
            }
            return new ExplorationJob(SpecJson.read(spec, ExploreSpec.class), read, data);
        }
    }

    /** The networks of the simulations, each once, in the order they first appear. */
    private List<NetworkSpec> networks() {
        return networks(simulations);
    }

    private static List<NetworkSpec> networks(List<ExperimentSpec> simulations) {
        return simulations.stream().map(simulation -> simulation.mapping().network()).distinct().toList();
    }

    /** The whole count a share of {@code count} inputs stands for (shares are counts divided by {@code count}). */
    private static int count(double share, int count) {
        return (int) Math.round(share * count);
    }
}
