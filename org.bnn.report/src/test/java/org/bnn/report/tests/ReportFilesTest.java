package org.bnn.report.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.bnn.report.Report;
import org.bnn.report.ReportFormat;
import org.bnn.report.ReportWriter;
import org.bnn.report.ToolVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report folder's text files, compared in full for a small input whose numbers can be checked by hand. */
class ReportFilesTest {

    private static String write(Report report, Set<ReportFormat> formats, Path folder, String file) throws Exception {
        new ReportWriter(formats).write(report, folder);
        return Files.readString(folder.resolve(file));
    }

    @Test
    void sweepCsvHasOneRowPerPointAndQuotesLabelsWithCommas(@TempDir Path folder) throws Exception {
        assertEquals("""
                series,ber,mean,std,ci95_half_width,trials
                plain,0.0,1.0,0.0,0.0,2
                plain,0.001,0.75,0.05,0.45,2
                "aware, 1e-2 | t",0.01,0.5,0.0,0.0,1
                """, write(SmallReport.small(), EnumSet.of(ReportFormat.CSV), folder, "accuracy-vs-ber.csv"));
        assertEquals("""
                series,ber,trial,value
                plain,0.0,1,1.0
                plain,0.0,2,1.0
                plain,0.001,1,0.8
                plain,0.001,2,0.7
                "aware, 1e-2 | t",0.01,1,0.5
                """, Files.readString(folder.resolve("accuracy-vs-ber-trials.csv")));
    }

    @Test
    void energyCsvHasEveryComponentAndLeavesTheUnknownOnesEmpty(@TempDir Path folder) throws Exception {
        // 2e-9 + 1e-9 is 3.0000000000000004E-9 in doubles: the CSV holds the exact sum, not a rounded one.
        assertEquals("""
                layer,sense_joules,popcount_joules,partial_sums_joules,threshold_joules,ecc_joules,buffer_joules,total_joules
                fc1,2.0E-9,1.0E-9,0.0,0.0,0.0,,3.0000000000000004E-9
                out,5.0E-12,0.0,0.0,0.0,0.0,,5.0E-12
                """, write(SmallReport.small(), EnumSet.of(ReportFormat.CSV), folder, "energy-per-inference.csv"));
        assertEquals("""
                regime,ber,accuracy_mean,accuracy_std,programming_energy_joules,endurance_cycles,energy_per_inference_joules
                strong,1.0E-6,0.98,0.001,0.0023,1000000.0,1.6E-7
                """, Files.readString(folder.resolve("regimes.csv")));
    }

    @Test
    void jsonHoldsDescriptionSeedsVersionAndResults(@TempDir Path folder) throws Exception {
        assertEquals("""
                {
                  "tool": "bnn",
                  "version": "1.2.3",
                  "title": "Small",
                  "quantity": "Test accuracy",
                  "description": {
                    "name": "m",
                    "bers": [ 0.0, 0.001 ]
                  },
                  "seeds": {
                    "experiment": 42,
                    "training": 7
                  },
                  "series": [ {
                    "label": "plain",
                    "points": [ {
                      "ber": 0.0,
                      "mean": 1.0,
                      "std": 0.0,
                      "ci95HalfWidth": 0.0,
                      "perTrial": [ 1.0, 1.0 ]
                    }, {
                      "ber": 0.001,
                      "mean": 0.75,
                      "std": 0.05,
                      "ci95HalfWidth": 0.45,
                      "perTrial": [ 0.8, 0.7 ]
                    } ]
                  }, {
                    "label": "aware, 1e-2 | t",
                    "points": [ {
                      "ber": 0.01,
                      "mean": 0.5,
                      "std": 0.0,
                      "ci95HalfWidth": 0.0,
                      "perTrial": [ 0.5 ]
                    } ]
                  } ],
                  "energyPerInference": {
                    "unit": "J",
                    "totalJoules": 3.0050000000000003E-9,
                    "notEstimated": [ "buffer" ],
                    "layers": [ {
                      "layer": "fc1",
                      "joules": {
                        "sense": 2.0E-9,
                        "popcount": 1.0E-9
                      },
                      "totalJoules": 3.0000000000000004E-9
                    }, {
                      "layer": "out",
                      "joules": {
                        "sense": 5.0E-12
                      },
                      "totalJoules": 5.0E-12
                    } ]
                  },
                  "regimes": [ {
                    "regime": "strong",
                    "ber": 1.0E-6,
                    "accuracyMean": 0.98,
                    "accuracyStd": 0.001,
                    "programmingEnergyJoules": 0.0023,
                    "enduranceCycles": 1000000.0,
                    "energyPerInferenceJoules": 1.6E-7
                  } ]
                }
                """, write(SmallReport.small(), EnumSet.of(ReportFormat.JSON), folder, "report.json"));
    }

