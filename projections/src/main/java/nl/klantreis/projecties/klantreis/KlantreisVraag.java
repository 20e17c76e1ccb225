package nl.klantreis.projecties.klantreis;

import java.time.Instant;
import java.util.Objects;

import nl.klantreis.domein.gedeeld.KlantreisId;
import nl.klantreis.projecties.tijd.Tijdas;

/** One klantreis, as it stood at {@code peilmoment} on the given time axis. */
public record KlantreisVraag(KlantreisId klantreisId, Instant peilmoment, Tijdas tijdas) {
    public KlantreisVraag {
        Objects.requireNonNull(klantreisId, "klantreisId");
        Objects.requireNonNull(peilmoment, "peilmoment");
        Objects.requireNonNull(tijdas, "tijdas");
    }
}
