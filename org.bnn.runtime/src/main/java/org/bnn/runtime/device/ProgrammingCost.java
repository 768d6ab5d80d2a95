package org.bnn.runtime.device;

import org.bnn.runtime.checks.Checks;

/**
 * What writing cells costs: pulses, energy and the share of the devices' endurance used.
 *
 * <p>Conventions (docs/architecture.md §3, "Energy, latency, programming"): every device of a
 * written cell takes one pulse, SET to the low-resistance state or RESET to the high one. A 2T2R
 * pair takes one of each; a 1T1R device either, depending on the weight. As the costs are computed
 * without the weight values, a pulse costs the mean of the SET and RESET energies, which makes a
 * 2T2R write cost exactly SET + RESET (they are equal in the illustrative presets). The cells are
 * the physical ones the technology writes, ECC check bits included
 * ({@link org.bnn.runtime.spec.CellTechnology#programming}).
 *
 * @param pulses            programming pulses applied
 * @param energyJoules      their total energy, in joules
 * @param enduranceFraction write cycles taken by the most-written device ÷ the regime's endurance
 */
public record ProgrammingCost(long pulses, double energyJoules, double enduranceFraction) {

    /**
     * Cost of writing {@code cells} cells of {@code devicesPerCell} devices each,
     * {@code writesPerCell} times each, under {@code regime}.
     */
    public static ProgrammingCost of(RegimeSpec regime, long cells, int devicesPerCell, long writesPerCell) {
        Checks.present("ProgrammingCost", "regime", regime);
        Checks.nonNegative("ProgrammingCost", "cells", cells);
        Checks.positive("ProgrammingCost", "devicesPerCell", devicesPerCell);
        Checks.nonNegative("ProgrammingCost", "writesPerCell", writesPerCell);
        long pulses = Math.multiplyExact(Math.multiplyExact(cells, writesPerCell), (long) devicesPerCell);
        return new ProgrammingCost(pulses, pulses * 0.5 * (regime.set().energyJoules() + regime.reset().energyJoules()),
                writesPerCell / regime.enduranceCycles());
    }
}
