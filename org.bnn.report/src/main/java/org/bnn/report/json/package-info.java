/** The JSON file of a report: results next to the resolved description, seeds and tool version. */
package org.bnn.report.json;
