package org.bnn.runtime.weights;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bnn.runtime.engine.BatchNorm;
import org.bnn.runtime.engine.LayerParameters;
import org.bnn.runtime.engine.NetworkParameters;
import org.bnn.runtime.engine.PackedBits;
import org.bnn.runtime.engine.WeightMatrix;

/**
 * Trained parameters as a NumPy {@code .npz} file (docs/weights.md), per layer with weights:
 * <pre>
 *   &lt;layer&gt;/weights  uint8 (rows, ceil(N/8))  the weights' signs, np.packbits order (bit 1 = +1, first weight
 *                                           in the most significant bit, padding bits 0)
 *   &lt;layer&gt;/nonzero  uint8 (rows, ceil(N/8))  ternary weights only: bit 1 = ±1 (sign in weights), 0 = weight 0
 *   &lt;layer&gt;/fan_in   int64 ()                 N, the number of weights per row
 *   &lt;layer&gt;/gamma, beta, mean, var  float64 (rows,)   batch norm on the [−1, 1] scale
 *   &lt;layer&gt;/eps      float64 ()               batch norm ε
 * </pre>
 * Rows are neurons (output channels), and weight j of a row follows
 * {@link LayerParameters}' layout (HWC inputs, HWIO per output channel for a conv). For the output
 * layer the batch norm is the per-class affine. On reading, the batch-norm arrays may be any float or
 * integer type and shape (rows,) or (rows, 1); all five may be left out together (plain sign, raw
 * scores); entries without a '/' are ignored (free for metadata); any other entry is an error.
 */
public final class WeightsFile {
    static final String WEIGHTS = "weights";
    static final String FAN_IN = "fan_in";
    static final String NONZERO = "nonzero";
    private static final List<String> BATCH_NORM = List.of("gamma", "beta", "mean", "var", "eps");
    private static final Set<String> FIELDS = Set.of(WEIGHTS, NONZERO, FAN_IN, "gamma", "beta", "mean", "var", "eps");

    private WeightsFile() {
    }

    /** Writes {@code parameters} to {@code file} (replacing it). */
    public static void write(Path file, NetworkParameters parameters) {
        try (NpzWriter out = NpzWriter.create(file)) {
            for (LayerParameters layer : parameters.layers()) {
                String prefix = layer.layer() + "/";
                WeightMatrix w = layer.weights();
                out.add(prefix + WEIGHTS, NpyArray.ofUnsignedBytes(pack(w), w.rows(), packedWidth(w.fanIn())));
                if (layer.ternary()) {
                    out.add(prefix + NONZERO, NpyArray.ofUnsignedBytes(pack(layer.nonzero()), w.rows(), packedWidth(w.fanIn())));
                }
                out.add(prefix + FAN_IN, NpyArray.scalar((long) w.fanIn()));
                BatchNorm bn = layer.batchNorm();
                out.add(prefix + "gamma", NpyArray.ofDoubles(bn.gamma(), bn.neurons()));
                out.add(prefix + "beta", NpyArray.ofDoubles(bn.beta(), bn.neurons()));
                out.add(prefix + "mean", NpyArray.ofDoubles(bn.mean(), bn.neurons()));
                out.add(prefix + "var", NpyArray.ofDoubles(bn.variance(), bn.neurons()));
                out.add(prefix + "eps", NpyArray.scalar(bn.epsilon()));
            }
        }
    }

    /** Reads every layer of {@code file}, in the file's order. */
    public static NetworkParameters read(Path file) {
        try (NpzReader in = NpzReader.open(file)) {
            List<LayerParameters> layers = new ArrayList<>();
            for (String layer : layers(in)) {
                LayerShape shape = shape(in, layer);
                WeightMatrix weights = unpack(in, layer + "/" + WEIGHTS, shape);
                WeightMatrix nonzero = in.contains(layer + "/" + NONZERO) ? unpack(in, layer + "/" + NONZERO, shape) : null;
                layers.add(new LayerParameters(layer, weights, nonzero, batchNorm(in, layer, shape.rows())));
            }
            in.verifyChecksums(); // the members not read above (metadata) must be intact too
            return new NetworkParameters(layers);
        }
    }

