package org.bnn.dsl.ide.tests;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.bnn.dsl.ide.BnnIdeSetup;
import org.bnn.dsl.ide.quickfix.IssueResolutions;
import org.bnn.dsl.ide.quickfix.IssueResolutions.Replacement;
import org.bnn.dsl.ide.quickfix.IssueResolutions.Resolution;
import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;

import com.google.inject.Injector;

/**
 * The ide module's quick fixes run as the Eclipse marker resolutions run them: a text is
 * validated, the fixes of one issue are asked for, and a fix is applied to the text.
 */
final class QuickFixes {
    private final Injector injector = new BnnIdeSetup().createInjectorAndDoEMFRegistration();

    private XtextResource load(String text) throws IOException {
        XtextResource resource = (XtextResource) injector.getInstance(XtextResourceSet.class)
                .createResource(URI.createURI("memory:/p.bnn"));
        resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), Map.of());
        return resource;
    }

    /** The issues of {@code text} with {@code code}. */
    List<Issue> issues(String text, String code) throws IOException {
        return injector.getInstance(IResourceValidator.class).validate(load(text), CheckMode.ALL, CancelIndicator.NullImpl).stream()
                .filter(i -> code.equals(i.getCode())).toList();
    }

    /** The fixes of the first issue with {@code code}. */
    List<Resolution> fixes(String text, String code) throws IOException {
        XtextResource resource = load(text);
        Issue issue = injector.getInstance(IResourceValidator.class).validate(resource, CheckMode.ALL, CancelIndicator.NullImpl).stream()
                .filter(i -> code.equals(i.getCode())).findFirst().orElseThrow();
        return injector.getInstance(IssueResolutions.class).of(resource, text, code, issue.getData(), issue.getOffset(), issue.getLength());
    }

    /** {@code text} with the fix's replacements made. */
    static String apply(String text, Resolution fix) {
        StringBuilder result = new StringBuilder(text);
        for (int i = fix.replacements().size() - 1; i >= 0; i--) { // from the end, so that offsets stay valid
            Replacement replacement = fix.replacements().get(i);
            result.replace(replacement.offset(), replacement.offset() + replacement.length(), replacement.text());
        }
        return result.toString();
    }
}
