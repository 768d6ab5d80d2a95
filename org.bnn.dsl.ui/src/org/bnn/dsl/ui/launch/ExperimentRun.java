package org.bnn.dsl.ui.launch;

import java.util.List;

import org.eclipse.core.resources.IFile;

/**
 * What Run Experiment did, for its dialog: which way it ran, the sweep's table (or the generated
 * class's output), the report files it wrote (in the workspace) and the log of a launched process.
 *
 * @param way    one sentence naming how it ran (the generated class, or in-process and why)
 * @param output the table of the sweep, or the last lines the generated class printed
 * @param report the report files, in the order they are preferred for opening
 * @param log    the output of the launched class, null for the in-process run
 */
public record ExperimentRun(String way, String output, List<IFile> report, IFile log) {

    /**
     * The report file to open in a text editor: the first Markdown file, else the first CSV file (a
     * PNG needs an outside viewer), or null.
     */
    public IFile toOpen() {
        for (String extension : List.of("md", "csv")) {
            for (IFile file : report) {
                if (extension.equals(file.getFileExtension()) && file.exists()) {
                    return file;
                }
            }
        }
        return null;
    }
}
