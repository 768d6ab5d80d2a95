package org.bnn.onnx.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bnn.onnx.model.OnnxFormatException;
import org.bnn.onnx.model.OnnxNode;
import org.bnn.runtime.engine.BatchNorm;
import org.bnn.runtime.engine.LayerParameters;
import org.bnn.runtime.engine.NetworkParameters;
import org.bnn.runtime.engine.WeightMatrix;
import org.bnn.runtime.spec.InputEncoding;
import org.bnn.runtime.spec.InputSpec;
import org.bnn.runtime.spec.LayerSpec;
import org.bnn.runtime.spec.NetworkSpec;
import org.bnn.runtime.spec.Padding;
import org.bnn.runtime.spec.PoolKind;
import org.bnn.runtime.spec.Shape;
import org.bnn.runtime.spec.WeightValues;

/**
 * The sequential network being read, one ONNX node at a time: what the activations are now (real
 * inputs, ±1 signs, a layer's pre-activation before or after its batch norm), their shape, and the
 * layer with weights still open (its batch norm and sign not seen yet). Every transition checks that
 * the ONNX semantics equal the simulator's (docs/import.md) and otherwise names the node.
 */
final class Chain {
    enum Kind {
        /** The model's input, pixels scaled to [−1, 1]. */
        REAL,
        /** ±1 activations (after a sign). */
        SIGNS,
        /** The open layer's pre-activation (a dot product, maybe plus a bias). */
        LINEAR,
        /** The open layer's pre-activation after its batch norm. */
        NORMALISED
    }

    private final String inputName;
    private final Shape inputShape;
    private final int inputBits;
    private InputEncoding encoding;
    private final List<LayerSpec> layers = new ArrayList<>();
    private final List<LayerParameters> parameters = new ArrayList<>();
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    private Kind kind = Kind.REAL;
    private int channels;
    private int height;
    private int width;
    /** True once the activations are a flat vector; {@code flattenedChw} if it was flattened from C, H, W in ONNX's order. */
    private boolean flat;
    private boolean flattenedChw;
    private Padding pendingPadding;
    /** Where a binarized input is cut, in [0, 1] pixels (a sign of the input sets it). */
    private double binarizeAt = 0.5;
    private int step;

    private Open open;
    private int convs;
    private int denses;
    private int pools;

    /** The layer with weights whose batch norm and sign are still to come. */
    private static final class Open {
        String onnxNode;
        boolean conv;
        int kernel;
        int stride;
        Padding padding;
        int rows;
        int fanIn;
        double[] weights;
        WeightValues values;
        double[] bias;
        BatchNorm batchNorm;
        LayerSpec.Pool poolBeforeNorm;
        String poolNode;
        boolean averagePooled;
    }

    Chain(String inputName, Shape shape, boolean flatInput, int inputBits) {
        this.inputName = inputName;
        this.inputShape = shape;
        this.inputBits = inputBits;
        this.channels = shape.channels();
        this.height = shape.height();
        this.width = shape.width();
        this.flat = flatInput;
    }

    int step() {
        return step;
    }

    Kind kind() {
        return kind;
    }

    boolean isFlat() {
        return flat;
    }

    int channels() {
        return channels;
    }

    int features() {
        return flat ? channels * height * width : channels;
    }

    private void advance(Kind next) {
        kind = next;
        step++;
    }

    void note(String text) {
        if (!notes.contains(text)) {
            notes.add(text);
        }
    }

    /** A Pad of the activations by {@code amount} on every side of H and W with {@code value} (±1). */
    void pad(OnnxNode node, int amount, double value) {
        requireKind(node, "a Pad", Kind.REAL, Kind.SIGNS);
        if (flat) {
            throw node.error("pads a flat vector; pads belong before a Conv");
        }
        if (pendingPadding != null) {
            throw node.error("pads activations that are already padded; give one Pad per Conv");
        }
        if (value != 1 && value != -1) {
            throw node.error("pads with " + value + "; ±1 activations have no 0, so a binarized network pads with -1 or +1"
                    + (kind == Kind.REAL ? " (pixels scaled to [-1, 1]: -1 is black, +1 white)" : ""));
        }
        pendingPadding = new Padding(amount, (int) value);
        step++;
    }

