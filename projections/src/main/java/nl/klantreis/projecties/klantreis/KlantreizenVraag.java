package nl.klantreis.projecties.klantreis;

import java.time.Instant;
import java.util.Objects;

import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.projecties.tijd.Tijdas;

/** All klantreizen of one klant, as they stood at {@code peilmoment} on the given time axis. */
public record KlantreizenVraag(KlantId klantId, Instant peilmoment, Tijdas tijdas) {
    public KlantreizenVraag {
        Objects.requireNonNull(klantId, "klantId");
        Objects.requireNonNull(peilmoment, "peilmoment");
        Objects.requireNonNull(tijdas, "tijdas");
    }
}
