package org.bnn.dsl.ide.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;

import org.bnn.dsl.ide.quickfix.IssueResolutions.Resolution;
import org.bnn.dsl.validation.BnnIssueCodes;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;

/**
 * The placement quick fixes of the ide module, run as the Eclipse marker resolutions run them:
 * each fix applied to the text leaves a mapping without the error it fixed.
 */
class PlacementQuickfixTest {
    private static final String DESIGN = """
            tile T { cells 8 rows x 8 columns 2T2R }
            chip C { tiles 20 of T }
            network N { input x: 8 x 8 conv c: 4 kernel 2 valid pool p: max 2 output o: dense 3 }
            """;
    private final QuickFixes quickFixes = new QuickFixes();

    private List<Issue> issues(String text, String code) throws IOException {
        return quickFixes.issues(text, code);
    }

    private List<Resolution> fixes(String text, String code) throws IOException {
        return quickFixes.fixes(text, code);
    }

    private static String apply(String text, Resolution fix) {
        return QuickFixes.apply(text, fix);
    }

    @Test
    void aShortRangeIsSetToTheTilesNeededOrReplacedByAuto() throws IOException {
        String text = DESIGN + "mapping M { network N on C place c -> tile 0, o -> tiles 1..3 }\n";
        List<Resolution> fixes = fixes(text, BnnIssueCodes.PLACEMENT_TOO_FEW_TILES);
        assertEquals(List.of("Place o on tiles 1..5", "Use automatic placement (place auto)"),
                fixes.stream().map(Resolution::label).toList());
        String longer = apply(text, fixes.get(0));
        assertEquals(DESIGN + "mapping M { network N on C place c -> tile 0, o -> tiles 1..5 }\n", longer);
        assertEquals(List.of(), issues(longer, BnnIssueCodes.PLACEMENT_TOO_FEW_TILES));
        assertEquals(DESIGN + "mapping M { network N on C place auto }\n", apply(text, fixes.get(1)));
    }

    @Test
    void overlappingAndOutsideRangesMoveToFreeTiles() throws IOException {
        String overlapping = DESIGN + "mapping M { network N on C place c -> tile 2, o -> tiles 1..5 }\n";
        Resolution move = fixes(overlapping, BnnIssueCodes.PLACEMENT_OVERLAP).get(0);
        assertEquals("Place o on tiles 3..7", move.label());
        assertEquals(List.of(), issues(apply(overlapping, move), BnnIssueCodes.PLACEMENT_OVERLAP));
        String outside = DESIGN + "mapping M { network N on C place c -> tile 0, o -> tiles 17..21 }\n";
        Resolution inside = fixes(outside, BnnIssueCodes.PLACEMENT_OUTSIDE_CHIP).get(0);
        assertEquals(DESIGN + "mapping M { network N on C place c -> tile 0, o -> tiles 1..5 }\n", apply(outside, inside));
    }

    @Test
    void aReversedRangeIsSwapped() throws IOException {
        String text = DESIGN + "mapping M { network N on C place c -> tile 0, o -> tiles 5..1 }\n";
        List<Resolution> fixes = fixes(text, BnnIssueCodes.PLACEMENT_REVERSED_RANGE);
        assertEquals(1, fixes.size());
        assertEquals(DESIGN + "mapping M { network N on C place c -> tile 0, o -> tiles 1..5 }\n", apply(text, fixes.get(0)));
    }

    @Test
    void aMissingLayerIsAddedOnFreeTiles() throws IOException {
        String text = DESIGN + "mapping M { network N on C place c -> tile 0 }\n";
        List<Resolution> fixes = fixes(text, BnnIssueCodes.PLACEMENT_UNPLACED_LAYER);
        assertEquals(List.of("Place o on tiles 1..5", "Use automatic placement (place auto)"),
                fixes.stream().map(Resolution::label).toList());
        String added = apply(text, fixes.get(0));
        assertEquals(DESIGN + "mapping M { network N on C place c -> tile 0, o -> tiles 1..5 }\n", added);
        assertEquals(List.of(), issues(added, BnnIssueCodes.PLACEMENT_UNPLACED_LAYER));
    }

    @Test
    void aPlacedPoolIsRemovedWithItsComma() throws IOException {
        for (String placement : List.of("c -> tile 0, p -> tile 1, o -> tiles 2..6", "p -> tile 1, c -> tile 0, o -> tiles 2..6")) {
            String text = DESIGN + "mapping M { network N on C place " + placement + " }\n";
            List<Resolution> fixes = fixes(text, BnnIssueCodes.PLACEMENT_WITHOUT_WEIGHTS);
            assertEquals(List.of("Remove the placement of p"), fixes.stream().map(Resolution::label).toList());
            String removed = apply(text, fixes.get(0));
            assertEquals(DESIGN + "mapping M { network N on C place " + placement.replaceAll("p -> tile 1, |, p -> tile 1", "") + " }\n",
                    removed);
        }
    }
}
