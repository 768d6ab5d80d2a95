package org.bnn.runtime.engine;

import java.util.Locale;
import java.util.SplittableRandom;

import org.bnn.runtime.random.KeyedRandom;
import org.bnn.runtime.spec.InputEncoding;
import org.bnn.runtime.spec.InputSpec;
import org.bnn.runtime.spec.NetworkSpec;
import org.bnn.runtime.spec.Padding;
import org.bnn.runtime.spec.PoolKind;
import org.bnn.runtime.spec.Shape;
import org.bnn.runtime.spec.WeightValues;

/**
 * Checks that the engine's kernel in this JVM ({@link XnorPopcount#kernel()}) computes exactly what
 * the scalar definition computes, and prints a digest of whole-network results that must be the
 * same in every JVM, whichever kernel runs: the way to compare the Java 17 scalar kernel with the
 * Vector API kernel, which only a JDK ≥ 21 can run.
 * <pre>
 * java [--add-modules jdk.incubator.vector] -cp org.bnn.runtime.jar org.bnn.runtime.engine.KernelCheck
 * </pre>
 * prints {@code kernel: …}, {@code rows: … counts agree}, {@code networks: <digest>} and exits with 1
 * on the first disagreement. {@code scripts/bench.sh verify} runs it on JDK 17 and on a newer JDK
 * and compares the digests; the test {@code org.bnn.runtime.tests.kernel.KernelAgreementTest} does
 * the same from JUnit.
 */
public final class KernelCheck {
    private KernelCheck() {
    }

    /** With the argument {@code kernel}: prints only the kernel line. */
    public static void main(String[] args) {
        System.out.println("kernel: " + XnorPopcount.kernel());
        if (args.length > 0 && args[0].equals("kernel")) {
            return;
        }
        try {
            long compared = compareRows(1, 3);
            System.out.println("rows: " + compared + " counts agree with the scalar definition");
        } catch (IllegalStateException e) {
            System.out.println("rows: DISAGREE: " + e.getMessage());
            System.exit(1);
        }
        System.out.println("networks: " + networkDigest());
    }

    /**
     * Compares the active kernel, one input and several at once, with {@link XnorPopcount#matches} on
     * random rows of 1 to 70 words and a few of about 1024 words (where packed counts reach 16 bits),
     * {@code rounds} times (enough calls for the JIT to compile the kernel, so compiled code is checked).
     * Returns the number of counts compared; throws IllegalStateException on the first difference.
     */
    public static long compareRows(long seed, int rounds) {
        SplittableRandom random = new SplittableRandom(seed);
        long compared = 0;
        int[] widths = new int[76];
        for (int i = 0; i < 70; i++) {
            widths[i] = i + 1;
        }
        widths[70] = 127;
        widths[71] = 128;
        widths[72] = 1022;
        widths[73] = 1023;
        widths[74] = 1024;
        widths[75] = 1025;
        for (int round = 0; round < rounds; round++) {
            for (int words : widths) {
                int rows = words > 100 ? 3 : 1 + random.nextInt(40);
                int repeats = words > 100 ? 2 : 60;
                for (int repeat = 0; repeat < repeats; repeat++) {
                    compared += compareOnce(random, words, rows);
                }
            }
            for (int repeat = 0; repeat < 2000; repeat++) {
                compared += compareFiring(random);
            }
        }
        return compared;
    }

    /**
     * The kernel's own thresholding ({@link BinaryKernel#fire}, conv rows of 1 to 9 words, 1 to 70 rows),
     * if it has one for the shape, against the definition: bit firstBit + i·rows + k ORed with
     * ((limit[k] − differing) &lt; 0) XOR sign[k], every other bit of the output left as it was.
     * Returns the number of bits compared (0 where the kernel leaves thresholding to the engine).
     */
    private static long compareFiring(SplittableRandom random) {
        int words = 1 + random.nextInt(9);
        int rows = 1 + random.nextInt(70);
        int bits = words * 64 - random.nextInt(64);
        long[] buffer = new long[BinaryKernel.BLOCK * Math.max(words, rows)];
        BinaryKernel kernel = Kernels.ACTIVE;
        if (!kernel.fires(words, rows, buffer.length)) {
            return 0;
        }
        int count = 1 + random.nextInt(40);
        int density = random.nextInt(3);
        long lastMask = -1L >>> (words * 64 - bits);
        long[] weights = new long[words * rows];
        long[] inputs = new long[words * count];
        for (int n = 0; n < weights.length; n++) {
            weights[n] = randomWord(random, density) & (n % words == words - 1 ? lastMask : -1L);
        }
        for (int n = 0; n < inputs.length; n++) {
            inputs[n] = randomWord(random, density) & (n % words == words - 1 ? lastMask : -1L);
        }
        int[] limit = new int[rows];
        int[] sign = new int[rows];
        for (int k = 0; k < rows; k++) {
            limit[k] = random.nextInt(-1, bits + 1); // the range WeightLayer's limits take
            sign[k] = random.nextInt(2);
        }
        int firstBit = random.nextInt(130);
        long[] output = new long[PackedBits.words(firstBit + count * rows) + random.nextInt(2)];
        for (int n = 0; n < output.length; n++) {
            output[n] = randomWord(random, 0);
        }
        long[] expected = output.clone();
        kernel.fire(weights, words, rows, inputs, count, limit, sign, output, firstBit, buffer);
        long[] input = new long[words];
        for (int i = 0; i < count; i++) {
            System.arraycopy(inputs, i * words, input, 0, words);
            for (int k = 0; k < rows; k++) {
                int differing = bits - XnorPopcount.matches(weights, k * words, input, bits);
                int bit = firstBit + i * rows + k;
                expected[bit >>> 6] |= (long) ((limit[k] - differing) >>> 31 ^ sign[k]) << bit;
            }
        }
        for (int n = 0; n < output.length; n++) {
            if (output[n] != expected[n]) {
                throw new IllegalStateException(String.format(Locale.ROOT,
                        "%s: firing %d inputs against %d rows of %d words from bit %d: output word %d is %016x, expected %016x",
                        kernel.description(), count, rows, words, firstBit, n, output[n], expected[n]));
            }
        }
        return (long) count * rows;
    }

