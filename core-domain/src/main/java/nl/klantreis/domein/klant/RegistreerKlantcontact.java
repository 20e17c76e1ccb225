package nl.klantreis.domein.klant;

import java.time.Instant;
import java.util.Objects;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import nl.klantreis.domein.gedeeld.Identificatiesoort;
import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.domein.gedeeld.KlantcontactId;
import nl.klantreis.domein.gedeeld.Versleuteld;
import nl.klantreis.domein.gedeeld.ZaakId;

/** Record a klantcontact. {@code nummer} is the klant's BSN/KVK, already encrypted; null when anonymous. */
public record RegistreerKlantcontact(@TargetAggregateIdentifier KlantId klantId, Identificatiesoort soort,
                                     Versleuteld nummer, KlantcontactId klantcontactId, Instant plaatsgevondenOp,
                                     String kanaal, String kanaalOntvangen, String richting, String onderwerp,
                                     ZaakId zaakId, String resultaat, String doorverwezenNaar,
                                     KlantcontactId wasKlantcontact, String medewerker, Versleuteld inhoud,
                                     Integer duurSeconden) {
    public RegistreerKlantcontact {
        Objects.requireNonNull(klantId, "klantId");
        Objects.requireNonNull(soort, "soort");
        Objects.requireNonNull(klantcontactId, "klantcontactId");
        Objects.requireNonNull(plaatsgevondenOp, "plaatsgevondenOp");
        Objects.requireNonNull(kanaal, "kanaal");
        Objects.requireNonNull(onderwerp, "onderwerp");
        Objects.requireNonNull(resultaat, "resultaat");
        if (soort != Identificatiesoort.ANONIEM) {
            Objects.requireNonNull(nummer, "nummer");
        }
    }
}
