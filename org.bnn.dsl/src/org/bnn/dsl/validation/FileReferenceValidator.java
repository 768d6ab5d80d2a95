package org.bnn.dsl.validation;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bnn.dsl.bnn.DatasetInputs;
import org.bnn.dsl.bnn.Experiment;
import org.bnn.dsl.bnn.Mapping;
import org.bnn.dsl.bnn.Network;
import org.bnn.dsl.bnn.Training;
import org.bnn.dsl.files.DescriptionFiles;
import org.bnn.dsl.spec.SpecTranslator;
import org.bnn.runtime.data.Cifar10;
import org.bnn.runtime.data.IdxCopies;
import org.bnn.runtime.data.StandardDataset;
import org.bnn.runtime.experiment.InputSource;
import org.bnn.runtime.spec.LayerGeometry;
import org.bnn.runtime.spec.NetworkSpec;
import org.bnn.runtime.spec.Shape;
import org.bnn.runtime.weights.LayerShape;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.validation.Check;

import com.google.inject.Inject;

/**
 * Rules about the files a description names: a network's weights file (present, intact and
 * loadable, holding the network's layers; read once per file version) and an experiment's dataset
 * (the split's files present and readable, raw and gzipped IDX copies not different, images of the network's input
 * shape; MNIST and Fashion-MNIST in IDX files, CIFAR-10 in its binary files).
 * Relative paths resolve against the folder of the .bnn file; a description that was not read
 * from a file (an unsaved buffer, a test's synthetic URI) gets no file checks.
 */
public class FileReferenceValidator extends ComposedBnnValidator {

    @Inject
    private SpecTranslator translator;
    @Inject
    private WeightShapesCache weightShapes;
    @Inject
    private DatasetFilesCache datasetFiles;

    @Check
    public void checkWeightsFile(Network network) {
        if (network.getWeights() == null) {
            return;
        }
        Optional<Path> file = resolve(network, BNN.getNetwork_Weights(), network.getWeights());
        if (file.isEmpty()) {
            return;
        }
        if (!Files.isRegularFile(file.get())) {
            warning("Weights file " + file.get() + " does not exist (yet); train or export the weights into it", network,
                    BNN.getNetwork_Weights(), BnnIssueCodes.MISSING_FILE, file.get().toString());
            return;
        }
        WeightShapesCache.Result stored = weightShapes.shapes(file.get());
        if (stored instanceof WeightShapesCache.Unreadable unreadable) {
            error(unreadable.message(), network, BNN.getNetwork_Weights(), BnnIssueCodes.UNREADABLE_FILE);
        } else if (stored instanceof WeightShapesCache.Shapes shapes) {
            // the network's own rules report one that does not translate; there is nothing to compare with yet
            SpecTranslator.attempt(() -> translator.translate(network)).filter(spec -> shapesMatch(network, spec, shapes.layers()))
                    .flatMap(shapes::rejection).ifPresent(rejection -> error("Weights file \"" + network.getWeights()
                            + "\" does not load into " + MessageNames.of("network", network.getName()) + ": " + rejection, network,
                            BNN.getNetwork_Weights(), BnnIssueCodes.WEIGHTS_REJECTED));
        }
    }

    /**
     * Every layer with weights must be in the file with its fan-out (rows) and fan-in, and nothing
     * else; true when they all are (then what else the runtime checks is worth asking it).
     */
    private boolean shapesMatch(Network network, NetworkSpec spec, List<LayerShape> stored) {
        boolean match = true;
        String file = "\"" + network.getWeights() + "\"";
        Map<String, LayerShape> byName = new LinkedHashMap<>();
        stored.forEach(shape -> byName.putIfAbsent(shape.layer(), shape));
        for (LayerGeometry layer : spec.weightLayers()) {
            String name = layer.layer().name();
            LayerShape shape = byName.remove(name);
            String needed = layer.fanOut() + " x " + layer.fanIn() + " (neurons x fan-in)";
            if (shape == null) {
                error("Weights file " + file + " has no weights for layer " + name + ", which needs " + needed, layerNamed(network, name),
                        BNN.getLayer_Name(), BnnIssueCodes.WEIGHTS_SHAPE, name);
                match = false;
            } else if (shape.rows() != layer.fanOut() || shape.fanIn() != layer.fanIn()) {
                error("Weights file " + file + " holds " + shape.rows() + " x " + shape.fanIn() + " weights for layer " + name
                        + ", which needs " + needed, layerNamed(network, name), BNN.getLayer_Name(), BnnIssueCodes.WEIGHTS_SHAPE, name);
                match = false;
            }
        }
        for (LayerShape extra : byName.values()) {
            error("Weights file " + file + " holds weights for layer " + extra.layer() + ", but "
                    + MessageNames.of("network", network.getName())
                    + " has no layer with weights of that name", network, BNN.getNetwork_Weights(), BnnIssueCodes.WEIGHTS_SHAPE,
                    extra.layer());
        }
        return match && byName.isEmpty();
    }

    private static EObject layerNamed(Network network, String name) {
        return network.getLayers().stream().filter(l -> name.equals(l.getName())).map(EObject.class::cast).findFirst().orElse(network);
    }

