/**
 * The report's plots (JFreeChart, drawn headless): accuracy vs bit error rate and energy per
 * inference by layer and component, in a colour-blind-safe palette, written as PNG and SVG.
 */
package org.bnn.report.plot;
