package org.bnn.dsl.files;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

import org.eclipse.emf.common.CommonPlugin;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;

/**
 * Where a description lives on disk. Relative paths in a .bnn file (weights, dataset folder,
 * report folder) resolve against the folder of that file.
 */
public final class DescriptionFiles {
    private DescriptionFiles() {
    }

    /**
     * The folder of the file {@code object} was read from; empty when it was not read from a file
     * (an in-memory resource, a synthetic URI of a test).
     */
    public static Optional<Path> folderOf(EObject object) {
        Resource resource = object == null ? null : object.eResource();
        URI uri = resource == null ? null : resource.getURI();
        if (uri == null) {
            return Optional.empty();
        }
        // In Eclipse a workspace file is platform:/resource/...; the platform knows its location.
        URI local = uri.isPlatform() ? CommonPlugin.resolve(uri) : uri;
        if (!local.isFile()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(Path.of(local.toFileString()).toAbsolutePath().getParent());
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }
}
