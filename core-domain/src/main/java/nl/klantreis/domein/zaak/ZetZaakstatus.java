package nl.klantreis.domein.zaak;

import java.time.Instant;
import java.util.Objects;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import nl.klantreis.domein.gedeeld.Versleuteld;
import nl.klantreis.domein.gedeeld.ZaakId;

public record ZetZaakstatus(@TargetAggregateIdentifier ZaakId zaakId, String statustype, Instant datumStatusGezet,
                            Versleuteld statustoelichting) {
    public ZetZaakstatus {
        Objects.requireNonNull(zaakId, "zaakId");
        Objects.requireNonNull(statustype, "statustype");
        Objects.requireNonNull(datumStatusGezet, "datumStatusGezet");
    }
}