    /**
     * The stored shape of every layer, from the array headers and the {@code fan_in} scalars only
     * (no weight data is read): what a check against a network description needs.
     */
    public static List<LayerShape> shapes(Path file) {
        try (NpzReader in = NpzReader.open(file)) {
            List<LayerShape> shapes = new ArrayList<>();
            for (String layer : layers(in)) {
                shapes.add(shape(in, layer));
            }
            return shapes;
        }
    }

    /** Layer names in archive order, after checking that every entry is a known field of some layer. */
    private static List<String> layers(NpzReader in) {
        Map<String, Boolean> layers = new LinkedHashMap<>();
        for (String name : in.names()) {
            int slash = name.lastIndexOf('/');
            if (slash < 0) {
                continue;
            }
            String field = name.substring(slash + 1);
            if (!FIELDS.contains(field)) {
                throw new WeightsException(in.where(name) + " is not a weight-file field (expected <layer>/ one of " + FIELDS + ")");
            }
            layers.merge(name.substring(0, slash), field.equals(WEIGHTS), Boolean::logicalOr);
        }
        for (Map.Entry<String, Boolean> layer : layers.entrySet()) {
            if (!layer.getValue()) {
                throw new WeightsException(in.file() + " has entries for layer " + layer.getKey() + " but no " + layer.getKey() + "/"
                        + WEIGHTS);
            }
        }
        if (layers.isEmpty()) {
            throw new WeightsException(in.file() + " holds no <layer>/weights entry: not a weight file");
        }
        return List.copyOf(layers.keySet());
    }

    private static LayerShape shape(NpzReader in, String layer) {
        String weightsName = layer + "/" + WEIGHTS;
        String fanInName = layer + "/" + FAN_IN;
        if (!in.contains(fanInName)) {
            throw new WeightsException(in.file() + " has no entry " + fanInName + " (the number of weights per row)");
        }
        NpyArray fanInArray = in.array(fanInName);
        long[] fanIn = fanInArray.toLongs();
        if (fanIn == null || fanIn.length != 1 || fanIn[0] < 1 || fanIn[0] > Integer.MAX_VALUE) {
            throw new WeightsException(in.where(fanInName) + " must be one positive integer, got " + fanInArray.header());
        }
        NpyHeader header = in.header(weightsName);
        long[] dims = header.shape();
        if (header.type() != NpyType.UINT8 || dims.length != 2) {
            throw new WeightsException(in.where(weightsName) + " must be uint8 (rows, ceil(fan_in/8)) packed bits, got " + header);
        }
        int n = (int) fanIn[0];
        if (dims[1] != packedWidth(n) || dims[0] < 1 || dims[0] > Integer.MAX_VALUE) {
            throw new WeightsException(in.where(weightsName) + " has shape " + header.shapeText() + ", but fan_in " + n + " needs (rows, "
                    + packedWidth(n) + ")");
        }
        String nonzeroName = layer + "/" + NONZERO;
        if (in.contains(nonzeroName) && !in.header(nonzeroName).equals(header)) {
            throw new WeightsException(in.where(nonzeroName) + " must be uint8 packed bits of the shape of " + weightsName + " "
                    + header.shapeText() + ", got " + in.header(nonzeroName));
        }
        return new LayerShape(layer, (int) dims[0], n);
    }

