package org.bnn.dsl.ui.classpath;

import java.util.List;

import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.Path;
import org.eclipse.jdt.core.IClasspathContainer;
import org.eclipse.jdt.core.IClasspathEntry;

/** "BNN Runtime" on a Java project's build path: the libraries the generated Java in src-gen uses. */
public final class BnnRuntimeContainer implements IClasspathContainer {

    /** The container's path in {@code .classpath}; its initializer is registered in plugin.xml. */
    public static final IPath PATH = new Path("org.bnn.dsl.ui.BNN_RUNTIME");

    private final IClasspathEntry[] entries;

    BnnRuntimeContainer(List<IClasspathEntry> entries) {
        this.entries = entries.toArray(new IClasspathEntry[0]);
    }

    @Override
    public IClasspathEntry[] getClasspathEntries() {
        return entries.clone();
    }

    @Override
    public String getDescription() {
        return "BNN Runtime";
    }

    @Override
    public int getKind() {
        return K_APPLICATION;
    }

    @Override
    public IPath getPath() {
        return PATH;
    }
}
