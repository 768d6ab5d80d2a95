package org.bnn.dsl.files;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.bnn.runtime.experiment.OutputLocation;

import com.google.inject.Singleton;

/**
 * The folders outside a description's project that its reports and trained weights may still be
 * written into. The command line's {@code --output-root DIR} reaches them through the system
 * property {@value OutputLocation#ROOTS_PROPERTY}, which the generated code checks again at write
 * time; an editor or a test adds folders to its injector's instance with {@link #allow(Path)}.
 */
@Singleton
public class OutputRoots {
    private final List<Path> allowed = new CopyOnWriteArrayList<>();

    /** Allows writing below {@code folder} from now on. */
    public void allow(Path folder) {
        allowed.add(folder.toAbsolutePath());
    }

    /** The folders allowed here and by the system property. */
    public List<Path> roots() {
        List<Path> roots = new ArrayList<>(allowed);
        roots.addAll(OutputLocation.rootsFromProperty());
        return roots;
    }
}
