package org.bnn.report;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The file formats a report can be written in (as named in a {@code report} clause). */
public enum ReportFormat {
    /** Tables for machines: the sweep's points and trials, energy by layer, regimes. */
    CSV,
    /** Everything with the resolved description, the seeds and the tool version. */
    JSON,
    /** Plots as 2× raster images. */
    PNG,
    /** Plots as vector images. */
    SVG,
    /** Tables for people, with links to the plots. */
    MD;

    public static final Set<ReportFormat> ALL = EnumSet.allOf(ReportFormat.class);

    /** The lower-case name, which is also the file extension. */
    public String extension() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The format of a name such as "png" (case-insensitive). */
    public static ReportFormat of(String name) {
        for (ReportFormat format : values()) {
            if (format.extension().equalsIgnoreCase(name == null ? "" : name.trim())) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown report format \"" + name + "\"; known formats: "
                + Arrays.stream(values()).map(ReportFormat::extension).collect(Collectors.joining(", ")));
    }
}
