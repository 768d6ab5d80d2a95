package org.bnn.onnx.text;

import java.util.List;
import java.util.Locale;

import org.bnn.runtime.spec.InputEncoding;
import org.bnn.runtime.spec.InputSpec;
import org.bnn.runtime.spec.LayerSpec;
import org.bnn.runtime.spec.NetworkSpec;
import org.bnn.runtime.spec.PoolKind;
import org.bnn.runtime.spec.Shape;
import org.bnn.runtime.spec.WeightValues;

/** A network description as a formatted {@code network} block of the .bnn language (docs/language.md). */
public final class NetworkText {
    private static final String INDENT = "    ";

    private NetworkText() {
    }

    /** The block of {@code spec}, reading its weights from {@code weightsFile} (relative to the .bnn file). */
    public static String block(NetworkSpec spec, String weightsFile) {
        StringBuilder b = new StringBuilder("network ").append(spec.name()).append(" {\n");
        b.append(INDENT).append(input(spec.input())).append('\n');
        List<LayerSpec> withWeights = spec.layers().stream().filter(LayerSpec::hasWeights).toList();
        boolean allTernary = withWeights.stream().allMatch(l -> l.values() == WeightValues.TERNARY);
        if (allTernary) {
            b.append(INDENT).append("weights ternary\n");
        }
        for (LayerSpec layer : spec.layers()) {
            b.append(INDENT).append(layer(layer));
            if (!allTernary && layer.hasWeights() && layer.values() == WeightValues.TERNARY) {
                b.append(" weights ternary");
            }
            b.append('\n');
        }
        b.append(INDENT).append("weights \"").append(weightsFile.replace("\\", "/")).append("\"\n");
        return b.append("}\n").toString();
    }

    static String input(InputSpec input) {
        Shape s = input.shape();
        String shape = s.height() == 1 && s.width() == 1
                ? String.valueOf(s.channels())
                : s.channels() == 1 ? s.height() + " x " + s.width() : s.height() + " x " + s.width() + " x " + s.channels();
        String encoding = input.encoding() instanceof InputEncoding.BitSerial b
                ? "bitserial " + b.bits() + " bits"
                : "binarize at " + number(((InputEncoding.Binarize) input.encoding()).threshold());
        return "input " + input.name() + ": " + shape + " " + encoding;
    }

    static String layer(LayerSpec layer) {
        if (layer instanceof LayerSpec.Conv c) {
            String stride = c.stride() == 1 ? "" : " stride " + c.stride();
            String padding = c.padding().amount() == 0 ? " valid" : " padding " + c.padding().amount() + " value " + c.padding().value();
            return "conv " + c.name() + ": " + c.channels() + " kernel " + c.kernel() + stride + padding;
        }
        if (layer instanceof LayerSpec.Pool p) {
            String stride = p.stride() == p.size() ? "" : " stride " + p.stride();
            return "pool " + p.name() + ": " + (p.kind() == PoolKind.MAX ? "max " : "avg ") + p.size() + stride;
        }
        if (layer instanceof LayerSpec.Dense d) {
            return "dense " + d.name() + ": " + d.neurons();
        }
        LayerSpec.Output o = (LayerSpec.Output) layer;
        return "output " + o.name() + ": dense " + o.classes();
    }

    /** A threshold as the shortest decimal that reads back to the same double. */
    static String number(double v) {
        String s = Double.toString(v);
        return s.contains("E") ? String.format(Locale.ROOT, "%s", s.replace("E", "e")) : s.replaceAll("\\.0$", "");
    }
}
