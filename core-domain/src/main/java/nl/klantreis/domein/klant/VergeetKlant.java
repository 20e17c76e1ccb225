package nl.klantreis.domein.klant;

import java.time.Instant;
import java.util.Objects;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import nl.klantreis.domein.gedeeld.KlantId;

/** Forget the klant (AVG art. 17). The caller deletes his keys in the same transaction. */
public record VergeetKlant(@TargetAggregateIdentifier KlantId klantId, Instant op) {
    public VergeetKlant {
        Objects.requireNonNull(klantId, "klantId");
        Objects.requireNonNull(op, "op");
    }
}
