package org.bnn.onnx.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.bnn.onnx.model.OnnxFormatException;
import org.bnn.onnx.model.Attributes;
import org.bnn.onnx.model.Tensor;
import org.bnn.runtime.engine.BatchNorm;
import org.bnn.runtime.spec.InputEncoding;
import org.bnn.runtime.spec.LayerSpec;
import org.bnn.runtime.spec.PoolKind;
import org.junit.jupiter.api.Test;

import ai.onnx.proto.OnnxMl.ModelProto;

/** What an import refuses, with the one line it gives, and the graph forms it reads besides PyTorch's. */
class ImportErrorsTest {

    private static String error(ModelProto model) {
        return assertThrows(OnnxFormatException.class, () -> NetworkImporter.importModel(model, "m.onnx", "M", 8)).getMessage();
    }

    private static Tensor ones(long... shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        double[] v = new double[(int) n];
        java.util.Arrays.fill(v, 1);
        return new Tensor(shape, v);
    }

    @Test
    void aConvPaddedWithZerosIsRefusedWithTheWayOut() {
        TorchStyleModel m = new TorchStyleModel(1, 1, 4, 4);
        m.node("Conv", List.of("x", m.constant(ones(2, 1, 3, 3))), Attributes.ints("pads", 1, 1, 1, 1));
        assertEquals("m.onnx: node '/Conv_2' (Conv): pads with 0 (pads=1); a binarized network has no 0 activations: pad with -1 or +1"
                + " in a Pad node before the Conv (F.pad(x, (p, p, p, p), value=-1) in PyTorch) and give the Conv padding=0",
                error(m.build(m.last())));
    }

    @Test
    void realWeightsAreRefused() {
        TorchStyleModel m = new TorchStyleModel(1, 4);
        m.node("MatMul", List.of("x", m.constant(new Tensor(new long[] {4, 2}, new double[] {1, -1, 0.5, 1, 1, 1, -1, -1}))));
        assertEquals("m.onnx: node '/MatMul_2' (MatMul): has a weight of 0.5; weights must be binarized (±1, or -1/0/+1 for ternary):"
                + " put the weight through a sign (Sign, BipolarQuant with scale 1, or Where(w >= 0, 1, -1))", error(m.build(m.last())));
    }

    @Test
    void aReluIsRefusedAsARealValuedActivation() {
        TorchStyleModel m = new TorchStyleModel(1, 4);
        String a = m.node("MatMul", List.of("x", m.constant(ones(4, 3))));
        m.node("Relu", List.of(a));
        assertEquals("m.onnx: node '/Relu_3' (Relu): is a real-valued activation; a binarized network's activations are signs"
                + " (Sign, BipolarQuant or Where(x >= 0, 1, -1)); an import reads " + NetworkImporter.SUPPORTED, error(m.build(m.last())));
    }

    @Test
    void aBranchIsRefused() {
        TorchStyleModel m = new TorchStyleModel(1, 4);
        String s = m.sign("x", 0);
        String a = m.node("MatMul", List.of(s, m.constant(ones(4, 4))));
        m.node("Add", List.of(a, s));
        assertEquals("m.onnx: node '/Add_8' (Add): reads activations that another node already transformed; the simulator runs"
                + " sequential networks (no branches or skip connections)", error(m.build(m.last())));
    }

    @Test
    void aMaxPoolBeforeABatchNormWithANegativeScaleIsRefused() {
        TorchStyleModel m = new TorchStyleModel(1, 1, 4, 4);
        String a = m.node("Conv", List.of(m.sign("x", 0), m.constant(ones(2, 1, 1, 1))));
        String p = m.node("MaxPool", List.of(a), Attributes.ints("kernel_shape", 2, 2), Attributes.ints("strides", 2, 2));
        m.node("BatchNormalization", List.of(p, m.constant(Tensor.vector(1, -1)), m.constant(Tensor.vector(0, 0)),
                m.constant(Tensor.vector(0, 0)), m.constant(Tensor.vector(1, 1))));
        String message = error(m.build(m.last()));
        assertEquals("m.onnx: node '/BatchNormalization_13' (BatchNormalization): has a negative scale in channel 1 after the max pool"
                + " /MaxPool_8: the simulator pools the signs, which equals pooling before the batch norm only when every scale is >= 0;"
                + " move the MaxPool after the sign", message);
    }

