package org.bnn.dsl.ui.tests;

import static org.bnn.dsl.ui.tests.WorkspaceFiles.contents;
import static org.bnn.dsl.ui.tests.WorkspaceFiles.javaFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.bnn.dsl.ui.builder.BnnNature;
import org.bnn.dsl.ui.classpath.BnnJavaProject;
import org.bnn.dsl.ui.classpath.BnnRuntimeContainer;
import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.core.expressions.IEvaluationContext;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IProjectDescription;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.jdt.core.IClasspathContainer;
import org.eclipse.jdt.core.IClasspathEntry;
import org.eclipse.jdt.core.IJavaModelMarker;
import org.eclipse.jdt.core.IJavaProject;
import org.eclipse.jdt.core.JavaCore;
import org.eclipse.jdt.launching.IJavaLaunchConfigurationConstants;
import org.eclipse.jdt.launching.JavaRuntime;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.ui.ISources;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The BNN Runtime classpath container: the Java the builder generates into src-gen compiles with
 * JDT in the workbench, in a Java project and in a plain project that Add BNN Nature converts,
 * and runs; without the container the same code does not compile.
 */
class BnnRuntimeContainerTest {

    @RegisterExtension
    final TemporaryProject workspace = new TemporaryProject("bnn-java");

    @Test
    void generatedJavaCompilesInAJavaProject() throws Exception {
        IProject project = workspace.project();
        IJavaProject java = newJavaProject(project);
        writeQuickstart();
        BnnJavaProject.configure(project, null);
        BnnNature.addTo(project);
        build();

        assertTrue(hasContainer(java), Arrays.toString(java.getRawClasspath()));
        assertTrue(Arrays.stream(java.getRawClasspath()).anyMatch(e -> e.getEntryKind() == IClasspathEntry.CPE_SOURCE
                && e.getPath().equals(project.getFolder("src-gen").getFullPath())), "src-gen is a source folder");
        assertTrue(Arrays.stream(java.getRawClasspath()).anyMatch(e -> e.getPath().equals(project.getFolder("src").getFullPath())),
                "the project's own source folder is kept");
        assertCompiled(java);

        // What the container holds: the installed runtime bundle and what it is wired to (Jackson),
        // the plugin's plain jars (report, train and their libraries), all existing files.
        IClasspathContainer container = JavaCore.getClasspathContainer(BnnRuntimeContainer.PATH, java);
        assertEquals("BNN Runtime", container.getDescription());
        List<String> names = Arrays.stream(container.getClasspathEntries()).map(e -> e.getPath().lastSegment()).toList();
        for (String library : List.of("org.bnn.runtime", "jackson-databind", "org.bnn.report", "org.bnn.train", "jfreechart")) {
            assertTrue(names.stream().anyMatch(n -> n.startsWith(library)), library + " in " + names);
        }
        assertTrue(names.stream().noneMatch(n -> n.startsWith("org.eclipse")), "no Eclipse bundle: " + names);
        assertTrue(Arrays.stream(container.getClasspathEntries()).allMatch(e -> e.getPath().toFile().exists()), names.toString());

        // The same project without the container: the generated code no longer compiles.
        java.setRawClasspath(Arrays.stream(java.getRawClasspath()).filter(e -> !BnnRuntimeContainer.PATH.equals(e.getPath()))
                .toArray(IClasspathEntry[]::new), null);
        build();
        List<String> errors = javaErrors(project.getFolder("src-gen"));
        assertFalse(errors.isEmpty(), "errors without the container");
        assertTrue(errors.stream().anyMatch(e -> e.contains("org.bnn")), errors.toString());
    }

