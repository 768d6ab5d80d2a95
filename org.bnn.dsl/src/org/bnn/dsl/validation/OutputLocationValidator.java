package org.bnn.dsl.validation;

import java.nio.file.Path;
import java.util.Optional;

import org.bnn.dsl.bnn.Experiment;
import org.bnn.dsl.bnn.Explore;
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
    public void checkReportFolder(Explore explore) {
        if (explore.getReport() != null) {
            check(explore, BNN.getExplore_Report(), explore.getReport(), "report folder");
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
        OutputLocation.Place place = OutputLocation.place(base.get(), written, what, outputRoots.roots());
        if (place instanceof OutputLocation.Outside outside) {
            error(outside.message(), owner, feature, BnnIssueCodes.OUTPUT_OUTSIDE_PROJECT, outside.target().toString(),
                    outside.project().toString());
        } else if (place instanceof OutputLocation.NotAPath notAPath) {
            error(notAPath.message(), owner, feature, BnnIssueCodes.OUTPUT_NOT_A_PATH);
        }
    }
}
