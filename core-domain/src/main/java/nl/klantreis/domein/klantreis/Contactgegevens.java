package nl.klantreis.domein.klantreis;

import java.time.Instant;
import java.util.Objects;

import nl.klantreis.domein.gedeeld.KlantcontactId;
import nl.klantreis.domein.gedeeld.ZaakId;

/**
 * What the klantreis rules need to know of one klantcontact.
 *
 * @param zaak            the zaak the contact names, or null
 * @param wasKlantcontact the earlier contact this one continues (warm handover), or null
 */
public record Contactgegevens(KlantcontactId id, Instant op, String kanaal, String onderwerp, ZaakId zaak,
                          String resultaat, KlantcontactId wasKlantcontact) {
    public Contactgegevens {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(kanaal, "kanaal");
        Objects.requireNonNull(onderwerp, "onderwerp");
    }
}
