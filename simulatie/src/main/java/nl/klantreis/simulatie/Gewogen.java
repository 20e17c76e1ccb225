package nl.klantreis.simulatie;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A weighted choice among a fixed list of values. The order of the values is part of the
 * result: the same random draw always picks the same value, which keeps the simulation
 * reproducible.
 */
final class Gewogen<T> {
    private final List<T> waarden;
    private final double[] grenzen;

    private Gewogen(List<T> waarden, double[] gewichten) {
        if (waarden.isEmpty()) {
            throw new IllegalArgumentException("geen waarden om uit te kiezen");
        }
        this.waarden = List.copyOf(waarden);
        this.grenzen = new double[gewichten.length];
        double som = 0;
        for (int i = 0; i < gewichten.length; i++) {
            if (gewichten[i] < 0) {
                throw new IllegalArgumentException("negatief gewicht");
            }
            som += gewichten[i];
            grenzen[i] = som;
        }
        if (som <= 0) {
            throw new IllegalArgumentException("alle gewichten zijn 0");
        }
        for (int i = 0; i < grenzen.length; i++) {
            grenzen[i] /= som;
        }
    }

    /** Pairs of value and weight: {@code van("a", 3, "b", 1)}. */
    @SuppressWarnings("unchecked")
    static <T> Gewogen<T> van(Object... paren) {
        if (paren.length % 2 != 0) {
            throw new IllegalArgumentException("waarden en gewichten komen in paren");
        }
        List<T> waarden = new ArrayList<>();
        double[] gewichten = new double[paren.length / 2];
        for (int i = 0; i < paren.length; i += 2) {
            waarden.add((T) paren[i]);
            gewichten[i / 2] = ((Number) paren[i + 1]).doubleValue();
        }
        return new Gewogen<>(waarden, gewichten);
    }

    static <T> Gewogen<T> van(List<T> waarden, double[] gewichten) {
        if (waarden.size() != gewichten.length) {
            throw new IllegalArgumentException("evenveel waarden als gewichten nodig");
        }
        return new Gewogen<>(waarden, gewichten.clone());
    }

    T kies(SplittableRandom rng) {
        double trek = rng.nextDouble();
        for (int i = 0; i < grenzen.length; i++) {
            if (trek < grenzen[i]) {
                return waarden.get(i);
            }
        }
        return waarden.get(waarden.size() - 1);
    }
}
