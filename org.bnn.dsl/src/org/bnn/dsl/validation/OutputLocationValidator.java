package org.bnn.dsl.validation;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

import org.bnn.dsl.bnn.Experiment;
import org.bnn.dsl.bnn.Training;
import org.bnn.dsl.files.DescriptionFiles;
import org.bnn.dsl.files.OutputRoots;
import org.bnn.runtime.experiment.OutputLocation;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.validation.Check;

import com.google.inject.Inject;

/**
 * Files stay where the user expects: an experiment's report folder and a training's weights file
 * must lie inside the description's project (see {@link OutputLocation}) or an allowed output
 * root, so that a downloaded description cannot make a run write elsewhere. A description that
 * was not read from a file gets no check, as it has no folder to be relative to.
 */
public class OutputLocationValidator extends ComposedBnnValidator {

    @Inject
    private OutputRoots outputRoots;

    @Check
    public void checkReportFolder(Experiment experiment) {
        if (experiment.getReport() != null) {
            check(experiment, BNN.getExperiment_Report(), experiment.getReport(), "report folder");
        }
    }

    @Check
    public void checkWeightsFile(Training training) {
        if (training.getSave() != null) {
            check(training, BNN.getTraining_Save(), training.getSave(), "weights file");
        }
    }

    private void check(EObject owner, EStructuralFeature feature, String written, String what) {
        Optional<Path> base = DescriptionFiles.folderOf(owner);
        if (base.isEmpty()) {
            return;
        }
        try {
            Optional<String> refusal = OutputLocation.outside(base.get(), written, what, outputRoots.roots());
            if (refusal.isPresent()) {
                error(refusal.get(), owner, feature, BnnIssueCodes.OUTPUT_OUTSIDE_PROJECT,
                        OutputLocation.resolve(base.get(), written).toString(), OutputLocation.projectRoot(base.get()).toString());
            }
        } catch (InvalidPathException e) {
            error(what + " \"" + written + "\" is not a path on this system: " + e.getReason(), owner, feature, BnnIssueCodes.OUTPUT_NOT_A_PATH);
        }
    }
}
