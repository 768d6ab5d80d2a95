/**
 * Reports of a run: {@link org.bnn.report.Report} holds what was measured and how it was
 * described, {@link org.bnn.report.ReportWriter} writes it as a folder of CSV, JSON, Markdown,
 * PNG and SVG files. Everything is headless and deterministic (same input, same bytes).
 */
package org.bnn.report;
