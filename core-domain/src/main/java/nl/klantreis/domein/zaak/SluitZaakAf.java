package nl.klantreis.domein.zaak;

import java.time.Instant;
import java.util.Objects;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import nl.klantreis.domein.gedeeld.Versleuteld;
import nl.klantreis.domein.gedeeld.ZaakId;

public record SluitZaakAf(@TargetAggregateIdentifier ZaakId zaakId, Instant afgeslotenOp, String resultaat,
                          Versleuteld toelichting) {
    public SluitZaakAf {
        Objects.requireNonNull(zaakId, "zaakId");
        Objects.requireNonNull(afgeslotenOp, "afgeslotenOp");
        Objects.requireNonNull(resultaat, "resultaat");
    }
}
