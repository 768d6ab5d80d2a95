package org.bnn.runtime.experiment;

import java.util.Set;

import org.bnn.runtime.checks.Checks;

/**
 * Where and how an experiment writes its results.
 *
 * @param folder  the report folder (relative paths: to the description's folder)
 * @param formats what to write; CSV and JSON need only the runtime, plots need org.bnn.report
 */
public record ReportSpec(String folder, Set<ReportFormat> formats) {
    public ReportSpec {
        Checks.name("ReportSpec", "folder", folder);
        formats = Set.copyOf(Checks.present("ReportSpec", "formats", formats));
        if (formats.isEmpty()) {
            throw new IllegalArgumentException("ReportSpec.formats must not be empty");
        }
    }

    /** The output formats of a report. */
    public enum ReportFormat {
        CSV, JSON, MD, PNG, SVG
    }
}
