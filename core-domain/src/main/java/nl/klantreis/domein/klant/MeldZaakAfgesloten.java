package nl.klantreis.domein.klant;

import java.time.Instant;
import java.util.Objects;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.domein.gedeeld.ZaakId;

/** Tell the initiator's Klant that his zaak was closed. */
public record MeldZaakAfgesloten(@TargetAggregateIdentifier KlantId klantId, ZaakId zaakId, Instant afgeslotenOp) {
    public MeldZaakAfgesloten {
        Objects.requireNonNull(klantId, "klantId");
        Objects.requireNonNull(zaakId, "zaakId");
        Objects.requireNonNull(afgeslotenOp, "afgeslotenOp");
    }
}
