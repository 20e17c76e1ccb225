package nl.klantreis.projecties.klantreis;

import java.time.Instant;
import java.util.Objects;

import nl.klantreis.domein.gedeeld.KlantId;

/** All klantreizen of one klant, as they stand at {@code peilmoment}. */
public record KlantreizenVraag(KlantId klantId, Instant peilmoment) {
    public KlantreizenVraag {
        Objects.requireNonNull(klantId, "klantId");
        Objects.requireNonNull(peilmoment, "peilmoment");
    }
}
