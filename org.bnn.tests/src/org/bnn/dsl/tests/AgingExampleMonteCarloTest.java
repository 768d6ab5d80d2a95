package org.bnn.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.bnn.dsl.bnn.Experiment;
import org.bnn.dsl.bnn.Model;
import org.bnn.dsl.spec.SpecTranslator;
import org.bnn.runtime.aging.Aging;
import org.bnn.runtime.aging.Condition;
import org.bnn.runtime.device.BitErrorRates;
import org.bnn.runtime.device.DeviceSpec;
import org.bnn.runtime.device.RegimeSpec;
import org.bnn.runtime.device.SenseAmpOffsets;
import org.bnn.runtime.engine.WeightMatrix;
import org.bnn.runtime.errors.DeviceErrors;
import org.bnn.runtime.errors.DeviceKeys;
import org.bnn.runtime.errors.Resampling;
import org.bnn.runtime.experiment.ExperimentSpec;
import org.bnn.runtime.experiment.SweepSpec;
import org.bnn.runtime.spec.MappingSpec;
import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.google.inject.Inject;

/**
 * The acceptance check of docs/reliability.md on the shipped study itself: at every point of every
 * experiment of examples/reliability/aging.bnn (each mapping, each time, temperature, cycle count and
 * read count), chips programmed at device level misread as many weights as the analytic rate of the
 * aged regime says, within 3 binomial standard deviations (at least 300 expected misreads, or 30
 * chips of 1M cells where the rate is tiny).
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(BnnInjectorProvider.class)
class AgingExampleMonteCarloTest {
    private static final int SIDE = 1024;

    @Inject
    private ParseHelper<Model> parser;
    @Inject
    private SpecTranslator translator;
    @Inject
    private com.google.inject.Provider<XtextResourceSet> resourceSets;

    @Test
    void everyPointOfTheStudyAgreesWithItsAnalyticRate() throws Exception {
        XtextResourceSet resources = resourceSets.get();
        parser.parse(TestFiles.read("examples/lib/illustrative-hw.bnn"), URI.createURI("lib.bnn"), resources);
        Model model = parser.parse(TestFiles.read("examples/reliability/aging.bnn"), URI.createURI("aging.bnn"), resources);
        WeightMatrix layer = randomLayer();
        SenseAmpOffsets offsets;
        List<String> failures = new ArrayList<>();
        int points = 0;
        for (Experiment experiment : org.eclipse.xtext.EcoreUtil2.eAllOfType(model, Experiment.class)) {
            ExperimentSpec spec = translator.translate(experiment);
            SweepSpec.Ages ages = (SweepSpec.Ages) spec.sweep();
            for (MappingSpec mapping : spec.mappings()) {
                DeviceSpec device = mapping.chip().tile().device().orElseThrow();
                RegimeSpec regime = device.regime(mapping.regime().orElseThrow());
                DeviceErrors fresh = DeviceErrors.forMapping(mapping, Resampling.PER_CHIP);
                offsets = new SenseAmpOffsets(fresh.senseAmp());
                for (double value : ages.points()) {
                    Condition condition = ages.axis().apply(spec.errors().condition(), value);
                    Aging.Aged aged = regime.aging().at(regime, device.stuckAt(), condition);
                    DeviceErrors chips = fresh.aged(regime, aged.regime(), aged.stuckAt());
                    double ber = BitErrorRates.twoTwoR(aged.regime(), fresh.senseAmp(), aged.stuckAt());
                    int chipCount = (int) Math.min(30, Math.ceil(300 / (ber * layer.size())));
                    long misreads = 0;
                    for (int trial = 0; trial < chipCount; trial++) {
                        long key = DeviceKeys.chipLayer(spec.seed(), trial, 0);
                        misreads += chips.marginSampler().sample(layer, key).misreadIn(DeviceKeys.frozenRead(key), offsets).length;
                    }
                    long reads = chipCount * layer.size();
                    double deviation = (misreads - reads * ber) / Math.sqrt(reads * ber * (1 - ber));
                    String line = String.format(Locale.ROOT, "%s %s %s: %d misreads in %d reads, analytic BER %.4e, %+.2f sd",
                            spec.name(), mapping.name(), ages.axis().label(value), misreads, reads, ber, deviation);
                    System.out.println(line);
                    if (Math.abs(deviation) > 3) {
                        failures.add(line);
                    }
                    points++;
                }
            }
        }
        assertEquals(3 * 7 * 2 + 3 * 6 + 4, points, "every point of the four experiments");
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    private static WeightMatrix randomLayer() {
        SplittableRandom random = new SplittableRandom(16);
        double[] signs = new double[SIDE * SIDE];
        for (int i = 0; i < signs.length; i++) {
            signs[i] = random.nextBoolean() ? 1 : -1;
        }
        return WeightMatrix.fromSigns(SIDE, SIDE, signs);
    }
}
