package org.bnn.dsl.ui.validation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bnn.dsl.ui.preferences.BnnPreferences;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IWorkspace;
import org.eclipse.core.resources.IWorkspaceRunnable;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.validation.Issue;

/** Turns the language's issues into problem markers on a workspace file, at the severities the user chose. */
public final class BnnMarkers {

    /** Marker type (a problem marker and a text marker), declared in plugin.xml. */
    public static final String PROBLEM = "org.bnn.dsl.ui.problem";

    /** Attribute holding the language's issue code, when the issue has one. */
    public static final String ISSUE_CODE = "org.bnn.dsl.ui.issueCode";

    /** Attribute holding the issue's data (what its quick fixes need), joined by {@link #DATA_SEPARATOR}. */
    public static final String ISSUE_DATA = "org.bnn.dsl.ui.issueData";

    private static final String DATA_SEPARATOR = "\u001f";

    private BnnMarkers() {
    }

    /** Replaces the BNN problem markers of {@code file} by markers for {@code issues}, in one batch. */
    public static void replace(IFile file, List<Issue> issues) throws CoreException {
        if (!file.isAccessible()) {
            return;
        }
        IWorkspaceRunnable update = monitor -> {
            if (!file.isAccessible()) {
                return; // deleted meanwhile (a background validation of a closed editor)
            }
            file.deleteMarkers(PROBLEM, false, IResource.DEPTH_ZERO);
            for (Issue issue : issues) {
                Map<String, Object> attributes = attributes(issue);
                if (attributes != null) {
                    file.createMarker(PROBLEM, attributes);
                }
            }
        };
        // No scheduling rule: marker changes need none, so this never waits for a build or a save.
        file.getWorkspace().run(update, null, IWorkspace.AVOID_UPDATE, null);
    }

    private static Map<String, Object> attributes(Issue issue) {
        int severity;
        Severity s = BnnPreferences.severityOf(issue);
        if (s == Severity.ERROR) {
            severity = IMarker.SEVERITY_ERROR;
        } else if (s == Severity.WARNING) {
            severity = IMarker.SEVERITY_WARNING;
        } else if (s == Severity.INFO) {
            severity = IMarker.SEVERITY_INFO;
        } else {
            return null;
        }
        Map<String, Object> attributes = new HashMap<>();
        attributes.put(IMarker.SEVERITY, severity);
        attributes.put(IMarker.MESSAGE, issue.getMessage() == null ? "" : issue.getMessage());
        attributes.put(IMarker.SOURCE_ID, "BNN");
        if (issue.getLineNumber() != null) {
            attributes.put(IMarker.LINE_NUMBER, issue.getLineNumber());
            attributes.put(IMarker.LOCATION, "line " + issue.getLineNumber());
        }
        if (issue.getOffset() != null && issue.getLength() != null) {
            attributes.put(IMarker.CHAR_START, issue.getOffset());
            attributes.put(IMarker.CHAR_END, issue.getOffset() + issue.getLength());
        }
        if (issue.getCode() != null) {
            attributes.put(ISSUE_CODE, issue.getCode());
        }
        if (issue.getData() != null && issue.getData().length > 0) {
            attributes.put(ISSUE_DATA, String.join(DATA_SEPARATOR, issue.getData()));
        }
        return attributes;
    }

    /** The issue data stored on a marker (empty when there is none). */
    public static String[] data(IMarker marker) {
        String joined = marker.getAttribute(ISSUE_DATA, null);
        return joined == null ? new String[0] : joined.split(DATA_SEPARATOR, -1);
    }
}