    /** A Conv with ±1 (or ternary) weights {@code w} of shape (O, C, k, k), ONNX's OIHW. */
    void conv(OnnxNode node, double[] w, int out, int in, int kernel, int stride, int zeroPads) {
        requireKind(node, "a Conv", Kind.REAL, Kind.SIGNS);
        if (flat) {
            throw node.error("convolves a flat vector; a Conv reads (N, C, H, W) activations");
        }
        if (in != channels) {
            throw node.error("has weights for " + in + " input channels, the activations have " + channels);
        }
        if (zeroPads > 0 && pendingPadding != null) {
            throw node.error("pads again after a Pad; give the padding once");
        }
        if (zeroPads > 0) {
            throw node.error("pads with 0 (pads=" + zeroPads
                    + "); a binarized network has no 0 activations: pad with -1 or +1 in a Pad node before the Conv"
                    + " (F.pad(x, (p, p, p, p), value=-1) in PyTorch) and give the Conv padding=0");
        }
        Padding padding = pendingPadding == null ? Padding.VALID : pendingPadding;
        // Simulator row order j = (dy·k + dx)·C_in + c (docs/weights.md), from OIHW.
        int fanIn = kernel * kernel * in;
        double[] rows = new double[out * fanIn];
        for (int o = 0; o < out; o++) {
            for (int c = 0; c < in; c++) {
                for (int dy = 0; dy < kernel; dy++) {
                    for (int dx = 0; dx < kernel; dx++) {
                        rows[o * fanIn + (dy * kernel + dx) * in + c] = w[((o * in + c) * kernel + dy) * kernel + dx];
                    }
                }
            }
        }
        Open layer = openLayer(node, rows, out, fanIn);
        layer.conv = true;
        layer.kernel = kernel;
        layer.stride = stride;
        layer.padding = padding;
        int pad = padding.amount();
        height = Math.floorDiv(height + 2 * pad - kernel, stride) + 1;
        width = Math.floorDiv(width + 2 * pad - kernel, stride) + 1;
        if (height < 1 || width < 1) {
            throw node.error("gives an output of " + height + " x " + width);
        }
        channels = out;
        pendingPadding = null;
    }

    /** A Gemm or MatMul with ±1 (or ternary) weights {@code w} given as (out, in) row-major, in ONNX's input order. */
    void dense(OnnxNode node, double[] w, int out, int in) {
        requireKind(node, "a " + node.op(), Kind.REAL, Kind.SIGNS);
        if (!flat && height * width > 1) {
            throw node.error("multiplies (N, C, H, W) activations; Flatten them first");
        }
        if (in != features()) {
            throw node.error("has weights for " + in + " inputs, the activations have " + features());
        }
        double[] rows = w;
        if (flattenedChw && channels > 1 && height * width > 1) {
            // ONNX flattened C, H, W; the simulator reads (y·W + x)·C + c (docs/weights.md): permute the columns.
            rows = new double[w.length];
            int hw = height * width;
            for (int o = 0; o < out; o++) {
                for (int c = 0; c < channels; c++) {
                    for (int p = 0; p < hw; p++) {
                        rows[o * in + p * channels + c] = w[o * in + c * hw + p];
                    }
                }
            }
        }
        openLayer(node, rows, out, in);
        flat = true;
        flattenedChw = false;
        channels = out;
        height = 1;
        width = 1;
    }

