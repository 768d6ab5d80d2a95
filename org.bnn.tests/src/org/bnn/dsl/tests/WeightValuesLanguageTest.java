package org.bnn.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.bnn.dsl.bnn.BnnPackage;
import org.bnn.dsl.bnn.Layer;
import org.bnn.dsl.bnn.Model;
import org.bnn.dsl.bnn.Network;
import org.bnn.dsl.bnn.WeightValueKind;
import org.bnn.dsl.spec.SpecTranslator;
import org.bnn.dsl.validation.BnnIssueCodes;
import org.bnn.runtime.spec.LayerSpec;
import org.bnn.runtime.spec.NetworkSpec;
import org.bnn.runtime.spec.WeightValues;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.eclipse.xtext.testing.validation.ValidationTestHelper;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.google.inject.Inject;

/**
 * {@code weights binary|ternary}, per network (right after the input) and per layer (on its line,
 * overriding the network's): how it parses next to the weights file, what the runtime spec gets,
 * and the rules on a clause that changes nothing or sits on a pool.
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(BnnInjectorProvider.class)
class WeightValuesLanguageTest {
    private static final BnnPackage BNN = BnnPackage.eINSTANCE;

    @Inject
    private ParseHelper<Model> parser;
    @Inject
    private ValidationTestHelper validation;
    @Inject
    private SpecTranslator translator;

    private Network network(String text) throws Exception {
        Model model = parser.parse(text);
        assertEquals(List.of(), model.eResource().getErrors(), text);
        return (Network) model.getElements().get(0);
    }

    private static List<WeightValues> values(NetworkSpec spec) {
        return spec.layers().stream().filter(LayerSpec::hasWeights).map(LayerSpec::values).toList();
    }

    @Test
    void aNetworksValuesApplyToEveryLayerWithWeightsAndALayersOwnOverrideThem() throws Exception {
        Network network = network("""
                network N {
                    input x: 8 x 8
                    weights ternary
                    conv c: 4 kernel 3 padding 1 value -1
                    pool p: max 2
                    dense h: 16 weights binary
                    output o: dense 3
                    weights "w.npz"
                }
                """);
        assertEquals(WeightValueKind.TERNARY, network.getWeightValues().getValues());
        assertEquals("w.npz", network.getWeights(), "the file keeps its own 'weights' at the end");
        Layer hidden = network.getLayers().get(2);
        assertEquals(WeightValueKind.BINARY, hidden.getWeightValues().getValues());
        assertNull(network.getLayers().get(0).getWeightValues());
        NetworkSpec spec = translator.translate(network);
        assertEquals(List.of(WeightValues.TERNARY, WeightValues.BINARY, WeightValues.TERNARY), values(spec));
        assertTrue(spec.hasTernaryWeights());
    }

    @Test
    void oneLayerOfABinaryNetworkCanBeTernary() throws Exception {
        NetworkSpec spec = translator.translate(network("""
                network N {
                    input x: 16
                    dense h: 8 weights ternary
                    output o: dense 2
                }
                """));
        assertEquals(List.of(WeightValues.TERNARY, WeightValues.BINARY), values(spec));
    }

    @Test
    void withoutAClauseEveryLayerIsBinaryAsBefore() throws Exception {
        NetworkSpec spec = translator.translate(network("network N { input x: 16 dense h: 8 output o: dense 2 weights \"w.npz\" }"));
        assertEquals(List.of(WeightValues.BINARY, WeightValues.BINARY), values(spec));
        assertEquals(NetworkSpec.builder("N", "x", 16).dense("h", 8).output("o", 2).build(), spec);
    }

    /** 'weights' stays a name, and so do the new words 'binary' and 'ternary'; a layer's clause and the file read apart. */
    @Test
    void theWordsStayUsableAsNames() throws Exception {
        Network network = network("""
                network ternary {
                    input weights: 16
                    dense binary: 8 weights ternary
                    output ternary: dense 2
                    weights "binary.npz"
                }
                """);
        assertEquals("ternary", network.getName());
        assertEquals("weights", network.getInput().getName());
        assertEquals(List.of("binary", "ternary"), network.getLayers().stream().map(Layer::getName).toList());
        assertEquals(WeightValueKind.TERNARY, network.getLayers().get(0).getWeightValues().getValues());
        assertNull(network.getLayers().get(1).getWeightValues(), "the file's 'weights' is not the output layer's clause");
        assertEquals("binary.npz", network.getWeights());
    }

    /**
     * {@code weights} being typed after a layer is that layer's clause without values, an error on it,
     * not the network's weights file with the layers after it lost; nothing is translated from it.
     */
    @Test
    void aClauseWithoutValuesKeepsTheLayersAfterIt() throws Exception {
        for (String network : List.of("network N {\n    input x: 16\n    dense h: 8 weights\n    output o: dense 2\n}\n",
                "network N {\n    input x: 16\n    weights\n    dense h: 8\n    output o: dense 2\n}\n")) {
            Model model = parser.parse(network);
            assertEquals(List.of(), model.eResource().getErrors());
            assertEquals(List.of("h", "o"), ((Network) model.getElements().get(0)).getLayers().stream().map(Layer::getName).toList());
            validation.assertError(model, BNN.getWeightValuesClause(), BnnIssueCodes.WEIGHT_VALUES_MISSING,
                    "'weights' here needs the values, 'weights binary' or 'weights ternary'");
            Issue missing = validation.validate(model).stream().filter(i -> BnnIssueCodes.WEIGHT_VALUES_MISSING.equals(i.getCode()))
                    .findFirst().orElseThrow();
            assertEquals(3, missing.getLineNumber());
            assertEquals(1, validation.validate(model).size(), "only the missing values: " + validation.validate(model));
            assertTrue(SpecTranslator.attempt(() -> translator.translate((Network) model.getElements().get(0))).isEmpty());
        }
    }

    @Test
    void aLayersClauseThatRepeatsItsNetworksValuesIsAWarning() throws Exception {
        Model model = parser.parse("network N { input x: 16 weights ternary dense h: 8 weights ternary output o: dense 2 }");
        validation.assertWarning(model, BNN.getWeightValuesClause(), BnnIssueCodes.REDUNDANT_WEIGHT_VALUES,
                "Layer h has ternary weights without 'weights ternary' (those of network N); the clause changes nothing");
        assertEquals(1, codes(model, BnnIssueCodes.REDUNDANT_WEIGHT_VALUES), "the network's own clause is not redundant");
    }

    @Test
    void binaryWhereBinaryIsTheDefaultIsAWarning() throws Exception {
        Model model = parser.parse("network N { input x: 16 weights binary dense h: 8 weights binary output o: dense 2 }");
        validation.assertWarning(model, BNN.getWeightValuesClause(), BnnIssueCodes.REDUNDANT_WEIGHT_VALUES,
                "Weights are binary by default: 'weights binary' changes nothing");
        validation.assertWarning(model, BNN.getWeightValuesClause(), BnnIssueCodes.REDUNDANT_WEIGHT_VALUES,
                "Layer h has binary weights without 'weights binary' (those of network N); the clause changes nothing");
        assertEquals(2, codes(model, BnnIssueCodes.REDUNDANT_WEIGHT_VALUES));

        Model layerOnly = parser.parse("network N { input x: 16 dense h: 8 weights binary output o: dense 2 }");
        validation.assertWarning(layerOnly, BNN.getWeightValuesClause(), BnnIssueCodes.REDUNDANT_WEIGHT_VALUES,
                "Layer h has binary weights without 'weights binary' (the default); the clause changes nothing");
    }

    @Test
    void overridesAreNotRedundant() throws Exception {
        validation.assertNoIssues(parser.parse("network N { input x: 16 weights ternary dense h: 8 weights binary output o: dense 2 }"));
        validation.assertNoIssues(parser.parse("network N { input x: 16 dense h: 8 weights ternary output o: dense 2 }"));
    }

    /** A ternary layer on 1T1R tiles: the runtime's refusal, on the mapping's chip, naming the layer. */
    @Test
    void ternaryLayersNeedTwoTransistorTwoResistorCells() throws Exception {
        String hardware = """
                device D { regime r { lrs lognormal(median 8 kOhm, sigma 0.25) hrs lognormal(median 180 kOhm, sigma 0.8)
                    set 1.8 V 100 uA 500 ns reset 1.8 V 100 uA 500 ns endurance 1e7 } }
                tile T { cells 64 rows x 64 columns %s of D }
                chip C { tiles 64 of T }
                network N { input x: 16 dense h: 8 weights ternary output o: dense 2 }
                mapping M { network N on C regime r }
                """;
        Model oneDevice = parser.parse(hardware.formatted("1T1R reference best"));
        validation.assertError(oneDevice, BNN.getMapping(), BnnIssueCodes.CELLS_CANNOT_HOLD_WEIGHTS,
                "Mapping M: layer h has ternary weights, but tile T has 1T1R cells; ternary weights need 2T2R cells");
        Issue issue = validation.validate(oneDevice).stream().filter(i -> BnnIssueCodes.CELLS_CANNOT_HOLD_WEIGHTS.equals(i.getCode()))
                .findFirst().orElseThrow();
        assertEquals(6, issue.getLineNumber(), "on the mapping's line");
        assertEquals(0, validation.validate(parser.parse(hardware.formatted("2T2R reference 40 kOhm"))).stream()
                .filter(i -> i.getSeverity() == org.eclipse.xtext.diagnostics.Severity.ERROR).count(), "2T2R cells hold them");
    }

    @Test
    void aPoolHasNoWeightValues() throws Exception {
        Model model = parser.parse("network N { input x: 8 x 8 conv c: 2 kernel 3 pool p: max 2 weights ternary output o: dense 2 }");
        validation.assertError(model, BNN.getWeightValuesClause(), BnnIssueCodes.WEIGHT_VALUES_WITHOUT_WEIGHTS,
                "Pool layer p has no weights: 'weights ternary' says nothing about it");
        assertEquals(List.of(WeightValues.BINARY, WeightValues.BINARY),
                values(translator.translate((Network) model.getElements().get(0))), "the pool's clause sets no other layer");
    }

    private int codes(Model model, String code) {
        return (int) validation.validate(model).stream().map(Issue::getCode).filter(code::equals).count();
    }
}
