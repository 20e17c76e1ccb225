package nl.klantreis.domein.zaak;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import nl.klantreis.domein.gedeeld.Identificatiesoort;
import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.domein.gedeeld.Versleuteld;
import nl.klantreis.domein.gedeeld.ZaakId;
import nl.klantreis.domein.referentie.ZaaktypeRegels;

/** Register a zaak under the rules of its zaaktype. Personal fields come in encrypted. */
public record RegistreerZaak(@TargetAggregateIdentifier ZaakId zaakId, String identificatie, String zaaktype,
                             ZaaktypeRegels regels, String vertrouwelijkheid, KlantId initiator,
                             Identificatiesoort initiatorSoort, Versleuteld initiatorNummer, String kanaal,
                             String kanaalOntvangen, Instant geregistreerdOp, Versleuteld omschrijving,
                             LocalDate uiterlijkeEinddatum) {
    public RegistreerZaak {
        Objects.requireNonNull(zaakId, "zaakId");
        Objects.requireNonNull(identificatie, "identificatie");
        Objects.requireNonNull(zaaktype, "zaaktype");
        Objects.requireNonNull(regels, "regels");
        Objects.requireNonNull(vertrouwelijkheid, "vertrouwelijkheid");
        Objects.requireNonNull(initiator, "initiator");
        Objects.requireNonNull(initiatorSoort, "initiatorSoort");
        Objects.requireNonNull(initiatorNummer, "initiatorNummer");
        Objects.requireNonNull(kanaal, "kanaal");
        Objects.requireNonNull(geregistreerdOp, "geregistreerdOp");
    }
}