    @Test
    void markdownShowsPercentagesAndPrefixedUnitsAndLinksThePlots(@TempDir Path folder) throws Exception {
        assertEquals("""
                # Small

                ## Test accuracy vs bit error rate

                Mean ± standard deviation over trials, in %. The 95 % confidence intervals of the means are in the CSV and JSON files.

                | BER | plain (%) | aware, 1e-2 \\| t (%) |
                |---|---:|---:|
                | 0 | 100.00 ± 0.00 | – |
                | 1.0e-3 | 75.00 ± 5.00 | – |
                | 1.0e-2 | – | 50.00 ± 0.00 |

                ![Test accuracy vs bit error rate](accuracy-vs-ber.svg)

                ## Energy per inference

                | layer | sense (nJ) | popcount (nJ) | buffer (nJ) | total (nJ) |
                |---|---:|---:|---:|---:|
                | fc1 | 2.00 | 1.00 | n/a | 3.00 |
                | out | 0.005 | 0 | n/a | 0.005 |

                n/a: not estimated, the description gives no unit energy for buffer.

                ![Energy per inference by layer and component](energy-per-inference.svg)

                ## Programming regimes

                Accuracy: mean ± standard deviation over trials at the regime's bit error rate.

                | regime | BER | accuracy (%) | programming energy (mJ) | endurance (cycles) | energy per inference (nJ) |
                |---|---:|---:|---:|---:|---:|
                | strong | 1.0e-6 | 98.00 ± 0.10 | 2.30 | 1e6 | 160 |

                bnn 1.2.3; seeds: experiment 42, training 7
                """, write(SmallReport.small(), EnumSet.of(ReportFormat.MD, ReportFormat.SVG), folder, "report.md"));
    }

    @Test
    void onlyTheSelectedFormatsAndPresentPartsAreWritten(@TempDir Path folder) throws Exception {
        Report onlySeries = Report.builder("S").tool("bnn", "1").series(SmallReport.plain()).build();
        List<Path> written = new ReportWriter(EnumSet.of(ReportFormat.CSV, ReportFormat.PNG)).write(onlySeries, folder);
        assertEquals(List.of(folder.resolve("accuracy-vs-ber.csv"), folder.resolve("accuracy-vs-ber-trials.csv"),
                folder.resolve("accuracy-vs-ber.png")), written);
        try (var files = Files.list(folder)) {
            assertEquals(List.of(".bnn-report", "accuracy-vs-ber-trials.csv", "accuracy-vs-ber.csv", "accuracy-vs-ber.png"),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "the report's files and the marker, nothing else");
        }
        List<Path> all = new ReportWriter(ReportFormat.ALL).write(SmallReport.small(), folder.resolve("all"));
        assertEquals(List.of("accuracy-vs-ber.csv", "accuracy-vs-ber-trials.csv", "energy-per-inference.csv", "regimes.csv", "report.json",
                "report.md", "accuracy-vs-ber.png", "accuracy-vs-ber.svg", "energy-per-inference.png", "energy-per-inference.svg"),
                all.stream().map(p -> p.getFileName().toString()).toList());
    }

    @Test
    void jsonNeedsTheResolvedDescription(@TempDir Path folder) {
        Report undescribed = Report.builder("S").series(SmallReport.plain()).build();
        assertEquals("report S: report.json needs the fully resolved description (Report.description is empty)",
                assertThrows(IllegalArgumentException.class,
                        () -> new ReportWriter(EnumSet.of(ReportFormat.JSON)).write(undescribed, folder))
                        .getMessage());
    }

    @Test
    void timeStampOnlyWhenAskedForAndVersionFromTheBuild(@TempDir Path folder) throws Exception {
        String plain = write(SmallReport.small(), EnumSet.of(ReportFormat.JSON), folder, "report.json");
        assertFalse(plain.contains("created"), plain);
        Report stamped = Report.builder("T").description(SmallReport.description()).created(Instant.parse("2025-01-02T03:04:05Z")).build();
        String json = write(stamped, EnumSet.of(ReportFormat.JSON), folder.resolve("stamped"), "report.json");
        assertTrue(json.contains("\"created\": \"2025-01-02T03:04:05Z\""), json);
        // The builder's default is this build's version, filled in by Maven (the same for every module of the reactor).
        assertTrue(ToolVersion.current().matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), ToolVersion.current());
        assertTrue(json.contains("\"version\": \"" + ToolVersion.current() + "\""), json);
    }
}
