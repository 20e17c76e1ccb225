package nl.klantreis.domein.klant;

import java.time.Instant;
import java.util.function.Function;

import nl.klantreis.domein.gedeeld.Identificatiesoort;
import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.domein.gedeeld.KlantcontactId;
import nl.klantreis.domein.gedeeld.Versleuteld;
import nl.klantreis.domein.gedeeld.ZaakId;
import nl.klantreis.domein.klantreis.Contactgegevens;
import nl.klantreis.domein.klantreis.Feiten;
import nl.klantreis.domein.klantreis.Zaakgegevens;

/**
 * Test data builders for the Klant's commands (Opdrachten: Axon commands): sensible defaults,
 * obviously fake values. The one home of these builders: projections' tests build their klant's
 * commands with them too (through core-domain's test-jar), with their own klant and fake cipher
 * texts ({@link ContactBuilder#voor}, {@link ContactBuilder#metInhoudVan}).
 */
public final class KlantOpdrachten {
    static final KlantId KLANT = Feiten.KLANT;
    static final Versleuteld NUMMER = new Versleuteld("sleutel-1", "geheim-bsn");
    private static final Versleuteld INHOUD = new Versleuteld("sleutel-1", "geheime-inhoud");

    private KlantOpdrachten() {
    }

    public static ContactBuilder eenKlantcontact() {
        return new ContactBuilder();
    }

    /** The command that delivers this fact, as the ingestion would send it. */
    static RegistreerKlantcontact registreer(Contactgegevens feit) {
        return new ContactBuilder().van(feit).bouw();
    }

    static KoppelingBuilder eenZaakkoppeling() {
        return new KoppelingBuilder();
    }

    static KoppelZaakAanKlant koppel(Zaakgegevens feit) {
        return new KoppelingBuilder().van(feit).bouw();
    }

    static MeldZaakAfgesloten meldAfgesloten(ZaakId zaak, Instant op) {
        return new MeldZaakAfgesloten(KLANT, zaak, op);
    }

    static LegKanaalvoorkeurVast kanaalvoorkeur(String kanaal, String onderwerp) {
        return new LegKanaalvoorkeurVast(KLANT, Identificatiesoort.BSN, NUMMER, kanaal, onderwerp,
                Feiten.t("2026-02-01T09:00:00+01:00"));
    }

    public static final class ContactBuilder {
        private KlantId klantId = KLANT;
        private Identificatiesoort soort = Identificatiesoort.BSN;
        private Versleuteld nummer = NUMMER;
        private Feiten.ContactBuilder feit = Feiten.eenContact();
        private String kanaalOntvangen;
        private String richting = "inkomend";
        private String doorverwezenNaar;
        private String medewerker = "medewerker-test-1";
        private Function<KlantcontactId, Versleuteld> inhoudVan = id -> INHOUD;
        private Versleuteld inhoud;
        private boolean zonderInhoud;
        private Integer duurSeconden = 60;

        /** Another klant's contact, e.g. the klant a module's tests follow. */
        public ContactBuilder voor(KlantId klant, Identificatiesoort identificatiesoort, Versleuteld versleuteldNummer) {
            klantId = klant;
            soort = identificatiesoort;
            nummer = versleuteldNummer;
            return this;
        }

        /** The fake cipher text of each contact's content, unless {@link #metInhoud} names one. */
        public ContactBuilder metInhoudVan(Function<KlantcontactId, Versleuteld> inhoudPerContact) {
            inhoudVan = inhoudPerContact;
            return this;
        }

        public ContactBuilder van(Contactgegevens waarde) {
            feit = Feiten.eenContact().metId(waarde.id()).op(waarde.op()).viaKanaal(waarde.kanaal())
                    .overOnderwerp(waarde.onderwerp()).overZaak(waarde.zaak()).metResultaat(waarde.resultaat())
                    .vervolgOp(waarde.wasKlantcontact());
            return this;
        }

        public ContactBuilder metId(int volgnummer) {
            feit.metId(volgnummer);
            return this;
        }

        public ContactBuilder metId(KlantcontactId waarde) {
            feit.metId(waarde);
            return this;
        }

        public ContactBuilder op(String rfc3339) {
            feit.op(rfc3339);
            return this;
        }

        public ContactBuilder viaKanaal(String waarde) {
            feit.viaKanaal(waarde);
            return this;
        }

