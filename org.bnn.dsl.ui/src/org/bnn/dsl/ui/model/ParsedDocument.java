package org.bnn.dsl.ui.model;

import java.util.List;

import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.validation.Issue;

/**
 * One parse of an editor's text: the resource (in a resource set with the project's other .bnn
 * files, so references across files are resolved) and the validator's issues. Immutable once
 * published; readers only read the model.
 *
 * @param text     the text that was parsed
 * @param resource the parsed and validated resource
 * @param issues   syntax, linking and validation issues
 */
public record ParsedDocument(String text, XtextResource resource, List<Issue> issues) {
    public ParsedDocument {
        issues = List.copyOf(issues);
    }
}
