package org.bnn.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import org.bnn.report.data.BerSeries;
import org.bnn.report.data.SweepAxis;
import org.bnn.report.data.ComparisonRow;
import org.bnn.report.data.EnergyBreakdown;
import org.bnn.report.data.RegimeRow;
import org.bnn.runtime.checks.Checks;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Everything one report shows. Build it with {@link #builder(String)}; every part except the title
 * is optional, and the writer skips the files of absent parts.
 *
 * @param title       heading of the tables and plots (e.g. "MNIST MLP, 2T2R, nominal regime")
 * @param quantity    what the series measure, shares in [0, 1] (e.g. "Test accuracy"); the
 *                    accuracy axis reads "{quantity} (%)"
 * @param tool        name of the tool that wrote the report
 * @param version     its version
 * @param created     when the run was made; absent by default, so that identical runs give
 *                    identical files
 * @param description the fully resolved description of the run (every default filled in, SI
 *                    units) as a JSON tree; required for the JSON file
 * @param seeds       every seed of the run by role (e.g. "experiment", "training"), sorted by name
 * @param series      accuracy-vs-BER curves, labels unique
 * @param energy      energy of one inference by layer and component
 * @param regimes     rows of a regime comparison
 * @param comparison  rows of a comparison of mappings across regimes
 * @param axis        what the curves' x is (the BER unless a sweep over time, cycles or reads says otherwise)
 */
public record Report(String title, String quantity, String tool, String version, Optional<Instant> created,
        Optional<JsonNode> description, SortedMap<String, Long> seeds, List<BerSeries> series, Optional<EnergyBreakdown> energy,
        List<RegimeRow> regimes, List<ComparisonRow> comparison, SweepAxis axis) {

    public Report {
        Checks.name("Report", "title", title);
        Checks.name("Report(" + title + ")", "quantity", quantity);
        Checks.name("Report(" + title + ")", "tool", tool);
        Checks.name("Report(" + title + ")", "version", version);
        Checks.present("Report(" + title + ")", "created", created);
        description = Checks.present("Report(" + title + ")", "description", description).map(JsonNode::deepCopy);
        Checks.present("Report(" + title + ")", "seeds", seeds);
        seeds.forEach((role, seed) -> {
            Checks.name("Report(" + title + ")", "seeds key", role);
            Checks.present("Report(" + title + ")", "seeds[" + role + "]", seed);
        });
        seeds = Collections.unmodifiableSortedMap(new TreeMap<>(seeds));
        Checks.present("Report(" + title + ")", "series", series);
        Set<String> labels = new HashSet<>();
        for (int i = 0; i < series.size(); i++) {
            BerSeries s = Checks.present("Report(" + title + ")", "series[" + i + "]", series.get(i));
            if (!labels.add(s.label())) {
                throw new IllegalArgumentException("Report(" + title + ").series has the label \"" + s.label() + "\" twice");
            }
            Checks.present("Report(" + title + ")", "axis", axis);
            s.points().forEach(p -> axis.check("Report(" + title + ").series[" + s.label() + "]", p.ber()));
        }
        series = List.copyOf(series);
        Checks.present("Report(" + title + ")", "energy", energy);
        Checks.present("Report(" + title + ")", "regimes", regimes);
        for (int i = 0; i < regimes.size(); i++) {
            Checks.present("Report(" + title + ")", "regimes[" + i + "]", regimes.get(i));
        }
        regimes = List.copyOf(regimes);
        Checks.present("Report(" + title + ")", "comparison", comparison);
        for (int i = 0; i < comparison.size(); i++) {
            Checks.present("Report(" + title + ")", "comparison[" + i + "]", comparison.get(i));
        }
        comparison = List.copyOf(comparison);
    }

    /** A report whose curves are over the BER. */
    public Report(String title, String quantity, String tool, String version, Optional<Instant> created, Optional<JsonNode> description,
            SortedMap<String, Long> seeds, List<BerSeries> series, Optional<EnergyBreakdown> energy, List<RegimeRow> regimes,
            List<ComparisonRow> comparison) {
        this(title, quantity, tool, version, created, description, seeds, series, energy, regimes, comparison, SweepAxis.BER);
    }

    /** A report without a comparison of mappings. */
    public Report(String title, String quantity, String tool, String version, Optional<Instant> created, Optional<JsonNode> description,
            SortedMap<String, Long> seeds, List<BerSeries> series, Optional<EnergyBreakdown> energy, List<RegimeRow> regimes) {
        this(title, quantity, tool, version, created, description, seeds, series, energy, regimes, List.of());
    }

    @Override
    public Optional<JsonNode> description() {
        return description.map(JsonNode::deepCopy);
    }

    public static Builder builder(String title) {
        return new Builder(title);
    }

    /** Collects a report's parts; the tool and version default to this build's. */
    public static final class Builder {
        private final String title;
        private String quantity = "Accuracy";
        private String tool = ToolVersion.TOOL;
        private String version = ToolVersion.current();
        private Optional<Instant> created = Optional.empty();
        private Optional<JsonNode> description = Optional.empty();
        private final SortedMap<String, Long> seeds = new TreeMap<>();
        private final List<BerSeries> series = new ArrayList<>();
        private Optional<EnergyBreakdown> energy = Optional.empty();
        private final List<RegimeRow> regimes = new ArrayList<>();
        private final List<ComparisonRow> comparison = new ArrayList<>();
        private SweepAxis axis = SweepAxis.BER;

        private Builder(String title) {
            this.title = title;
        }

        public Builder quantity(String measured) {
            this.quantity = measured;
            return this;
        }

        public Builder tool(String name, String toolVersion) {
            this.tool = name;
            this.version = toolVersion;
            return this;
        }

        /** Records when the run was made (the files then differ between runs). */
        public Builder created(Instant time) {
            this.created = Optional.of(time);
            return this;
        }

        public Builder description(JsonNode resolved) {
            this.description = Optional.of(resolved);
            return this;
        }

        public Builder seed(String role, long seed) {
            seeds.put(role, seed);
            return this;
        }

        /** What the curves' x is (default: the BER). */
        public Builder axis(SweepAxis x) {
            axis = x;
            return this;
        }

        public Builder series(BerSeries curve) {
            series.add(curve);
            return this;
        }

        public Builder energy(EnergyBreakdown breakdown) {
            this.energy = Optional.of(breakdown);
            return this;
        }

        public Builder regime(RegimeRow row) {
            regimes.add(row);
            return this;
        }

        public Builder comparison(ComparisonRow row) {
            comparison.add(row);
            return this;
        }

        public Report build() {
            return new Report(title, quantity, tool, version, created, description, seeds, series, energy, regimes, comparison, axis);
        }
    }
}
