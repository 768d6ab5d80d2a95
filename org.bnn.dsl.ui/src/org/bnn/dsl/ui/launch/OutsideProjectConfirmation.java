package org.bnn.dsl.ui.launch;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.bnn.dsl.validation.BnnIssueCodes;
import org.eclipse.core.resources.IFile;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Display;
import org.eclipse.xtext.validation.Issue;

/**
 * A report folder or weights file outside the project is an error, which the user may override
 * for one run: asked in a standard dialog, the run then writes there (and only there).
 */
final class OutsideProjectConfirmation {

    private OutsideProjectConfirmation() {
    }

    /** Whether {@code issue} is one the user may override. */
    static boolean overridable(Issue issue) {
        return BnnIssueCodes.OUTPUT_OUTSIDE_PROJECT.equals(issue.getCode()) && issue.getData() != null && issue.getData().length == 2;
    }

    /**
     * Asks, on the UI thread, whether the run may write to the places of {@code outside} (issues
     * that are all {@link #overridable(Issue)}).
     *
     * @return the places to allow, or empty if the user declined
     */
    static Optional<List<Path>> ask(IFile file, List<Issue> outside) {
        List<Path> places = outside.stream().map(issue -> Path.of(issue.getData()[0])).distinct().toList();
        String project = outside.get(0).getData()[1];
        String message = file.getName() + " writes outside its project " + project + ":\n\n"
                + places.stream().map(place -> "    " + place).collect(Collectors.joining("\n"))
                + "\n\nRun the experiment anyway and write there?";
        AtomicBoolean confirmed = new AtomicBoolean();
        Display.getDefault().syncExec(() -> confirmed.set(
                MessageDialog.openConfirm(Display.getDefault().getActiveShell(), "Write Outside the Project", message)));
        return confirmed.get() ? Optional.of(places) : Optional.empty();
    }
}
