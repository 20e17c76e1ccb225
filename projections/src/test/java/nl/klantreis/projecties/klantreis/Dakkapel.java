package nl.klantreis.projecties.klantreis;

import static nl.klantreis.projecties.klantreis.Testklant.KLANT;
import static nl.klantreis.projecties.klantreis.Testklant.NUMMER;
import static nl.klantreis.projecties.klantreis.Testklant.eenKlantcontact;
import static nl.klantreis.projecties.klantreis.Testklant.inhoudVan;
import static nl.klantreis.projecties.klantreis.Testklant.koppel;
import static nl.klantreis.projecties.klantreis.Testklant.sluitAf;
import static nl.klantreis.domein.klantreis.Feiten.t;

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
 * for him in the batch's order, and the events the Klant aggregate stores for them (the example as
 * facts, with its ids, is core-domain's {@link nl.klantreis.domein.klantreis.Dakkapel}).
 */
public final class Dakkapel {
    // The example's ids have one home, core-domain's test fixture of the same example.
    public static final KlantcontactId ORIENTATIE = nl.klantreis.domein.klantreis.Dakkapel.ORIENTATIE;
    public static final KlantcontactId AANVRAAG = nl.klantreis.domein.klantreis.Dakkapel.AANVRAAG;
    public static final KlantcontactId STATUSNAVRAAG = nl.klantreis.domein.klantreis.Dakkapel.STATUSNAVRAAG;
    public static final ZaakId ZAAK = nl.klantreis.domein.klantreis.Dakkapel.ZAAK;
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
