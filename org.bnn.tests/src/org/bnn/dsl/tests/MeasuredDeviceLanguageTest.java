package org.bnn.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;

import org.bnn.calibration.fit.Calibration;
import org.bnn.calibration.measurements.MeasurementsCsv;
import org.bnn.calibration.report.DeviceBlock;
import org.bnn.dsl.bnn.BnnPackage;
import org.bnn.dsl.bnn.Device;
import org.bnn.dsl.bnn.Model;
import org.bnn.dsl.spec.MeasuredDevices;
import org.bnn.dsl.spec.SpecTranslator;
import org.bnn.dsl.validation.BnnIssueCodes;
import org.bnn.runtime.aging.Relaxation;
import org.bnn.runtime.aging.StateDrift;
import org.bnn.runtime.device.DeviceSpec;
import org.bnn.runtime.device.LogNormal;
import org.bnn.runtime.device.RegimeSpec;
import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.validation.ValidationTestHelper;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.google.inject.Inject;
import com.google.inject.Provider;

/**
 * {@code device D from measurements "cells.csv"}: regimes take lrs, hrs and relaxation from the fit
 * of the CSV (relative to the .bnn file), exactly as {@code bnn fit} writes them; a bad file or a
 * regime the file lacks is a validator error on the line that names it, never an exception.
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(BnnInjectorProvider.class)
public class MeasuredDeviceLanguageTest {
    private static final BnnPackage BNN = BnnPackage.eINSTANCE;
    private static final Path CELLS = TestFiles.repositoryRoot().resolve("examples/reliability/cells.csv");
    /** Two regimes of cells.csv, with the pulses and endurance resistances do not give. */
    public static final String MEASURED = """
            device D from measurements "cells.csv" {
                regime nominal {
                    set 1.8 V 100 uA 500 ns
                    reset 1.8 V 100 uA 500 ns
                    endurance 1e7
                }
                regime low {
                    set 1.6 V 50 uA 400 ns
                    reset 1.6 V 50 uA 400 ns
                    endurance 1e8
                }
            }
            """;

    @Inject
    private SpecTranslator translator;
    @Inject
    private ValidationTestHelper validation;
    @Inject
    private Provider<XtextResourceSet> resourceSets;

    @TempDir
    Path dir;

    private Model load(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return (Model) resourceSets.get().getResource(URI.createFileURI(file.toAbsolutePath().toString()), true).getContents().get(0);
    }

    private Model withCells(String text) throws IOException {
        Files.copy(CELLS, dir.resolve("cells.csv"));
        return load("model.bnn", text);
    }

    private static Device device(Model model, int index) {
        return (Device) model.getElements().stream().filter(Device.class::isInstance).toList().get(index);
    }

    private List<Issue> issues(Model model, String code) {
        return validation.validate(model).stream().filter(issue -> code.equals(issue.getCode())).toList();
    }

    /** The shipped CSV: no error, and the regimes have the medians, sigmas and drifts {@code bnn fit} prints (FitCommandTest). */
    @Test
    void theShippedMeasurementsTranslateToTheirFit() throws IOException {
        Model model = withCells(MEASURED);
        assertEquals(List.of(), validation.validate(model).stream().filter(issue -> issue.getSeverity() != Severity.INFO).toList());
        DeviceSpec spec = translator.translate(device(model, 0));
        RegimeSpec nominal = spec.regime("nominal");
        assertEquals(new LogNormal(7759, 0.2599), nominal.lrs());
        assertEquals(new LogNormal(152_700, 0.7814), nominal.hrs());
        assertEquals(Optional.of(new Relaxation(new StateDrift(2.01, 0.0072), new StateDrift(-1.84, 0.0322), 1, 0, 298.15)),
                nominal.aging().relaxation());
        RegimeSpec low = spec.regime("low");
        assertEquals(new LogNormal(14_630, 0.3436), low.lrs());
        assertEquals(1e8, low.enduranceCycles());
        Issue fitted = issues(model, BnnIssueCodes.MEASURED_DEVICE).get(0);
        assertEquals(Severity.INFO, fitted.getSeverity());
        assertEquals("Fitted from cells.csv (600 measurements): regimes nominal, low; hover for the fits", fitted.getMessage());
        assertEquals(1, fitted.getLineNumber());
    }

    /** The device {@code bnn fit} writes (the same text generator) translates to the same regimes as the measured device. */
    @Test
    void theBlockBnnFitWritesDescribesTheSameDevice() throws Exception {
        Model measured = withCells(MEASURED);
        Calibration calibration = Calibration.of(MeasurementsCsv.read(CELLS), MeasuredDevices.CONFIDENCE);
        Model written = load("written.bnn", DeviceBlock.text(calibration, "W", "cells.csv", name -> false));
        validation.assertNoErrors(written);
        DeviceSpec fromMeasurements = translator.translate(device(measured, 0));
        DeviceSpec fromText = translator.translate(device(written, 0));
        for (String regime : List.of("nominal", "low")) {
            RegimeSpec a = fromMeasurements.regime(regime);
            RegimeSpec b = fromText.regime(regime);
            assertEquals(b.lrs(), a.lrs(), regime);
            assertEquals(b.hrs(), a.hrs(), regime);
            assertEquals(b.aging(), a.aging(), regime);
        }
    }

    @Test
    void aMissingFileIsAnErrorOnItsName() throws IOException {
        Model model = load("model.bnn", MEASURED);
        Issue missing = issues(model, BnnIssueCodes.MEASUREMENTS_MISSING).get(0);
        assertEquals(Severity.ERROR, missing.getSeverity());
        assertTrue(missing.getMessage().startsWith("Measurements file " + dir.resolve("cells.csv") + " does not exist"),
                missing.getMessage());
        assertEquals(1, missing.getLineNumber());
        assertEquals(Optional.empty(), SpecTranslator.attempt(() -> translator.translate(device(model, 0))));
    }

    /** The calibration's {@code file:line: problem}, on the .bnn line naming the file; the CSV's line is the issue's data. */
    @Test
    void aMalformedCsvIsAnErrorNamingItsLine() throws IOException {
        Files.writeString(dir.resolve("bad.csv"), "# resistances of die 4\nregime,state,ohms\nnominal,lrs,8000\nnominal,lrs,-12\n");
        Model model = load("model.bnn", "// measured\n" + MEASURED.replace("cells.csv", "bad.csv"));
        Issue malformed = issues(model, BnnIssueCodes.MEASUREMENTS_MALFORMED).get(0);
        assertEquals("bad.csv:4: ohms must be positive, got -12", malformed.getMessage());
        assertEquals(2, malformed.getLineNumber());
        assertEquals(List.of("4"), List.of(malformed.getData()));
    }

    @Test
    void tooFewSamplesIsAnErrorNamingTheGroupsFirstLine() throws IOException {
        StringBuilder csv = new StringBuilder("regime,state,ohms\n");
        for (int i = 0; i < 5; i++) {
            csv.append("nominal,lrs,").append(8000 + i).append("\nnominal,hrs,").append(180_000 + i).append('\n');
        }
        Files.writeString(dir.resolve("few.csv"), csv);
        Model model = load("model.bnn", MEASURED.replace("cells.csv", "few.csv"));
        assertEquals(List.of("few.csv:2: group regime nominal, state lrs has 5 measurements; a fit needs at least 20 per group"),
                issues(model, BnnIssueCodes.MEASUREMENTS_MALFORMED).stream().map(Issue::getMessage).toList());
    }

    /** A regime the file has no measurements of is an error on that regime; the others still translate. */
    @Test
    void aRegimeTheFileLacksIsAnErrorOnTheRegime() throws IOException {
        Model model = withCells(MEASURED.replace("regime low", "regime fast"));
        Issue lacking = issues(model, BnnIssueCodes.MEASUREMENTS_NO_REGIME).get(0);
        assertEquals("cells.csv has no measurements of regime fast (it has nominal, low); write its lrs and hrs, or measure it",
                lacking.getMessage());
        assertEquals(7, lacking.getLineNumber());
        assertEquals(1, issues(model, BnnIssueCodes.MEASUREMENTS_NO_REGIME).size());
    }

    /** What a regime writes wins over the fit, with a warning on it. */
    @Test
    void anExplicitDistributionOverridesTheFitWithAWarning() throws IOException {
        Model model = withCells(
                MEASURED.replace("        set 1.8 V", "        hrs lognormal(median 200 kOhm, sigma 0.7)\n        set 1.8 V"));
        Issue overridden = issues(model, BnnIssueCodes.MEASUREMENTS_OVERRIDDEN).get(0);
        assertEquals(Severity.WARNING, overridden.getSeverity());
        assertEquals("The hrs written here overrides the fit of cells.csv for regime nominal; remove it to use the fit",
                overridden.getMessage());
        assertEquals(3, overridden.getLineNumber());
        RegimeSpec nominal = translator.translate(device(model, 0)).regime("nominal");
        assertEquals(new LogNormal(200_000, 0.7), nominal.hrs());
        assertEquals(new LogNormal(7759, 0.2599), nominal.lrs());
    }

    /** Without measurements a regime must write both states. */
    @Test
    void aRegimeOfAnOrdinaryDeviceNeedsBothStates() throws IOException {
        Model model = load("model.bnn", MEASURED.replace(" from measurements \"cells.csv\"", ""));
        List<Issue> missing = issues(model, BnnIssueCodes.MISSING_DISTRIBUTION);
        assertEquals(4, missing.size());
        assertEquals("Regime nominal has no lrs distribution: write lrs lognormal(median ..., sigma ...), or fit it: device D"
                + " from measurements \"cells.csv\"", missing.get(0).getMessage());
        assertEquals(2, missing.get(0).getLineNumber());
    }

    /** The fit is read once per version of the file: an unchanged stamp keeps it, a new one reads the file again. */
    @Test
    void theFitIsCachedByFileStamp() throws IOException {
        Model model = withCells(MEASURED);
        Path csv = dir.resolve("cells.csv");
        validation.assertNoErrors(model);
        FileTime stamp = Files.getLastModifiedTime(csv);
        String text = Files.readString(csv);
        Files.writeString(csv, text.replaceFirst("nominal,lrs,1,", "nominal,lrs,x,"));
        Files.setLastModifiedTime(csv, stamp);
        validation.assertNoErrors(model);
        Files.setLastModifiedTime(csv, FileTime.fromMillis(stamp.toMillis() + 2000));
        assertEquals(1, issues(model, BnnIssueCodes.MEASUREMENTS_MALFORMED).size());
    }

    /** Half-typed clauses are syntax errors, never an exception of a rule. */
    @Test
    void halfTypedClausesDoNotThrow() throws IOException {
        for (String text : List.of("device D from measurements {\n regime r { set 1 V 1 uA 1 ns reset 1 V 1 uA 1 ns endurance 1 } }",
                "device D from {\n}", "device D from measurements \"\" { regime r { } }", "device D from measurements \"\0\" { }")) {
            Model model = load("broken.bnn", text);
            validation.validate(model); // a rule that threw would be an "Error executing EValidator" error
            assertTrue(validation.validate(model).stream().noneMatch(issue -> issue.getMessage().contains("Error executing")),
                    text);
        }
    }
}
