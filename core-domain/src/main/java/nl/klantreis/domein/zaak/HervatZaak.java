package nl.klantreis.domein.zaak;

import java.time.Instant;
import java.util.Objects;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import nl.klantreis.domein.gedeeld.Versleuteld;
import nl.klantreis.domein.gedeeld.ZaakId;

public record HervatZaak(@TargetAggregateIdentifier ZaakId zaakId, Instant hervatOp, Versleuteld reden) {
    public HervatZaak {
        Objects.requireNonNull(zaakId, "zaakId");
        Objects.requireNonNull(hervatOp, "hervatOp");
    }
}
