package nl.klantreis.projecties.kpi;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A telling for the whole selection and, when an uitsplitsing is asked, one per key. Memory grows
 * with the number of keys (kanalen, zaaktypen), never with the number of klanten.
 */
final class Uitsplitsing<T extends Uitsplitsing.Telling> {

    /** Counters that can say their figures. */
    interface Telling {
        Kpicijfers cijfers();
    }

    private final Supplier<T> nieuw;
    private final String per;
    private final T totaal;
    // Sorted, so that the answer does not depend on the order the facts came in.
    private final Map<String, T> delen = new TreeMap<>();

    /** @param per null for no uitsplitsing */
    Uitsplitsing(Supplier<T> nieuw, String per) {
        this.nieuw = nieuw;
        this.per = per;
        this.totaal = nieuw.get();
    }

    /**
     * Counts into the total and into the key's part. Calling it with a telling that adds nothing
     * still makes the key appear, with its figures over nothing.
     */
    void tel(String sleutel, Consumer<T> telling) {
        telling.accept(totaal);
        if (per != null) {
            telling.accept(delen.computeIfAbsent(Objects.requireNonNull(sleutel, "sleutel"), k -> nieuw.get()));
        }
    }

    Kpicijfers cijfers() {
        return metDelen(totaal.cijfers());
    }

    /** {@code totaal} with the parts added, when asked. */
    Kpicijfers metDelen(Kpicijfers totaalcijfers) {
        if (per == null) {
            return totaalcijfers;
        }
        List<Kpideel> lijst = delen.entrySet().stream()
                .map(deel -> Kpideel.van(per, deel.getKey(), deel.getValue().cijfers()))
                .toList();
        return totaalcijfers.metUitsplitsing(lijst);
    }

    T totaal() {
        return totaal;
    }
}
