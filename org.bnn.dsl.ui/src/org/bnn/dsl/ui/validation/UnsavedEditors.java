package org.bnn.dsl.ui.validation;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.core.resources.IFile;

/**
 * The .bnn files an open editor holds with unsaved changes. Their problem markers are the editor's
 * (its reconciler validates the text the user sees), so the builder, which validates the saved
 * file, leaves them alone until the editor saves or drops its changes.
 */
public final class UnsavedEditors {

    private static final Set<IFile> FILES = ConcurrentHashMap.newKeySet();

    private UnsavedEditors() {
    }

    /** An editor of {@code file} became dirty ({@code true}) or was saved, reverted or closed ({@code false}). */
    public static void set(IFile file, boolean unsaved) {
        if (unsaved) {
            FILES.add(file);
        } else {
            FILES.remove(file);
        }
    }

    /** Whether an open editor's unsaved text owns the markers of {@code file}. */
    public static boolean hold(IFile file) {
        return FILES.contains(file);
    }
}