    private Open openLayer(OnnxNode node, double[] rows, int out, int fanIn) {
        if (open != null) {
            throw node.error("follows the pre-activation of " + open.onnxNode + " without a sign in between; add the activation's sign");
        }
        WeightValues values = weightValues(node, rows);
        if (encoding == null) {
            encoding = kind == Kind.REAL ? new InputEncoding.BitSerial(inputBits) : new InputEncoding.Binarize(binarizeAt);
        }
        Open layer = new Open();
        layer.onnxNode = node.name();
        layer.rows = out;
        layer.fanIn = fanIn;
        layer.weights = rows;
        layer.values = values;
        open = layer;
        advance(Kind.LINEAR);
        return layer;
    }

    private static WeightValues weightValues(OnnxNode node, double[] w) {
        boolean zero = false;
        for (double v : w) {
            if (v == 0) {
                zero = true;
            } else if (v != 1 && v != -1) {
                throw node.error(
                        "has a weight of " + v + "; weights must be binarized (±1, or -1/0/+1 for ternary): put the weight through a sign"
                                + " (Sign, BipolarQuant with scale 1, or Where(w >= 0, 1, -1))");
            }
        }
        return zero ? WeightValues.TERNARY : WeightValues.BINARY;
    }

    /** The input read through a sign {@code x >= threshold} in the [−1, 1] scale: a binarized input. */
    void binarizeInput(OnnxNode node, double threshold) {
        double at = (threshold + 1) / 2;
        if (!(at > 0 && at <= 1)) {
            throw node.error("binarizes the input at " + threshold + " in the [-1, 1] scale; the simulator binarizes pixels in (0, 1]");
        }
        binarizeAt = at;
        advance(Kind.SIGNS);
    }

    /** A bias added to the open layer's pre-activation, one value per output channel or neuron. */
    void bias(OnnxNode node, double[] b) {
        requireKind(node, "a bias", Kind.LINEAR);
        if (b.length != open.rows) {
            throw node.error("adds " + b.length + " values to " + open.rows + " channels; a bias has one value per channel");
        }
        if (open.averagePooled) {
            throw node.error("adds a bias after the average pool; add it before the pool or fold it into the batch norm");
        }
        if (open.bias == null) {
            open.bias = new double[b.length];
        }
        for (int k = 0; k < b.length; k++) {
            open.bias[k] += b[k];
        }
        step++;
    }

    /** BatchNormalization of the open layer's pre-activation (inference form, running statistics). */
    void batchNorm(OnnxNode node, double[] gamma, double[] beta, double[] mean, double[] var, double eps) {
        requireKind(node, "a BatchNormalization", Kind.LINEAR);
        int n = open.rows;
        if (gamma.length != n || beta.length != n || mean.length != n || var.length != n) {
            throw node.error("normalises " + gamma.length + " channels, the layer has " + n);
        }
        if (open.poolBeforeNorm != null && open.poolBeforeNorm.kind() == PoolKind.MAX) {
            for (int k = 0; k < n; k++) {
                if (gamma[k] < 0) {
                    throw node.error("has a negative scale in channel " + k + " after the max pool " + open.poolNode
                            + ": the simulator pools the signs, which equals pooling before the batch norm only when every scale is >= 0;"
                            + " move the MaxPool after the sign");
                }
            }
        }
        double[] m = mean.clone();
        if (open.bias != null) {
            for (int k = 0; k < n; k++) {
                m[k] -= open.bias[k]; // γ·(ā + b − μ)/σ + β: the bias shifts the mean
            }
            open.bias = null;
        }
        open.batchNorm = new BatchNorm(gamma.clone(), beta.clone(), m, var.clone(), eps);
        advance(Kind.NORMALISED);
    }

    /** A sign (+1 iff x >= threshold) of the open layer's pre-activation: the layer is complete. */
    void sign(OnnxNode node, double threshold) {
        requireKind(node, "a sign", Kind.LINEAR, Kind.NORMALISED);
        BatchNorm bn = normOrBias(open);
        if (threshold != 0) {
            double[] beta = bn.beta().clone();
            for (int k = 0; k < beta.length; k++) {
                beta[k] -= threshold;
            }
            bn = new BatchNorm(bn.gamma(), beta, bn.mean(), bn.variance(), bn.epsilon());
        }
        close(bn, false);
        advance(Kind.SIGNS);
    }

