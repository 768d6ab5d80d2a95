package org.bnn.dsl.ui.imports;

import org.bnn.dsl.files.ImportLanguageChecks;
import org.bnn.dsl.ui.internal.BnnUiActivator;
import org.bnn.onnx.workspace.ModelImport;

/** org.bnn.onnx's ModelImport (what `bnn import` runs) with the language read by this plugin's injector. */
final class WorkspaceModelImport {
    private WorkspaceModelImport() {
    }

    static ModelImport create() {
        ImportLanguageChecks checks = BnnUiActivator.getDefault().getInjector().getInstance(ImportLanguageChecks.class);
        return new ModelImport(checks::chips, checks::exceedsChip);
    }
}
