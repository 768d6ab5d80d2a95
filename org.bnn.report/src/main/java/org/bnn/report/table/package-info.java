/**
 * Tables of a report: CSV for machines (exact numbers, SI units, fixed columns) and Markdown for
 * people (percentages, SI prefixes).
 */
package org.bnn.report.table;