    /** FINN's MultiThreshold with one threshold per channel on the pre-activation: +1 iff x >= t_c. */
    void thresholds(OnnxNode node, double[] t) {
        requireKind(node, "a MultiThreshold", Kind.LINEAR, Kind.NORMALISED);
        if (t.length != open.rows) {
            throw node.error("has thresholds for " + t.length + " channels, the layer has " + open.rows);
        }
        BatchNorm bn = normOrBias(open);
        double[] beta = bn.beta().clone();
        if (open.batchNorm == null) {
            // No batch norm: y = ā − t_c exactly (γ = 1, σ = 1, μ = t_c), so y ≥ 0 iff ā ≥ t_c.
            double[] mean = bn.mean().clone();
            for (int k = 0; k < t.length; k++) {
                mean[k] += t[k];
            }
            bn = new BatchNorm(bn.gamma(), beta, mean, bn.variance(), bn.epsilon());
        } else {
            for (int k = 0; k < t.length; k++) {
                beta[k] -= t[k];
            }
            bn = new BatchNorm(bn.gamma(), beta, bn.mean(), bn.variance(), bn.epsilon());
        }
        close(bn, false);
        advance(Kind.SIGNS);
    }

    /** A max pool: of the signs (the OR of the bits), or of the pre-activation before the batch norm. */
    void maxPool(OnnxNode node, int size, int stride) {
        if (kind == Kind.SIGNS && !flat) {
            addPool(node, PoolKind.MAX, size, stride);
            return;
        }
        if ((kind == Kind.LINEAR || kind == Kind.NORMALISED) && open.conv && open.poolBeforeNorm == null) {
            // The sign is monotone, so max-pooling before it equals pooling the signs; before the batch norm too when
            // every γ ≥ 0, which the batch norm checks.
            open.poolBeforeNorm = new LayerSpec.Pool("pool" + (pools + 1), PoolKind.MAX, size, stride);
            open.poolNode = node.name();
            pools++;
            sources.put(open.poolBeforeNorm.name(), node.name());
            shrink(node, size, stride);
            step++;
            return;
        }
        throw node.error("pools " + describe()
                + "; the simulator max-pools the ±1 activations after the sign (or the conv's pre-activation before its batch norm)");
    }

    /** An average pool of a conv's pre-activation, before its batch norm (the window folds into the threshold). */
    void averagePool(OnnxNode node, int size, int stride) {
        if ((kind != Kind.LINEAR && kind != Kind.NORMALISED) || !open.conv || open.poolBeforeNorm != null) {
            throw node.error("averages " + describe() + "; the simulator average-pools only a conv's pre-activation (before the sign)");
        }
        // The batch norm is affine, so normalising the window's mean equals the mean of the normalised values.
        open.averagePooled = true;
        open.poolBeforeNorm = new LayerSpec.Pool("pool" + (pools + 1), PoolKind.AVG, size, stride);
        open.poolNode = node.name();
        pools++;
        sources.put(open.poolBeforeNorm.name(), node.name());
        shrink(node, size, stride);
        step++;
    }

    private void addPool(OnnxNode node, PoolKind poolKind, int size, int stride) {
        String name = "pool" + (++pools);
        layers.add(new LayerSpec.Pool(name, poolKind, size, stride));
        sources.put(name, node.name());
        shrink(node, size, stride);
        step++;
    }

    private void shrink(OnnxNode node, int size, int stride) {
        height = Math.floorDiv(height - size, stride) + 1;
        width = Math.floorDiv(width - size, stride) + 1;
        if (height < 1 || width < 1) {
            throw node.error("pools a window of " + size + " larger than the activations");
        }
    }

