package nl.klantreis.domein.zaak;

import java.time.Instant;
import java.util.Objects;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import nl.klantreis.domein.gedeeld.Versleuteld;
import nl.klantreis.domein.gedeeld.ZaakId;

public record SchortZaakOp(@TargetAggregateIdentifier ZaakId zaakId, Instant opgeschortOp, Versleuteld reden) {
    public SchortZaakOp {
        Objects.requireNonNull(zaakId, "zaakId");
        Objects.requireNonNull(opgeschortOp, "opgeschortOp");
    }
}
