package nl.klantreis.projecties.mijnzaken;

import java.time.Instant;
import java.util.Objects;

import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.projecties.tijd.Tijdas;

/** The MijnZaken page of one burger: his zaken, newest first, as they stood at {@code peilmoment}. */
public record MijnZakenVraag(KlantId burger, Instant peilmoment, Tijdas tijdas) {
    public MijnZakenVraag {
        Objects.requireNonNull(burger, "burger");
        Objects.requireNonNull(peilmoment, "peilmoment");
        Objects.requireNonNull(tijdas, "tijdas");
    }
}
