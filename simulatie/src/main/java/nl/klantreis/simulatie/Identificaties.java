package nl.klantreis.simulatie;

import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Numbers and ids for simulated klanten. A BSN and a KVK number follow from the klant's index
 * through a permutation that depends on the seed, so two klanten of one simulation never share
 * a number (which would silently merge their klantreizen), while another seed gives other
 * numbers.
 */
final class Identificaties {
    /** Seven free digits after a non-zero first digit, the eighth picked to satisfy the elfproef. */
    static final int MEESTE_KLANTEN = 9_000_000;
    private static final long KVK_BEREIK = 90_000_000L;

    private final long bsnFactor;
    private final long bsnVerschuiving;
    private final long kvkFactor;
    private final long kvkVerschuiving;

    Identificaties(long seed) {
        long h1 = meng(seed ^ 0x5DEECE66DL);
        long h2 = meng(h1);
        long h3 = meng(h2);
        long h4 = meng(h3);
        this.bsnFactor = onderling(Math.floorMod(h1, MEESTE_KLANTEN));
        this.bsnVerschuiving = Math.floorMod(h2, MEESTE_KLANTEN);
        this.kvkFactor = onderling(Math.floorMod(h3, KVK_BEREIK));
        this.kvkVerschuiving = Math.floorMod(h4, KVK_BEREIK);
    }

    /**
     * A factor coprime with 9,000,000 and 90,000,000 (both 2^a 3^2 5^b), so that multiplying by
     * it permutes the indexes.
     */
    private static long onderling(long kandidaat) {
        long f = kandidaat | 1;
        while (f % 3 == 0 || f % 5 == 0) {
            f += 2;
        }
        return f;
    }

    /** A BSN that passes the elfproef, unique for the index within this seed. */
    String bsn(int index, SplittableRandom rng) {
        long zeven = 1_000_000 + Math.floorMod(bsnFactor * index + bsnVerschuiving, MEESTE_KLANTEN);
        int[] cijfers = new int[9];
        long rest = zeven;
        for (int i = 6; i >= 0; i--) {
            cijfers[i] = (int) (rest % 10);
            rest /= 10;
        }
        int som7 = 0;
        for (int i = 0; i < 7; i++) {
            som7 += (9 - i) * cijfers[i];
        }
        // The eighth digit has weight 2: among ten tries at most one gives a check digit of 10.
        int start = rng.nextInt(10);
        for (int k = 0; k < 10; k++) {
            int d8 = (start + k) % 10;
            int controle = (som7 + 2 * d8) % 11;
            if (controle < 10) {
                cijfers[7] = d8;
                cijfers[8] = controle;
                break;
            }
        }
        StringBuilder bsn = new StringBuilder(9);
        for (int cijfer : cijfers) {
            bsn.append((char) ('0' + cijfer));
        }
        return bsn.toString();
    }

    /** An 8-digit KVK number, unique for the index within this seed. */
    String kvk(int index) {
        return Long.toString(10_000_000L + Math.floorMod(kvkFactor * index + kvkVerschuiving, KVK_BEREIK));
    }

    static UUID uuid(SplittableRandom rng) {
        long hoog = (rng.nextLong() & 0xFFFFFFFFFFFF0FFFL) | 0x0000000000004000L;
        long laag = (rng.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(hoog, laag);
    }

    /** SplitMix64's finaliser: spreads nearby seeds and indexes over the whole range. */
    static long meng(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The seed of one klant's random stream: independent of every other klant and of thread or order. */
    static long klantzaad(long seed, int index, long zout) {
        return meng(meng(seed + zout) ^ (0x9E3779B97F4A7C15L * (index + 1L)));
    }
}
