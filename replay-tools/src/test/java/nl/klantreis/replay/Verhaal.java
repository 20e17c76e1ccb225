package nl.klantreis.replay;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import nl.klantreis.domein.gedeeld.Bsn;
import nl.klantreis.domein.gedeeld.Identificatiesoort;
import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.domein.gedeeld.KlantcontactId;
import nl.klantreis.domein.gedeeld.Versleuteld;
import nl.klantreis.domein.gedeeld.ZaakId;
import nl.klantreis.domein.klant.KoppelZaakAanKlant;
import nl.klantreis.domein.klant.MeldZaakAfgesloten;
import nl.klantreis.domein.klant.RegistreerKlantcontact;
import nl.klantreis.domein.referentie.ZaaktypeRegels;
import nl.klantreis.domein.zaak.HervatZaak;
import nl.klantreis.domein.zaak.RegistreerZaak;
import nl.klantreis.domein.zaak.SchortZaakOp;
import nl.klantreis.domein.zaak.SluitZaakAf;
import nl.klantreis.domein.zaak.ZetZaakstatus;
import nl.klantreis.infrastructuur.privacy.Pseudoniemen;
import nl.klantreis.infrastructuur.referentie.Referentiegegevens;

/**
 * Test data as the ingestion sends it: the commands for a burger (known by his BSN, so by the
 * pseudonym of the test database) and his zaken. Cipher texts are obviously fake; nothing decrypts them.
 */
public final class Verhaal {
    /** A test BSN (passes the elfproef); it must never appear in the tool's output. */
    public static final String BSN = "999990342";
    public static final ZaaktypeRegels OMGEVINGSVERGUNNING = Referentiegegevens.laadStandaard().catalogus()
            .zaaktype("omgevingsvergunning").orElseThrow().regels();
    private static final Versleuteld NUMMER = nep("bsn");

    public final KlantId klant;
    public final List<Object> opdrachten = new ArrayList<>();

    public Verhaal(Pseudoniemen pseudoniemen) {
        this.klant = pseudoniemen.voor(new Bsn(BSN));
    }

    public static Instant t(String rfc3339) {
        return OffsetDateTime.parse(rfc3339).toInstant();
    }

    public static Versleuteld nep(String wat) {
        return new Versleuteld(UUID.nameUUIDFromBytes(wat.getBytes()).toString(), "nep-versleuteld-" + wat);
    }

    public Verhaal contact(KlantcontactId id, String op, String kanaal, String onderwerp, ZaakId zaak, String resultaat,
                    String doorverwezenNaar, KlantcontactId vervolgOp) {
        opdrachten.add(new RegistreerKlantcontact(klant, Identificatiesoort.BSN, NUMMER, id, t(op), kanaal, kanaal,
                "inkomend", onderwerp, zaak, resultaat, doorverwezenNaar, vervolgOp, null, null, null));
        return this;
    }

    /** The zaak registered and linked to the klant, as the ingestion does both. */
    public Verhaal zaak(ZaakId zaak, String identificatie, String kanaal, String op, LocalDate opgegevenUiterlijk) {
        opdrachten.add(new RegistreerZaak(zaak, identificatie, "omgevingsvergunning", OMGEVINGSVERGUNNING, "openbaar",
                klant, Identificatiesoort.BSN, NUMMER, kanaal, kanaal, t(op), nep("omschrijving"), opgegevenUiterlijk));
        opdrachten.add(new KoppelZaakAanKlant(klant, Identificatiesoort.BSN, NUMMER, zaak, "omgevingsvergunning",
                kanaal, t(op), null));
        return this;
    }

    public Verhaal status(ZaakId zaak, String statustype, String op) {
        opdrachten.add(new ZetZaakstatus(zaak, statustype, t(op), null));
        return this;
    }

    public Verhaal opgeschort(ZaakId zaak, String op) {
        opdrachten.add(new SchortZaakOp(zaak, t(op), null));
        return this;
    }

    public Verhaal hervat(ZaakId zaak, String op) {
        opdrachten.add(new HervatZaak(zaak, t(op), null));
        return this;
    }

    public Verhaal afgesloten(ZaakId zaak, String op, String resultaat) {
        opdrachten.add(new SluitZaakAf(zaak, t(op), resultaat, null));
        opdrachten.add(new MeldZaakAfgesloten(klant, zaak, t(op)));
        return this;
    }

    /**
     * The dakkapel of contract/examples: an orientation call that sends the burger to the
     * webformulier (a warm kanaalwissel), the aanvraag that registers the zaak, a status-navraag
     * by telephone while the zaak is suspended (a cold kanaalwissel back), and the zaak's statussen.
     */
    public static final KlantcontactId ORIENTATIE = KlantcontactId.van("0b7f2f7e-3a51-4bb9-9a53-2f6e7a0c1d11");
    public static final KlantcontactId AANVRAAG = KlantcontactId.van("6c1d7a52-0d8e-4e8b-a0f4-5d2a9b3c7e22");
    public static final KlantcontactId STATUSNAVRAAG = KlantcontactId.van("9e3a4f10-7b2c-4d6e-8f90-1a2b3c4d5e33");
    public static final ZaakId DAKKAPEL = ZaakId.van("5b0e1c3a-8f1d-4f3e-9c55-2b7d1e6a9f01");

    public Verhaal dakkapel() {
        return contact(ORIENTATIE, "2026-03-02T09:12:40+01:00", "telefoon", "omgevingsvergunning", null, "doorverwezen",
                "webformulier", null)
                .contact(AANVRAAG, "2026-03-04T20:31:00+01:00", "webformulier", "omgevingsvergunning", DAKKAPEL,
                        "zaak-gestart", null, ORIENTATIE)
                .zaak(DAKKAPEL, "ZAAK-2026-0000123", "webformulier", "2026-03-04T20:31:10+01:00", null)
                .status(DAKKAPEL, "ontvangen", "2026-03-04T20:31:12+01:00")
                .status(DAKKAPEL, "aanvulling-gevraagd", "2026-03-09T11:00:00+01:00")
                .opgeschort(DAKKAPEL, "2026-03-09T11:00:00+01:00")
                .contact(STATUSNAVRAAG, "2026-03-16T10:05:00+01:00", "telefoon", "status-navraag", DAKKAPEL,
                        "beantwoord", null, null)
                .status(DAKKAPEL, "in-behandeling", "2026-03-18T09:30:00+01:00")
                .hervat(DAKKAPEL, "2026-03-18T09:30:00+01:00")
                .status(DAKKAPEL, "besluit-genomen", "2026-04-20T14:00:00+02:00")
                .afgesloten(DAKKAPEL, "2026-04-21T08:00:00+02:00", "toegekend");
    }
}
