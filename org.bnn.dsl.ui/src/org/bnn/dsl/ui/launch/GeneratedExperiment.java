package org.bnn.dsl.ui.launch;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.bnn.dsl.ui.builder.BnnNature;
import org.bnn.runtime.experiment.OutputLocation;
import org.bnn.runtime.experiment.OwnedFolder;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.jdt.core.IJavaModelMarker;
import org.eclipse.jdt.core.IJavaProject;
import org.eclipse.jdt.core.IType;
import org.eclipse.jdt.core.JavaCore;
import org.eclipse.jdt.launching.IJavaLaunchConfigurationConstants;

/**
 * The main way: the experiment's generated class runs as a Java application (JDT launching, the
 * project's build path with the BNN Runtime container), after an incremental build of the
 * project. Its argument and working directory are the .bnn file's folder, which the generated
 * {@code main} resolves weights, data and the report folder against (as {@code bnn run} does).
 * The output goes to {@code run.log} in the report folder; the report files are the ones the
 * class names on its {@code report: } lines.
 */
final class GeneratedExperiment {

    /** The file, in the experiment's report folder, that receives the launched class's output. */
    static final String LOG = "run.log";

    /** What the class prints before each file it wrote (ExperimentTemplate's {@code run}). */
    private static final String REPORT_LINE = "report: ";

    /** Lines of the output shown in the dialog. */
    private static final int SHOWN_LINES = 40;

    private GeneratedExperiment() {
    }

    /**
     * Why the generated class cannot be run for {@code file}, or empty when it can: its project
     * must compile src-gen (BNN and Java natures), and the generated {@code main} writes a report
     * only where the experiment's {@code report} line says.
     */
    static Optional<String> unavailable(IFile file, boolean hasReportLine) throws CoreException {
        IProject project = file.getProject();
        if (!project.hasNature(BnnNature.ID) || !project.hasNature(JavaCore.NATURE_ID)) {
            return Optional.of(project.getName() + " is not a Java project with the BNN nature, so its generated class is not compiled");
        }
        if (!hasReportLine) {
            return Optional.of("the experiment has no report line, and its generated class writes a report only where that line says");
        }
        return Optional.empty();
    }

