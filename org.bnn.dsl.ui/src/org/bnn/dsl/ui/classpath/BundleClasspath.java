package org.bnn.dsl.ui.classpath;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.eclipse.core.runtime.FileLocator;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.Path;
import org.osgi.framework.Bundle;

/**
 * Where an installed bundle's classes are, for a library entry: its jar; for a bundle installed as
 * a folder, the folder, or the class folders a development launch (PDE, Tycho's test runtime)
 * names for it in {@code osgi.dev}.
 */
public final class BundleClasspath {

    private static final String DEV_PROPERTY = "osgi.dev";

    private BundleClasspath() {
    }

    /** The jar or class folders of {@code bundle}; empty if its location is not a file. */
    public static List<IPath> of(Bundle bundle) {
        File location = FileLocator.getBundleFileLocation(bundle).orElse(null);
        if (location == null) {
            return List.of();
        }
        if (location.isDirectory()) {
            List<IPath> folders = new ArrayList<>();
            for (String entry : devEntries(bundle.getSymbolicName())) {
                File folder = new File(entry).isAbsolute() ? new File(entry) : new File(location, entry);
                if (folder.isDirectory()) {
                    folders.add(path(folder));
                }
            }
            if (!folders.isEmpty()) {
                return folders;
            }
        }
        return List.of(path(location));
    }

    /**
     * The development class path of a bundle: {@code osgi.dev} is either a properties file (bundle
     * name or {@code *} → comma-separated entries) or the entries for every bundle.
     */
    private static List<String> devEntries(String symbolicName) {
        String dev = System.getProperty(DEV_PROPERTY);
        if (dev == null || dev.isBlank()) {
            return List.of();
        }
        String entries = dev;
        if (dev.startsWith("file:")) {
            Properties properties = new Properties();
            try (InputStream in = Files.newInputStream(java.nio.file.Path.of(URI.create(dev)))) {
                properties.load(in);
            } catch (IOException | IllegalArgumentException e) {
                return List.of();
            }
            entries = properties.getProperty(symbolicName, properties.getProperty("*", ""));
        }
        return List.of(entries.split(",")).stream().map(String::trim).filter(e -> !e.isEmpty()).toList();
    }

    private static IPath path(File file) {
        return new Path(file.getAbsolutePath());
    }
}
