package nl.klantreis.projecties.klantreis;

import static nl.klantreis.projecties.klantreis.Klantopdrachten.KLANT;
import static nl.klantreis.projecties.klantreis.Klantopdrachten.NUMMER;
import static nl.klantreis.projecties.klantreis.Klantopdrachten.eenKlantcontact;
import static nl.klantreis.projecties.klantreis.Klantopdrachten.inhoudVan;
import static nl.klantreis.projecties.klantreis.Klantopdrachten.koppel;
import static nl.klantreis.projecties.klantreis.Klantopdrachten.sluitAf;
import static nl.klantreis.projecties.klantreis.Klantopdrachten.t;

import java.util.List;

import nl.klantreis.domein.gedeeld.Identificatiesoort;
import nl.klantreis.domein.gedeeld.KlantcontactId;
import nl.klantreis.domein.gedeeld.KlantreisId;
import nl.klantreis.domein.gedeeld.ZaakId;
import nl.klantreis.domein.klant.KanaalGewisseld;
import nl.klantreis.domein.klant.KlantEvent;
import nl.klantreis.domein.klant.KlantIngeschreven;
import nl.klantreis.domein.klant.KlantcontactGeregistreerd;
import nl.klantreis.domein.klant.KlantcontactIngedeeld;
import nl.klantreis.domein.klant.KlantreisBeeindigd;
import nl.klantreis.domein.klant.KlantreisGestart;
import nl.klantreis.domein.klant.KlantreisVervallen;
import nl.klantreis.domein.klant.ZaakAanKlantGekoppeld;
import nl.klantreis.domein.klantreis.KlantreisRegels;
import nl.klantreis.domein.klantreis.Klantreissoort;

/**
 * The klant of contract/examples/klantreis-dakkapel.batch.json: the commands the ingestion sends
 * for him in the batch's order, and the events the Klant aggregate stores for them.
 */
public final class Dakkapel {
    public static final KlantcontactId ORIENTATIE = KlantcontactId.van("0b7f2f7e-3a51-4bb9-9a53-2f6e7a0c1d11");
    public static final KlantcontactId AANVRAAG = KlantcontactId.van("6c1d7a52-0d8e-4e8b-a0f4-5d2a9b3c7e22");
    public static final KlantcontactId STATUSNAVRAAG = KlantcontactId.van("9e3a4f10-7b2c-4d6e-8f90-1a2b3c4d5e33");
    public static final ZaakId ZAAK = ZaakId.van("5b0e1c3a-8f1d-4f3e-9c55-2b7d1e6a9f01");
    /** Derived as the aggregate derives it: the zaak's klantreis never changes id. */
    public static final KlantreisId ZAAKREIS =
            KlantreisRegels.klantreisId(KLANT, Klantreissoort.ZAAK, ZAAK.toString());
    /** Where the orientation call sat until the zaak was registered. */
    public static final KlantreisId ORIENTATIEREIS =
            KlantreisRegels.klantreisId(KLANT, Klantreissoort.ONDERWERP, "omgevingsvergunning/" + ORIENTATIE);

    private Dakkapel() {
    }

    public static List<Object> opdrachten() {
        return List.of(
                eenKlantcontact().metId(ORIENTATIE).op("2026-03-02T09:12:40+01:00").viaKanaal("telefoon")
                        .overOnderwerp("omgevingsvergunning").doorverwezenNaar("webformulier")
                        .doorMedewerker("kcc-medewerker-17").duurt(312).bouw(),
                eenKlantcontact().metId(AANVRAAG).op("2026-03-04T20:31:00+01:00").viaKanaal("webformulier")
                        .overOnderwerp("omgevingsvergunning").overZaak(ZAAK).metResultaat("zaak-gestart")
                        .vervolgOp(ORIENTATIE).zonderInhoudEnMedewerker().bouw(),
                koppel(ZAAK, "omgevingsvergunning", "webformulier", "2026-03-04T20:31:10+01:00"),
                eenKlantcontact().metId(STATUSNAVRAAG).op("2026-03-16T10:05:00+01:00").viaKanaal("telefoon")
                        .overOnderwerp("status-navraag").overZaak(ZAAK).metResultaat("beantwoord")
                        .zonderInhoudEnMedewerker().duurt(190).bouw(),
                sluitAf(ZAAK, "2026-04-21T08:00:00+02:00"));
    }

    /** Written out by hand, in the order the aggregate applies them (ADR 0002). */
    public static List<KlantEvent> gebeurtenissen() {
        return List.of(
                new KlantIngeschreven(KLANT, Identificatiesoort.BSN, NUMMER),
                new KlantreisGestart(KLANT, ORIENTATIEREIS, Klantreissoort.ONDERWERP, null, "omgevingsvergunning"),
                new KlantcontactGeregistreerd(KLANT, ORIENTATIE, t("2026-03-02T08:12:40Z"), "telefoon", "telefoon",
                        "inkomend", "omgevingsvergunning", null, "doorverwezen", "webformulier", null,
                        "kcc-medewerker-17", inhoudVan(ORIENTATIE), 312),
                new KlantcontactIngedeeld(KLANT, ORIENTATIE, ORIENTATIEREIS, null),
                new KlantreisGestart(KLANT, ZAAKREIS, Klantreissoort.ZAAK, ZAAK, null),
                new KlantcontactGeregistreerd(KLANT, AANVRAAG, t("2026-03-04T19:31:00Z"), "webformulier",
                        "webformulier", "inkomend", "omgevingsvergunning", ZAAK, "zaak-gestart", null, ORIENTATIE,
                        null, null, null),
                new KlantcontactIngedeeld(KLANT, AANVRAAG, ZAAKREIS, null),
                new ZaakAanKlantGekoppeld(KLANT, ZAAK, "omgevingsvergunning", "webformulier",
                        t("2026-03-04T19:31:10Z"), ZAAKREIS),
                new KlantcontactIngedeeld(KLANT, ORIENTATIE, ZAAKREIS, ORIENTATIEREIS),
                new KanaalGewisseld(KLANT, ZAAKREIS, "klantcontact:" + ORIENTATIE, "klantcontact:" + AANVRAAG,
                        "telefoon", "webformulier", t("2026-03-04T19:31:00Z"), true),
                new KlantreisVervallen(KLANT, ORIENTATIEREIS),
                new KlantcontactGeregistreerd(KLANT, STATUSNAVRAAG, t("2026-03-16T09:05:00Z"), "telefoon", "telefoon",
                        "inkomend", "status-navraag", ZAAK, "beantwoord", null, null, null, null, 190),
                new KlantcontactIngedeeld(KLANT, STATUSNAVRAAG, ZAAKREIS, null),
                new KanaalGewisseld(KLANT, ZAAKREIS, "zaak:" + ZAAK, "klantcontact:" + STATUSNAVRAAG,
                        "webformulier", "telefoon", t("2026-03-16T09:05:00Z"), false),
                new KlantreisBeeindigd(KLANT, ZAAKREIS, ZAAK, t("2026-04-21T06:00:00Z")));
    }
}
