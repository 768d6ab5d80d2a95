package org.bnn.runtime.testing;

import java.util.List;
import java.util.Optional;

import org.bnn.runtime.experiment.ErrorSpec;
import org.bnn.runtime.experiment.InputSource;
import org.bnn.runtime.experiment.ReportSpec;
import org.bnn.runtime.errors.Resampling;
import org.bnn.runtime.explore.Constraint;
import org.bnn.runtime.explore.ExploreAxis;
import org.bnn.runtime.explore.ExploreSpec;
import org.bnn.runtime.explore.Objective;
import org.bnn.runtime.explore.Sampling;
import org.bnn.runtime.spec.CellTechnology;
import org.bnn.runtime.spec.ChipSpec;
import org.bnn.runtime.spec.InputEncoding;
import org.bnn.runtime.spec.InputSpec;
import org.bnn.runtime.spec.MappingSpec;
import org.bnn.runtime.spec.NetworkSpec;
import org.bnn.runtime.spec.Shape;
import org.bnn.runtime.spec.TileSpec;
import org.bnn.runtime.device.ReadReference;

/**
 * A small exploration for tests: a 64-input MLP (4-bit input) on 2T2R tiles of the illustrative HfO2 presets
 * ({@link PaperFacts}), seeded random weights and inputs, over regimes × tile sizes × cells.
 */
public final class ExploreDesigns {
    private ExploreDesigns() {
    }

    /** The base mapping: 8 × 8 tiles, 2T2R, 64 tiles per chip, regime nominal. */
    public static MappingSpec mapping() {
        TileSpec tile = TileSpec.builder("T8", 8, 8).device(PaperFacts.HFO2).sense(PaperFacts.SENSE_AMP).popcountEnergy(20e-15).build();
        ChipSpec chip = ChipSpec.builder("Small", 64, tile).clock(100e6).thresholdEnergy(0.2e-12).bufferEnergy(0.2e-12).build();
        NetworkSpec network = NetworkSpec.builder("Mlp", new InputSpec("pixels", new Shape(8, 8, 1), new InputEncoding.BitSerial(4)))
                .dense("fc", 24).output("out", 4).build();
        return new MappingSpec("OnSmall", network, chip, Optional.of("nominal"), java.util.Map.of(), false);
    }

    /** The regimes, tile sizes and cells of the tests. */
    public static List<ExploreAxis> axes() {
        return List.of(new ExploreAxis.Regimes(List.of("strong", "very-low", "ultra-low")),
                new ExploreAxis.TileSizes(List.of(new ExploreAxis.TileSize(8, 8), new ExploreAxis.TileSize(16, 72))),
                new ExploreAxis.Cells(List.of(new CellTechnology.TwoTransistorTwoResistor(),
                        new CellTechnology.OneTransistorOneResistor(new ReadReference.Best()))));
    }

    /** An exploration of {@link #axes()} by accuracy, energy and programming energy, on 300 random inputs. */
    public static ExploreSpec spec(Sampling sampling, List<Constraint> constraints, int shardInputs, Optional<ReportSpec> report) {
        return new ExploreSpec("Designs", mapping(), new InputSource.Random(300), ErrorSpec.weightLevel(Resampling.PER_CHIP), axes(),
                sampling, List.of(Objective.ACCURACY, Objective.ENERGY, Objective.PROGRAMMING), constraints, 3, 42, shardInputs,
                Optional.empty(), report);
    }

    /** The grid, no constraint, shards of 128 inputs. */
    public static ExploreSpec spec() {
        return spec(Sampling.GRID, List.of(), 128, Optional.empty());
    }
}
