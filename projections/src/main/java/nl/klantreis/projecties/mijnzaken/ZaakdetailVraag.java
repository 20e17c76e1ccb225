package nl.klantreis.projecties.mijnzaken;

import java.time.Instant;
import java.util.Objects;

import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.domein.gedeeld.ZaakId;
import nl.klantreis.projecties.tijd.Tijdas;

/**
 * One zaak in detail. With {@code burger} set, only when he is its initiator: another's zaak is
 * answered exactly as one that does not exist (empty).
 */
public record ZaakdetailVraag(ZaakId zaak, KlantId burger, Instant peilmoment, Tijdas tijdas) {
    public ZaakdetailVraag {
        Objects.requireNonNull(zaak, "zaak");
        Objects.requireNonNull(peilmoment, "peilmoment");
        Objects.requireNonNull(tijdas, "tijdas");
    }
}