    /** The packed bits of entry {@code name}, rows × fan-in as {@code shape} says. */
    private static WeightMatrix unpack(NpzReader in, String name, LayerShape shape) {
        byte[] packed = in.array(name).bytes();
        int n = shape.fanIn();
        int width = packedWidth(n);
        int words = PackedBits.words(n);
        long[] rows = new long[words * shape.rows()];
        for (int k = 0; k < shape.rows(); k++) {
            for (int j = 0; j < n; j++) {
                if ((packed[k * width + (j >>> 3)] >>> (7 - (j & 7)) & 1) != 0) {
                    rows[k * words + (j >>> 6)] |= 1L << j;
                }
            }
        }
        return new WeightMatrix(n, shape.rows(), rows);
    }

    private static byte[] pack(WeightMatrix w) {
        int width = packedWidth(w.fanIn());
        byte[] packed = new byte[w.rows() * width];
        for (int k = 0; k < w.rows(); k++) {
            for (int j = 0; j < w.fanIn(); j++) {
                if (w.bit(k, j)) {
                    packed[k * width + (j >>> 3)] |= (byte) (0x80 >>> (j & 7));
                }
            }
        }
        return packed;
    }

    private static BatchNorm batchNorm(NpzReader in, String layer, int rows) {
        List<String> present = new ArrayList<>();
        for (String field : BATCH_NORM) {
            if (in.contains(layer + "/" + field)) {
                present.add(field);
            }
        }
        if (present.isEmpty()) {
            return BatchNorm.identity(rows);
        }
        if (present.size() < BATCH_NORM.size()) {
            List<String> missing = new ArrayList<>(BATCH_NORM);
            missing.removeAll(present);
            throw new WeightsException(in.file() + " has " + layer + "/" + present.get(0) + " but no " + layer + "/" + missing.get(0)
                    + " (batch norm needs gamma, beta, mean, var and eps, or none of them)");
        }
        double[] gamma = vector(in, layer + "/gamma", rows);
        double[] beta = vector(in, layer + "/beta", rows);
        double[] mean = vector(in, layer + "/mean", rows);
        String varName = layer + "/var";
        double[] variance = vector(in, varName, rows);
        String epsName = layer + "/eps";
        double[] eps = finite(in, epsName, in.array(epsName).toDoubles());
        if (eps.length != 1 || eps[0] < 0) {
            throw new WeightsException(
                    in.where(epsName) + " must be one number ≥ 0, got " + (eps.length == 1 ? eps[0] : in.header(epsName)));
        }
        for (int k = 0; k < rows; k++) {
            if (variance[k] < 0) {
                throw new WeightsException(
                        in.where(varName) + " holds " + variance[k] + " at index " + k + ": a variance cannot be negative");
            }
            if (variance[k] + eps[0] == 0) {
                throw new WeightsException(in.where(varName) + " holds 0 at index " + k + " and " + epsName
                        + " is 0: the batch norm would divide by √(var + eps) = 0");
            }
        }
        try {
            return new BatchNorm(gamma, beta, mean, variance, eps[0]);
        } catch (IllegalArgumentException e) {
            throw new WeightsException(in.file() + " layer " + layer + ": " + e.getMessage(), e);
        }
    }

    private static double[] vector(NpzReader in, String name, int rows) {
        NpyArray array = in.array(name);
        long[] shape = array.shape();
        boolean column = shape.length == 2 && shape[1] == 1;
        if (!(shape.length == 1 || column) || shape[0] != rows) {
            throw new WeightsException(in.where(name) + " has shape " + array.header().shapeText() + ", the layer's weights have " + rows
                    + " rows, so (" + rows + ",) is needed");
        }
        return finite(in, name, array.toDoubles());
    }

    /** NaN and ±Inf (what a diverged training exports) would make every neuron's output meaningless. */
    private static double[] finite(NpzReader in, String name, double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new WeightsException(
                        in.where(name) + " holds " + values[i] + " at index " + i + ": batch-norm values must be finite");
            }
        }
        return values;
    }

    /** Bytes per packed row: ceil(N/8). */
    static int packedWidth(int fanIn) {
        return (fanIn + 7) >>> 3;
    }
}
