package org.bnn.runtime.errors;

import java.util.concurrent.ConcurrentHashMap;

import org.bnn.runtime.random.Binomial;
import org.bnn.runtime.random.BinomialInversion;

/**
 * Binomial flip counts for {@link NestedFlips} (and the tables {@link PopcountDomain} draws from),
 * with the inversion tables of the (n, p) pairs in use
 * kept: a sweep draws the same few pairs (layers × BER points) for every trial and inference, and a
 * table answers in a binary search what the walk pays O(√(np)) divisions for — the same count.
 */
final class FlipCounts {
    /** Tables kept at most; a run that meets more pairs starts over (they are cheap to rebuild). */
    private static final int MAX_TABLES = 512;
    private static final ConcurrentHashMap<Pair, BinomialInversion> TABLES = new ConcurrentHashMap<>();

    private record Pair(long n, double p) {
    }

    private FlipCounts() {
    }

    /** {@link Binomial#inverse}(u, n, p); 0 ≤ p ≤ 1, n ≥ 0. */
    static long count(double u, long n, double p) {
        if (p == 0 || p == 1 || n == 0) {
            return Binomial.inverse(u, n, p);
        }
        return table(n, p).inverse(u);
    }

    /** The kept inversion table of Binomial(n, p); n ≥ 1 and 0 &lt; p &lt; 1. */
    static BinomialInversion table(long n, double p) {
        Pair pair = new Pair(n, p);
        BinomialInversion table = TABLES.get(pair);
        if (table == null) {
            if (TABLES.size() >= MAX_TABLES) {
                TABLES.clear();
            }
            table = TABLES.computeIfAbsent(pair, q -> BinomialInversion.of(q.n(), q.p()));
        }
        return table;
    }
}
