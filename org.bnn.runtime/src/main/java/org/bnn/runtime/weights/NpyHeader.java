package org.bnn.runtime.weights;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The header of one {@code .npy} array: element type, shape and memory order. Its text form is the
 * Python dict literal of the NPY format ({@code {'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }}),
 * parsed here for exactly those three keys.
 */
public record NpyHeader(NpyType type, long[] shape) {
    private static final Pattern DESCR = Pattern.compile("['\"]descr['\"]\\s*:\\s*['\"]([^'\"]*)['\"]");
    private static final Pattern FORTRAN = Pattern.compile("['\"]fortran_order['\"]\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("['\"]shape['\"]\\s*:\\s*\\(([^)]*)\\)");

    public NpyHeader {
        shape = shape.clone();
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("NPY shape " + Arrays.toString(shape) + " has a negative dimension");
            }
        }
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** Number of elements: the product of the shape (1 for a scalar). */
    public long elements() {
        long n = 1;
        for (long d : shape) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    /** Bytes of the data that follows the header. */
    public long dataBytes() {
        return Math.multiplyExact(elements(), type.bytes());
    }

    /** Shape as NumPy prints it, e.g. {@code (1024, 98)} or {@code ()}. */
    public String shapeText() {
        StringBuilder text = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            text.append(i > 0 ? ", " : "").append(shape[i]);
        }
        return text.append(shape.length == 1 ? ",)" : ")").toString();
    }

    /** The dict literal (without padding). */
    String dictText() {
        return "{'descr': '" + type.descr() + "', 'fortran_order': False, 'shape': " + shapeText() + ", }";
    }

    /** Parses the dict literal of a header; {@code where} names file and entry in errors. */
    static NpyHeader parse(String dict, String where) {
        String text = dict.strip();
        if (!text.startsWith("{") || !text.endsWith("}")) {
            throw new WeightsException(where + ": the NPY header is not a dict literal: " + abbreviate(text));
        }
        Matcher descr = DESCR.matcher(text);
        Matcher fortran = FORTRAN.matcher(text);
        Matcher shape = SHAPE.matcher(text);
        if (!descr.find() || !fortran.find() || !shape.find()) {
            throw new WeightsException(where + ": the NPY header lacks descr, fortran_order or shape (or has a structured type): "
                    + abbreviate(text));
        }
        NpyType type = NpyType.of(descr.group(1));
        if (type == null) {
            throw new WeightsException(where + ": element type '" + descr.group(1)
                    + "' is not supported (little-endian u1, i1, b1, i4, i8, f4, f8 are)");
        }
        if (fortran.group(1).equals("True")) {
            throw new WeightsException(where + ": the array is in Fortran order; save it in C order (np.ascontiguousarray)");
        }
        List<Long> dimensions = new ArrayList<>();
        for (String part : shape.group(1).split(",")) {
            String d = part.strip();
            if (d.endsWith("L")) {
                d = d.substring(0, d.length() - 1); // Python 2 longs
            }
            if (d.isEmpty()) {
                continue;
            }
            try {
                dimensions.add(Long.parseLong(d));
            } catch (NumberFormatException e) {
                throw new WeightsException(where + ": the NPY shape (" + shape.group(1) + ") is not a tuple of integers");
            }
        }
        try {
            NpyHeader header = new NpyHeader(type, dimensions.stream().mapToLong(Long::longValue).toArray());
            header.dataBytes();
            return header;
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new WeightsException(where + ": the NPY shape (" + shape.group(1) + ") is not a valid array size");
        }
    }

    /** The header in the NPY version 1.0 layout: magic, version, length, dict padded with spaces to 64 bytes, newline. */
    byte[] encode() {
        byte[] dict = dictText().getBytes(StandardCharsets.ISO_8859_1);
        int preamble = Npy.MAGIC.length + 2 + 2;
        int total = (preamble + dict.length + 1 + 63) / 64 * 64;
        int headerLength = total - preamble;
        if (headerLength > 0xFFFF) {
            throw new IllegalArgumentException("NPY header of " + headerLength + " bytes needs format version 2");
        }
        byte[] out = new byte[total];
        System.arraycopy(Npy.MAGIC, 0, out, 0, Npy.MAGIC.length);
        out[6] = 1;
        out[7] = 0;
        out[8] = (byte) headerLength;
        out[9] = (byte) (headerLength >>> 8);
        System.arraycopy(dict, 0, out, preamble, dict.length);
        Arrays.fill(out, preamble + dict.length, total - 1, (byte) ' ');
        out[total - 1] = '\n';
        return out;
    }

    private static String abbreviate(String text) {
        return text.length() <= 120 ? text : text.substring(0, 117) + "...";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NpyHeader h && h.type == type && Arrays.equals(h.shape, shape);
    }

    @Override
    public int hashCode() {
        return 31 * type.hashCode() + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return type.descr() + " " + shapeText();
    }
}