    /**
     * Builds the project, then runs the class {@code mainType} until it ends or {@code monitor} is
     * cancelled (which terminates it).
     *
     * @param reportFolder the experiment's report folder, relative to the file's folder
     * @param allowed      places outside the project the user allowed for this run
     * @throws LaunchRefused when the generated class is missing or does not compile
     */
    static ExperimentRun run(IFile file, String mainType, String reportFolder, List<Path> allowed, IProgressMonitor monitor)
            throws CoreException, IOException, InterruptedException {
        IProject project = file.getProject();
        monitor.beginTask("Building " + project.getName(), IProgressMonitor.UNKNOWN);
        Job.getJobManager().join(ResourcesPlugin.FAMILY_AUTO_BUILD, monitor);
        project.build(IncrementalProjectBuilder.INCREMENTAL_BUILD, monitor);
        IType type = JavaCore.create(project).findType(mainType);
        if (type == null || type.getResource() == null) {
            throw new LaunchRefused("The build generated no class " + mainType + " for " + file.getName()
                    + " (is the BNN builder on the project? see the Problems view)");
        }
        refuseErrors(project, type.getResource());

        monitor.subTask("Running " + mainType);
        Path folder = file.getParent().getLocation().toFile().toPath();
        ILaunchConfigurationWorkingCopy configuration = DebugPlugin.getDefault().getLaunchManager()
                .getLaunchConfigurationType(IJavaLaunchConfigurationConstants.ID_JAVA_APPLICATION).newInstance(null, type.getElementName());
        configuration.setAttribute(IJavaLaunchConfigurationConstants.ATTR_PROJECT_NAME, project.getName());
        configuration.setAttribute(IJavaLaunchConfigurationConstants.ATTR_MAIN_TYPE_NAME, mainType);
        configuration.setAttribute(IJavaLaunchConfigurationConstants.ATTR_PROGRAM_ARGUMENTS, "\"" + folder + "\"");
        configuration.setAttribute(IJavaLaunchConfigurationConstants.ATTR_WORKING_DIRECTORY, folder.toString());
        if (!allowed.isEmpty()) {
            // The generated class checks the place again when it writes, against the roots of this property.
            configuration.setAttribute(IJavaLaunchConfigurationConstants.ATTR_VM_ARGUMENTS, "\"-D" + OutputLocation.ROOTS_PROPERTY + "="
                    + allowed.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)) + "\"");
        }
        // Built above; the launch must not start another build.
        ILaunch launch = configuration.launch(ILaunchManager.RUN_MODE, monitor, false);
        try {
            IProcess process = launch.getProcesses()[0];
            while (!process.isTerminated()) {
                if (monitor.isCanceled()) {
                    launch.terminate();
                    throw new OperationCanceledException();
                }
                Thread.sleep(100);
            }
            String output = process.getStreamsProxy().getOutputStreamMonitor().getContents();
            String errors = process.getStreamsProxy().getErrorStreamMonitor().getContents();
            Path log = OwnedFolder.claim(OutputLocation.checked(folder, reportFolder, "report folder", allowed)).resolve(LOG);
            Files.writeString(log, output + (errors.isEmpty() ? "" : "--- standard error ---\n" + errors), StandardCharsets.UTF_8);
            project.refreshLocal(IResource.DEPTH_INFINITE, monitor);
            IFile logFile = inWorkspace(log);
            String logName = logFile != null ? logFile.getFullPath().toString() : log.toString();
            if (process.getExitValue() != 0) {
                throw new LaunchRefused(mainType + " ended with exit code " + process.getExitValue() + ", see " + logName + ":\n"
                        + lastLines((errors.isBlank() ? output : errors).lines().toList()));
            }
            List<IFile> report = new ArrayList<>(output.lines().filter(l -> l.startsWith(REPORT_LINE))
                    .map(l -> inWorkspace(Path.of(l.substring(REPORT_LINE.length())))).filter(f -> f != null).toList());
            // The Markdown (a summary) before the CSV (every point) for opening; others keep their order.
            report.sort(Comparator.comparingInt(f -> "md".equals(f.getFileExtension()) ? 0 : 1));
            String shown = lastLines(output.lines().filter(l -> !l.startsWith(REPORT_LINE)).toList());
            return new ExperimentRun(
                    "Ran the generated class " + mainType + " as a Java application on the build path of " + project.getName()
                            + " (output in " + logName + ").",
                    shown, report, logFile);
        } finally {
            DebugPlugin.getDefault().getLaunchManager().removeLaunch(launch);
        }
    }

    /** A Java error in the generated class, or a build path problem, refuses the launch, naming file and line. */
    private static void refuseErrors(IProject project, IResource generated) throws CoreException {
        List<IMarker> problems = new ArrayList<>(
                Arrays.asList(generated.findMarkers(IJavaModelMarker.JAVA_MODEL_PROBLEM_MARKER, true, IResource.DEPTH_ZERO)));
        problems.addAll(Arrays.asList(project.findMarkers(IJavaModelMarker.BUILDPATH_PROBLEM_MARKER, true, IResource.DEPTH_ZERO)));
        for (IMarker problem : problems) {
            if (problem.getAttribute(IMarker.SEVERITY, -1) == IMarker.SEVERITY_ERROR) {
                throw new LaunchRefused(problem.getResource().getFullPath() + ":" + problem.getAttribute(IMarker.LINE_NUMBER, 0) + ": "
                        + problem.getAttribute(IMarker.MESSAGE, "") + " (the generated class does not compile)");
            }
        }
    }

    /** The workspace file at {@code path}, or null when it is outside the workspace. */
    static IFile inWorkspace(Path path) {
        IFile[] files = ResourcesPlugin.getWorkspace().getRoot().findFilesForLocationURI(path.toAbsolutePath().normalize().toUri());
        return files.length > 0 ? files[0] : null;
    }

    private static String lastLines(List<String> lines) {
        return String.join("\n", lines.subList(Math.max(0, lines.size() - SHOWN_LINES), lines.size()));
    }

    /** The generated class cannot run, or did not end well: the message says why, for the user. */
    static final class LaunchRefused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LaunchRefused(String message) {
            super(message);
        }
    }
}
