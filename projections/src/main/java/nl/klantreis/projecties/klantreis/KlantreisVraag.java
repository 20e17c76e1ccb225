package nl.klantreis.projecties.klantreis;

import java.time.Instant;
import java.util.Objects;

import nl.klantreis.domein.gedeeld.KlantreisId;

/** One klantreis, as it stands at {@code peilmoment}. */
public record KlantreisVraag(KlantreisId klantreisId, Instant peilmoment) {
    public KlantreisVraag {
        Objects.requireNonNull(klantreisId, "klantreisId");
        Objects.requireNonNull(peilmoment, "peilmoment");
    }
}
