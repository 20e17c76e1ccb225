package nl.klantreis.projecties.mijnzaken;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import nl.klantreis.domein.gedeeld.Identificatiesoort;
import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.domein.gedeeld.KlantcontactId;
import nl.klantreis.domein.gedeeld.ZaakId;
import nl.klantreis.domein.klant.KlantcontactGeregistreerd;
import nl.klantreis.domein.referentie.Catalogus;
import nl.klantreis.domein.zaak.UiterlijkeEinddatumBepaald;
import nl.klantreis.domein.zaak.ZaakAfgesloten;
import nl.klantreis.domein.zaak.ZaakGeregistreerd;
import nl.klantreis.domein.zaak.ZaakHervat;
import nl.klantreis.domein.zaak.ZaakOpgeschort;
import nl.klantreis.domein.zaak.ZaakstatusGezet;
import nl.klantreis.infrastructuur.referentie.Referentiegegevens;

/**
 * The dakkapel zaak of {@code contract/examples/klantreis-dakkapel.batch.json} as the engine
 * stores it: the events the Zaak and Klant aggregates record, each with the moment the engine
 * stored it. The hervatting is learned late (the next morning), so the two time axes differ. The
 * example as facts, with its ids, is core-domain's {@link nl.klantreis.domein.klantreis.Dakkapel}.
 */
final class Dakkapel {
    static final Catalogus CATALOGUS = Referentiegegevens.laadStandaard().catalogus();

    // The example's ids have one home, core-domain's test fixture of the same example.
    static final ZaakId ZAAK = nl.klantreis.domein.klantreis.Dakkapel.ZAAK;
    static final KlantId KLANT = new KlantId("k-dakkapelaanvrager0000000000000001");
    static final KlantcontactId AANVRAAG = nl.klantreis.domein.klantreis.Dakkapel.AANVRAAG;
    static final KlantcontactId NAVRAAG = nl.klantreis.domein.klantreis.Dakkapel.STATUSNAVRAAG;

    static final String OMSCHRIJVING = "Dakkapel aan de achterzijde";
    static final String BOUWTEKENING = "Wij missen een bouwtekening van de achtergevel.";

    /** An event with the moment the engine stored it. */
    record Feit(Object event, Instant bekendOp) {
    }

    static final Feit AANVRAAGCONTACT = new Feit(new KlantcontactGeregistreerd(KLANT, AANVRAAG,
            op("2026-03-04T20:31:00+01:00"), "webformulier", "webformulier", "inkomend", "omgevingsvergunning",
            ZAAK, "zaak-gestart", null, nl.klantreis.domein.klantreis.Dakkapel.ORIENTATIE, null, null, null),
            op("2026-03-04T19:32:00Z"));
    static final Feit GEREGISTREERD = new Feit(new ZaakGeregistreerd(ZAAK, "ZAAK-2026-0000123", "omgevingsvergunning",
            CATALOGUS.zaaktype("omgevingsvergunning").orElseThrow().regels(), "openbaar", KLANT, Identificatiesoort.BSN,
            NepVersleuteling.versleutel("999990342"), "webformulier", "webformulier", op("2026-03-04T20:31:10+01:00"),
            NepVersleuteling.versleutel(OMSCHRIJVING), null), op("2026-03-04T19:32:01Z"));
    static final Feit EINDDATUM_BIJ_REGISTRATIE = new Feit(new UiterlijkeEinddatumBepaald(ZAAK,
            LocalDate.parse("2026-04-29"), LocalDate.parse("2026-04-29"), 0, 0, null), op("2026-03-04T19:32:01Z"));
    static final Feit ONTVANGEN = new Feit(status("ontvangen", "2026-03-04T20:31:12+01:00", null),
            op("2026-03-04T19:32:02Z"));
    static final Feit AANVULLING_GEVRAAGD = new Feit(status("aanvulling-gevraagd", "2026-03-09T11:00:00+01:00",
            BOUWTEKENING), op("2026-03-09T10:01:00Z"));
    static final Feit OPGESCHORT = new Feit(new ZaakOpgeschort(ZAAK, op("2026-03-09T11:00:00+01:00"),
            NepVersleuteling.versleutel("Aanvullende gegevens gevraagd")), op("2026-03-09T10:01:01Z"));
    static final Feit EINDDATUM_BIJ_OPSCHORTING = new Feit(new UiterlijkeEinddatumBepaald(ZAAK,
            LocalDate.parse("2026-04-29"), LocalDate.parse("2026-04-29"), 0, 0, op("2026-03-09T11:00:00+01:00")),
            op("2026-03-09T10:01:01Z"));
    static final Feit NAVRAAGCONTACT = new Feit(new KlantcontactGeregistreerd(KLANT, NAVRAAG,
            op("2026-03-16T10:05:00+01:00"), "telefoon", "telefoon", "inkomend", "status-navraag", ZAAK,
            "beantwoord", null, null, null, null, 190), op("2026-03-16T09:10:00Z"));
    static final Feit IN_BEHANDELING = new Feit(status("in-behandeling", "2026-03-18T09:30:00+01:00", null),
            op("2026-03-18T08:31:00Z"));
    static final Feit HERVAT = new Feit(new ZaakHervat(ZAAK, op("2026-03-18T09:30:00+01:00"), null),
            op("2026-03-19T07:00:00Z"));
    static final Feit EINDDATUM_BIJ_HERVATTING = new Feit(new UiterlijkeEinddatumBepaald(ZAAK,
            LocalDate.parse("2026-05-08"), LocalDate.parse("2026-04-29"), 0, 9, null), op("2026-03-19T07:00:00Z"));
    static final Feit BESLUIT_GENOMEN = new Feit(status("besluit-genomen", "2026-04-20T14:00:00+02:00", null),
            op("2026-04-20T12:01:00Z"));
    static final Feit AFGESLOTEN = new Feit(new ZaakAfgesloten(ZAAK, op("2026-04-21T08:00:00+02:00"), "toegekend",
            NepVersleuteling.versleutel("De vergunning is verleend.")), op("2026-04-21T06:01:00Z"));

    private Dakkapel() {
    }

    /** In the order the engine stored them. */
    static List<Feit> feiten() {
        return new ArrayList<>(List.of(AANVRAAGCONTACT, GEREGISTREERD, EINDDATUM_BIJ_REGISTRATIE, ONTVANGEN,
                AANVULLING_GEVRAAGD, OPGESCHORT, EINDDATUM_BIJ_OPSCHORTING, NAVRAAGCONTACT, IN_BEHANDELING, HERVAT,
                EINDDATUM_BIJ_HERVATTING, BESLUIT_GENOMEN, AFGESLOTEN));
    }

    static Zaakdossier dossier(List<Feit> feiten) {
        MijnZakenLeesregels regels = new MijnZakenLeesregels();
        Zaakdossier dossier = null;
        for (Feit feit : feiten) {
            String documentsleutel = regels.documentsleutel(feit.event(), null);
            if (documentsleutel != null) {
                dossier = regels.pasToe(dossier, documentsleutel, feit.event(), feit.bekendOp());
            }
        }
        return dossier;
    }

    static Zaakdossier dossier() {
        return dossier(feiten());
    }

    static ZaakstatusGezet status(String statustype, String op, String toelichting) {
        return new ZaakstatusGezet(ZAAK, statustype, op(op),
                toelichting == null ? null : NepVersleuteling.versleutel(toelichting));
    }

    static Instant op(String tijd) {
        return OffsetDateTime.parse(tijd).toInstant();
    }
}
