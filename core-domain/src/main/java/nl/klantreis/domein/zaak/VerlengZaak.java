package nl.klantreis.domein.zaak;

import java.time.Instant;
import java.util.Objects;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import nl.klantreis.domein.gedeeld.Versleuteld;
import nl.klantreis.domein.gedeeld.ZaakId;

public record VerlengZaak(@TargetAggregateIdentifier ZaakId zaakId, Instant verlengdOp, int duurDagen,
                          Versleuteld reden) {
    public VerlengZaak {
        Objects.requireNonNull(zaakId, "zaakId");
        Objects.requireNonNull(verlengdOp, "verlengdOp");
        if (duurDagen < 1) {
            throw new IllegalArgumentException("een verlenging duurt minstens 1 dag");
        }
    }
}
