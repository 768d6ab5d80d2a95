package org.bnn.dsl.validation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bnn.dsl.bnn.LayerPlacement;
import org.bnn.dsl.bnn.Mapping;
import org.bnn.dsl.bnn.Placement;
import org.bnn.dsl.spec.SpecTranslator;
import org.bnn.dsl.spec.WrittenTileRange;
import org.bnn.runtime.spec.ChipSpec;
import org.bnn.runtime.spec.NetworkSpec;
import org.bnn.runtime.spec.PlacementProblem;
import org.bnn.runtime.spec.TileRange;
import org.eclipse.xtext.validation.Check;

import com.google.inject.Inject;

/**
 * An explicit placement of a mapping's layers on tiles. The rules are the runtime's
 * ({@link org.bnn.runtime.spec.Placement#problems}, which {@code MappingSpec} enforces); this class
 * only puts each problem on the clause it is about, under its own issue code, with the data its
 * quick fix needs: a layer name and, where one exists, a range of free tiles of the right size.
 */
public class PlacementValidator extends ComposedBnnValidator {

    @Inject
    private SpecTranslator translator;

    @Check
    public void checkPlacement(Placement placement) {
        if (placement.isAuto() || !(placement.eContainer() instanceof Mapping mapping)) {
            return;
        }
        Map<String, TileRange> ranges = new LinkedHashMap<>();
        Map<String, LayerPlacement> clauses = new LinkedHashMap<>();
        Set<String> unreadable = new HashSet<>(); // ranges reported here, so not "unplaced"
        for (LayerPlacement layer : placement.getLayers()) {
            if (layer.getLayer() == null || layer.getLayer().eIsProxy() || !layer.isSingle() && layer.getTiles() == null) {
                return; // the linker or the parser reports it
            }
            String name = layer.getLayer().getName();
            WrittenTileRange written = WrittenTileRange.of(layer);
            TileRange range;
            try {
                range = written.toTileRange();
            } catch (IllegalArgumentException e) {
                if (written.reversed()) {
                    error("Tiles " + layer.getTiles() + " end before they start", layer, null, BnnIssueCodes.PLACEMENT_REVERSED_RANGE,
                            name, written.inOrder());
                } else {
                    error("Tiles " + layer.getTiles() + " are outside any chip: " + e.getMessage(), layer, null,
                            BnnIssueCodes.PLACEMENT_OUTSIDE_CHIP, name, "");
                }
                unreadable.add(name);
                continue;
            }
            if (ranges.containsKey(name) || unreadable.contains(name)) {
                error("Layer " + name + " is placed twice", layer, BNN.getLayerPlacement_Layer(), BnnIssueCodes.DUPLICATE_NAME, name);
                continue;
            }
            ranges.put(name, range);
            clauses.put(name, layer);
        }
        if (mapping.getNetwork() == null || mapping.getNetwork().eIsProxy() || mapping.getChip() == null
                || mapping.getChip().eIsProxy()) {
            return; // the linker reports it
        }
        Optional<NetworkSpec> network = SpecTranslator.attempt(() -> translator.translate(mapping.getNetwork()));
        Optional<ChipSpec> chip = SpecTranslator.attempt(() -> translator.translate(mapping.getChip()));
        Optional<Map<String, Integer>> replication = SpecTranslator.attempt(() -> translator.replication(mapping));
        if (network.isEmpty() || chip.isEmpty() || replication.isEmpty()) {
            return; // the rules on the network, chip and replication report why
        }
        List<PlacementProblem> problems = org.bnn.runtime.spec.Placement.problems(org.bnn.runtime.spec.Placement.explicit(ranges),
                network.get(), chip.get(), replication.get(), mapping.isAllowReprogramming());
        for (PlacementProblem problem : problems) {
            if (problem.kind() == PlacementProblem.Kind.UNPLACED && unreadable.contains(problem.layer())) {
                continue;
            }
            report(problem, placement, clauses, ranges, chip.get(), MessageNames.capitalizedOf(mapping));
        }
    }

    private void report(PlacementProblem problem, Placement placement, Map<String, LayerPlacement> clauses,
            Map<String, TileRange> ranges, ChipSpec chip, String mapping) {
        String message = mapping + " " + problem.message();
        String layer = problem.layer();
        LayerPlacement clause = clauses.get(layer);
        switch (problem.kind()) {
            case UNKNOWN_LAYER -> {
                // unresolvable in the language: the linker only offers the mapped network's layers
            }
            case NO_WEIGHTS -> error(message, clause, BNN.getLayerPlacement_Layer(), BnnIssueCodes.PLACEMENT_WITHOUT_WEIGHTS, layer);
            case OUTSIDE_CHIP -> error(message, clause, null, BnnIssueCodes.PLACEMENT_OUTSIDE_CHIP, layer,
                    freeRange(ranges, layer, problem.needed(), chip));
            case TOO_FEW_TILES -> {
                TileRange range = ranges.get(layer);
                String longer = range.first() + problem.needed() <= chip.tileCount()
                        ? TileRange.of(range.first(), problem.needed()).text()
                        : freeRange(ranges, layer, problem.needed(), chip);
                error(message, clause, null, BnnIssueCodes.PLACEMENT_TOO_FEW_TILES, layer, longer);
            }
            case OVERLAP -> error(message, clause, null, BnnIssueCodes.PLACEMENT_OVERLAP, layer,
                    freeRange(ranges, layer, problem.needed(), chip));
            case UNPLACED -> error(message, placement, null, BnnIssueCodes.PLACEMENT_UNPLACED_LAYER, layer,
                    freeRange(ranges, layer, problem.needed(), chip));
        }
    }

    /** The first free tiles for {@code layer} among the other layers' ranges, as written in a placement, or "" if none. */
    private static String freeRange(Map<String, TileRange> ranges, String layer, long needed, ChipSpec chip) {
        List<TileRange> others = new ArrayList<>();
        ranges.forEach((name, range) -> {
            if (!name.equals(layer)) {
                others.add(range);
            }
        });
        return org.bnn.runtime.spec.Placement.firstFree(others, needed, chip.tileCount()).map(TileRange::text).orElse("");
    }
}
