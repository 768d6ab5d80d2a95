package org.bnn.dsl.ui.validation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.bnn.dsl.ui.model.ParsedDocument;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.resource.IResourceFactory;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;

import com.google.inject.Inject;
import com.google.inject.Provider;

/**
 * Parses a .bnn text and runs the language's validation on it (syntax, linking and the
 * validator's checks). Other .bnn files of the same project are loaded into the same resource
 * set so that references across files resolve. Not thread-bound; call it off the UI thread.
 */
public final class BnnDocumentValidator {

    /** Another .bnn file that may hold the targets of cross-file references. */
    public interface Source {
        URI uri();

        InputStream open() throws IOException;
    }

    @Inject
    private Provider<XtextResourceSet> resourceSets;

    @Inject
    private IResourceFactory resourceFactory;

    @Inject
    private IResourceValidator validator;

    /** Validates {@code text} as the content of {@code uri}; an empty list when cancelled. */
    public List<Issue> validate(URI uri, String text, Iterable<? extends Source> others, CancelIndicator cancel)
            throws IOException {
        ParsedDocument parsed = parse(uri, text, others, cancel);
        return parsed == null ? List.of() : parsed.issues();
    }

    /** Parses and validates {@code text} as the content of {@code uri}; null when cancelled. */
    public ParsedDocument parse(URI uri, String text, Iterable<? extends Source> others, CancelIndicator cancel)
            throws IOException {
        XtextResourceSet resourceSet = resourceSets.get();
        Map<String, Object> options = Map.of(XtextResource.OPTION_ENCODING, StandardCharsets.UTF_8.name());
        XtextResource resource = (XtextResource) resourceFactory.createResource(uri);
        resourceSet.getResources().add(resource);
        resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), options);
        for (Source other : others) {
            if (cancel.isCanceled()) {
                return null;
            }
            if (other.uri().equals(uri)) {
                continue;
            }
            Resource sibling = resourceFactory.createResource(other.uri());
            resourceSet.getResources().add(sibling);
            try (InputStream in = other.open()) {
                sibling.load(in, options);
            } catch (IOException e) {
                resourceSet.getResources().remove(sibling);
            }
        }
        if (cancel.isCanceled()) {
            return null;
        }
        List<Issue> issues = validator.validate(resource, CheckMode.ALL, cancel);
        if (cancel.isCanceled()) {
            return null;
        }
        // Resolve every reference now, on this thread: the published parse is then only read
        // (minings, hover, outline may read it at the same time), never modified by lazy linking.
        EcoreUtil.resolveAll(resourceSet);
        return new ParsedDocument(text, resource, issues);
    }
}
