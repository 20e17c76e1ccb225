package nl.klantreis.domein.klantreis;

import java.time.Instant;
import java.time.OffsetDateTime;

import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.domein.gedeeld.KlantcontactId;
import nl.klantreis.domein.gedeeld.ZaakId;

/**
 * Test data builders for the facts the klantreis rules work on: sensible defaults, obviously fake
 * ids ("c..." for klantcontacten, "a..." for zaken), times written as the contract writes them.
 */
public final class Feiten {
    public static final KlantId KLANT = new KlantId("k-testklant0001");

    private Feiten() {
    }

    /** An RFC 3339 time with offset, as in the contract's examples. */
    public static Instant t(String rfc3339) {
        return OffsetDateTime.parse(rfc3339).toInstant();
    }

    /** A fake klantcontactId: c0000000-0000-4000-8000-00000000000n. */
    public static KlantcontactId contactId(int volgnummer) {
        return KlantcontactId.van(String.format("c0000000-0000-4000-8000-%012d", volgnummer));
    }

    /** A fake zaakId: a0000000-0000-4000-8000-00000000000n. */
    public static ZaakId zaakId(int volgnummer) {
        return ZaakId.van(String.format("a0000000-0000-4000-8000-%012d", volgnummer));
    }

    public static ContactBuilder eenContact() {
        return new ContactBuilder();
    }

    public static ZaakBuilder eenZaak() {
        return new ZaakBuilder();
    }

    public static final class ContactBuilder {
        private KlantcontactId id = contactId(1);
        private Instant op = t("2026-02-02T10:00:00+01:00");
        private String kanaal = "telefoon";
        private String onderwerp = "algemene-vraag";
        private ZaakId zaak;
        private String resultaat = "beantwoord";
        private KlantcontactId wasKlantcontact;

        public ContactBuilder metId(KlantcontactId waarde) {
            id = waarde;
            return this;
        }

        public ContactBuilder metId(int volgnummer) {
            return metId(contactId(volgnummer));
        }

        public ContactBuilder op(Instant waarde) {
            op = waarde;
            return this;
        }

        public ContactBuilder op(String rfc3339) {
            return op(t(rfc3339));
        }

        public ContactBuilder viaKanaal(String waarde) {
            kanaal = waarde;
            return this;
        }

        public ContactBuilder overOnderwerp(String waarde) {
            onderwerp = waarde;
            return this;
        }

        public ContactBuilder overZaak(ZaakId waarde) {
            zaak = waarde;
            return this;
        }

        public ContactBuilder metResultaat(String waarde) {
            resultaat = waarde;
            return this;
        }

        public ContactBuilder vervolgOp(KlantcontactId waarde) {
            wasKlantcontact = waarde;
            return this;
        }

        public Contactgegevens bouw() {
            return new Contactgegevens(id, op, kanaal, onderwerp, zaak, resultaat, wasKlantcontact);
        }
    }

    public static final class ZaakBuilder {
        private ZaakId zaak = zaakId(1);
        private String zaaktype = "omgevingsvergunning";
        private String kanaal = "webformulier";
        private Instant geregistreerdOp = t("2026-02-04T20:00:00+01:00");
        private Instant afgeslotenOp;

        public ZaakBuilder metId(ZaakId waarde) {
            zaak = waarde;
            return this;
        }

        public ZaakBuilder vanZaaktype(String waarde) {
            zaaktype = waarde;
            return this;
        }

        public ZaakBuilder viaKanaal(String waarde) {
            kanaal = waarde;
            return this;
        }

        public ZaakBuilder geregistreerdOp(Instant waarde) {
            geregistreerdOp = waarde;
            return this;
        }

        public ZaakBuilder geregistreerdOp(String rfc3339) {
            return geregistreerdOp(t(rfc3339));
        }

        public ZaakBuilder afgeslotenOp(Instant waarde) {
            afgeslotenOp = waarde;
            return this;
        }

        public ZaakBuilder afgeslotenOp(String rfc3339) {
            return afgeslotenOp(t(rfc3339));
        }

        public Zaakgegevens bouw() {
            return new Zaakgegevens(zaak, zaaktype, kanaal, geregistreerdOp, afgeslotenOp);
        }
    }
}
