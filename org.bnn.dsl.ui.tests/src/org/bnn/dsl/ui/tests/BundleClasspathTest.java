package org.bnn.dsl.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.util.List;

import org.bnn.dsl.ui.classpath.BundleClasspath;
import org.eclipse.core.runtime.FileLocator;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.Platform;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/** Where the container finds a bundle's classes: a jar, or the class folders of a bundle installed as a folder. */
class BundleClasspathTest {

    @Test
    void aBundleInstalledAsAJarIsItsJar() {
        Bundle runtime = Platform.getBundle("org.bnn.runtime");
        File jar = FileLocator.getBundleFileLocation(runtime).orElseThrow();
        assumeTrue(jar.isFile(), "org.bnn.runtime is installed as a jar here");
        assertEquals(List.of(jar.getAbsolutePath()), BundleClasspath.of(runtime).stream().map(IPath::toOSString).toList());
    }

    /** This test bundle: Tycho installs it as its project folder, its classes named in osgi.dev. */
    @Test
    void aBundleInstalledAsAFolderIsItsClassFolders() {
        Bundle tests = FrameworkUtil.getBundle(getClass());
        assumeTrue(FileLocator.getBundleFileLocation(tests).orElseThrow().isDirectory(), "the test bundle is a folder here");
        List<IPath> folders = BundleClasspath.of(tests);
        String classFile = getClass().getName().replace('.', '/') + ".class";
        assertTrue(folders.stream().anyMatch(f -> f.append(classFile).toFile().isFile()), classFile + " in " + folders);
    }
}
