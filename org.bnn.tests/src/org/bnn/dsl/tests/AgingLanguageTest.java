package org.bnn.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.bnn.dsl.bnn.BnnPackage;
import org.bnn.dsl.bnn.Device;
import org.bnn.dsl.bnn.Experiment;
import org.bnn.dsl.bnn.Model;
import org.bnn.dsl.spec.SpecTranslator;
import org.bnn.dsl.validation.BnnIssueCodes;
import org.bnn.runtime.aging.Aging;
import org.bnn.runtime.aging.Condition;
import org.bnn.runtime.aging.Durations;
import org.bnn.runtime.aging.ReadDisturb;
import org.bnn.runtime.aging.Relaxation;
import org.bnn.runtime.aging.StateDrift;
import org.bnn.runtime.aging.Wear;
import org.bnn.runtime.device.RegimeSpec;
import org.bnn.runtime.experiment.AgeAxis;
import org.bnn.runtime.experiment.ExperimentSpec;
import org.bnn.runtime.experiment.SweepSpec;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.eclipse.xtext.testing.validation.ValidationTestHelper;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.google.inject.Inject;

/**
 * Devices that age in the language: relaxation, disturb and wear per regime, with units (h, day,
 * year, C, K, eV), the experiment's {@code condition} and its time, temperature, cycles and reads
 * sweeps, and the errors for what is not physical at a point of a sweep.
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(BnnInjectorProvider.class)
class AgingLanguageTest {
    private static final BnnPackage BNN = BnnPackage.eINSTANCE;

    @Inject
    private ParseHelper<Model> parser;
    @Inject
    private ValidationTestHelper validation;
    @Inject
    private SpecTranslator translator;

    private static String model(String relaxation, String experiment) {
        return """
                device D {
                    regime nominal {
                        lrs lognormal(median 8 kOhm, sigma 0.25)
                        hrs lognormal(median 180 kOhm, sigma 0.80)
                        set 1.8 V 100 uA 500 ns
                        reset 1.8 V 100 uA 500 ns
                        endurance 1e7
                %s
                        disturb 1e-12 per read
                        wear {
                            lrs median 0 %% sigma +0.01 per decade
                            hrs median -4 %% sigma +0.03 per decade
                            from 1000 cycles
                            fails to hrs spread 0.5
                        }
                    }
                }
                tile T { cells 32 rows x 32 columns 2T2R of D sense pcsa { mismatch 2 %% noise 1 %% energy 25 fJ per sense delay 2 ns } }
                chip C { tiles 64 of T }
                network N { input x: 64 dense h: 32 output o: dense 10 }
                mapping M { network N on C regime nominal }
                %s
                """.formatted(relaxation, experiment);
    }

    private static final String RELAXATION = """
                    relaxation {
                        lrs median +1 % sigma +0.005 per decade
                        hrs median -3 % sigma +0.02 per decade
                        from 1 s at 25 C activation 1.1 eV
                    }
            """;

    @Test
    void aRegimesAgingReachesTheRuntimeInItsUnits() throws Exception {
        Model model = parser.parse(model(RELAXATION, ""));
        validation.assertNoErrors(model);
        RegimeSpec regime = translator.translate(((Device) model.getElements().get(0)).getRegimes().get(0));
        assertEquals(new Aging(Optional.of(new Relaxation(new StateDrift(1, 0.005), new StateDrift(-3, 0.02), 1, 1.1, 298.15)),
                Optional.of(new ReadDisturb(1e-12, true)),
                Optional.of(new Wear(new StateDrift(0, 0.01), new StateDrift(-4, 0.03), 1000, 0.5,
                        false))),
                regime.aging());
    }

    @Test
    void anExperimentSweepsTimeUnderItsCondition() throws Exception {
        Model model = parser.parse(model(RELAXATION, """
                experiment E {
                    run M on random 4 inputs
                    errors device-level resample per-chip
                    condition { temperature 85 C cycles 1e5 reads 1e9 }
                    sweep time { 1 s, 1 h, 1 day, 1 year, 10 years }
                    seed 1
                }
                """));
        validation.assertNoErrors(model);
        ExperimentSpec spec = translator.translate((Experiment) model.getElements().get(5));
        assertEquals(new Condition(0, 358.15, 1e5, 1e9), spec.errors().condition());
        assertEquals(new SweepSpec.Ages(AgeAxis.TIME, List.of(1.0, 3600.0, 86400.0, Durations.YEAR, 10 * Durations.YEAR)), spec.sweep());
    }

    @Test
    void temperaturesCyclesAndReadsSweepToo() throws Exception {
        for (String sweep : List.of("temperature { 25 C, 358.15 K }", "cycles { 1e3, 1e6 }", "reads { 0, 1e9 }")) {
            Model model = parser.parse(model(RELAXATION, """
                    experiment E {
                        run M on random 4 inputs
                        sweep %s
                        seed 1
                    }
                    """.formatted(sweep)));
            validation.assertNoErrors(model);
            assertTrue(translator.translate((Experiment) model.getElements().get(5)).sweep() instanceof SweepSpec.Ages, sweep);
        }
    }

    @Test
    void aTimeWithoutATimeUnitIsAUnitError() throws Exception {
        Model model = parser.parse(model(RELAXATION, """
                experiment E {
                    run M on random 4 inputs
                    sweep time { 1 s, 3 kOhm }
                    seed 1
                }
                """));
        validation.assertError(model, BNN.getQuantity(), BnnIssueCodes.UNIT_MISMATCH);
    }

    @Test
    void aSigmaShrinkingBelowZeroWithinTheSweepIsAnErrorNamingTheRegimeAndTime() throws Exception {
        String shrinking = RELAXATION.replace("hrs median -3 % sigma +0.02 per decade", "hrs median -3 % sigma -0.2 per decade");
        Model model = parser.parse(model(shrinking, """
                experiment E {
                    run M on random 4 inputs
                    sweep time { 1 s, 1 h, 10 years }
                    seed 1
                }
                """));
        List<Issue> errors = validation.validate(model).stream()
                .filter(i -> i.getSeverity() == org.eclipse.xtext.diagnostics.Severity.ERROR)
                .toList();
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).getMessage().contains("sigma of ln R falls below 0 for the HRS in regime nominal at 10 years"),
                errors.get(0).getMessage());
    }

    @Test
    void aBerSweepCannotBeAged() throws Exception {
        Model model = parser.parse(model(RELAXATION, """
                experiment E {
                    run M on random 4 inputs
                    condition { time 1 year }
                    sweep ber { 0, 1e-3 }
                    seed 1
                }
                """));
        List<Issue> errors = validation.validate(model).stream()
                .filter(i -> i.getSeverity() == org.eclipse.xtext.diagnostics.Severity.ERROR)
                .toList();
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).getMessage().contains("reads its chips at 1 year, but its sweep sets the bit error rate directly"),
                errors.get(0).getMessage());
    }

    @Test
    void spareColumnsAndAStuckSweepWithAYieldTarget() throws Exception {
        Model model = parser.parse(model(RELAXATION,
                """
                        tile S { cells 32 rows x 32 columns 2T2R of D spares 2 columns sense pcsa { mismatch 2 % noise 1 % energy 25 fJ per sense delay 2 ns } }
                        chip CS { tiles 64 of S }
                        mapping MS { network N on CS regime nominal }
                        experiment E {
                            run M, MS on random 4 inputs
                            errors device-level resample per-chip
                            sweep stuck { 1e-4, 1 % } yield 98.3 %
                            seed 1
                        }
                        """));
        validation.assertNoErrors(model);
        ExperimentSpec spec = translator.translate((Experiment) model.getElements().get(8));
        assertEquals(new SweepSpec.StuckDevices(List.of(1e-4, 0.01), java.util.OptionalDouble.of(0.983)), spec.sweep());
        assertEquals(0, spec.mapping().chip().tile().spareColumns());
        assertEquals(2, spec.otherMappings().get(0).chip().tile().spareColumns());
    }
}
