package org.bnn.runtime.estimate;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

import org.bnn.runtime.device.ProgrammingCost;
import org.bnn.runtime.device.RegimeSpec;
import org.bnn.runtime.spec.ChipSpec;
import org.bnn.runtime.spec.Chunks;
import org.bnn.runtime.spec.LayerGeometry;
import org.bnn.runtime.spec.LayerSpec;
import org.bnn.runtime.spec.MappingSpec;
import org.bnn.runtime.spec.PoolKind;
import org.bnn.runtime.spec.TileSpec;

/**
 * The one place where resource needs, event counts, energy and latency are computed. The
 * validator, the IDE, the CLI and the simulator's ledger all use this class, so no second formula
 * can drift away from it. Event definitions: {@link EventCounts}.
 */
public final class Estimator {
    private Estimator() {
    }

    /**
     * Estimates every layer of the mapped network on the chip's tile: layers with weights occupy
     * tiles; pooling layers occupy none but have digital events.
     */
    public static MappingEstimate estimate(MappingSpec mapping) {
        ChipSpec chip = mapping.chip();
        List<LayerEstimate> layers = new ArrayList<>();
        List<LayerGeometry> geometry = mapping.network().geometry();
        for (int i = 0; i < geometry.size(); i++) {
            LayerGeometry layer = geometry.get(i);
            if (layer.layer() instanceof LayerSpec.Pool pool) {
                layers.add(pool(layer, pool, chip));
            } else {
                boolean pooledByAverage = i + 1 < geometry.size() && geometry.get(i + 1).layer() instanceof LayerSpec.Pool next
                        && next.kind() == PoolKind.AVG;
                layers.add(estimate(layer, chip, mapping.replicationOf(layer.layer().name()), pooledByAverage)
                        .placedOn(mapping.rangeOf(layer.layer().name())));
            }
        }
        // Programming writes the cells that hold the weights, every copy, whole code words per row included.
        long cells = MappingEstimate.cellsHolding(chip.tile(), layers);
        return new MappingEstimate(mapping, layers, programming(mapping, cells, 1), reprogramming(mapping, layers));
    }

    /**
     * The rewrites per inference of a mapping that does not fit and may reprogram (else empty):
     * the schedule of {@link Reprogramming} with the layers' tile blocks on the tiles that can hold
     * them ({@link #tilesHolding}).
     */
    private static Optional<Reprogramming> reprogramming(MappingSpec mapping, List<LayerEstimate> layers) {
        long needed = layers.stream().mapToLong(LayerEstimate::tiles).sum();
        long available = tilesHolding(mapping, layers);
        if (!mapping.allowReprogramming() || needed <= available) {
            return Optional.empty();
        }
        long tileWrites = Reprogramming.tileWrites(needed, available);
        long perDevice = Reprogramming.writesPerDevice(needed, available);
        // Each tile write rewrites all its cells (check bits included); the most-written device sees perDevice writes.
        Optional<ProgrammingCost> cost = programming(mapping, tileWrites * mapping.chip().tile().cells(), 1)
                .map(c -> new ProgrammingCost(c.pulses(), c.energyJoules(), c.enduranceFraction() * perDevice));
        return Optional.of(new Reprogramming(tileWrites, perDevice, cost));
    }

    /**
     * Tiles that hold blocks of weights at once. Automatic placement spreads the blocks over the
     * whole chip. An explicit placement holds, per layer, at most the tiles of its range (a shorter
     * range streams the rest through them), minus the tiles ranges share: Σ min(range, blocks) −
     * (Σ range − tiles covered). This equals the blocks needed exactly when every range holds its
     * layer and no two ranges overlap, i.e. when the mapping fits.
     */
    static long tilesHolding(MappingSpec mapping, List<LayerEstimate> layers) {
        if (mapping.placement().auto()) {
            return mapping.chip().tileCount();
        }
        long held = 0;
        long placed = 0;
        for (LayerEstimate layer : layers) {
            if (layer.range().isPresent()) {
                held += Math.min(layer.range().get().count(), layer.tiles());
                placed += layer.range().get().count();
            }
        }
        return held - (placed - mapping.placement().tilesCovered());
    }

    /**
     * Folds a layer with weights onto tiles: a row of fan-in N takes the cells its technology needs
     * for N weights, cut into ⌈cells / C⌉ column chunks, and M neurons on R rows take ⌈M/R⌉ row
     * chunks ({@link TileSpec#tilesFor}); then counts one inference's events.
     */
    public static LayerEstimate estimate(LayerGeometry layer, ChipSpec chip, int replication) {
        return estimate(layer, chip, replication, false);
    }

