package nl.klantreis.api.paginas.analyse;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The kanaalsturing calculator (issue 11): "move X% of the contacts from kanaal A to kanaal B", what
 * does that cost or save per year? Pure arithmetic, no clock, no store.
 *
 * <p>A year is 365 days: the contacts measured in kanaal A over a period of {@code dagen} days are
 * scaled by 365 / dagen (so a season in the period weighs as if it lasted all year). Of those, X%
 * move; each moved contact costs kanaal B's price instead of kanaal A's. Money in euro cents,
 * rounded once at the end to whole cents, halves away from zero (as the contract rounds money).
 * A kanaal without a known cost ({@code null} in kanalen.json) gives no amount: the answer says
 * which price is unknown instead of guessing one (KLANTREIS-EN-KPI.md counts it 0 for the
 * kosten-per-klantreis KPI, but here 0 would be a made-up saving).
 */
final class Kanaalsturing {
    static final int DAGEN_PER_JAAR = 365;

    private Kanaalsturing() {
    }

    /**
     * @param verschovenPerJaar contacts moved per year, rounded to whole contacts (for reading)
     * @param contactenPerJaar  kanaal A's contacts per year, rounded to whole contacts
     * @param verschilCent      kanaal B minus kanaal A over the moved contacts per year; negative is a
     *                          saving; empty when a price is unknown
     * @param onbekend          the kanalen (as given) whose cost is unknown
     */
    record Uitkomst(long contactenPerJaar, long verschovenPerJaar, Optional<Long> verschilCent, List<String> onbekend) {
    }

    /**
     * @param contacten the contacts measured in kanaal A in the period
     * @param dagen     the period's length in days, at least 1
     * @param procent   the share to move, 0 to 100
     * @param kostenA   kanaal A's cost per contact in cents, empty when unknown
     * @param kostenB   kanaal B's cost per contact in cents, empty when unknown
     */
    static Uitkomst bereken(long contacten, long dagen, BigDecimal procent, String kanaalA, Optional<Integer> kostenA,
                            String kanaalB, Optional<Integer> kostenB) {
        if (contacten < 0) {
            throw new IllegalArgumentException("contacten kan niet negatief zijn");
        }
        if (dagen < 1) {
            throw new IllegalArgumentException("de periode duurt minstens een dag");
        }
        Objects.requireNonNull(procent, "procent");
        if (procent.signum() < 0 || procent.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("het percentage ligt tussen 0 en 100");
        }
        // Exact fractions until the end: contacten * 365 / dagen * procent / 100.
        BigDecimal perJaar = BigDecimal.valueOf(contacten).multiply(BigDecimal.valueOf(DAGEN_PER_JAAR))
                .divide(BigDecimal.valueOf(dagen), 12, RoundingMode.HALF_UP);
        BigDecimal verschoven = perJaar.multiply(procent).divide(BigDecimal.valueOf(100), 12, RoundingMode.HALF_UP);
        List<String> onbekend = new ArrayList<>();
        if (kostenA.isEmpty()) {
            onbekend.add(kanaalA);
        }
        if (kostenB.isEmpty()) {
            onbekend.add(kanaalB);
        }
        Optional<Long> verschil = onbekend.isEmpty()
                ? Optional.of(verschoven.multiply(BigDecimal.valueOf((long) kostenB.get() - kostenA.get()))
                        .setScale(0, RoundingMode.HALF_UP).longValueExact())
                : Optional.empty();
        return new Uitkomst(perJaar.setScale(0, RoundingMode.HALF_UP).longValueExact(),
                verschoven.setScale(0, RoundingMode.HALF_UP).longValueExact(), verschil, List.copyOf(onbekend));
    }
}
