package nl.klantreis.projecties.klantreis;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import nl.klantreis.domein.gedeeld.Identificatiesoort;
import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.domein.gedeeld.KlantcontactId;
import nl.klantreis.domein.gedeeld.Versleuteld;
import nl.klantreis.domein.gedeeld.ZaakId;
import nl.klantreis.domein.klant.KoppelZaakAanKlant;
import nl.klantreis.domein.klant.LegKanaalvoorkeurVast;
import nl.klantreis.domein.klant.MeldZaakAfgesloten;
import nl.klantreis.domein.klant.RegistreerKlantcontact;
import nl.klantreis.domein.klant.VergeetKlant;

/** Test data builders for the Klant's commands: sensible defaults, obviously fake values. */
public final class Klantopdrachten {
    public static final KlantId KLANT = new KlantId("k-testklant0000000000000001");
    /** The klant's key before he is forgotten; the cipher texts are fakes: nothing here decrypts. */
    public static final String SLEUTEL = "0e0e0e0e-0000-4000-8000-00000000a001";
    public static final Versleuteld NUMMER = new Versleuteld(SLEUTEL, "versleuteld-bsn-999990342");

    private Klantopdrachten() {
    }

    public static Instant t(String rfc3339) {
        return OffsetDateTime.parse(rfc3339).toInstant();
    }

    public static KlantcontactId contactId(int volgnummer) {
        return new KlantcontactId(UUID.fromString(String.format("c0000000-0000-4000-8000-%012d", volgnummer)));
    }

    public static ZaakId zaakId(int volgnummer) {
        return new ZaakId(UUID.fromString(String.format("20000000-0000-4000-8000-%012d", volgnummer)));
    }

    public static ContactBuilder eenKlantcontact() {
        return new ContactBuilder();
    }

    public static KoppelZaakAanKlant koppel(ZaakId zaak, String zaaktype, String kanaal, String geregistreerdOp) {
        return new KoppelZaakAanKlant(KLANT, Identificatiesoort.BSN, NUMMER, zaak, zaaktype, kanaal,
                t(geregistreerdOp), null);
    }

    public static MeldZaakAfgesloten sluitAf(ZaakId zaak, String afgeslotenOp) {
        return new MeldZaakAfgesloten(KLANT, zaak, t(afgeslotenOp));
    }

    public static LegKanaalvoorkeurVast voorkeur(String kanaal, String onderwerp, String vastgelegdOp) {
        return new LegKanaalvoorkeurVast(KLANT, Identificatiesoort.BSN, NUMMER, kanaal, onderwerp, t(vastgelegdOp));
    }

    public static VergeetKlant vergeet(String op) {
        return new VergeetKlant(KLANT, t(op));
    }

    public static final class ContactBuilder {
        private KlantId klantId = KLANT;
        private Identificatiesoort soort = Identificatiesoort.BSN;
        private Versleuteld nummer = NUMMER;
        private KlantcontactId id = contactId(1);
        private Instant op = t("2026-02-02T10:00:00+01:00");
        private String kanaal = "telefoon";
        private String kanaalOntvangen;
        private String richting = "inkomend";
        private String onderwerp = "algemene-vraag";
        private ZaakId zaak;
        private String resultaat = "beantwoord";
        private String doorverwezenNaar;
        private KlantcontactId wasKlantcontact;
        private String medewerker = "medewerker-test-1";
        private Versleuteld inhoud;
        private boolean zonderInhoud;
        private Integer duurSeconden = 60;

        public ContactBuilder metId(int volgnummer) {
            return metId(contactId(volgnummer));
        }

        public ContactBuilder metId(KlantcontactId waarde) {
            id = waarde;
            inhoud = inhoudVan(waarde);
            return this;
        }

        public ContactBuilder op(String rfc3339) {
            op = t(rfc3339);
            return this;
        }

        public ContactBuilder viaKanaal(String waarde) {
            kanaal = waarde;
            return this;
        }

        public ContactBuilder uitgaand() {
            richting = "uitgaand";
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

        public ContactBuilder doorverwezenNaar(String kanaalcode) {
            resultaat = "doorverwezen";
            doorverwezenNaar = kanaalcode;
            return this;
        }

        public ContactBuilder vervolgOp(KlantcontactId waarde) {
            wasKlantcontact = waarde;
            return this;
        }

        public ContactBuilder doorMedewerker(String waarde) {
            medewerker = waarde;
            return this;
        }

        public ContactBuilder metInhoud(Versleuteld waarde) {
            inhoud = waarde;
            return this;
        }

        /** As a webformulier sends it: no text, no employee, no duration. */
        public ContactBuilder zonderInhoudEnMedewerker() {
            zonderInhoud = true;
            medewerker = null;
            duurSeconden = null;
            return this;
        }

        public ContactBuilder duurt(int seconden) {
            duurSeconden = seconden;
            return this;
        }

        /** The klant's number as encrypted under another key (a klant who returned after being forgotten). */
        public ContactBuilder metNummer(Versleuteld waarde) {
            nummer = waarde;
            return this;
        }

        public ContactBuilder kvk(KlantId klant, Versleuteld kvknummer) {
            klantId = klant;
            soort = Identificatiesoort.KVK;
            nummer = kvknummer;
            return this;
        }

        public ContactBuilder anoniem(KlantId klant) {
            klantId = klant;
            soort = Identificatiesoort.ANONIEM;
            nummer = null;
            return this;
        }

        public RegistreerKlantcontact bouw() {
            return new RegistreerKlantcontact(klantId, soort, nummer, id, op, kanaal,
                    kanaalOntvangen == null ? kanaal : kanaalOntvangen, richting, onderwerp, zaak, resultaat,
                    doorverwezenNaar, wasKlantcontact, medewerker,
                    zonderInhoud ? null : inhoud == null ? inhoudVan(id) : inhoud, duurSeconden);
        }
    }

    /** A fake cipher text that names its contact, so a fake decryption can tell them apart. */
    public static Versleuteld inhoudVan(KlantcontactId contact) {
        return new Versleuteld(SLEUTEL, "versleuteld-inhoud-" + contact);
    }
}