    private static long compareOnce(SplittableRandom random, int words, int rows) {
        int bits = words * 64 - random.nextInt(64);
        long lastMask = -1L >>> (words * 64 - bits);
        // Sparse, dense or uniform bits, so that counts near 0 and near the fan-in occur too.
        int density = random.nextInt(3);
        long[] weights = new long[words * rows];
        for (int k = 0; k < rows; k++) {
            for (int i = 0; i < words; i++) {
                weights[k * words + i] = randomWord(random, density) & (i == words - 1 ? lastMask : -1L);
            }
        }
        int count = 1 + random.nextInt(9);
        int offset = random.nextInt(3);
        long[][] inputs = new long[count][];
        for (int j = 0; j < count; j++) {
            inputs[j] = new long[words + random.nextInt(3)];
            for (int i = 0; i < words; i++) {
                inputs[j][i] = randomWord(random, density) & (i == words - 1 ? lastMask : -1L);
            }
        }
        long[] shifted = new long[offset + words + random.nextInt(3)];
        System.arraycopy(inputs[0], 0, shifted, offset, words);
        int[] batch = new int[rows * count];
        XnorPopcount.differences(weights, words, rows, inputs, count, batch);
        int[] single = new int[rows];
        XnorPopcount.differences(weights, words, rows, shifted, offset, single);
        for (int j = 0; j < count; j++) {
            for (int k = 0; k < rows; k++) {
                int expected = bits - XnorPopcount.matches(weights, k * words, inputs[j], bits);
                if (batch[j * rows + k] != expected || j == 0 && single[k] != expected) {
                    throw new IllegalStateException(String.format(Locale.ROOT,
                            "%s: %d words, row %d of %d, input %d of %d (offset %d): expected %d differing bits, got %d (batched) / %d (one input)",
                            XnorPopcount.kernel(), words, k, rows, j, count, offset, expected, batch[j * rows + k], single[k]));
                }
            }
        }
        return (long) rows * (count + 1);
    }

    private static long randomWord(SplittableRandom random, int density) {
        long word = random.nextLong();
        return switch (density) {
            case 0 -> word & random.nextLong() & random.nextLong();
            case 1 -> word | random.nextLong() | random.nextLong();
            default -> word;
        };
    }

