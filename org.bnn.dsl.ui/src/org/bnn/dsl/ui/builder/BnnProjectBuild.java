package org.bnn.dsl.ui.builder;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bnn.dsl.ui.internal.BnnUiActivator;
import org.bnn.dsl.ui.validation.BnnMarkers;
import org.bnn.dsl.ui.validation.BnnWorkspaceSources;
import org.bnn.dsl.ui.validation.UnsavedEditors;
import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Path;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.generator.GeneratorContext;
import org.eclipse.xtext.generator.GeneratorDelegate;
import org.eclipse.xtext.generator.IFileSystemAccess;
import org.eclipse.xtext.generator.InMemoryFileSystemAccess;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;

import com.google.inject.Injector;

/** One build of a project's .bnn files: load all, validate each, replace its markers, generate the valid ones. */
final class BnnProjectBuild {

    static final String EXTENSION = "bnn";

    private final IProject project;
    private final Injector injector;

    BnnProjectBuild(IProject project, Injector injector) {
        this.project = project;
        this.injector = injector;
    }

    void run(IProgressMonitor monitor) throws CoreException {
        Map<IFile, XtextResource> resources = load();
        Map<String, String> generated = new LinkedHashMap<>();
        for (Map.Entry<IFile, XtextResource> entry : resources.entrySet()) {
            if (monitor.isCanceled()) {
                throw new OperationCanceledException();
            }
            List<Issue> issues = injector.getInstance(IResourceValidator.class).validate(entry.getValue(), CheckMode.ALL,
                    monitor::isCanceled);
            if (!UnsavedEditors.hold(entry.getKey())) {
                // an editor with unsaved changes shows the markers of its own text until it saves
                BnnMarkers.replace(entry.getKey(), issues);
            }
            if (issues.stream().noneMatch(i -> i.getSeverity() == Severity.ERROR)) {
                generated.putAll(generate(entry.getValue()));
            }
        }
        write(generated, monitor);
    }

    void clean(IProgressMonitor monitor) throws CoreException {
        project.deleteMarkers(BnnMarkers.PROBLEM, true, IResource.DEPTH_INFINITE);
        write(Map.of(), monitor);
    }

    /** Every .bnn file of the project in one resource set, so references across files resolve. */
    private Map<IFile, XtextResource> load() throws CoreException {
        XtextResourceSet resourceSet = injector.getInstance(XtextResourceSet.class);
        Map<IFile, XtextResource> resources = new LinkedHashMap<>();
        List<IFile> files = new ArrayList<>();
        project.accept(resource -> {
            if (resource.isDerived() || resource.isTeamPrivateMember()) {
                return false;
            }
            if (resource.getType() == IResource.FILE && EXTENSION.equals(resource.getFileExtension())) {
                files.add((IFile) resource);
            }
            return true;
        });
        for (IFile file : files) {
            XtextResource resource = (XtextResource) resourceSet.createResource(BnnWorkspaceSources.uriOf(file));
            try (InputStream in = file.getContents(true)) {
                resource.load(in, Map.of(XtextResource.OPTION_ENCODING, file.getCharset()));
                resources.put(file, resource);
            } catch (IOException e) {
                BnnUiActivator.log("Could not read " + file.getFullPath(), e);
            }
        }
        return resources;
    }

    /** Java sources of one resource by path below the output folder. */
    private Map<String, String> generate(XtextResource resource) {
        InMemoryFileSystemAccess output = new InMemoryFileSystemAccess();
        GeneratorContext context = new GeneratorContext();
        injector.getInstance(GeneratorDelegate.class).generate(resource, output, context);
        Map<String, String> sources = new LinkedHashMap<>();
        output.getTextFiles()
                .forEach((key, text) -> sources.put(key.substring(IFileSystemAccess.DEFAULT_OUTPUT.length()), text.toString()));
        return sources;
    }

    /** Writes the sources that changed and deletes generated files that are no longer generated. */
    private void write(Map<String, String> sources, IProgressMonitor monitor) throws CoreException {
        // The generated files are marked derived: the ones no longer generated are deleted.
        IFolder output = project.getFolder(BnnNature.GENERATED_SOURCES);
        Set<IPath> kept = new HashSet<>();
        for (Map.Entry<String, String> source : sources.entrySet()) {
            IFile file = output.getFile(new Path(source.getKey()));
            kept.add(file.getFullPath());
            byte[] bytes = source.getValue().getBytes(StandardCharsets.UTF_8);
            if (file.exists()) {
                if (!source.getValue().equals(read(file))) {
                    file.setContents(new ByteArrayInputStream(bytes), true, false, monitor);
                }
            } else {
                create(file.getParent());
                file.create(new ByteArrayInputStream(bytes), true, monitor);
                file.setDerived(true, monitor);
            }
        }
        if (output.exists()) {
            List<IFile> stale = new ArrayList<>();
            output.accept(resource -> {
                if (resource.getType() == IResource.FILE && resource.isDerived() && !kept.contains(resource.getFullPath())) {
                    stale.add((IFile) resource);
                }
                return true;
            });
            for (IFile file : stale) {
                file.delete(true, monitor);
            }
        }
    }

    private static String read(IFile file) throws CoreException {
        try (InputStream in = file.getContents(true)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    private static void create(IContainer folder) throws CoreException {
        if (folder instanceof IFolder missing && !missing.exists()) {
            create(missing.getParent());
            missing.create(true, true, null);
            missing.setDerived(true, null);
        }
    }
}
