package nl.klantreis.projecties.klantbeeld;

import java.time.Instant;
import java.util.Objects;

import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.projecties.tijd.Tijdas;

/** The klantbeeld of one klant for an employee, as it stood at {@code peilmoment} on the given time axis. */
public record KlantbeeldVraag(KlantId klantId, Instant peilmoment, Tijdas tijdas) {
    public KlantbeeldVraag {
        Objects.requireNonNull(klantId, "klantId");
        Objects.requireNonNull(peilmoment, "peilmoment");
        Objects.requireNonNull(tijdas, "tijdas");
    }
}
