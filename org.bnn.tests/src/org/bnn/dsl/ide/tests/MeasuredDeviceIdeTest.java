package org.bnn.dsl.ide.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.bnn.dsl.bnn.Device;
import org.bnn.dsl.bnn.Model;
import org.bnn.dsl.bnn.Regime;
import org.bnn.dsl.ide.BnnIdeSetup;
import org.bnn.dsl.ide.estimate.Breakdown;
import org.bnn.dsl.ide.estimate.EstimatePresentation;
import org.bnn.dsl.ide.quickfix.IssueResolutions;
import org.bnn.dsl.ide.quickfix.IssueResolutions.Resolution;
import org.bnn.dsl.spec.SpecTranslator;
import org.bnn.dsl.tests.MeasuredDeviceLanguageTest;
import org.bnn.dsl.tests.TestFiles;
import org.bnn.dsl.validation.BnnIssueCodes;
import org.bnn.runtime.device.DeviceSpec;
import org.eclipse.emf.common.util.URI;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.hover.IHoverService;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.inject.Injector;

/**
 * Devices that age and devices from measurements in the editors: the hovers of the fits and of the
 * aging parameters, and the quick fix that writes a device's fit into its file.
 */
class MeasuredDeviceIdeTest {
    private static final Path CELLS = TestFiles.repositoryRoot().resolve("examples/reliability/cells.csv");
    /** The language test's device, with an explicit hrs in regime low (kept by the fix) and a read disturb after its endurance. */
    private static final String MEASURED = MeasuredDeviceLanguageTest.MEASURED
            .replace("        set 1.6 V", "        hrs lognormal(median 300 kOhm, sigma 0.9)\n        set 1.6 V")
            .replace("        endurance 1e8\n", "        endurance 1e8\n        disturb 1e-12 per read to lrs\n");
    /** The aging example: regime nominal relaxes (activation 1.1 eV), is disturbed by reads and wears. */
    private static final String AGING = TestFiles.read("examples/lib/illustrative-hw.bnn");

    @TempDir
    Path dir;

    private final Injector injector = new BnnIdeSetup().createInjectorAndDoEMFRegistration();

    private XtextResource load(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return (XtextResource) injector.getInstance(XtextResourceSet.class).getResource(URI.createFileURI(file.toString()), true);
    }

    private List<Issue> issues(XtextResource resource) {
        return injector.getInstance(IResourceValidator.class).validate(resource, CheckMode.ALL, CancelIndicator.NullImpl);
    }

    private static Device device(XtextResource resource) {
        return ((Model) resource.getContents().get(0)).getElements().stream().filter(Device.class::isInstance).map(Device.class::cast)
                .findFirst().orElseThrow();
    }

    /**
     * The fix writes lrs, hrs and relaxation where each regime leaves them to the fit (the explicit
     * hrs of low stays), drops the clause, and the text describes the same device without the file.
     */
    @Test
    void writingTheFitIntoTheFileKeepsTheDevice() throws IOException {
        Files.copy(CELLS, dir.resolve("cells.csv"));
        XtextResource measured = load("measured.bnn", MEASURED);
        Issue info = issues(measured).stream().filter(issue -> BnnIssueCodes.MEASURED_DEVICE.equals(issue.getCode())).findFirst()
                .orElseThrow();
        List<Resolution> fixes = injector.getInstance(IssueResolutions.class).of(measured, MEASURED, info.getCode(), info.getData(),
                info.getOffset(), info.getLength());
        assertEquals(List.of("Write the fitted parameters into the file"), fixes.stream().map(Resolution::label).toList());
        String fixed = QuickFixes.apply(MEASURED, fixes.get(0));
        assertTrue(fixed.startsWith("device D {\n    regime nominal {\n        // lrs: n = 50 at 1 s; median 7.759 kOhm, 95 % CI"), fixed);
        assertTrue(fixed.contains("        endurance 1e7\n        // Relaxation fitted over 3 times after programming; +- one standard"
                + " error: lrs median +- 1.117 %, sigma +- 0.007742; hrs median +- 3.308 %, sigma +- 0.02383.\n        relaxation {\n"
                + "            lrs median +2.01 % sigma +0.0072 per decade\n            hrs median -1.84 % sigma +0.0322 per decade\n"
                + "            from 1 s\n        }\n    }\n"), fixed);
        assertTrue(fixed.contains("    regime low {\n        // lrs: n = 50 at 1 s; median 14.63 kOhm"), fixed);
        assertTrue(fixed.contains("lrs lognormal(median 14.63 kOhm, sigma 0.3436)\n        hrs lognormal(median 300 kOhm, sigma 0.9)\n"),
                fixed);

        SpecTranslator translator = injector.getInstance(SpecTranslator.class);
        DeviceSpec before = translator.translate(device(measured));
        Files.delete(dir.resolve("cells.csv")); // the fixed text no longer needs it
        XtextResource written = load("written.bnn", fixed);
        assertEquals(List.of(), issues(written).stream().filter(issue -> issue.getSeverity() != Severity.INFO).toList());
        DeviceSpec after = translator.translate(device(written));
        assertEquals(before.regimes(), after.regimes());
    }

