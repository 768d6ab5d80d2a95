package org.bnn.dsl.ui.classpath;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bnn.dsl.ui.builder.BnnNature;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Path;
import org.eclipse.jdt.core.IClasspathEntry;
import org.eclipse.jdt.core.IJavaProject;
import org.eclipse.jdt.core.JavaCore;
import org.eclipse.jdt.launching.JavaRuntime;

/**
 * Makes a project compile the Java its BNN builder generates: a Java project (converted if it is
 * not one: JRE, Java 17, output {@code bin}) with {@code src-gen} as a source folder and the
 * BNN Runtime container on its build path. What a Java project already has is kept.
 */
public final class BnnJavaProject {

    /** The compliance a converted project gets: the generated code and org.bnn.runtime need 17. */
    private static final String COMPLIANCE = "17";

    private BnnJavaProject() {
    }

    public static void configure(IProject project, IProgressMonitor monitor) throws CoreException {
        IFolder generated = project.getFolder(BnnNature.GENERATED_SOURCES);
        if (!generated.exists()) {
            generated.create(true, true, monitor);
            generated.setDerived(true, monitor);
        }
        boolean converted = !project.hasNature(JavaCore.NATURE_ID);
        if (converted) {
            BnnNature.add(project, JavaCore.NATURE_ID, monitor);
        }
        IJavaProject javaProject = JavaCore.create(project);
        List<IClasspathEntry> entries = converted
                ? new ArrayList<>(List.of(JavaRuntime.getDefaultJREContainerEntry()))
                : new ArrayList<>(List.of(javaProject.getRawClasspath()));
        IPath output = converted ? project.getFullPath().append("bin") : javaProject.getOutputLocation();
        addSourceFolder(entries, generated.getFullPath());
        if (entries.stream()
                .noneMatch(e -> e.getEntryKind() == IClasspathEntry.CPE_CONTAINER && BnnRuntimeContainer.PATH.equals(e.getPath()))) {
            entries.add(JavaCore.newContainerEntry(BnnRuntimeContainer.PATH));
        }
        javaProject.setRawClasspath(entries.toArray(new IClasspathEntry[0]), output, monitor);
        if (converted) {
            Map<String, String> options = javaProject.getOptions(false);
            JavaCore.setComplianceOptions(COMPLIANCE, options);
            javaProject.setOptions(options);
        }
    }

    /**
     * Puts {@code folder} first among the source folders; a source folder that encloses it (the
     * project itself, say) excludes it, since JDT does not nest source folders.
     */
    private static void addSourceFolder(List<IClasspathEntry> entries, IPath folder) {
        if (entries.stream().anyMatch(e -> e.getEntryKind() == IClasspathEntry.CPE_SOURCE && folder.equals(e.getPath()))) {
            return;
        }
        for (int i = 0; i < entries.size(); i++) {
            IClasspathEntry entry = entries.get(i);
            if (entry.getEntryKind() == IClasspathEntry.CPE_SOURCE && entry.getPath().isPrefixOf(folder)) {
                List<IPath> exclusions = new ArrayList<>(List.of(entry.getExclusionPatterns()));
                exclusions.add(new Path(folder.makeRelativeTo(entry.getPath()).toString() + "/"));
                entries.set(i, JavaCore.newSourceEntry(entry.getPath(), entry.getInclusionPatterns(), exclusions.toArray(new IPath[0]),
                        entry.getOutputLocation(), entry.getExtraAttributes()));
            }
        }
        entries.add(0, JavaCore.newSourceEntry(folder));
    }
}
