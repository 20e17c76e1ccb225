package nl.klantreis.domein.klantreis;

import java.time.Instant;
import java.util.Comparator;

import nl.klantreis.domein.gedeeld.KlantcontactId;
import nl.klantreis.domein.gedeeld.ZaakId;

/** A step of a klantreis: one of its klantcontacten, or the registration of its zaak. */
public record Reisstap(Soort soort, String kanaal, Instant op, KlantcontactId klantcontactId, ZaakId zaakId,
                   String resultaat, KlantcontactId wasKlantcontact) {

    public enum Soort {
        // Declared in tie-break order: at the same moment the registration comes first.
        ZAAK_GEREGISTREERD, KLANTCONTACT
    }

    /**
     * By when it happened; ties without regard to arrival: the zaak's registration before
     * klantcontacten, klantcontacten among themselves by klantcontactId.
     */
    public static final Comparator<Reisstap> VOLGORDE = Comparator.comparing(Reisstap::op)
            .thenComparing(Reisstap::soort)
            .thenComparing(Reisstap::sleutel);

    static Reisstap van(Contactgegevens contact) {
        return new Reisstap(Soort.KLANTCONTACT, contact.kanaal(), contact.op(), contact.id(), contact.zaak(),
                contact.resultaat(), contact.wasKlantcontact());
    }

    static Reisstap van(Zaakgegevens zaak) {
        return new Reisstap(Soort.ZAAK_GEREGISTREERD, zaak.kanaal(), zaak.geregistreerdOp(), null, zaak.zaak(), null,
                null);
    }

    /** A name for the step that is unique within one klant: used to identify kanaalwissels. */
    public String sleutel() {
        return soort == Soort.KLANTCONTACT ? "klantcontact:" + klantcontactId : "zaak:" + zaakId;
    }
}
