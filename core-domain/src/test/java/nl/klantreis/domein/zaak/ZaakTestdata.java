package nl.klantreis.domein.zaak;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import nl.klantreis.domein.gedeeld.Identificatiesoort;
import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.domein.gedeeld.Versleuteld;
import nl.klantreis.domein.gedeeld.ZaakId;
import nl.klantreis.domein.referentie.ZaaktypeRegels;

/**
 * Test data builders for the Zaak: the rules of two real zaaktypen from reference/zaaktypen.json
 * (written out by hand, so a change in the catalogue does not silently change these tests), and
 * commands with sensible defaults. The default zaak is the dakkapel of the worked example.
 */
final class ZaakTestdata {
    static final ZaakId ZAAK = ZaakId.van("5b0e1c3a-8f1d-4f3e-9c55-2b7d1e6a9f01");
    static final KlantId INITIATOR = new KlantId("k-testklant0001");
    static final Versleuteld INITIATORNUMMER = new Versleuteld("sleutel-zaak-1", "geheim-bsn");
    static final Versleuteld OMSCHRIJVING = new Versleuteld("sleutel-zaak-1", "geheime-omschrijving");
    static final Instant GEREGISTREERD_OP = t("2026-03-04T20:31:10+01:00");

    private ZaakTestdata() {
    }

    static Instant t(String rfc3339) {
        return OffsetDateTime.parse(rfc3339).toInstant();
    }

    static ZaaktypeRegels omgevingsvergunning() {
        return new ZaaktypeRegels(56, true, 42,
                List.of("ontvangen", "aanvulling-gevraagd", "in-behandeling", "besluit-genomen", "afgehandeld"),
                List.of("toegekend", "afgewezen", "ingetrokken", "buiten-behandeling"));
    }

    static ZaaktypeRegels paspoortAanvragen() {
        return new ZaaktypeRegels(7, false, 0, List.of("ontvangen", "in-productie", "gereed", "uitgereikt"),
                List.of("afgehandeld", "afgewezen", "ingetrokken"));
    }

    static RegistratieBuilder eenZaakregistratie() {
        return new RegistratieBuilder();
    }

    static ZetZaakstatus status(String statustype, String op) {
        return new ZetZaakstatus(ZAAK, statustype, t(op), null);
    }

    static SchortZaakOp opschorting(String op) {
        return new SchortZaakOp(ZAAK, t(op), new Versleuteld("sleutel-zaak-1", "geheime-reden"));
    }

    static HervatZaak hervatting(String op) {
        return new HervatZaak(ZAAK, t(op), null);
    }

    static VerlengZaak verlenging(String op, int dagen) {
        return new VerlengZaak(ZAAK, t(op), dagen, new Versleuteld("sleutel-zaak-1", "geheime-reden"));
    }

    static SluitZaakAf afsluiting(String op, String resultaat) {
        return new SluitZaakAf(ZAAK, t(op), resultaat, new Versleuteld("sleutel-zaak-1", "geheime-toelichting"));
    }

    static final class RegistratieBuilder {
        private String identificatie = "ZAAK-TEST-0000123";
        private String zaaktype = "omgevingsvergunning";
        private ZaaktypeRegels regels = omgevingsvergunning();
        private Instant geregistreerdOp = GEREGISTREERD_OP;
        private LocalDate uiterlijkeEinddatum;

        RegistratieBuilder alsPaspoortaanvraag() {
            zaaktype = "paspoort-aanvragen";
            regels = paspoortAanvragen();
            return this;
        }

        RegistratieBuilder metIdentificatie(String waarde) {
            identificatie = waarde;
            return this;
        }

        RegistratieBuilder geregistreerdOp(String rfc3339) {
            geregistreerdOp = t(rfc3339);
            return this;
        }

        RegistratieBuilder metUiterlijkeEinddatum(LocalDate waarde) {
            uiterlijkeEinddatum = waarde;
            return this;
        }

        RegistreerZaak bouw() {
            return new RegistreerZaak(ZAAK, identificatie, zaaktype, regels, "openbaar", INITIATOR,
                    Identificatiesoort.BSN, INITIATORNUMMER, "webformulier", "website", geregistreerdOp, OMSCHRIJVING,
                    uiterlijkeEinddatum);
        }

        ZaakGeregistreerd geregistreerd() {
            return new ZaakGeregistreerd(ZAAK, identificatie, zaaktype, regels, "openbaar", INITIATOR,
                    Identificatiesoort.BSN, INITIATORNUMMER, "webformulier", "website", geregistreerdOp, OMSCHRIJVING,
                    uiterlijkeEinddatum);
        }
    }
}
