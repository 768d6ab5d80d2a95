package org.bnn.dsl.spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.bnn.calibration.fit.Calibration;
import org.bnn.calibration.fit.RegimeFit;
import org.bnn.calibration.fit.RegimeFitting;
import org.bnn.calibration.measurements.MalformedMeasurementsException;
import org.bnn.calibration.measurements.MeasurementsCsv;
import org.bnn.calibration.report.WrittenRegime;
import org.bnn.dsl.bnn.Device;
import org.bnn.dsl.bnn.Regime;
import org.bnn.dsl.files.DescriptionFiles;
import org.bnn.dsl.validation.FileStampCache;

import com.google.inject.Singleton;

/**
 * The fits of devices {@code from measurements "cells.csv"}: the CSV, relative to the folder of the
 * .bnn file, is read and fitted by org.bnn.calibration as {@code bnn fit} does, once per version of
 * the file (same size and modification time), so that typing does not read it again.
 */
@Singleton
public class MeasuredDevices {
    /** The confidence level of the fits' intervals, as {@code bnn fit} has it. */
    public static final double CONFIDENCE = 0.95;
    private static final int CAPACITY = 16;

    /** What fitting a device's measurements gave. */
    public sealed interface Fit permits Fitted, Failed {
    }

    /** The fit of the file; the calibration names the file by its name alone, as messages and {@code bnn fit} do. */
    public record Fitted(Path file, Calibration calibration) implements Fit {
        /** The fitting of {@code regime}, or why the file gives it none. */
        public RegimeFitting regime(String regime) {
            return RegimeFitting.of(calibration, regime);
        }
    }

    /** Why a device's measurements give no fit. */
    public enum Problem {
        /** No file there, or none can be named (a relative path in a description not saved in a file). */
        MISSING,
        /** The file is there but cannot be read. */
        UNREADABLE,
        /** The file is not a CSV of measurements that can be fitted (the calibration's {@code file:line: problem}). */
        MALFORMED
    }

    /**
     * No fit.
     *
     * @param message the problem, naming the file and, when malformed, its name and line: {@code cells.csv:12: problem}
     * @param problem what kind of problem
     * @param line    the CSV's line of the problem, 0 when the problem is not in the file's text
     */
    public record Failed(String message, Problem problem, int line) implements Fit {
    }

    private final FileStampCache<Fit> cache = new FileStampCache<>(CAPACITY);

    /** The fit of {@code device}'s measurements; empty when it is not from measurements. */
    public Optional<Fit> of(Device device) {
        if (device == null || device.getMeasurements() == null) {
            return Optional.empty();
        }
        String written = device.getMeasurements();
        Path file;
        try {
            Path path = Path.of(written);
            Optional<Path> folder = DescriptionFiles.folderOf(device);
            if (!path.isAbsolute() && folder.isEmpty()) {
                return Optional.of(new Failed("\"" + written + "\" is relative to the folder of the .bnn file, and this description is"
                        + " not saved in a file", Problem.MISSING, 0));
            }
            file = folder.map(f -> f.resolve(path)).orElse(path).normalize();
        } catch (InvalidPathException e) {
            return Optional.of(new Failed("\"" + written + "\" is not a file path here: " + e.getMessage(), Problem.MISSING, 0));
        }
        if (!Files.isRegularFile(file)) {
            return Optional.of(new Failed("Measurements file " + file + (Files.isDirectory(file) ? " is a folder" : " does not exist")
                    + "; name a CSV of measured resistances (docs/reliability.md, \"Calibrating from your own data\")", Problem.MISSING,
                    0));
        }
        return Optional.of(cache.get(List.of(file), () -> read(file), message -> new Failed(message, Problem.UNREADABLE, 0)));
    }

    /** The fitting of a regime of a device from measurements; empty when its device is not from measurements or failed. */
    public Optional<RegimeFitting> of(Regime regime) {
        if (regime == null || regime.getName() == null || !(regime.eContainer() instanceof Device device)) {
            return Optional.empty();
        }
        return of(device).filter(Fitted.class::isInstance).map(fit -> ((Fitted) fit).regime(regime.getName()));
    }

    /** The regime's fitted numbers as written; empty when the regime has no fit. */
    public Optional<WrittenRegime> written(Regime regime) {
        return of(regime).filter(RegimeFit.class::isInstance).map(fit -> WrittenRegime.of((RegimeFit) fit));
    }

    private static Fit read(Path file) {
        try {
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            // by its name: the cache serves every description that names the file, whatever its path from there
            return new Fitted(file, Calibration.of(MeasurementsCsv.parse(String.valueOf(file.getFileName()), text), CONFIDENCE));
        } catch (MalformedMeasurementsException e) {
            return new Failed(e.getMessage(), Problem.MALFORMED, e.line());
        } catch (IOException e) {
            return new Failed(file + " cannot be read: " + e.getMessage(), Problem.UNREADABLE, 0);
        } catch (RuntimeException e) {
            // A fitting bug must not break validation: report it on the file instead.
            return new Failed(file + " cannot be fitted: " + e, Problem.MALFORMED, 0);
        }
    }
}
