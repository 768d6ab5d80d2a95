package org.bnn.runtime.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bnn.runtime.checks.SpecViolation;
import org.bnn.runtime.device.ReadReference;
import org.bnn.runtime.device.StuckAt;
import org.bnn.runtime.device.TernaryConfusion;
import org.bnn.runtime.engine.BinaryNetwork;
import org.bnn.runtime.engine.RandomNetworks;
import org.bnn.runtime.engine.TernaryPlanes;
import org.bnn.runtime.engine.WeightMatrix;
import org.bnn.runtime.errors.ErrorLevel;
import org.bnn.runtime.errors.Resampling;
import org.bnn.runtime.experiment.ErrorSpec;
import org.bnn.runtime.experiment.ExperimentRunner;
import org.bnn.runtime.experiment.ExperimentSpec;
import org.bnn.runtime.experiment.InputSource;
import org.bnn.runtime.experiment.SweepPoint;
import org.bnn.runtime.experiment.SweepSpec;
import org.bnn.runtime.spec.CellTechnology;
import org.bnn.runtime.spec.ChipSpec;
import org.bnn.runtime.spec.MappingSpec;
import org.bnn.runtime.spec.NetworkSpec;
import org.bnn.runtime.spec.TileSpec;
import org.bnn.runtime.spec.WeightValues;
import org.bnn.runtime.testing.PaperFacts;
import org.junit.jupiter.api.Test;

/**
 * Ternary layers on a chip: which cells hold them, what a 1T1R tile says about them, the regime
 * sweep's error rates per layer, and the device-level simulation running them.
 */
class TernaryMappingTest {
    private static final NetworkSpec MIXED = NetworkSpec.builder("Mixed", "in", 100).weights(WeightValues.TERNARY).dense("fc", 40)
            .weights(WeightValues.BINARY).output("out", 10).build();

    private static MappingSpec on(CellTechnology cell) {
        TileSpec tile = TileSpec.builder("T", 64, 64).cell(cell).device(PaperFacts.HFO2).sense(PaperFacts.SENSE_AMP).build();
        return new MappingSpec("M", MIXED, ChipSpec.builder("C", 64, tile).build(), Optional.of("nominal"), Map.of(), false);
    }

    @Test
    void ternaryLayersAreHeldByTheTilesCellsUsedForThreeValues() {
        MappingSpec mapping = on(new CellTechnology.TwoTransistorTwoResistor(new ReadReference.Fixed(40e3)));
        assertEquals(new CellTechnology.TwoTransistorTwoResistorTernary(new ReadReference.Fixed(40e3)),
                mapping.cell(MIXED.layers().get(0)));
        assertEquals(new CellTechnology.TwoTransistorTwoResistor(new ReadReference.Fixed(40e3)), mapping.cell(MIXED.layers().get(1)));
        assertEquals("2T2R ternary + 2T2R", mapping.cellLabel());
        NetworkSpec binary = NetworkSpec.builder("B", "in", 100).dense("fc", 40).output("out", 10).build();
        assertEquals("2T2R", new MappingSpec("B", binary, mapping.chip()).cellLabel());
    }

    @Test
    void aOneDeviceCellCannotHoldTernaryWeights() {
        SpecViolation e = assertThrows(SpecViolation.class,
                () -> on(new CellTechnology.OneTransistorOneResistor(new ReadReference.Best())));
        assertEquals("chip", e.field());
        assertEquals(Optional.of("fc"), e.item());
        assertEquals(SpecViolation.Problem.INCONSISTENT, e.problem());
        assertEquals("MappingSpec(M): layer fc has ternary weights, but tile T has 1T1R cells; ternary weights need 2T2R cells (a 1T1R"
                + " cell holds one device, it cannot store three values read in one sense)", e.getMessage());
    }

    /**
     * A weight-level regime sweep gives each layer the rate of the cells holding it (the ternary
     * read's for fc, the binary read's for out), and reports the share of all weights misread.
     */
    @Test
    void aRegimeSweepErrsEachLayerAtItsCellsRate() {
        MappingSpec mapping = on(new CellTechnology.TwoTransistorTwoResistor());
        for (SweepPoint point : regimeSweep(mapping, ErrorSpec.weightLevel(Resampling.PER_CHIP), 2, RandomNetworks.create(MIXED, 1))) {
            double ternary = rate(mapping, 0, point);
            double binary = rate(mapping, 1, point);
            assertTrue(ternary > binary, point.label() + ": the zero state makes ternary reads err more");
            assertEquals((ternary * 100 * 40 + binary * 40 * 10) / (100 * 40 + 40 * 10), point.ber(), 1e-15, point.label());
        }
    }

