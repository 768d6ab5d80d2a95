package org.bnn.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.bnn.cli.compile.InMemoryJavaCompiler;
import org.bnn.dsl.bnn.BnnPackage;
import org.bnn.dsl.bnn.Mapping;
import org.bnn.dsl.bnn.Model;
import org.bnn.dsl.formatting2.FormattedText;
import org.bnn.dsl.spec.SpecTranslator;
import org.bnn.dsl.validation.BnnIssueCodes;
import org.bnn.runtime.spec.MappingSpec;
import org.bnn.runtime.spec.Placement;
import org.bnn.runtime.spec.TileRange;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.xtext.generator.GeneratorContext;
import org.eclipse.xtext.generator.GeneratorDelegate;
import org.eclipse.xtext.generator.IFileSystemAccess;
import org.eclipse.xtext.generator.InMemoryFileSystemAccess;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.eclipse.xtext.testing.validation.ValidationTestHelper;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.google.inject.Inject;

/**
 * {@code place auto} and explicit placements ({@code c -> tile 0, o -> tiles 1..5}): parsing, the
 * translation into the runtime's placement, every placement rule positive and negative with its
 * issue code and quick-fix data, the layout, and the generated Java.
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(BnnInjectorProvider.class)
class PlacementLanguageTest {
    /** On 8 x 8 tiles: c (fan-in 4, 4 neurons) needs 1 tile, o (fan-in 36, 3 classes) 5; the chip has 20. */
    private static final String DESIGN = """
            tile T { cells 8 rows x 8 columns 2T2R }
            chip C { tiles 20 of T }
            network N {
                input x: 8 x 8
                conv c: 4 kernel 2 valid
                pool p: max 2
                output o: dense 3
            }
            """;
    private static final BnnPackage BNN = BnnPackage.eINSTANCE;

    @Inject
    private ParseHelper<Model> parser;
    @Inject
    private ValidationTestHelper validation;
    @Inject
    private SpecTranslator translator;
    @Inject
    private FormattedText formatter;
    @Inject
    private GeneratorDelegate generator;

    private Model mapping(String body) throws Exception {
        Model model = parser.parse(DESIGN + "mapping M { network N on C " + body + " }\n");
        assertEquals(List.of(), model.eResource().getErrors(), "syntax");
        return model;
    }

    private MappingSpec spec(Model model) {
        return translator.translate((Mapping) model.getElements().get(3));
    }

    /** Asserts the error {@code code} with {@code message} on an element of {@code type}; its quick-fix data. */
    private List<String> errorData(Model model, EClass type, String code, String message) {
        validation.assertError(model, type, code, message);
        return List.of(issue(model, code).getData());
    }

    private Issue issue(Model model, String code) {
        List<Issue> issues = validation.validate(model).stream().filter(i -> code.equals(i.getCode())).toList();
        assertEquals(1, issues.size(), code + " in " + validation.validate(model));
        return issues.get(0);
    }

    @Test
    void rangesAndSingleTilesParseIntoTheRuntimePlacement() throws Exception {
        Model model = mapping("place c -> tile 0, o -> tiles 4..8");
        validation.assertNoErrors(model);
        MappingSpec spec = spec(model);
        assertEquals(Placement.explicit(Map.of("c", new TileRange(0, 0), "o", new TileRange(4, 8))), spec.placement());
        assertEquals(List.of("c", "o"), List.copyOf(spec.placement().ranges().keySet()), "in the order written");
    }

    @Test
    void autoAndNoPlacementAreTheSameConsecutiveRanges() throws Exception {
        MappingSpec auto = spec(mapping("place auto"));
        MappingSpec none = spec(mapping(""));
        assertEquals(none, auto);
        assertTrue(auto.placement().auto());
        assertEquals(Map.of("c", new TileRange(0, 0), "o", new TileRange(1, 5)), auto.placement().ranges());
    }

    @Test
    void aRangeOutsideTheChipIsAnErrorWithAFreeRange() throws Exception {
        Model model = mapping("place c -> tile 0, o -> tiles 18..22");
        assertEquals(List.of("o", "tiles 1..5"), errorData(model, BNN.getLayerPlacement(), BnnIssueCodes.PLACEMENT_OUTSIDE_CHIP,
                "Mapping M places o on tiles 18..22 but chip C has tiles 0..19"));
        Model huge = mapping("place c -> tile 0, o -> tiles 1..99999999999");
        validation.assertError(huge, BNN.getLayerPlacement(), BnnIssueCodes.PLACEMENT_OUTSIDE_CHIP, "outside any chip");
    }

    @Test
    void aShortRangeSaysHowManyTilesTheLayerNeeds() throws Exception {
        Model model = mapping("place c -> tile 0, o -> tiles 1..3");
        assertEquals(List.of("o", "tiles 1..5"), errorData(model, BNN.getLayerPlacement(), BnnIssueCodes.PLACEMENT_TOO_FEW_TILES,
                "Mapping M places o on 3 tiles but it needs 5 of T"));
        validation.assertNoErrors(mapping("place c -> tile 0, o -> tiles 1..5"));
    }

    @Test
    void spareTilesInARangeLowerTheLayersUtilization() throws Exception {
        // o stores 36 x 3 weights; on 5 tiles of 64 cells that is 34 %, on 10 it is 17 %
        validation.assertIssue(mapping("place c -> tile 0, o -> tiles 1..10"), BNN.getMapping(), BnnIssueCodes.LOW_TILE_UTILIZATION,
                org.eclipse.xtext.diagnostics.Severity.INFO, "Layer o fills 17 % of the cells of its 10 tiles (tiles 1..10 (+5 spare))");
        validation.assertIssue(mapping("place auto"), BNN.getMapping(), BnnIssueCodes.LOW_TILE_UTILIZATION,
                org.eclipse.xtext.diagnostics.Severity.INFO, "Layer o fills 34 % of the cells of its 5 tiles");
    }

    @Test
    void replicatedLayersNeedTheTilesOfAllTheirCopies() throws Exception {
        Model model = mapping("replicate c 3 place c -> tile 0, o -> tiles 1..5");
        // the longer range would run into o: the fix suggests it anyway, the overlap is then reported
        assertEquals(List.of("c", "tiles 0..2"), errorData(model, BNN.getLayerPlacement(), BnnIssueCodes.PLACEMENT_TOO_FEW_TILES,
                "places c on 1 tile but it needs 3 (3 copies of 1) of T"));
        validation.assertNoErrors(mapping("replicate c 3 place c -> tiles 0..2, o -> tiles 3..7"));
        assertEquals(new TileRange(1, 5), spec(mapping("replicate c 1 place auto")).rangeOf("o"));
        assertEquals(new TileRange(3, 7), spec(mapping("replicate c 3")).rangeOf("o"), "auto makes room for the copies");
    }

    @Test
    void overlappingRangesAreAnErrorWithoutReprogramming() throws Exception {
        Model model = mapping("place c -> tile 2, o -> tiles 1..5");
        assertEquals(List.of("o", "tiles 3..7"), errorData(model, BNN.getLayerPlacement(), BnnIssueCodes.PLACEMENT_OVERLAP,
                "places o on tiles 1..5, which overlaps c on tile 2"));
        validation.assertNoErrors(mapping("place c -> tile 0, o -> tiles 1..5"));
    }

    @Test
    void reprogrammingAllowsShortAndSharedRangesAndWarnsWithTheirCost() throws Exception {
        Model model = mapping("place c -> tile 2, o -> tiles 1..3 allow reprogramming");
        validation.assertNoErrors(model);
        validation.assertWarning(model, BNN.getMapping(), BnnIssueCodes.MAPPING_NEEDS_REPROGRAMMING,
                "The placement of network N shares tiles or streams layers through too few (c 1 on tile 2, o 5 on tiles 1..3 (streamed))");
    }

    @Test
    void everyLayerWithWeightsIsPlacedOnceSomeAre() throws Exception {
        Model model = mapping("place c -> tile 0");
        assertEquals(List.of("o", "tiles 1..5"), errorData(model, BNN.getPlacement(), BnnIssueCodes.PLACEMENT_UNPLACED_LAYER,
                "Mapping M places some layers but not o, which needs 5 tiles (free: tiles 1..5)"));
    }

    @Test
    void layersWithoutWeightsCannotBePlaced() throws Exception {
        Model model = mapping("place c -> tile 0, p -> tile 1, o -> tiles 2..6");
        validation.assertError(model, BNN.getLayerPlacement(), BnnIssueCodes.PLACEMENT_WITHOUT_WEIGHTS,
                "places p, a layer without weights (it occupies no tiles)");
        validation.assertNoError(mapping("place c -> tile 0, o -> tiles 2..6"), BnnIssueCodes.PLACEMENT_WITHOUT_WEIGHTS);
    }

    @Test
    void reversedRangesAndLayersPlacedTwiceAreErrors() throws Exception {
        Model reversed = mapping("place c -> tile 0, o -> tiles 6..2");
        assertEquals(List.of("o", "tiles 2..6"), errorData(reversed, BNN.getLayerPlacement(), BnnIssueCodes.PLACEMENT_REVERSED_RANGE,
                "Tiles 6..2 end before they start"));
        validation.assertError(mapping("place c -> tile 0, c -> tile 1, o -> tiles 2..6"), BNN.getLayerPlacement(),
                BnnIssueCodes.DUPLICATE_NAME, "Layer c is placed twice");
    }

    @Test
    void halfTypedPlacementsAreSyntaxErrorsTheValidatorSurvives() throws Exception {
        for (String body : List.of("place", "place c ->", "place c -> tiles", "place c -> tiles 0..", "place c -> tile 0,",
                "place c -> tiles 0..3, o -> tiles 1 .. 5", "place auto, c -> tile 0")) {
            Model model = parser.parse(DESIGN + "mapping M { network N on C " + body + " }\n");
            assertTrue(!model.eResource().getErrors().isEmpty(), body);
            validation.validate(model); // must not throw on what the parser recovered
        }
    }

    @Test
    void onlyTheMappedNetworksLayersResolve() throws Exception {
        Model model = parser.parse(DESIGN + """
                network Other { input y: 4 output q: dense 2 }
                mapping M { network N on C place c -> tile 0, q -> tile 1 }
                """);
        assertTrue(validation.validate(model).stream().anyMatch(i -> i.getMessage().contains("Couldn't resolve reference to Layer 'q'")),
                validation.validate(model).toString());
    }

    @Test
    void placementsOfSeveralLayersGoOneAPerLine() throws Exception {
        Model model = parser.parse(DESIGN + "mapping M{network N on C place c->tiles 0..0 ,o -> tiles  1..5 allow reprogramming}");
        String formatted = formatter.of((XtextResource) model.eResource());
        assertTrue(formatted.endsWith("""
                mapping M {
                    network N on C
                    place c -> tiles 0..0,
                        o -> tiles 1..5
                    allow reprogramming
                }
                """), formatted);
        assertEquals(formatted, formatter.of((XtextResource) parser.parse(formatted).eResource()), "a fixed point");
        assertTrue(formatter.of((XtextResource) parser.parse(DESIGN + "mapping M{network N on C place  auto}").eResource())
                .endsWith("    network N on C\n    place auto\n}\n"));
    }

    @Test
    void theGeneratedSimulationBuildsTheSamePlacement() throws Exception {
        Model model = parser.parse("package designs\n" + DESIGN + "mapping M { network N on C place c -> tile 19, o -> tiles 3..9 }\n");
        validation.assertNoErrors(model);
        InMemoryFileSystemAccess fsa = new InMemoryFileSystemAccess();
        generator.generate(model.eResource(), fsa, new GeneratorContext());
        Map<String, String> sources = new TreeMap<>();
        fsa.getTextFiles().forEach((k, v) -> sources.put(k.substring(IFileSystemAccess.DEFAULT_OUTPUT.length()), v.toString()));
        InMemoryJavaCompiler.Result compiled = new InMemoryJavaCompiler().compile(sources);
        assertEquals(List.of(), compiled.warnings());
        MappingSpec generated = (MappingSpec) compiled.load("designs.MSimulation").getMethod("mapping").invoke(null);
        assertEquals(spec(model), generated);
        assertEquals(new TileRange(19, 19), generated.rangeOf("c"));
    }
}