    /** The hover of a measured device and of its regime shows each state's fit: n, median and sigma with CIs, KS D, p, verdict. */
    @Test
    void theHoverShowsTheFits() throws IOException {
        Files.copy(CELLS, dir.resolve("cells.csv"));
        XtextResource resource = load("measured.bnn", MEASURED);
        EstimatePresentation presentation = injector.getInstance(EstimatePresentation.class);
        Device device = device(resource);
        List<String> lines = presentation.hover(device).orElseThrow().lines();
        assertTrue(lines.contains("fitted from cells.csv: 600 measurements; log-normal by maximum likelihood"), lines.toString());
        assertTrue(lines.contains("regime nominal lrs: n = 50 at 1 s; median 7.759 kOhm, 95 % CI [7.202 kOhm, 8.361 kOhm]; sigma 0.2599"
                + " [0.2193, 0.3272]; KS D = 0.08016, p = 0.581: log-normal (not rejected at 5 %)"), lines.toString());
        Regime low = device.getRegimes().get(1);
        List<String> regime = presentation.hover(low).orElseThrow().lines();
        assertTrue(regime.stream().anyMatch(line -> line.startsWith("regime low hrs: n = 50 at 1 s; median 335.1 kOhm")),
                regime.toString());
        assertTrue(regime.contains("regime low relaxation from 1 s: lrs median +5.41 % sigma +0.0159 per decade, hrs median -10.99 % sigma"
                + " +0.0402 per decade"), regime.toString());
    }

    /** Aging parameters explain themselves with SI values; the activation's acceleration is the runtime's. */
    @Test
    void agingParametersHoverWithTheirMeaningAndSiValues() throws IOException {
        XtextResource resource = load("illustrative-hw.bnn", AGING);
        Document document = new Document(1, AGING);
        String activation = hover(resource, document, AGING.indexOf("1.1 eV"));
        assertTrue(activation.startsWith("**Relaxation: the states drift with the logarithm of the time since programming**"), activation);
        assertTrue(activation.contains("an energy: 1.762e-19 J"), activation);
        assertTrue(activation.contains("activation 1.1 eV: time at 85 C counts 1,303x the time at 298.15 K (Arrhenius)"), activation);
        String relaxation = hover(resource, document, AGING.indexOf("relaxation {") + 3);
        assertTrue(relaxation.contains("lrs median x1.005 and sigma of ln R +0.003 per decade of time"), relaxation); // the strong regime
        String disturb = hover(resource, document, AGING.indexOf("disturb 1e-12") + 2);
        assertTrue(disturb.contains("each read moves a device from hrs to lrs with probability 1.00e-12 (a ratio per read)"), disturb);
        assertTrue(disturb.contains("after 1e9 reads 0.00100 of those devices have moved"), disturb);
        String wear = hover(resource, document, AGING.indexOf("fails"));
        assertTrue(wear.contains("failed after the endurance: 0.500"), wear);
        String from = hover(resource, document, AGING.indexOf("from 1 s") + 5);
        assertTrue(from.contains("a time: 1.000 s"), from);
    }

    private String hover(XtextResource resource, Document document, int offset) {
        HoverParams params = new HoverParams(new TextDocumentIdentifier(resource.getURI().toString()), document.getPosition(offset));
        Hover hover = injector.getInstance(IHoverService.class).hover(document, resource, params, CancelIndicator.NullImpl);
        return hover == null ? "no hover at " + offset : hover.getContents().getRight().getValue();
    }

    /** The Eclipse hover renders the same breakdown as plain text. */
    @Test
    void thePlainTextHoverIsTheSameBreakdown() throws IOException {
        XtextResource resource = load("illustrative-hw.bnn", AGING);
        Device device = device(resource);
        Breakdown wear = injector.getInstance(EstimatePresentation.class).hover(device.getRegimes().get(0).getWear()).orElseThrow();
        assertTrue(wear.toPlainText().startsWith("Wear: rewriting widens and moves the states, then devices fail\n"), wear.toPlainText());
    }
}