    /**
     * A device-level study of a mapping with a ternary layer is accepted and runs: each point
     * reports the analytic share of weights misread (the ternary read's rate for fc, −1, 0, +1
     * equally likely, the binary read's for out, as at weight level), and the share the chips
     * misread, counted, agrees within 3 binomial standard deviations with the confusion matrix
     * applied to the network's own weights (¼ of fc's are 0, not ⅓: a stored 0 errs most, so
     * the counted share is below the reported one).
     */
    @Test
    void theDeviceLevelSimulationRunsTernaryLayers() {
        MappingSpec mapping = on(new CellTechnology.TwoTransistorTwoResistor());
        int trials = 8;
        BinaryNetwork network = RandomNetworks.create(MIXED, 1);
        for (SweepPoint point : regimeSweep(mapping, new ErrorSpec(ErrorLevel.DEVICE, Resampling.PER_CHIP, List.of()), trials, network)) {
            double ternary = rate(mapping, 0, point);
            double binary = rate(mapping, 1, point);
            double weights = 100 * 40 + 40 * 10;
            assertEquals((ternary * 100 * 40 + binary * 40 * 10) / weights, point.ber(), 1e-15, point.label());
            TernaryConfusion confusion = ((CellTechnology.TwoTransistorTwoResistorTernary) mapping.cell(MIXED.layers().get(0)))
                    .confusion(PaperFacts.HFO2.regime(point.label()), Optional.of(PaperFacts.SENSE_AMP), StuckAt.NONE);
            long zeros = zeros(network.weights(0), 100);
            double expected = (zeros * confusion.zeroToSignRate()
                    + (100 * 40 - zeros) * (confusion.signToZeroRate() + confusion.signFlipRate()) + binary * 40 * 10) / weights;
            double seen = point.seenBer().orElseThrow();
            double sigma = Math.sqrt(expected * (1 - expected) / (weights * trials));
            assertTrue(Math.abs(seen - expected) <= 3 * sigma, point.label() + ": counted " + seen + ", expected " + expected + " +- "
                    + sigma);
            System.out.println(point.label() + ": chips misread " + seen + " of the weights, expected " + expected + " +- " + sigma
                    + " (reported, weights -1, 0, +1 alike: " + point.ber() + ")");
        }
    }

    /** The points of a sweep over regimes nominal and very-low of {@code mapping}, 20 random inputs. */
    private static List<SweepPoint> regimeSweep(MappingSpec mapping, ErrorSpec errors, int trials, BinaryNetwork network) {
        ExperimentSpec spec = new ExperimentSpec("E", mapping, new InputSource.Random(20), errors,
                new SweepSpec.Regimes(List.of("nominal", "very-low")), trials, 3, Optional.empty(), Optional.empty());
        List<SweepPoint> points = new ExperimentRunner(1).run(spec, network, RandomNetworks.inputs(network, 20, 2), Optional.empty());
        assertEquals(2, points.size());
        return points;
    }

    /** The analytic rate of the cells holding MIXED's layer {@code layer}, at the regime of {@code point}. */
    private static double rate(MappingSpec mapping, int layer, SweepPoint point) {
        return mapping.cell(MIXED.layers().get(layer)).bitErrorRate(PaperFacts.HFO2.regime(point.label()),
                Optional.of(PaperFacts.SENSE_AMP),
                StuckAt.NONE);
    }

    /** Weights 0 of the ternary layer stored as {@code stored}, of fan-in {@code fanIn}. */
    private static long zeros(WeightMatrix stored, int fanIn) {
        long zeros = 0;
        for (int k = 0; k < stored.rows(); k++) {
            for (int j = 0; j < fanIn; j++) {
                zeros += TernaryPlanes.value(stored, k, j, fanIn) == 0 ? 1 : 0;
            }
        }
        return zeros;
    }
}
