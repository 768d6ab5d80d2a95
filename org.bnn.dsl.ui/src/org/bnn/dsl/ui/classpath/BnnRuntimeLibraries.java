package org.bnn.dsl.ui.classpath;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.bnn.dsl.ui.internal.BnnUiActivator;
import org.eclipse.core.runtime.FileLocator;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.Path;
import org.eclipse.core.runtime.Platform;
import org.eclipse.jdt.core.IClasspathEntry;
import org.eclipse.jdt.core.JavaCore;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.namespace.BundleNamespace;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/**
 * The libraries of the BNN Runtime container, found where this Eclipse installed them:
 * org.bnn.runtime and the bundles it is wired to (Jackson), then the plain jars this plugin
 * carries in {@code lib/} (org.bnn.report, org.bnn.train and their libraries, see pom.xml).
 */
final class BnnRuntimeLibraries {

    static final String RUNTIME_BUNDLE = "org.bnn.runtime";
    private static final String LIBRARY_FOLDER = "lib";

    private BnnRuntimeLibraries() {
    }

    static List<IClasspathEntry> entries() {
        List<IClasspathEntry> entries = new ArrayList<>();
        for (Bundle bundle : runtimeBundles()) {
            IPath source = Optional.ofNullable(Platform.getBundle(bundle.getSymbolicName() + ".source")).map(BundleClasspath::of)
                    .flatMap(paths -> paths.stream().findFirst()).orElse(null);
            for (IPath path : BundleClasspath.of(bundle)) {
                entries.add(JavaCore.newLibraryEntry(path, source, null));
            }
        }
        for (IPath jar : carriedJars()) {
            entries.add(JavaCore.newLibraryEntry(jar, null, null));
        }
        return entries;
    }

    /** org.bnn.runtime, then every bundle it imports from or requires, transitively (not the framework). */
    private static Set<Bundle> runtimeBundles() {
        Bundle runtime = Platform.getBundle(RUNTIME_BUNDLE);
        if (runtime == null) {
            BnnUiActivator.log("The bundle " + RUNTIME_BUNDLE + " is not installed: the BNN Runtime container is incomplete", null);
            return Set.of();
        }
        Set<Bundle> bundles = new LinkedHashSet<>(List.of(runtime));
        Deque<Bundle> pending = new ArrayDeque<>(bundles);
        while (!pending.isEmpty()) {
            BundleWiring wiring = pending.pop().adapt(BundleWiring.class);
            if (wiring == null) {
                continue;
            }
            List<BundleWire> wires = new ArrayList<>(wiring.getRequiredWires(PackageNamespace.PACKAGE_NAMESPACE));
            wires.addAll(wiring.getRequiredWires(BundleNamespace.BUNDLE_NAMESPACE));
            for (BundleWire wire : wires) {
                Bundle provider = wire.getProvider().getBundle();
                if (provider.getBundleId() != 0 && bundles.add(provider)) {
                    pending.add(provider);
                }
            }
        }
        return bundles;
    }

    /** The jars in this plugin's lib/ as files; from a packed plugin they are extracted to Equinox's cache. */
    private static List<IPath> carriedJars() {
        Bundle self = FrameworkUtil.getBundle(BnnRuntimeLibraries.class);
        Enumeration<URL> found = self.findEntries(LIBRARY_FOLDER, "*.jar", false);
        List<URL> urls = found == null ? new ArrayList<>() : Collections.list(found);
        urls.sort(Comparator.comparing(URL::getPath));
        List<IPath> jars = new ArrayList<>();
        for (URL url : urls) {
            try {
                jars.add(new Path(new File(FileLocator.toFileURL(url).getPath()).getAbsolutePath()));
            } catch (IOException e) {
                BnnUiActivator.log("Could not extract " + url + " for the BNN Runtime container", e);
            }
        }
        return jars;
    }
}
