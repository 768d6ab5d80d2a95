package org.bnn.dsl.scoping;

import java.util.ArrayList;
import java.util.List;

import org.bnn.dsl.bnn.Model;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.scoping.impl.ImportNormalizer;
import org.eclipse.xtext.scoping.impl.ImportedNamespaceAwareLocalScopeProvider;

/**
 * Packages as in Java: what a file's package declares in its other files is visible there by simple name, without
 * an import (Xtext's default sees only what the file itself declares). The package comes before the file's
 * wildcard imports, so a name the package declares is the package's.
 */
public class PackageImportingScopeProvider extends ImportedNamespaceAwareLocalScopeProvider {
    @Override
    protected List<ImportNormalizer> internalGetImportedNamespaceResolvers(EObject context, boolean ignoreCase) {
        List<ImportNormalizer> imports = super.internalGetImportedNamespaceResolvers(context, ignoreCase);
        if (!(context instanceof Model model) || model.getName() == null || model.getName().isBlank()) {
            return imports;
        }
        ImportNormalizer ownPackage = createImportedNamespaceResolver(model.getName() + ".*", ignoreCase);
        if (ownPackage == null) {
            return imports;
        }
        List<ImportNormalizer> withPackage = new ArrayList<>();
        withPackage.add(ownPackage);
        withPackage.addAll(imports);
        return withPackage;
    }
}