    @Check
    public void checkDataset(Experiment experiment) {
        if (!(experiment.getInputs() instanceof DatasetInputs data)) {
            return;
        }
        Mapping mapping = experiment.getMapping();
        checkImageShape(mapping == null || mapping.eIsProxy() ? null : mapping.getNetwork(), data);
        // without a folder name there is nothing to look for
        SpecTranslator.attempt(() -> (InputSource.Dataset) translator.translate(data))
                .ifPresent(source -> resolve(data, BNN.getDatasetInputs_Folder(), source.folder())
                        .ifPresent(folder -> checkSplitFiles(data, source, folder)));
    }

    /** A training block's images must have its network's input shape too. */
    @Check
    public void checkTrainingDataset(Training training) {
        if (training.getData() != null) {
            checkImageShape(training.getNetwork(), training.getData());
        }
    }

    private void checkSplitFiles(DatasetInputs data, InputSource.Dataset source, Path folder) {
        if (StandardDataset.named(source.dataset()) == StandardDataset.CIFAR10) {
            checkCifarFiles(data, source, folder);
        } else {
            checkIdxFiles(data, source, folder);
        }
    }

    /**
     * The files Datasets reads: images and labels of the split, raw or gzipped (the raw file wins;
     * a warning when both are present and differ, since one of them is stale), each readable as the
     * run will read it.
     */
    private void checkIdxFiles(DatasetInputs data, InputSource.Dataset source, Path folder) {
        List<String> missing = new ArrayList<>();
        Map<String, Integer> files = new LinkedHashMap<>();
        files.put(source.split().filePrefix() + "-images-idx3-ubyte", 3);
        files.put(source.split().filePrefix() + "-labels-idx1-ubyte", 1);
        files.forEach((name, dimensions) -> {
            Optional<Path> chosen = IdxCopies.chosen(folder, name);
            if (chosen.isEmpty()) {
                missing.add(name + "[.gz]");
            } else {
                datasetFiles.damage(chosen.get(), dimensions).ifPresent(damage -> error(damage, data, BNN.getDatasetInputs_Folder(),
                        BnnIssueCodes.UNREADABLE_DATASET, chosen.get().toString()));
            }
            datasetFiles.conflict(folder, name).ifPresent(conflict -> warning(conflict, data, BNN.getDatasetInputs_Folder(),
                    BnnIssueCodes.DATASET_COPIES_DIFFER, folder.resolve(name).toString()));
        });
        warnMissing(data, source, folder, missing, "fetch it with scripts/fetch-data.sh " + source.dataset());
    }

    /** The binary files Cifar10 reads for the split, each present and readable as the run will read it. */
    private void checkCifarFiles(DatasetInputs data, InputSource.Dataset source, Path folder) {
        List<String> missing = new ArrayList<>();
        for (String name : Cifar10.files(source.split())) {
            Path file = folder.resolve(name);
            if (!Files.isRegularFile(file)) {
                missing.add(name);
            } else {
                datasetFiles.cifarDamage(file).ifPresent(
                        damage -> error(damage, data, BNN.getDatasetInputs_Folder(), BnnIssueCodes.UNREADABLE_DATASET, file.toString()));
            }
        }
        warnMissing(data, source, folder, missing,
                "it cannot be fetched: scripts/fetch-data.sh cifar10 says where to put the files of the binary version");
    }

    private void warnMissing(DatasetInputs data, InputSource.Dataset source, Path folder, List<String> missing, String advice) {
        if (!missing.isEmpty()) {
            warning("The " + source.dataset() + " " + source.split().label() + " split is not found in " + folder + " (no "
                    + String.join(", no ", missing) + "); " + advice, data, BNN.getDatasetInputs_Folder(), BnnIssueCodes.MISSING_FILE,
                    folder.toString());
        }
    }

    /** Known without reading a file: the dataset's images must have the shape of the network's input. */
    private void checkImageShape(Network network, DatasetInputs data) {
        if (network == null || network.eIsProxy() || network.getInput() == null) {
            return;
        }
        StandardDataset dataset = StandardDataset.named(SpecTranslator.datasetName(data.getDataset()));
        Shape image = dataset.shape();
        String declaration = image.height() + " x " + image.width() + (image.channels() > 1 ? " x " + image.channels() : "");
        // the input's own rules report one that does not translate
        SpecTranslator.attempt(() -> translator.translate(network.getInput())).filter(input -> !input.shape().equals(image))
                .ifPresent(input -> error(dataset.id() + " images are " + image + " (height x width x channels), but input " + input.name()
                        + " of " + MessageNames.of("network", network.getName()) + " is " + input.shape() + "; declare it as "
                        + declaration, data, BNN.getDatasetInputs_Dataset(), BnnIssueCodes.DATASET_SHAPE));
    }

    /**
     * {@code written} resolved against the folder of the file that holds {@code owner}; empty when
     * that is not a file, or when the text is no path (then a warning says so).
     */
    private Optional<Path> resolve(EObject owner, EStructuralFeature feature, String written) {
        Optional<Path> folder = DescriptionFiles.folderOf(owner);
        if (folder.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(folder.get().resolve(written).normalize());
        } catch (InvalidPathException e) {
            warning("\"" + written + "\" is not a file path here: " + e.getMessage(), owner, feature, BnnIssueCodes.MISSING_FILE);
            return Optional.empty();
        }
    }
}