    /** Flatten (or a Reshape to (N, -1)) of the activations. */
    void flatten(OnnxNode node) {
        flatten(node, true);
    }

    /** A flatten in ONNX's C·H·W order, or in Keras' channels-last H·W·C order (the simulator's own). */
    void flatten(OnnxNode node, boolean channelsFirst) {
        requireKind(node, "a " + node.op(), Kind.REAL, Kind.SIGNS);
        if (!flat) {
            flattenedChw = channelsFirst;
            flat = true;
        }
        step++;
    }

    /** The graph's output: the open layer, a dense one, becomes the classifier; the network is complete. */
    ImportedNetwork finish(String where, String networkName) {
        if (open == null || (kind != Kind.LINEAR && kind != Kind.NORMALISED)) {
            throw new OnnxFormatException(where + ": the graph's output must be the scores of a last Gemm/MatMul"
                    + " (with an optional bias or BatchNormalization, then optionally Softmax, LogSoftmax or ArgMax), not " + describe());
        }
        if (open.conv) {
            throw new OnnxFormatException(where + ": the graph ends with a Conv (" + open.onnxNode
                    + "); the simulator's classifier is a dense layer: Flatten and add a Gemm/MatMul");
        }
        close(normOrBias(open), true);
        NetworkSpec spec = new NetworkSpec(networkName, new InputSpec(inputName, inputShape, encoding), layers);
        return new ImportedNetwork(spec, new NetworkParameters(parameters), sources, notes);
    }

    private static BatchNorm normOrBias(Open layer) {
        if (layer.batchNorm != null) {
            return layer.batchNorm;
        }
        BatchNorm identity = BatchNorm.identity(layer.rows);
        return layer.bias == null
                ? identity
                : new BatchNorm(identity.gamma(), layer.bias.clone(), identity.mean(), identity.variance(), identity.epsilon());
    }

    private void close(BatchNorm bn, boolean output) {
        Open layer = open;
        String name;
        LayerSpec spec;
        if (output) {
            name = "out";
            spec = new LayerSpec.Output(name, layer.rows, layer.values);
        } else if (layer.conv) {
            name = "conv" + (++convs);
            spec = new LayerSpec.Conv(name, layer.rows, layer.kernel, layer.stride, layer.padding, layer.values);
        } else {
            name = "fc" + (++denses);
            spec = new LayerSpec.Dense(name, layer.rows, layer.values);
        }
        layers.add(spec);
        sources.put(name, layer.onnxNode);
        if (layer.poolBeforeNorm != null) {
            layers.add(layer.poolBeforeNorm);
        }
        WeightMatrix matrix = WeightMatrix.fromSigns(layer.fanIn, layer.rows, layer.weights);
        WeightMatrix nonzero = layer.values == WeightValues.TERNARY ? nonzero(layer) : null;
        parameters.add(new LayerParameters(name, matrix, nonzero, bn));
        open = null;
    }

    private static WeightMatrix nonzero(Open layer) {
        double[] nz = new double[layer.weights.length];
        for (int i = 0; i < nz.length; i++) {
            nz[i] = layer.weights[i] != 0 ? 1 : -1;
        }
        return WeightMatrix.fromSigns(layer.fanIn, layer.rows, nz);
    }

    private void requireKind(OnnxNode node, String what, Kind... allowed) {
        for (Kind k : allowed) {
            if (k == kind) {
                return;
            }
        }
        throw node.error(what + " cannot apply to " + describe());
    }

    /** What the activations are now, for error messages. */
    String describe() {
        return switch (kind) {
            case REAL -> "the real-valued input";
            case SIGNS -> "±1 activations";
            case LINEAR -> "the pre-activation of " + open.onnxNode;
            case NORMALISED -> "the batch-normalised pre-activation of " + open.onnxNode;
        };
    }
}
