package org.bnn.report.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.bnn.report.data.EnergyBreakdown;
import org.bnn.report.format.Numbers;
import org.bnn.runtime.estimate.EnergyComponent;

/**
 * CSV of the energy of one inference, in joules: a row per layer, a column per component (every
 * component, always in the same order) and the layer total. A component the description gives no
 * unit energy for has empty cells: unknown, not zero.
 */
public final class EnergyCsv {
    private EnergyCsv() {
    }

    /** The header: layer, one {@code <component>_joules} column per component, total_joules. */
    public static List<String> columns() {
        List<String> columns = new ArrayList<>();
        columns.add("layer");
        for (EnergyComponent component : EnergyComponent.values()) {
            columns.add(component.name().toLowerCase(Locale.ROOT) + "_joules");
        }
        columns.add("total_joules");
        return columns;
    }

    public static String write(EnergyBreakdown energy) {
        List<List<String>> rows = new ArrayList<>();
        for (EnergyBreakdown.LayerEnergy layer : energy.layers()) {
            List<String> row = new ArrayList<>();
            row.add(layer.layer());
            for (EnergyComponent component : EnergyComponent.values()) {
                row.add(energy.notEstimated().contains(component) ? "" : Numbers.exact(layer.joules(component)));
            }
            row.add(Numbers.exact(layer.totalJoules()));
            rows.add(row);
        }
        return CsvTable.write(columns(), rows);
    }
}
