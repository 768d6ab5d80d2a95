package org.bnn.onnx.testing;

import java.nio.FloatBuffer;
import java.util.Map;

import org.bnn.runtime.data.Dataset;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/** Runs an exported model in onnxruntime (its Java API) on a data set, in batches. */
public final class OnnxRuntimeRunner {
    private static final int BATCH = 500;

    private OnnxRuntimeRunner() {
    }

    /** onnxruntime's predicted class of every image of {@code data}, fed as (N, C, H, W) pixels in [0, 1], or (N, D) if flat. */
    public static int[] predictions(ModelProto model, Dataset data, boolean flat) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        int[] result = new int[data.size()];
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            try (OrtSession session = env.createSession(model.toByteArray(), options)) {
                int size = data.imageSize();
                for (int from = 0; from < data.size(); from += BATCH) {
                    int n = Math.min(BATCH, data.size() - from);
                    float[] batch = new float[n * size];
                    for (int i = 0; i < n; i++) {
                        // The simulator's images are HWC; ONNX reads NCHW.
                        float[] hwc = data.image(from + i);
                        int c = data.channels();
                        int hw = size / c;
                        for (int p = 0; p < hw; p++) {
                            for (int ch = 0; ch < c; ch++) {
                                batch[i * size + ch * hw + p] = hwc[p * c + ch];
                            }
                        }
                    }
                    long[] shape = flat ? new long[] {n, size} : new long[] {n, data.channels(), data.height(), data.width()};
                    try (OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(batch), shape);
                            OrtSession.Result out = session.run(Map.of("pixels", input))) {
                        long[] predicted = (long[]) out.get("prediction").orElseThrow().getValue();
                        for (int i = 0; i < n; i++) {
                            result[from + i] = (int) predicted[i];
                        }
                    }
                }
            }
        }
        return result;
    }
}
