package org.bnn.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of the tool that writes a report, from a resource Maven fills in at build time (it
 * survives shading into the CLI jar, unlike a per-jar manifest entry); "development" when run from
 * unfiltered sources.
 */
public final class ToolVersion {
    /** The tool's name as written into reports. */
    public static final String TOOL = "bnn";
    private static final String RESOURCE = "version.properties";

    private ToolVersion() {
    }

    /** This build's version, e.g. "0.1.0-SNAPSHOT". */
    public static String current() {
        try (InputStream in = ToolVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return "development";
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "").trim();
            return version.isEmpty() || version.startsWith("${") ? "development" : version;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE + " of org.bnn.report", e);
        }
    }
}
