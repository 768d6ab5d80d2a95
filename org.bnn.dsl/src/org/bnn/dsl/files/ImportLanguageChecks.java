package org.bnn.dsl.files;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bnn.dsl.bnn.Chip;
import org.bnn.dsl.validation.BnnIssueCodes;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.naming.IQualifiedNameProvider;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.resource.IResourceFactory;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;

import com.google.inject.Inject;
import com.google.inject.Provider;

/**
 * What a model import (org.bnn.onnx's ModelImport) asks the language, for `bnn import`, the language
 * server and the Eclipse plugin alike: the chips preset files declare, and whether a written mapping
 * exceeds its chip. Files are read from disk into a fresh resource set. Plain Xtext: this class must
 * load where org.bnn.onnx is not visible (the language bundle inside Eclipse).
 */
public class ImportLanguageChecks {
    @Inject
    private Provider<XtextResourceSet> resourceSets;
    @Inject
    private IResourceFactory resourceFactory;
    @Inject
    private IQualifiedNameProvider names;
    @Inject
    private IResourceValidator validator;

    /** The qualified names of the chips {@code files} declare, in file order; a file that cannot be read declares none. */
    public List<String> chips(List<Path> files) {
        XtextResourceSet resourceSet = resourceSets.get();
        List<String> chips = new ArrayList<>();
        for (Path file : files) {
            load(resourceSet, file).getAllContents().forEachRemaining(object -> {
                QualifiedName name = object instanceof Chip ? names.getFullyQualifiedName(object) : null;
                if (name != null) {
                    chips.add(name.toString());
                }
            });
        }
        return chips;
    }

    /** True if a mapping of {@code bnnFile}, read with {@code presets}, needs more tiles than its chip has (an error). */
    public boolean exceedsChip(Path bnnFile, List<Path> presets) {
        XtextResourceSet resourceSet = resourceSets.get();
        Resource written = load(resourceSet, bnnFile);
        presets.forEach(preset -> load(resourceSet, preset));
        return validator.validate(written, CheckMode.ALL, CancelIndicator.NullImpl).stream()
                .anyMatch(issue -> BnnIssueCodes.MAPPING_EXCEEDS_CHIP.equals(issue.getCode()) && issue.getSeverity() == Severity.ERROR);
    }

    private Resource load(XtextResourceSet resourceSet, Path file) {
        Resource resource = resourceFactory.createResource(URI.createFileURI(file.toAbsolutePath().normalize().toString()));
        resourceSet.getResources().add(resource);
        try {
            resource.load(resourceSet.getLoadOptions());
        } catch (java.io.IOException e) {
            // Unreadable: it stays empty, so it declares nothing and resolves nothing.
        }
        return resource;
    }
}