    @Test
    void finnStyleThresholdsAveragePoolsAndGemmBiasesImport() {
        TorchStyleModel m = new TorchStyleModel(1, 1, 4, 4);
        String s = m.node("BipolarQuant", "qonnx.custom_op.general", List.of("x", m.constant(Tensor.scalar(1))));
        String a = m.node("Conv", List.of(s, m.constant(ones(2, 1, 1, 1))));
        String avg = m.node("AveragePool", List.of(a), Attributes.ints("kernel_shape", 2, 2), Attributes.ints("strides", 2, 2));
        String t = m.node("MultiThreshold", "qonnx.custom_op.general",
                List.of(avg, m.constant(new Tensor(new long[] {2, 1}, new double[] {0.5, -0.5}))),
                Attributes.real("out_scale", 2), Attributes.real("out_bias", -1));
        String f = m.node("Flatten", List.of(t));
        m.node("Gemm", List.of(f, m.constant(ones(3, 8)), m.constant(Tensor.vector(0.25, 0.5, 0.75))),
                Attributes.integer("transB", 1));
        ImportedNetwork imported = NetworkImporter.importModel(m.build(m.last()), "m.onnx", "M", 8);
        assertEquals(new InputEncoding.Binarize(0.5), imported.spec().input().encoding());
        assertEquals(List.of(new LayerSpec.Conv("conv1", 2, 1, 1, org.bnn.runtime.spec.Padding.VALID),
                new LayerSpec.Pool("pool1", PoolKind.AVG, 2, 2),
                new LayerSpec.Output("out", 3)), imported.spec().layers());
        // MultiThreshold without a batch norm: y = a - t, so +1 iff a >= t.
        assertEquals(new BatchNorm(new double[] {1, 1}, new double[] {0, 0}, new double[] {0.5, -0.5}, new double[] {1, 1}, 0),
                imported.parameters().layer("conv1").orElseThrow().batchNorm());
        // A classifier without a batch norm keeps its bias as the affine's offset.
        assertEquals(new BatchNorm(new double[] {1, 1, 1}, new double[] {0.25, 0.5, 0.75}, new double[3], new double[] {1, 1, 1}, 0),
                imported.parameters().layer("out").orElseThrow().batchNorm());
    }

    @Test
    void anOnnxSignIsNotedForItsTieRule() {
        TorchStyleModel m = new TorchStyleModel(1, 4);
        String s = m.node("Sign", List.of("x"));
        m.node("MatMul", List.of(s, m.constant(ones(4, 2))));
        ImportedNetwork imported = NetworkImporter.importModel(m.build(m.last()), "m.onnx", "M", 8);
        assertEquals(List.of("ONNX's Sign(0) is 0, the simulator's sign(0) is +1: an exact zero pre-activation (rare with a real-valued"
                + " batch norm) reads differently"), imported.notes());
    }

    @Test
    void aNodeMissingItsInputsIsNamed() {
        // Found by ImportFuzzTest: a node whose inputs were dropped made the importer index an empty list.
        TorchStyleModel m = new TorchStyleModel(1, 4);
        String s = m.sign("x", 0);
        String a = m.node("MatMul", List.of(s, m.constant(ones(4, 2))));
        m.node("Softmax", List.of(a));
        m.node("ConstantOfShape", List.of());
        ModelProto model = m.build(m.last());
        assertEquals("m.onnx: node '/ConstantOfShape_9' (ConstantOfShape): has 0 inputs; ConstantOfShape needs at least 1", error(model));
    }

    @Test
    void aBatchNormWithANegativeEpsilonIsNamed() {
        // Found by ImportFuzzTest: the runtime's own check of the batch norm escaped as an IllegalArgumentException.
        TorchStyleModel m = new TorchStyleModel(1, 4);
        String a = m.node("MatMul", List.of(m.sign("x", 0), m.constant(ones(4, 2))));
        m.node("BatchNormalization",
                List.of(a, m.constant(Tensor.vector(1, 1)), m.constant(Tensor.vector(0, 0)), m.constant(Tensor.vector(0, 0)),
                        m.constant(Tensor.vector(1, 1))),
                Attributes.real("epsilon", -0.5));
        String message = error(m.build(m.last()));
        assertEquals(
                "m.onnx: node '/BatchNormalization_12' (BatchNormalization): is malformed: BatchNorm.epsilon must be finite and non-negative, got -0.5",
                message);
    }
}