        public ContactBuilder alsOntvangen(String waarde) {
            kanaalOntvangen = waarde;
            return this;
        }

        public ContactBuilder overOnderwerp(String waarde) {
            feit.overOnderwerp(waarde);
            return this;
        }

        public ContactBuilder overZaak(ZaakId waarde) {
            feit.overZaak(waarde);
            return this;
        }

        public ContactBuilder metResultaat(String waarde) {
            feit.metResultaat(waarde);
            return this;
        }

        public ContactBuilder doorverwezenNaar(String waarde) {
            feit.metResultaat("doorverwezen");
            doorverwezenNaar = waarde;
            return this;
        }

        public ContactBuilder vervolgOp(KlantcontactId waarde) {
            feit.vervolgOp(waarde);
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

        public ContactBuilder alsKvk() {
            soort = Identificatiesoort.KVK;
            nummer = new Versleuteld("sleutel-1", "geheim-kvk");
            return this;
        }

        public ContactBuilder anoniem(KlantId pseudoniem) {
            klantId = pseudoniem;
            soort = Identificatiesoort.ANONIEM;
            nummer = null;
            return this;
        }

        public ContactBuilder uitgaand() {
            richting = "uitgaand";
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
            return voor(klant, Identificatiesoort.KVK, kvknummer);
        }

        public Contactgegevens feit() {
            return feit.bouw();
        }

        public RegistreerKlantcontact bouw() {
            Contactgegevens f = feit.bouw();
            return new RegistreerKlantcontact(klantId, soort, nummer, f.id(), f.op(), f.kanaal(),
                    kanaalOntvangen == null ? f.kanaal() : kanaalOntvangen, richting, f.onderwerp(), f.zaak(),
                    f.resultaat(), doorverwezenNaar, f.wasKlantcontact(), medewerker,
                    zonderInhoud ? null : inhoud == null ? inhoudVan.apply(f.id()) : inhoud, duurSeconden);
        }

        /** The event the Klant records for this command. */
        public KlantcontactGeregistreerd geregistreerd() {
            RegistreerKlantcontact c = bouw();
            return new KlantcontactGeregistreerd(c.klantId(), c.klantcontactId(), c.plaatsgevondenOp(), c.kanaal(),
                    c.kanaalOntvangen(), c.richting(), c.onderwerp(), c.zaakId(), c.resultaat(), c.doorverwezenNaar(),
                    c.wasKlantcontact(), c.medewerker(), c.inhoud(), c.duurSeconden());
        }
    }

    static final class KoppelingBuilder {
        private Feiten.ZaakBuilder feit = Feiten.eenZaak();
        private Identificatiesoort soort = Identificatiesoort.BSN;
        private Instant afgeslotenOp;

        KoppelingBuilder van(Zaakgegevens waarde) {
            feit = Feiten.eenZaak().metId(waarde.zaak()).vanZaaktype(waarde.zaaktype()).viaKanaal(waarde.kanaal())
                    .geregistreerdOp(waarde.geregistreerdOp());
            return this;
        }

        KoppelingBuilder metId(ZaakId waarde) {
            feit.metId(waarde);
            return this;
        }

        KoppelingBuilder vanZaaktype(String waarde) {
            feit.vanZaaktype(waarde);
            return this;
        }

        KoppelingBuilder viaKanaal(String waarde) {
            feit.viaKanaal(waarde);
            return this;
        }

        KoppelingBuilder geregistreerdOp(String rfc3339) {
            feit.geregistreerdOp(rfc3339);
            return this;
        }

        /** The zaak's closure arrived before its registration. */
        KoppelingBuilder afgeslotenOp(Instant waarde) {
            afgeslotenOp = waarde;
            return this;
        }

        KoppelingBuilder afgeslotenOp(String rfc3339) {
            return afgeslotenOp(Feiten.t(rfc3339));
        }

        KoppelingBuilder anoniem() {
            soort = Identificatiesoort.ANONIEM;
            return this;
        }

        Zaakgegevens feit() {
            return feit.bouw();
        }

        KoppelZaakAanKlant bouw() {
            Zaakgegevens f = feit.bouw();
            return new KoppelZaakAanKlant(KLANT, soort, NUMMER, f.zaak(), f.zaaktype(), f.kanaal(), f.geregistreerdOp(),
                    afgeslotenOp);
        }
    }
}
