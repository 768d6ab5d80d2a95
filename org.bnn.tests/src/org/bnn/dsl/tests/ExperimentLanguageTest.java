package org.bnn.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.bnn.dsl.bnn.BnnPackage;
import org.bnn.dsl.bnn.DatasetInputs;
import org.bnn.dsl.bnn.DatasetKind;
import org.bnn.dsl.bnn.Device;
import org.bnn.dsl.bnn.ErrorLevelKind;
import org.bnn.dsl.bnn.Experiment;
import org.bnn.dsl.bnn.Model;
import org.bnn.dsl.bnn.Network;
import org.bnn.dsl.bnn.ReportFormat;
import org.bnn.dsl.bnn.ResamplingKind;
import org.bnn.dsl.bnn.SplitKind;
import org.bnn.dsl.formatting2.FormattedText;
import org.bnn.dsl.spec.SpecTranslator;
import org.bnn.dsl.validation.BnnIssueCodes;
import org.bnn.runtime.data.Split;
import org.bnn.runtime.errors.ErrorLevel;
import org.bnn.runtime.errors.Resampling;
import org.bnn.runtime.errors.Sampling;
import org.bnn.runtime.experiment.ErrorSpec;
import org.bnn.runtime.experiment.ExperimentSpec;
import org.bnn.runtime.experiment.InputSource;
import org.bnn.runtime.experiment.ReportSpec;
import org.bnn.runtime.experiment.SweepSpec;
import org.eclipse.xtext.diagnostics.Diagnostic;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextSyntaxDiagnostic;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.eclipse.xtext.testing.validation.ValidationTestHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.google.inject.Inject;

