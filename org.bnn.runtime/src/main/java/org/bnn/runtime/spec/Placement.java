package org.bnn.runtime.spec;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bnn.runtime.checks.Checks;

/**
 * Where the layers with weights of a mapping sit on the chip: for each, an inclusive range of
 * physical tile indices. {@link #AUTO} asks for the automatic rule ({@link #auto}); a resolved
 * {@link MappingSpec} always holds concrete ranges, with {@code auto} telling how they came about.
 *
 * @param auto   the ranges follow the automatic rule
 * @param ranges tile range per layer name, in the order written (or the network's order for auto)
 */
public record Placement(boolean auto, Map<String, TileRange> ranges) {
    /** The automatic placement, before it is resolved against a network and a chip. */
    public static final Placement AUTO = new Placement(true, Map.of());

    public Placement {
        Checks.present("Placement", "ranges", ranges);
        Map<String, TileRange> copy = new LinkedHashMap<>();
        ranges.forEach((layer, range) -> copy.put(Checks.name("Placement", "layer", layer),
                Checks.present("Placement", "range of " + layer, range)));
        ranges = Collections.unmodifiableMap(copy);
    }

    /** An explicit placement: each layer on its range. */
    public static Placement explicit(Map<String, TileRange> ranges) {
        return new Placement(false, ranges);
    }

    /** The range of a layer, if placed. */
    public Optional<TileRange> rangeOf(String layer) {
        return Optional.ofNullable(ranges.get(layer));
    }

    /**
     * The automatic rule: the layers with weights in network order on consecutive tiles from tile
     * 0, each taking the tiles of all its copies. When the network does not fit (which only a
     * mapping that allows reprogramming can run), a layer that would pass the last tile starts
     * again at tile 0, and a layer larger than the chip gets the whole chip: the ranges then
     * overlap, and the tiles are reprogrammed while the network runs.
     */
    public static Placement auto(NetworkSpec network, ChipSpec chip, Map<String, Integer> replication) {
        Map<String, TileRange> ranges = new LinkedHashMap<>();
        long next = 0;
        for (LayerGeometry layer : network.weightLayers()) {
            long needed = tilesNeeded(layer, chip, replication);
            if (needed >= chip.tileCount()) {
                ranges.put(layer.layer().name(), new TileRange(0, chip.tileCount() - 1));
                next = 0;
                continue;
            }
            if (next + needed > chip.tileCount()) {
                next = 0;
            }
            ranges.put(layer.layer().name(), TileRange.of((int) next, needed));
            next += needed;
        }
        return new Placement(true, ranges);
    }

    /** Tiles a layer needs for all its copies: the tile's folding times the replication. */
    public static long tilesNeeded(LayerGeometry layer, ChipSpec chip, Map<String, Integer> replication) {
        return chip.tile().tilesFor(layer) * replication.getOrDefault(layer.layer().name(), 1);
    }

    /**
     * Everything wrong with an explicit placement of {@code network} on {@code chip}, in the order
     * written, the layers left unplaced last; empty if it is valid. Without reprogramming every
     * range must hold all tiles of its layer's copies and no two ranges may share a tile; with
     * reprogramming, a shorter range streams its layer's weights through its tiles and ranges may
     * overlap (both are then rewritten while the network runs).
     */
    public static List<PlacementProblem> problems(Placement placement, NetworkSpec network, ChipSpec chip,
            Map<String, Integer> replication, boolean allowReprogramming) {
        List<PlacementProblem> problems = new ArrayList<>();
        Map<String, LayerGeometry> layers = new LinkedHashMap<>();
        network.geometry().forEach(layer -> layers.put(layer.layer().name(), layer));
        Map<String, TileRange> checked = new LinkedHashMap<>();
        for (Map.Entry<String, TileRange> entry : placement.ranges().entrySet()) {
            String name = entry.getKey();
            TileRange range = entry.getValue();
            LayerGeometry layer = layers.get(name);
            if (layer == null) {
                problems.add(new PlacementProblem(PlacementProblem.Kind.UNKNOWN_LAYER, name, 0,
                        "places " + name + ", which is not a layer of network " + network.name()));
                continue;
            }
            if (!layer.layer().hasWeights()) {
                problems.add(new PlacementProblem(PlacementProblem.Kind.NO_WEIGHTS, name, 0,
                        "places " + name + ", a layer without weights (it occupies no tiles)"));
                continue;
            }
            long needed = tilesNeeded(layer, chip, replication);
            if (range.last() >= chip.tileCount()) {
                problems.add(new PlacementProblem(PlacementProblem.Kind.OUTSIDE_CHIP, name, needed, "places " + name + " on "
                        + range.text() + " but chip " + chip.name() + " has tiles 0.." + (chip.tileCount() - 1)));
                continue;
            }
            if (range.count() < needed && !allowReprogramming) {
                int copies = replication.getOrDefault(name, 1);
                problems.add(new PlacementProblem(PlacementProblem.Kind.TOO_FEW_TILES, name, needed, "places " + name + " on "
                        + range.count() + (range.count() == 1 ? " tile" : " tiles") + " but it needs " + needed
                        + (copies > 1 ? " (" + copies + " copies of " + needed / copies + ")" : "") + " of " + chip.tile().name()));
            }
            if (!allowReprogramming) {
                for (Map.Entry<String, TileRange> earlier : checked.entrySet()) {
                    if (earlier.getValue().overlaps(range)) {
                        problems.add(new PlacementProblem(PlacementProblem.Kind.OVERLAP, name, needed, "places " + name + " on "
                                + range.text() + ", which overlaps " + earlier.getKey() + " on " + earlier.getValue().text()
                                + " (only a mapping that allows reprogramming may share tiles)"));
                        break;
                    }
                }
            }
            checked.put(name, range);
        }
        for (LayerGeometry layer : network.weightLayers()) {
            String name = layer.layer().name();
            if (!placement.ranges().containsKey(name)) {
                long needed = tilesNeeded(layer, chip, replication);
                problems.add(new PlacementProblem(PlacementProblem.Kind.UNPLACED, name, needed, "places some layers but not "
                        + name + ", which needs " + needed + (needed == 1 ? " tile" : " tiles")
                        + firstFree(checked.values(), needed, chip.tileCount()).map(free -> " (free: " + free.text() + ")").orElse("")));
            }
        }
        return problems;
    }

    /** The first {@code count} consecutive tiles that no range in {@code taken} uses, if the chip has them. */
    public static Optional<TileRange> firstFree(Collection<TileRange> taken, long count, int tileCount) {
        List<TileRange> sorted = taken.stream().sorted(Comparator.comparingInt(TileRange::first)).toList();
        long start = 0;
        for (TileRange range : sorted) {
            if (range.first() - start >= count) {
                break;
            }
            start = Math.max(start, range.last() + 1L);
        }
        return count >= 1 && start + count <= tileCount
                ? Optional.of(TileRange.of((int) start, count))
                : Optional.empty();
    }

    /** Number of distinct tiles the ranges cover. */
    public long tilesCovered() {
        List<TileRange> sorted = ranges.values().stream().sorted(Comparator.comparingInt(TileRange::first)).toList();
        long covered = 0;
        long end = -1; // last tile counted so far
        for (TileRange range : sorted) {
            if (range.last() > end) {
                covered += range.last() - Math.max(end + 1, range.first()) + 1;
                end = range.last();
            }
        }
        return covered;
    }
}
