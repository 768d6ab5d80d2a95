package org.bnn.dsl.ide.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import org.junit.jupiter.api.Test;

import com.google.inject.Injector;

/** The ide module's quick fixes run without a language server, as the Eclipse marker resolutions run them. */
class IssueResolutionsTest {

    @Test
    void aUnitOfTheWrongDimensionIsReplacedByTheExpectedOne() throws IOException {
        Injector injector = new BnnIdeSetup().createInjectorAndDoEMFRegistration();
        String text = """
                device D { regime r { lrs lognormal(median 8 kV, sigma 0.25) hrs lognormal(median 180 kOhm, sigma 0.8)
                    set 1.8 V 100 uA 500 ns reset 1.8 V 100 uA 500 ns endurance 1e7 } }
                """;
        XtextResource resource = (XtextResource) injector.getInstance(XtextResourceSet.class)
                .createResource(URI.createURI("memory:/d.bnn"));
        resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), Map.of());
        Issue unit = injector.getInstance(IResourceValidator.class).validate(resource, CheckMode.ALL, CancelIndicator.NullImpl).stream()
                .filter(i -> "org.bnn.dsl.unitMismatch".equals(i.getCode())).findFirst().orElseThrow();

        List<Resolution> fixes = injector.getInstance(IssueResolutions.class).of(resource, text, unit.getCode(), unit.getData(),
                unit.getOffset(), unit.getLength());

        assertEquals(List.of(new Resolution("Change 'kV' to 'kOhm'", List.of(new Replacement(text.indexOf("kV"), 2, "kOhm")))), fixes);
    }

    /** The runtime's kind of problem is the issue code; a negative value as written gets its sign dropped. */
    @Test
    void aNegativeValueTheRuntimeRejectsLosesItsMinusSign() throws IOException {
        Injector injector = new BnnIdeSetup().createInjectorAndDoEMFRegistration();
        String text = """
                device D { regime r { lrs lognormal(median 8 kOhm, sigma -0.25) hrs lognormal(median 180 kOhm, sigma 0.8)
                    set 1.8 V 100 uA 500 ns reset 1.8 V 100 uA 500 ns endurance 1e7 } }
                """;
        XtextResource resource = (XtextResource) injector.getInstance(XtextResourceSet.class)
                .createResource(URI.createURI("memory:/d.bnn"));
        resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), Map.of());
        Issue negative = injector.getInstance(IResourceValidator.class).validate(resource, CheckMode.ALL, CancelIndicator.NullImpl).stream()
                .filter(i -> "org.bnn.dsl.valueNegative".equals(i.getCode())).findFirst().orElseThrow();
        assertEquals(List.of("-0.25"), List.of(negative.getData()));

        List<Resolution> fixes = injector.getInstance(IssueResolutions.class).of(resource, text, negative.getCode(), negative.getData(),
                negative.getOffset(), negative.getLength());

        assertEquals(List.of(new Resolution("Change '-0.25' to '0.25'", List.of(new Replacement(text.indexOf("-0.25"), 1, "")))), fixes);
    }
}