    /**
     * The generated experiment, launched as a Java application on the project's build path, runs
     * and writes its report through org.bnn.report (CSV by Jackson, PNG by JFreeChart): the
     * container is complete at run time too.
     */
    @Test
    void generatedExperimentRunsOnTheContainer() throws Exception {
        IProject project = workspace.project();
        IJavaProject java = newJavaProject(project);
        String small = BnnEditorFeaturesTest.QUICKSTART.replace("random 500 inputs", "random 20 inputs").replace("trials 3", "trials 1")
                .replace("seed 42\n", "seed 42\n    report \"reports/launched\" csv png\n");
        assertTrue(small.contains("random 20 inputs") && small.contains("report \"reports/launched\""), small);
        workspace.write("illustrative-hw.bnn", BnnEditorFeaturesTest.HARDWARE);
        workspace.write("quickstart.bnn", small);
        BnnJavaProject.configure(project, null);
        BnnNature.addTo(project);
        build();
        assertCompiled(java);

        IFolder generated = project.getFolder("src-gen");
        IFile experiment = javaFiles(generated).stream().filter(f -> contents(f).contains("import org.bnn.report.")).findFirst()
                .orElseThrow();
        String mainType = experiment.getFullPath().makeRelativeTo(generated.getFullPath()).removeFileExtension().toString().replace('/',
                '.');
        ILaunchConfigurationWorkingCopy launch = DebugPlugin.getDefault().getLaunchManager()
                .getLaunchConfigurationType(IJavaLaunchConfigurationConstants.ID_JAVA_APPLICATION).newInstance(null, "bnn-experiment");
        launch.setAttribute(IJavaLaunchConfigurationConstants.ATTR_PROJECT_NAME, project.getName());
        launch.setAttribute(IJavaLaunchConfigurationConstants.ATTR_MAIN_TYPE_NAME, mainType);
        launch.setAttribute(IJavaLaunchConfigurationConstants.ATTR_PROGRAM_ARGUMENTS, "\"" + project.getLocation().toOSString() + "\"");
        IProcess process = launch.launch(ILaunchManager.RUN_MODE, null).getProcesses()[0];
        long deadline = System.currentTimeMillis() + 120_000;
        while (!process.isTerminated() && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        String output = process.getStreamsProxy().getOutputStreamMonitor().getContents();
        String errors = process.getStreamsProxy().getErrorStreamMonitor().getContents();
        assertTrue(process.isTerminated(), "still running after 2 minutes: " + output + errors);
        assertEquals(0, process.getExitValue(), output + errors);

        List<File> reports = output.lines().filter(l -> l.startsWith("report: ")).map(l -> new File(l.substring("report: ".length())))
                .toList();
        assertTrue(reports.stream().anyMatch(f -> f.getName().endsWith(".csv")), output);
        assertTrue(reports.stream().anyMatch(f -> f.getName().endsWith(".png")), output);
        assertTrue(reports.stream().allMatch(f -> f.isFile() && f.length() > 0), reports.toString());
        assertTrue(
                reports.stream().allMatch(f -> f.toPath().startsWith(project.getLocation().append("reports/launched").toFile().toPath())),
                reports.toString());
    }

    @Test
    void addBnnNatureConvertsAPlainProject() throws Exception {
        IProject project = workspace.project();
        writeQuickstart();
        IHandlerService handlers = PlatformUI.getWorkbench().getService(IHandlerService.class);
        ICommandService commands = PlatformUI.getWorkbench().getService(ICommandService.class);
        IEvaluationContext context = handlers.createContextSnapshot(false);
        context.addVariable(ISources.ACTIVE_CURRENT_SELECTION_NAME, new StructuredSelection(project));
        handlers.executeCommandInContext(new ParameterizedCommand(commands.getCommand("org.bnn.dsl.ui.addNature"), null), null, context);
        build();

        assertTrue(project.hasNature(BnnNature.ID), "BNN nature");
        assertTrue(project.hasNature(JavaCore.NATURE_ID), "converted into a Java project");
        IJavaProject java = JavaCore.create(project);
        List<IPath> classpath = Arrays.stream(java.getRawClasspath()).map(IClasspathEntry::getPath).toList();
        assertEquals(List.of(project.getFolder("src-gen").getFullPath(), JavaRuntime.getDefaultJREContainerEntry().getPath(),
                BnnRuntimeContainer.PATH), classpath);
        List<String> builders = Arrays.stream(project.getDescription().getBuildSpec()).map(c -> c.getBuilderName()).toList();
        assertTrue(builders.indexOf("org.bnn.dsl.ui.builder") < builders.indexOf(JavaCore.BUILDER_ID), "BNN before Java: " + builders);
        assertCompiled(java);
    }

    /** A Java project as the New Java Project wizard makes it: src, the default JRE, Java 17, bin. */
    private static IJavaProject newJavaProject(IProject project) throws CoreException {
        IProjectDescription description = project.getDescription();
        description.setNatureIds(new String[] {JavaCore.NATURE_ID});
        project.setDescription(description, null);
        project.getFolder("src").create(true, true, null);
        IJavaProject java = JavaCore.create(project);
        java.setRawClasspath(new IClasspathEntry[] {JavaCore.newSourceEntry(project.getFolder("src").getFullPath()),
            JavaRuntime.getDefaultJREContainerEntry()}, project.getFullPath().append("bin"), null);
        Map<String, String> options = java.getOptions(false);
        JavaCore.setComplianceOptions("17", options);
        java.setOptions(options);
        return java;
    }

    private void writeQuickstart() throws CoreException {
        workspace.write("illustrative-hw.bnn", BnnEditorFeaturesTest.HARDWARE);
        workspace.write("quickstart.bnn", BnnEditorFeaturesTest.QUICKSTART);
    }

    private static void build() throws CoreException, InterruptedException {
        ResourcesPlugin.getWorkspace().build(IncrementalProjectBuilder.FULL_BUILD, null);
        Job.getJobManager().join(ResourcesPlugin.FAMILY_AUTO_BUILD, null);
        Job.getJobManager().join(ResourcesPlugin.FAMILY_MANUAL_BUILD, null);
    }

    private static boolean hasContainer(IJavaProject java) throws CoreException {
        return Arrays.stream(java.getRawClasspath())
                .anyMatch(e -> e.getEntryKind() == IClasspathEntry.CPE_CONTAINER && BnnRuntimeContainer.PATH.equals(e.getPath()));
    }

    /**
     * The generated mapping simulation and experiment (which uses org.bnn.report) are in src-gen,
     * without a Java error, warning or build path problem, and each has its class file in the output folder.
     */
    private static void assertCompiled(IJavaProject java) throws CoreException {
        IFolder generated = java.getProject().getFolder("src-gen");
        List<IFile> sources = javaFiles(generated);
        assertTrue(sources.stream().anyMatch(f -> contents(f).contains("import org.bnn.runtime.")), sources.toString());
        assertTrue(sources.stream().anyMatch(f -> contents(f).contains("import org.bnn.report.")), sources.toString());
        assertEquals(List.of(), javaErrors(generated));
        assertEquals(List.of(), messages(generated.findMarkers(IJavaModelMarker.JAVA_MODEL_PROBLEM_MARKER, true, IResource.DEPTH_INFINITE),
                IMarker.SEVERITY_WARNING), "JDT warnings on generated code");
        assertEquals(List.of(),
                messages(java.getProject().findMarkers(IJavaModelMarker.BUILDPATH_PROBLEM_MARKER, true, IResource.DEPTH_ZERO)));
        IPath output = java.getOutputLocation();
        for (IFile source : sources) {
            IPath classFile = output
                    .append(source.getFullPath().makeRelativeTo(generated.getFullPath()).removeFileExtension().addFileExtension("class"));
            assertTrue(ResourcesPlugin.getWorkspace().getRoot().getFile(classFile).exists(), "compiled: " + classFile);
        }
    }

    /** Error markers of the Java compiler below {@code folder}, as "file:line: message". */
    private static List<String> javaErrors(IFolder folder) throws CoreException {
        return messages(folder.findMarkers(IJavaModelMarker.JAVA_MODEL_PROBLEM_MARKER, true, IResource.DEPTH_INFINITE));
    }

    private static List<String> messages(IMarker[] markers) {
        return messages(markers, IMarker.SEVERITY_ERROR);
    }

    /** The markers of one severity, as "file:line: message". */
    private static List<String> messages(IMarker[] markers, int severity) {
        return Arrays.stream(markers).filter(m -> m.getAttribute(IMarker.SEVERITY, -1) == severity)
                .map(m -> m.getResource().getName() + ":" + m.getAttribute(IMarker.LINE_NUMBER, -1) + ": "
                        + m.getAttribute(IMarker.MESSAGE, ""))
                .toList();
    }
}