/**
 * The experiment clauses of the language: inputs (random or a dataset split), the error model
 * (level, resampling, erring layers), the three sweep kinds and the report; parsed, scoped through
 * the mapping, validated, formatted and translated into the runtime's ExperimentSpec.
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(BnnInjectorProvider.class)
class ExperimentLanguageTest {
    private static final BnnPackage BNN = BnnPackage.eINSTANCE;

    /** A device with two regimes, a tile with and one without a sense amplifier, a 784-32-32-10 network, three mappings. */
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
            device Other {
                regime fast {
                    lrs lognormal(median 5 kOhm, sigma 0.2)
                    hrs lognormal(median 100 kOhm, sigma 0.5)
                    set 1 V 10 uA 10 ns
                    reset 1 V 10 uA 10 ns
                    endurance 1e6
                }
            }
            tile T {
                cells 32 rows x 32 columns 2T2R of D
                sense pcsa { mismatch 2 % noise 1 % energy 25 fJ per sense delay 2 ns }
            }
            tile Bare { cells 32 rows x 32 columns 2T2R of D }
            chip C { tiles 200 of T }
            chip BareChip { tiles 200 of Bare }
            network N {
                input x: 28 x 28
                dense fc1: 32
                dense fc2: 32
                output out: dense 10
            }
            network Small {
                input y: 16
                dense h: 8
                output o: dense 2
            }
            mapping M { network N on C regime nominal }
            mapping NoRegime { network N on C }
            mapping NoSense { network N on BareChip regime nominal }
            """;

    @Inject
    private ParseHelper<Model> parser;
    @Inject
    private ValidationTestHelper validation;
    @Inject
    private SpecTranslator translator;
    @Inject
    private FormattedText formatter;

    private Model parse(String experiment) throws Exception {
        Model model = parser.parse(HARDWARE + experiment);
        assertEquals(List.of(), model.eResource().getErrors().stream().filter(XtextSyntaxDiagnostic.class::isInstance).toList(),
                "no syntax error");
        return model;
    }

    private static Experiment experiment(Model model) {
        return (Experiment) model.getElements().get(model.getElements().size() - 1);
    }

    @Test
    void everyClauseParsesAndResolvesThroughTheMapping() throws Exception {
        Model model = parse("""
                experiment E {
                    run M on fashion-mnist("../data/fashion") train limit 1000
                    errors device-level resample per-read in fc1, out
                    sweep regime { nominal, low }
                    trials 3
                    seed 7
                    report "reports/e" csv json md png svg
                }
                """);
        validation.assertNoErrors(model);
        Experiment e = experiment(model);
        DatasetInputs inputs = (DatasetInputs) e.getInputs();
        assertEquals(DatasetKind.FASHION_MNIST, inputs.getDataset());
        assertEquals("../data/fashion", inputs.getFolder());
        assertEquals(SplitKind.TRAIN, inputs.getSplit());
        assertEquals(1000, inputs.getLimit());
        assertEquals(ErrorLevelKind.DEVICE, e.getLevel());
        assertEquals(ResamplingKind.PER_READ, e.getResampling());
        Network network = (Network) model.getElements().get(6);
        assertSame(network.getLayers().get(0), e.getErringLayers().get(0), "fc1 is the mapped network's layer");
        assertSame(network.getLayers().get(2), e.getErringLayers().get(1));
        Device device = (Device) model.getElements().get(0);
        assertEquals(device.getRegimes(), e.getRegimes(), "the regimes of the device of the mapped chip's tile");
        assertEquals(List.of(ReportFormat.CSV, ReportFormat.JSON, ReportFormat.MD, ReportFormat.PNG, ReportFormat.SVG), e.getFormats());
        assertEquals("reports/e", e.getReport());
    }

    @Test
    void namesOutsideTheMappingAreLinkErrors() throws Exception {
        validation.assertError(parse("experiment E { run M on random 10 inputs errors weight-level in fc9 sweep ber { 0 } seed 1 }"),
                BNN.getExperiment(), Diagnostic.LINKING_DIAGNOSTIC, "Layer 'fc9'");
        // h is a layer of network Small, which mapping M does not map
        validation.assertError(parse("experiment E { run M on random 10 inputs errors weight-level in h sweep ber { 0 } seed 1 }"),
                BNN.getExperiment(), Diagnostic.LINKING_DIAGNOSTIC, "Layer 'h'");
        // fast is a regime of device Other, not of the device on chip C
        validation.assertError(parse("experiment E { run M on random 10 inputs sweep regime { nominal, fast } seed 1 }"),
                BNN.getExperiment(), Diagnostic.LINKING_DIAGNOSTIC, "Regime 'fast'");
        validation.assertError(parse("experiment E { run Nowhere on random 10 inputs sweep ber { 0 } seed 1 }"),
                BNN.getExperiment(), Diagnostic.LINKING_DIAGNOSTIC, "Mapping 'Nowhere'");
    }

    @Test
    void sweepsTranslateIntoTheirSpecs() throws Exception {
        ExperimentSpec ber = translator.translate(experiment(
                parse("""
                        experiment E { run M on random 50 inputs errors weight-level resample per-inference in fc2 sweep ber { 0, 1e-4, 0.1 } trials 4 seed 9 }
                        """)));
        assertEquals(new ErrorSpec(ErrorLevel.WEIGHT, Resampling.PER_INFERENCE, List.of("fc2")), ber.errors());
        assertEquals(new SweepSpec.Ber(List.of(0.0, 1e-4, 0.1)), ber.sweep());
        assertEquals(new InputSource.Random(50), ber.inputs());
        assertEquals(4, ber.trials());
        assertEquals(9, ber.seed());
        assertEquals(Optional.empty(), ber.weights());
        assertEquals(Optional.empty(), ber.report());
        assertEquals(translator.translate((org.bnn.dsl.bnn.Mapping) parse("").getElements().get(8)), ber.mapping());

        ExperimentSpec regimes = translator.translate(experiment(parse(
                "experiment E { run M on random 5 inputs errors device-level resample per-read sweep regime { low, nominal } seed 1 }")));
        assertEquals(new SweepSpec.Regimes(List.of("low", "nominal")), regimes.sweep());
        assertEquals(new ErrorSpec(ErrorLevel.DEVICE, Resampling.PER_READ, List.of()), regimes.errors());

        ExperimentSpec layers = translator.translate(experiment(parse(
                "experiment E { run M on random 5 inputs sweep layers at ber 1e-2 report \"out\" }")));
        assertEquals(new SweepSpec.Layers(1e-2), layers.sweep());
        assertEquals(ErrorSpec.weightLevel(Resampling.PER_CHIP), layers.errors(), "weight level, per chip, every layer by default");
        assertEquals(1, layers.trials());
        assertEquals(0, layers.seed());
        assertEquals(Optional.of(new ReportSpec("out", Set.of(ReportSpec.ReportFormat.CSV, ReportSpec.ReportFormat.JSON,
                ReportSpec.ReportFormat.MD))), layers.report(), "csv, json and md when no format is listed");
    }

    @Test
    void inputsTranslateIntoTheirSources() throws Exception {
        assertEquals(new InputSource.Dataset("mnist", "data/mnist", Split.TEST, 1000), translator.translate(experiment(parse(
                "experiment E { run M on mnist(\"data/mnist\") test limit 1000 sweep ber { 0 } seed 1 }")).getInputs()));
        assertEquals(new InputSource.Dataset("fashion-mnist", "../f", Split.TRAIN, 0), translator.translate(experiment(parse(
                "experiment E { run M on fashion-mnist(\"../f\") train sweep ber { 0 } seed 1 }")).getInputs()));
        assertEquals(new InputSource.Random(7), translator.translate(experiment(parse(
                "experiment E { run M on random 7 inputs sweep ber { 0 } seed 1 }")).getInputs()));
        Model weighted = parser.parse(HARDWARE.replace("output out: dense 10", "output out: dense 10\n    weights \"w/n.npz\"")
                + "experiment E { run M on random 7 inputs sweep ber { 0 } seed 1 report \"r\" png }");
        ExperimentSpec spec = translator.translate(experiment(weighted));
        assertEquals(Optional.of("w/n.npz"), spec.weights());
        assertEquals(Optional.of(new ReportSpec("r", Set.of(ReportSpec.ReportFormat.PNG))), spec.report());
    }

    @Test
    void deviceLevelErrorsAreNotResampledPerInference() throws Exception {
        validation.assertError(parse(
                "experiment E { run M on random 5 inputs errors device-level resample per-inference sweep regime { nominal } seed 1 }"),
                BNN.getExperiment(), BnnIssueCodes.ERROR_MODEL, "not per inference");
        validation.assertNoIssue(parse(
                "experiment E { run M on random 5 inputs errors weight-level resample per-inference sweep ber { 0, 1e-3 } seed 1 }"),
                BNN.getExperiment(), BnnIssueCodes.ERROR_MODEL);
        validation.assertNoIssue(parse(
                "experiment E { run M on random 5 inputs errors device-level resample per-chip sweep regime { nominal, low } seed 1 }"),
                BNN.getExperiment(), BnnIssueCodes.ERROR_MODEL);
    }

    @Test
    void thePopcountDomainSamplesWeightLevelPerInferenceErrorsOnly() throws Exception {
        Model model = parse("experiment E { run M on random 5 inputs errors weight-level resample per-inference popcount-domain "
                + "sweep ber { 0, 1e-2 } seed 1 }");
        validation.assertNoIssue(model, BNN.getExperiment(), BnnIssueCodes.ERROR_MODEL);
        assertEquals(Sampling.POPCOUNT_DOMAIN, translator.translate(experiment(model)).errors().sampling());
        assertEquals(Sampling.EXACT, translator.translate(experiment(parse(
                "experiment E { run M on random 5 inputs errors weight-level resample per-inference sweep ber { 0 } seed 1 }")))
                .errors().sampling());
        validation.assertError(
                parse("experiment E { run M on random 5 inputs errors weight-level popcount-domain sweep ber { 0 } seed 1 }"),
                BNN.getExperiment(), BnnIssueCodes.ERROR_MODEL, "popcount-domain mode samples weight-level per-inference errors");
        validation.assertError(parse("experiment E { run M on random 5 inputs errors device-level resample per-read popcount-domain "
                + "sweep regime { nominal } seed 1 }"), BNN.getExperiment(), BnnIssueCodes.ERROR_MODEL, "drop 'popcount-domain'");
    }

    @Test
    void deviceLevelErrorsCannotSweepBerOrLayers() throws Exception {
        validation.assertError(parse(
                "experiment E { run M on random 5 inputs errors device-level resample per-read sweep ber { 0, 1e-3 } seed 1 }"),
                BNN.getExperiment(), BnnIssueCodes.ERROR_MODEL, "sweep regimes", "to sweep BER");
        validation.assertError(parse(
                "experiment E { run M on random 5 inputs errors device-level sweep layers at ber 1e-2 seed 1 }"),
                BNN.getExperiment(), BnnIssueCodes.ERROR_MODEL, "to sweep layers");
    }

    @Test
    void deviceLevelErrorsNeedASenseAmplifierAndARegime() throws Exception {
        validation.assertError(parse(
                "experiment E { run NoSense on random 5 inputs errors device-level sweep regime { nominal } seed 1 }"),
                BNN.getExperiment(), BnnIssueCodes.ERROR_MODEL, "Device-level errors cannot be modelled on mapping NoSense",
                "sense is required for device-level errors");
        validation.assertError(parse(
                "experiment E { run NoRegime on random 5 inputs errors device-level sweep regime { nominal } seed 1 }"),
                BNN.getExperiment(), BnnIssueCodes.ERROR_MODEL, "cannot be modelled on mapping NoRegime", "regime is required");
        // A weight-level regime sweep reads the regime's BER from the cells (CellTechnology): without a sense amplifier,
        // an offset-free comparator.
        Model weightLevel = parse("experiment E { run NoSense on random 5 inputs sweep regime { nominal } seed 1 }");
        validation.assertNoIssue(weightLevel, BNN.getExperiment(), BnnIssueCodes.ERROR_MODEL);
        assertEquals(new SweepSpec.Regimes(List.of("nominal")), translator.translate(experiment(weightLevel)).sweep());
    }

    @Test
    void theLayerSensitivityBerIsInRange() throws Exception {
        validation.assertError(parse("experiment E { run M on random 5 inputs sweep layers at ber 0 seed 1 }"), BNN.getExperiment(),
                BnnIssueCodes.SWEEP_VALUES, "bit error rate in (0, 0.5], got 0.0");
        validation.assertError(parse("experiment E { run M on random 5 inputs sweep layers at ber 0.7 seed 1 }"), BNN.getExperiment(),
                BnnIssueCodes.SWEEP_VALUES, "got 0.7");
        validation.assertNoIssue(parse("experiment E { run M on random 5 inputs sweep layers at ber 0.5 seed 1 }"), BNN.getExperiment(),
                BnnIssueCodes.SWEEP_VALUES);
    }

    @Test
    void everyNewClauseHasOneLayout() throws Exception {
        String sloppy = """
                network W{input x:28 x 28 dense fc1:32 output out:dense 10 weights   "w.npz"}
                mapping MW{network W on C regime nominal}
                experiment A{run MW on mnist( "data" ) test limit 1000 errors weight-level resample per-inference in fc1,out
                sweep ber {0,1e-4 , 0.1} trials 3 seed 42 report "out" csv json md png svg}
                experiment B {run MW on fashion-mnist("f") train errors device-level resample per-read sweep regime {nominal,low} seed 1}
                experiment L {run MW on random 100 inputs sweep layers at ber 1e-2 seed 1 report "l"}""";
        String formatted = """
                network W {
                    input x: 28 x 28
                    dense fc1: 32
                    output out: dense 10
                    weights "w.npz"
                }

                mapping MW {
                    network W on C
                    regime nominal
                }

                experiment A {
                    run MW on mnist("data") test limit 1000
                    errors weight-level resample per-inference in fc1, out
                    sweep ber { 0, 1e-4, 0.1 }
                    trials 3
                    seed 42
                    report "out" csv json md png svg
                }

                experiment B {
                    run MW on fashion-mnist("f") train
                    errors device-level resample per-read
                    sweep regime { nominal, low }
                    seed 1
                }

                experiment L {
                    run MW on random 100 inputs
                    sweep layers at ber 1e-2
                    seed 1
                    report "l"
                }
                """;
        String hardware = formatter.of((XtextResource) parser.parse(HARDWARE).eResource());
        assertEquals(hardware + "\n" + formatted, format(HARDWARE + sloppy));
        assertEquals(hardware + "\n" + formatted, format(hardware + "\n" + formatted), "a formatted file stays as it is");
    }

    private String format(String text) throws Exception {
        return formatter.of((XtextResource) parser.parse(text).eResource());
    }
}
