package org.bnn.runtime.reference;

import java.util.ArrayList;
import java.util.List;

import org.bnn.runtime.estimate.EventCounts;
import org.bnn.runtime.spec.LayerGeometry;

/**
 * The events the reference engine counted while it walked one inference, per layer of the
 * network (pooling layers included, indexed as in {@code NetworkSpec.geometry()}), in the units of
 * {@link EventCounts}. Every count is incremented where the walk does the thing it names, never
 * computed from a formula, so comparing it with the {@code Estimator} checks the formulas.
 */
public final class EventLedger {
    private final List<LayerGeometry> layers;
    private final Tally[] tallies;

    EventLedger(List<LayerGeometry> layers) {
        this.layers = List.copyOf(layers);
        this.tallies = new Tally[layers.size()];
        for (int i = 0; i < tallies.length; i++) {
            tallies[i] = new Tally();
        }
    }

    Tally tally(int layer) {
        return tallies[layer];
    }

    /** Events of layer {@code index} (its index in the network's geometry). */
    public EventCounts layer(int index) {
        return tallies[index].counts();
    }

    /** Events of the layer named {@code name}. */
    public EventCounts layer(String name) {
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i).layer().name().equals(name)) {
                return layer(i);
            }
        }
        throw new IllegalArgumentException("no layer named " + name);
    }

    /** Events of every layer, in order. */
    public List<EventCounts> layers() {
        List<EventCounts> counts = new ArrayList<>();
        for (Tally tally : tallies) {
            counts.add(tally.counts());
        }
        return counts;
    }

    /** Events of the whole inference. */
    public EventCounts total() {
        return layers().stream().reduce(EventCounts.NONE, EventCounts::plus);
    }

    /** Mutable counters of one layer, incremented by the walk. */
    static final class Tally {
        long senses;
        long popcountInputBits;
        long partialSumAdditions;
        long thresholdCompares;
        long bufferBitAccesses;
        long rowCycles;

        EventCounts counts() {
            return new EventCounts(senses, popcountInputBits, partialSumAdditions, thresholdCompares, 0, bufferBitAccesses, rowCycles);
        }
    }
}
