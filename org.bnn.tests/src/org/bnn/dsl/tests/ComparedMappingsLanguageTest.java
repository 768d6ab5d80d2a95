package org.bnn.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.bnn.dsl.bnn.BnnPackage;
import org.bnn.dsl.bnn.Experiment;
import org.bnn.dsl.bnn.Mapping;
import org.bnn.dsl.bnn.Model;
import org.bnn.dsl.formatting2.FormattedText;
import org.bnn.dsl.generator.ExperimentTemplate;
import org.bnn.dsl.spec.SpecTranslator;
import org.bnn.dsl.validation.BnnIssueCodes;
import org.bnn.runtime.experiment.ExperimentSpec;
import org.bnn.runtime.spec.MappingSpec;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextSyntaxDiagnostic;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.eclipse.xtext.testing.validation.ValidationTestHelper;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.google.inject.Inject;

/**
 * {@code run A, B, C on ...}: an experiment compares several mappings of one network (the 2T2R vs
 * 1T1R (+ SECDED) study of examples/mnist): parsed, validated, formatted, translated and generated.
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(BnnInjectorProvider.class)
class ComparedMappingsLanguageTest {
    private static final BnnPackage BNN = BnnPackage.eINSTANCE;

    /** One device; 2T2R, 1T1R and 1T1R + SECDED tiles of it; two networks; four mappings. */
    private static final String HARDWARE = """
            device D {
                regime nominal {
                    lrs lognormal(median 8 kOhm, sigma 0.25)
                    hrs lognormal(median 180 kOhm, sigma 0.80)
                    set 1.8 V 100 uA 500 ns
                    reset 1.8 V 100 uA 500 ns
                    endurance 1e7
                }
                regime low {
                    lrs lognormal(median 15 kOhm, sigma 0.35)
                    hrs lognormal(median 300 kOhm, sigma 0.90)
                    set 1.6 V 50 uA 400 ns
                    reset 1.6 V 50 uA 400 ns
                    endurance 1e9
                }
            }
            tile T2 {
                cells 32 rows x 32 columns 2T2R of D
                sense pcsa { mismatch 2 % noise 1 % energy 25 fJ per sense delay 2 ns }
            }
            tile T1 { cells 32 rows x 64 columns 1T1R reference best of D }
            tile TS { cells 32 rows x 72 columns 1T1R reference best ecc secded(72,64) decode energy 2 pJ per word of D }
            chip C2 { tiles 200 of T2 }
            chip C1 { tiles 200 of T1 }
            chip CS { tiles 200 of TS }
            network N {
                input x: 28 x 28
                dense fc1: 32
                output out: dense 10
            }
            network Small {
                input y: 16
                output o: dense 2
            }
            mapping On2 { network N on C2 regime nominal }
            mapping On1 { network N on C1 regime nominal }
            mapping OnS { network N on CS regime nominal }
            mapping SmallOn2 { network Small on C2 regime nominal }
            """;

    @Inject
    private ParseHelper<Model> parser;
    @Inject
    private ValidationTestHelper validation;
    @Inject
    private SpecTranslator translator;
    @Inject
    private FormattedText formatter;
    @Inject
    private ExperimentTemplate template;

    private Model parse(String experiment) throws Exception {
        Model model = parser.parse(HARDWARE + experiment);
        assertEquals(List.of(), model.eResource().getErrors().stream().filter(XtextSyntaxDiagnostic.class::isInstance).toList(),
                "no syntax error");
        return model;
    }

    private static Experiment experiment(Model model) {
        return (Experiment) model.getElements().get(model.getElements().size() - 1);
    }

    private static Mapping mapping(Model model, String name) {
        return model.getElements().stream().filter(e -> e instanceof Mapping m && m.getName().equals(name)).map(Mapping.class::cast)
                .findFirst().orElseThrow();
    }

    @Test
    void severalMappingsParseValidateAndTranslateInOrder() throws Exception {
        Model model = parse("""
                experiment Study {
                    run On2, On1, OnS on random 20 inputs
                    errors weight-level resample per-chip in fc1
                    sweep regime { nominal, low }
                    trials 2
                    seed 3
                }
                """);
        validation.assertNoErrors(model);
        Experiment e = experiment(model);
        assertEquals(mapping(model, "On2"), e.getMapping());
        assertEquals(List.of(mapping(model, "On1"), mapping(model, "OnS")), e.getOtherMappings());
        ExperimentSpec spec = translator.translate(e);
        assertEquals(List.of("On2", "On1", "OnS"), spec.mappings().stream().map(MappingSpec::name).toList());
        assertEquals(translator.translate(mapping(model, "OnS")), spec.otherMappings().get(1));
        assertEquals("1T1R + secded(72,64)", spec.otherMappings().get(1).chip().tile().cell().label());
        // fc1 is resolved through the first mapping's network, which every mapping maps.
        assertEquals(List.of("fc1"), spec.errors().erringLayers());
    }

    @Test
    void theComparedMappingsMapOneNetworkEachOnce() throws Exception {
        validation.assertError(parse("experiment E { run On2, SmallOn2 on random 5 inputs sweep ber { 0 } seed 1 }"), BNN.getExperiment(),
                BnnIssueCodes.ERROR_MODEL, "must map the same network: mapping SmallOn2 maps network Small, mapping On2 maps network N");
        Model twice = parse("experiment E { run On2, On1, On2 on random 5 inputs sweep ber { 0 } seed 1 }");
        validation.assertError(twice, BNN.getExperiment(), BnnIssueCodes.ERROR_MODEL, "runs on mapping On2 twice");
        // One diagnostic, at the mapping named twice, not a second one from the runtime's rejection.
        List<Issue> issues = validation.validate(twice).stream().filter(i -> BnnIssueCodes.ERROR_MODEL.equals(i.getCode())).toList();
        assertEquals(1, issues.size(), issues.toString());
        assertEquals(HARDWARE.length() + "experiment E { run On2, On1, ".length(), issues.get(0).getOffset().intValue());
    }

    @Test
    void deviceLevelErrorsNeed2T2ROnEveryMapping() throws Exception {
        Model model = parse("experiment E { run On2, On1 on random 5 inputs errors device-level sweep regime { nominal } seed 1 }");
        validation.assertError(model, BNN.getExperiment(), BnnIssueCodes.ERROR_MODEL,
                "Device-level errors cannot be modelled on mapping On1", "must be 2T2R for device-level errors");
        // Weight level models every technology: 1T1R at its raw BER, 1T1R + SECDED per stored bit, decoded.
        validation.assertNoErrors(parse("experiment E { run On2, On1, OnS on random 5 inputs sweep regime { nominal } seed 1 }"));
        validation.assertError(parse("experiment E { run On2, OnS on random 5 inputs errors weight-level resample per-inference "
                + "popcount-domain sweep ber { 0, 1e-2 } seed 1 }"), BNN.getExperiment(), BnnIssueCodes.ERROR_MODEL,
                "popcount domain on mapping OnS");
    }

    @Test
    void theListHasTheLanguagesOneLayout() throws Exception {
        String hardware = formatter.of((XtextResource) parser.parse(HARDWARE).eResource());
        String formatted = hardware + """

                experiment E {
                    run On2, On1, OnS on random 5 inputs
                    sweep regime { nominal }
                    seed 1
                }
                """;
        assertEquals(formatted, formatter.of((XtextResource) parser.parse(HARDWARE
                + "experiment E{run On2 ,On1,   OnS on random 5 inputs sweep regime {nominal} seed 1}").eResource()));
        assertEquals(formatted, formatter.of((XtextResource) parser.parse(formatted).eResource()), "a formatted file stays as it is");
    }

    @Test
    void theGeneratedExperimentRebuildsEveryMapping() throws Exception {
        Experiment e = experiment(parse("experiment Study { run On2, On1, OnS on random 5 inputs sweep regime { nominal } seed 1 }"));
        String java = template.generate(e, "p", "study.bnn");
        assertTrue(java.contains("an accuracy study of mappings\n * On2, On1, OnS, compared."), java);
        assertTrue(
                java.contains("public static MappingSpec otherMapping1() {")
                        && java.contains("public static MappingSpec otherMapping2() {"),
                java);
        assertTrue(java.contains("new ExperimentSpec(\"Study\", mapping(), List.of(otherMapping1(), otherMapping2()),"), java);
        assertTrue(java.contains("new CellTechnology.OneTransistorOneResistorSecded("), java);
        // One mapping: the constructor of one mapping, as before.
        String alone = template.generate(experiment(parse("experiment A { run On2 on random 5 inputs sweep ber { 0 } seed 1 }")), "p",
                "a.bnn");
        assertTrue(alone.contains("new ExperimentSpec(\"A\", mapping(),\n") && !alone.contains("otherMapping"), alone);
    }
}