    /**
     * A digest of predictions, scores and pre-activations of several random networks (dense with the
     * reference 784-1024-1024-1024-10 shape, conv with max and average pools, short and long conv rows,
     * bit-serial dense and conv layers), one
     * input at a time and through {@link BinaryNetwork.Scratch#predictAll}, without errors, with
     * per-chip, per-inference and per-read weight errors. The same in every JVM and with every kernel.
     */
    public static String networkDigest() {
        NetworkSpec[] specs = {
            NetworkSpec.builder("Mlp", "pixels", 28, 28).dense("fc1", 1024).dense("fc2", 1024).dense("fc3", 1024).output("out", 10).build(),
            NetworkSpec.builder("Odd", "in", 13, 11).dense("fc1", 97).dense("fc2", 600).dense("fc3", 70).output("out", 10).build(),
            NetworkSpec.builder("ConvMax", "img", 12, 12, 2).conv("c1", 16, 3, 1, Padding.VALID).pool("p1", PoolKind.MAX, 2, 2)
                    .conv("c2", 67, 3, 1, new Padding(1, -1)).pool("p2", PoolKind.MAX, 3, 2).dense("fc", 40).output("out", 5).build(),
            NetworkSpec.builder("ConvAvg", "img", 10, 10, 3).conv("c1", 12, 3, 1, new Padding(1, 1)).pool("p1", PoolKind.AVG, 2, 2)
                    .conv("c2", 9, 2, 1, Padding.VALID).dense("fc", 11).output("out", 3).build(),
            NetworkSpec.builder("Serial", new InputSpec("px", Shape.flat(600), new InputEncoding.BitSerial(4)))
                    .dense("fc", 700).dense("fc2", 64).output("out", 4).build(),
            // Conv rows of 9 words (the vector kernel's blocks) and a bit-serial conv (input levels).
            NetworkSpec.builder("ConvWide", "img", 7, 9, 64).conv("c1", 40, 3, 1, new Padding(1, -1)).pool("p1", PoolKind.MAX, 2, 2)
                    .output("out", 6).build(),
            NetworkSpec.builder("SerialConv", new InputSpec("px", new Shape(15, 13, 1), new InputEncoding.BitSerial(8)))
                    .conv("c1", 16, 3, 1, new Padding(1, -1)).pool("p1", PoolKind.MAX, 2, 2).dense("fc", 30).output("out", 10).build(),
            // Conv rows shorter than a vector, thresholded by the vector kernel itself: 1, 4 and 1 words; 24, 13
            // (groups overlapping) and 64 channels; padding +1 and −1, stride 2, a max pool.
            NetworkSpec.builder("ConvShort", "img", 9, 11, 5).conv("c1", 24, 3, 1, new Padding(1, 1)).pool("p1", PoolKind.MAX, 2, 2)
                    .conv("c2", 13, 3, 2, new Padding(1, -1)).conv("c3", 64, 1, 1, Padding.VALID).dense("fc", 20).output("out", 4)
                    .build(),
            // The same with ternary weights (rows of twice the fan-in: 1 and 5 words), 40 channels (5 groups), then
            // 7 channels (fewer rows than a vector: the engine thresholds them).
            NetworkSpec.builder("ConvShortTernary", "img", 8, 7, 3).weights(WeightValues.TERNARY)
                    .conv("c1", 16, 3, 1, new Padding(1, -1)).conv("c2", 40, 3, 2, new Padding(1, 1))
                    .conv("c3", 7, 3, 1, new Padding(1, -1)).output("out", 3).build()};
        long digest = 0;
        for (int s = 0; s < specs.length; s++) {
            BinaryNetwork network = RandomNetworks.create(specs[s], 10 + s);
            long[][] inputs = RandomNetworks.inputs(network, 40, 20 + s);
            BinaryNetwork chip = network.withWeightFlips(flips(network, KeyedRandom.key(5, s)));
            for (BinaryNetwork net : new BinaryNetwork[] {network, chip}) {
                BinaryNetwork.Scratch scratch = net.newScratch();
                int[] all = new int[inputs.length];
                boolean[] tied = new boolean[inputs.length];
                scratch.predictAll(inputs, 0, inputs.length, all, tied);
                for (int n = 0; n < inputs.length; n++) {
                    int one = scratch.predict(inputs[n]);
                    digest = add(digest, one);
                    digest = add(digest, all[n] == one && tied[n] == scratch.lastSharingMaximum() > 1 ? 1 : -1);
                    for (long a : scratch.lastPreActivations()) {
                        digest = add(digest, a);
                    }
                    for (double score : scratch.lastScores()) {
                        digest = add(digest, Double.doubleToLongBits(score));
                    }
                }
            }
            BinaryNetwork.Scratch scratch = network.newScratch();
            for (int n = 0; n < inputs.length; n++) {
                long key = KeyedRandom.key(KeyedRandom.key(7, s), n);
                digest = add(digest, scratch.predictWithFlips(inputs[n], flips(network, key)));
                for (long a : scratch.lastPreActivations()) {
                    digest = add(digest, a);
                }
                long[][] perRead = flips(network, key ^ 1);
                digest = add(digest,
                        scratch.predictWithReadFlips(inputs[n], (layer, read) -> read % 2 == 0 ? perRead[layer] : new long[0]));
                for (long a : scratch.lastPreActivations()) {
                    digest = add(digest, a);
                }
            }
        }
        return String.format(Locale.ROOT, "%016x", digest);
    }

    /** About 1 % of every layer's weights, distinct positions, a pure function of the key. */
    private static long[][] flips(BinaryNetwork network, long key) {
        long[][] flips = new long[network.weightLayerCount()][];
        for (int l = 0; l < flips.length; l++) {
            long size = network.weights(l).size();
            long layerKey = KeyedRandom.key(key, l);
            flips[l] = java.util.stream.LongStream.range(0, size / 100 + 1)
                    .map(i -> Math.floorMod(KeyedRandom.bits(layerKey, i), size)).distinct().toArray();
        }
        return flips;
    }

    private static long add(long digest, long value) {
        return KeyedRandom.mix(digest * 31 + value);
    }
}
