package org.bnn.runtime.experiment;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import org.bnn.runtime.checks.Checks;
import org.bnn.runtime.checks.SpecViolation;
import org.bnn.runtime.checks.SpecViolation.Problem;

/**
 * Where and how an experiment writes its results.
 *
 * @param folder  the report folder (relative paths: to the description's folder)
 * @param formats what to write; CSV and JSON need only the runtime, plots need org.bnn.report;
 *                iterated (and written to JSON) in declaration order, whatever order they were given in
 */
public record ReportSpec(String folder, Set<ReportFormat> formats) {
    public ReportSpec {
        Checks.name("ReportSpec", "folder", folder);
        Checks.present("ReportSpec", "formats", formats);
        if (formats.isEmpty()) {
            throw new SpecViolation("ReportSpec", "formats", Problem.MISSING, "ReportSpec.formats must not be empty");
        }
        // An EnumSet, not Set.copyOf: the latter's iteration order changes from one JVM to the next,
        // and report.json lists the formats in that order.
        formats = Collections.unmodifiableSet(EnumSet.copyOf(formats));
    }

    /** The output formats of a report. */
    public enum ReportFormat {
        CSV,
        JSON,
        MD,
        PNG,
        SVG
    }
}