    /**
     * @param pooledByAverage the next layer is an average pool: the layer's outputs are window sums
     *                        compared and written by the pool, not at each of its own positions
     */
    private static LayerEstimate estimate(LayerGeometry layer, ChipSpec chip, int replication, boolean pooledByAverage) {
        if (!layer.layer().hasWeights()) {
            throw new IllegalArgumentException("layer " + layer.layer().name() + " has no weights to map");
        }
        TileSpec tile = chip.tile();
        long n = layer.fanIn();
        long m = layer.fanOut();
        long words = tile.cell().eccWordsPerRow(n);
        long cellsPerRow = tile.cell().cellsPerRow(n);
        long columnChunks = tile.columnChunks(n);
        long rowChunks = tile.rowChunks(m);
        long reads = layer.positions() * layer.planes(); // row reads per neuron per inference
        long senses = cellsPerRow * m * reads;
        long additions = m * layer.positions() * (columnChunks * layer.planes() - 1);
        boolean output = layer.layer() instanceof LayerSpec.Output;
        long compares = output ? m : pooledByAverage ? 0 : m * layer.positions();
        long bitsWritten = output || pooledByAverage ? 0 : m * layer.positions();
        long bitsRead = n * rowChunks * reads;
        long eccDecodes = words * m * reads;
        long rowCycles = m * columnChunks * reads; // every tile reads each of its rows once per position and plane
        long busiestTileRows = Math.min(tile.rows(), m);
        long cycles = busiestTileRows * Chunks.ceilDiv(layer.positions(), replication) * layer.planes() * tile.rowCycleClocks()
                + adderTreeStages(columnChunks * layer.planes());
        EventCounts events = new EventCounts(senses, senses, additions, compares, eccDecodes, bitsWritten + bitsRead, rowCycles);
        return new LayerEstimate(layer, columnChunks, rowChunks, replication, events, cycles, energy(events, chip), Optional.empty());
    }

    /**
     * A pool has no weights and no tiles. Max pooling reads the window's bits and writes one
     * (buffer: window + 1 bits per output); average pooling adds the window's pre-activations
     * (window − 1 additions), compares the sum with the folded threshold and writes the bit.
     */
    private static LayerEstimate pool(LayerGeometry layer, LayerSpec.Pool pool, ChipSpec chip) {
        long outputs = layer.output().size();
        long window = (long) pool.size() * pool.size();
        EventCounts events = pool.kind() == PoolKind.MAX
                ? new EventCounts(0, 0, 0, 0, 0, outputs * (window + 1), 0)
                : new EventCounts(0, 0, outputs * (window - 1), outputs, 0, outputs, 0);
        return new LayerEstimate(layer, 0, 0, 1, events, 0, energy(events, chip), Optional.empty());
    }

    /** Energy = Σ events × unit energy, component by component; the one energy function. */
    public static Energy energy(EventCounts events, ChipSpec chip) {
        TileSpec tile = chip.tile();
        Map<EnergyComponent, Double> joules = new EnumMap<>(EnergyComponent.class);
        Set<EnergyComponent> missing = EnumSet.noneOf(EnergyComponent.class);
        add(joules, missing, EnergyComponent.SENSE, events.senses(), tile.cell().joulesPerSense(tile.sense()));
        add(joules, missing, EnergyComponent.POPCOUNT, events.popcountInputBits(), tile.popcountJoulesPerInputBit());
        add(joules, missing, EnergyComponent.PARTIAL_SUMS, events.partialSumAdditions(), chip.adderJoulesPerAddition());
        add(joules, missing, EnergyComponent.THRESHOLD, events.thresholdCompares(), chip.thresholdJoulesPerCompare());
        add(joules, missing, EnergyComponent.ECC, events.eccDecodes(), tile.cell().decodeJoulesPerWord());
        add(joules, missing, EnergyComponent.BUFFER, events.bufferBitAccesses(), chip.bufferJoulesPerBit());
        return new Energy(joules, missing);
    }

    private static void add(Map<EnergyComponent, Double> joules, Set<EnergyComponent> missing, EnergyComponent component, long count,
            OptionalDouble unit) {
        if (count == 0) {
            return;
        }
        if (unit.isPresent()) {
            joules.put(component, count * unit.getAsDouble());
        } else {
            missing.add(component);
        }
    }

    /** The cost of writing {@code cells} physical cells {@code writesPerCell} times under the mapping's regime, if known. */
    private static Optional<ProgrammingCost> programming(MappingSpec mapping, long cells, long writesPerCell) {
        TileSpec tile = mapping.chip().tile();
        if (mapping.regime().isEmpty() || tile.device().isEmpty()) {
            return Optional.empty();
        }
        RegimeSpec regime = tile.device().get().regime(mapping.regime().get());
        return Optional.of(tile.cell().programming(regime, cells, writesPerCell));
    }

    /** The sense amplifier's delay must fit in a row cycle; exposed for the validator. */
    public static OptionalDouble rowCycleSeconds(ChipSpec chip) {
        return chip.seconds(chip.tile().rowCycleClocks());
    }

    /** Depth of a binary adder tree merging {@code inputs} partial sums (0 for one input). */
    static long adderTreeStages(long inputs) {
        return inputs <= 1 ? 0 : 64 - Long.numberOfLeadingZeros(inputs - 1);
    }
}
