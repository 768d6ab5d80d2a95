package org.bnn.onnx.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.bnn.onnx.model.Attributes;
import org.bnn.onnx.model.Tensor;
import org.bnn.runtime.engine.BinaryNetwork;
import org.junit.jupiter.api.Test;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;

/**
 * Property: a random sequential BNN written as PyTorch exports it (binarized input, Pad ±1, Conv of ±1
 * or ternary weights, BatchNormalization, Where(x >= 0, 1, -1), MaxPool, Flatten, MatMul or Gemm)
 * imports to a network whose simulation predicts what onnxruntime predicts running the ONNX model
 * itself, on random images. Batch norms are drawn so that no pre-activation is a tie and class scores
 * never coincide, so float32 arithmetic cannot decide a comparison either way.
 */
class RandomModelsImportTest {
    private static final int MODELS = 40;
    private static final int IMAGES = 40;

    @Test
    void randomTorchStyleModelsSimulateToOnnxRuntimesPredictions() throws Exception {
        for (int seed = 0; seed < MODELS; seed++) {
            Random random = new Random(seed);
            Drawn drawn = draw(random);
            ImportedNetwork imported = NetworkImporter.importModel(drawn.model, "random-" + seed + ".onnx", "Random", 8);
            BinaryNetwork network = BinaryNetwork.create(imported.spec(), imported.parameters());
            int size = drawn.channels * drawn.height * drawn.width;
            List<String> mismatches = new ArrayList<>();
            float[][] images = new float[IMAGES][size];
            for (float[] image : images) {
                for (int j = 0; j < size; j++) {
                    image[j] = random.nextInt(256) / 255f;
                }
            }
            int[] onnx = runtime(drawn, images);
            for (int i = 0; i < IMAGES; i++) {
                int simulated = network.predict(network.encode(hwc(images[i], drawn)));
                if (simulated != onnx[i]) {
                    mismatches.add("image " + i + ": simulator " + simulated + ", onnxruntime " + onnx[i]);
                }
            }
            assertEquals(List.of(), mismatches.subList(0, Math.min(5, mismatches.size())), "seed " + seed + " (" + mismatches.size()
                    + " images disagree), " + imported.spec());
        }
    }

    private record Drawn(ModelProto model, String output, int channels, int height, int width) {
    }

    private static Drawn draw(Random r) {
        int inputChannels = 1 + r.nextInt(3);
        int inputHeight = 5 + r.nextInt(6);
        int inputWidth = 5 + r.nextInt(6);
        TorchStyleModel m = new TorchStyleModel(1, inputChannels, inputHeight, inputWidth);
        String x = m.sign("x", 0);
        int channels = inputChannels;
        int height = inputHeight;
        int width = inputWidth;
        int convs = 1 + r.nextInt(2);
        for (int i = 0; i < convs; i++) {
            int k = 1 + r.nextInt(3);
            int stride = 1 + r.nextInt(2);
            int pad = k > 1 ? r.nextInt(2) : 0;
            if (height + 2 * pad < k || width + 2 * pad < k) {
                break;
            }
            if (pad > 0) {
                x = m.node("Pad", List.of(x, m.longs(0, 0, pad, pad, 0, 0, pad, pad), m.constant(Tensor.scalar(r.nextBoolean() ? 1 : -1))));
            }
            int out = 2 + r.nextInt(6);
            x = m.node("Conv", List.of(x, m.constant(new Tensor(new long[] {out, channels, k, k}, weights(r, out * channels * k * k)))),
                    Attributes.ints("kernel_shape", k, k), Attributes.ints("strides", stride, stride));
            x = m.sign(batchNorm(m, r, x, out, k * k * channels), 0);
            height = (height + 2 * pad - k) / stride + 1;
            width = (width + 2 * pad - k) / stride + 1;
            channels = out;
            if (height >= 2 && width >= 2 && r.nextBoolean()) {
                x = m.node("MaxPool", List.of(x), Attributes.ints("kernel_shape", 2, 2), Attributes.ints("strides", 2, 2));
                height /= 2;
                width /= 2;
            }
        }
        x = m.node("Flatten", List.of(x), Attributes.integer("axis", 1));
        int features = channels * height * width;
        if (r.nextBoolean()) {
            int out = 3 + r.nextInt(10);
            x = m.sign(batchNorm(m, r, dense(m, r, x, features, out), out, features), 0);
            features = out;
        }
        int classes = 2 + r.nextInt(4);
        String scores = dense(m, r, x, features, classes);
        double[] beta = new double[classes];
        double[] ones = new double[classes];
        for (int k = 0; k < classes; k++) {
            beta[k] = 0.05 + 0.9 * k / classes; // distinct fractions: integer scores plus these never tie
            ones[k] = 1;
        }
        scores = m.node("BatchNormalization", List.of(scores, m.constant(Tensor.vector(ones)), m.constant(Tensor.vector(beta)),
                m.constant(Tensor.vector(new double[classes])), m.constant(Tensor.vector(ones))), Attributes.real("epsilon", 0));
        return new Drawn(m.build(scores), scores, inputChannels, inputHeight, inputWidth);
    }

