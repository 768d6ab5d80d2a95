package org.bnn.report.table;

import java.util.List;

import org.bnn.report.data.RegimeRow;
import org.bnn.report.format.Numbers;

/** CSV of a regime comparison, in SI units (joules, cycles) and shares in [0, 1]. */
public final class RegimeCsv {
    public static final List<String> COLUMNS = List.of("regime", "ber", "accuracy_mean", "accuracy_std", "programming_energy_joules",
            "endurance_cycles", "energy_per_inference_joules");

    private RegimeCsv() {
    }

    public static String write(List<RegimeRow> regimes) {
        return CsvTable.write(COLUMNS, regimes.stream()
                .map(r -> List.of(r.regime(), Numbers.exact(r.ber()), Numbers.exact(r.accuracyMean()), Numbers.exact(r.accuracyStd()),
                        Numbers.exact(r.programmingEnergyJoules()), Numbers.exact(r.enduranceCycles()),
                        Numbers.exact(r.energyPerInferenceJoules())))
                .toList());
    }
}
