package nl.klantreis.domein.klantreis;

import java.time.Instant;
import java.util.Objects;

import nl.klantreis.domein.gedeeld.ZaakId;

/**
 * What the klantreis rules need to know of one zaak of the klant.
 *
 * @param afgeslotenOp when the zaak was closed, or null while it is open
 */
public record Zaakgegevens(ZaakId zaak, String zaaktype, String kanaal, Instant geregistreerdOp, Instant afgeslotenOp) {
    public Zaakgegevens {
        Objects.requireNonNull(zaak, "zaak");
        Objects.requireNonNull(zaaktype, "zaaktype");
        Objects.requireNonNull(kanaal, "kanaal");
        Objects.requireNonNull(geregistreerdOp, "geregistreerdOp");
    }

    public Zaakgegevens afgeslotenOp(Instant op) {
        return new Zaakgegevens(zaak, zaaktype, kanaal, geregistreerdOp, op);
    }
}