    private static double[] weights(Random r, int n) {
        boolean ternary = r.nextInt(4) == 0;
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = ternary && r.nextInt(3) == 0 ? 0 : r.nextBoolean() ? 1 : -1;
        }
        return w;
    }

    /** A dense layer, as Gemm(transB = 1) or as MatMul of the transposed weights. */
    private static String dense(TorchStyleModel m, Random r, String x, int in, int out) {
        double[] rows = weights(r, out * in);
        if (r.nextBoolean()) {
            return m.node("Gemm", List.of(x, m.constant(new Tensor(new long[] {out, in}, rows))), Attributes.integer("transB", 1));
        }
        double[] columns = new double[rows.length];
        for (int o = 0; o < out; o++) {
            for (int j = 0; j < in; j++) {
                columns[j * out + o] = rows[o * in + j];
            }
        }
        return m.node("MatMul", List.of(x, m.constant(new Tensor(new long[] {in, out}, columns))));
    }

    /** A batch norm whose mean is a half-integer (an integer pre-activation never equals it) and whose scale may be negative. */
    private static String batchNorm(TorchStyleModel m, Random r, String x, int n, int fanIn) {
        double[] gamma = new double[n];
        double[] beta = new double[n];
        double[] mean = new double[n];
        double[] var = new double[n];
        for (int k = 0; k < n; k++) {
            gamma[k] = (0.5 + r.nextDouble()) * (r.nextInt(4) == 0 ? -1 : 1);
            mean[k] = r.nextInt(2 * fanIn + 1) - fanIn + 0.5;
            var[k] = 0.1 + 4 * r.nextDouble();
        }
        return m.node("BatchNormalization", List.of(x, m.constant(Tensor.vector(gamma)), m.constant(Tensor.vector(beta)),
                m.constant(Tensor.vector(mean)), m.constant(Tensor.vector(var))));
    }

    /** onnxruntime's argmax of the model's scores for each image, fed as x̃ = 2x − 1 in NCHW (the import's input convention). */
    private static int[] runtime(Drawn drawn, float[][] images) throws Exception {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        int size = images[0].length;
        float[] batch = new float[images.length * size];
        for (int i = 0; i < images.length; i++) {
            for (int j = 0; j < size; j++) {
                batch[i * size + j] = 2 * images[i][j] - 1;
            }
        }
        int[] predictions = new int[images.length];
        try (OrtSession session = env.createSession(drawn.model().toByteArray(), new OrtSession.SessionOptions());
                OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(batch),
                        new long[] {images.length, drawn.channels(), drawn.height(), drawn.width()});
                OrtSession.Result result = session.run(Map.of("x", input))) {
            float[][] scores = (float[][]) result.get(0).getValue();
            for (int i = 0; i < images.length; i++) {
                int best = 0;
                for (int k = 1; k < scores[i].length; k++) {
                    best = scores[i][k] > scores[i][best] ? k : best;
                }
                predictions[i] = best;
            }
        }
        return predictions;
    }

    /** An NCHW image (as onnxruntime reads it) in the simulator's HWC order. */
    private static float[] hwc(float[] nchw, Drawn drawn) {
        int c = drawn.channels();
        int hw = drawn.height() * drawn.width();
        float[] out = new float[nchw.length];
        for (int ch = 0; ch < c; ch++) {
            for (int p = 0; p < hw; p++) {
                out[p * c + ch] = nchw[ch * hw + p];
            }
        }
        return out;
    }
}
