package nl.klantreis.domein.klant;

import java.time.Instant;
import java.util.Objects;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import nl.klantreis.domein.gedeeld.Identificatiesoort;
import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.domein.gedeeld.Versleuteld;
import nl.klantreis.domein.gedeeld.ZaakId;

/**
 * Tell the initiator's Klant that his zaak was registered.
 *
 * @param afgeslotenOp when the zaak's closure arrived before its registration, else null
 */
public record KoppelZaakAanKlant(@TargetAggregateIdentifier KlantId klantId, Identificatiesoort soort,
                                 Versleuteld nummer, ZaakId zaakId, String zaaktype, String kanaal,
                                 Instant geregistreerdOp, Instant afgeslotenOp) {
    public KoppelZaakAanKlant {
        Objects.requireNonNull(klantId, "klantId");
        Objects.requireNonNull(nummer, "nummer");
        Objects.requireNonNull(zaakId, "zaakId");
        Objects.requireNonNull(zaaktype, "zaaktype");
        Objects.requireNonNull(kanaal, "kanaal");
        Objects.requireNonNull(geregistreerdOp, "geregistreerdOp");
    }
}
