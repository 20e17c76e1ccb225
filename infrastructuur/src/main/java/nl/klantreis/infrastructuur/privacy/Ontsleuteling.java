package nl.klantreis.infrastructuur.privacy;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import nl.klantreis.domein.gedeeld.Versleuteld;

/**
 * Decrypts personal fields when a view is read, never earlier: what is shown is what the keys
 * allow at that moment, so a forgotten klant's data is gone from every view at once.
 */
public final class Ontsleuteling {
    private final Sleutelring sleutelring;
    private final Versleuteling versleuteling;

    public Ontsleuteling(Sleutelring sleutelring, Versleuteling versleuteling) {
        this.sleutelring = sleutelring;
        this.versleuteling = versleuteling;
    }

    /**
     * A decrypting function for one answer: each key is fetched at most once while the answer is
     * made, and not kept after it (keys are never cached across requests).
     */
    public Function<Versleuteld, Optional<String>> voorEenAntwoord() {
        Map<String, Optional<Sleutel>> sleutels = new HashMap<>();
        return waarde -> waarde == null ? Optional.empty() : versleuteling.ontsleutel(waarde,
                id -> sleutels.computeIfAbsent(id, k -> sleutelring.sleutel(UUID.fromString(k))));
    }
}
