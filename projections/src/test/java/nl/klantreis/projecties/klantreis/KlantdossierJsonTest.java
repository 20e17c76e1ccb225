package nl.klantreis.projecties.klantreis;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import nl.klantreis.domein.gedeeld.Identificatiesoort;
import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.domein.gedeeld.KlantcontactId;
import nl.klantreis.domein.gedeeld.KlantreisId;
import nl.klantreis.domein.gedeeld.Versleuteld;
import nl.klantreis.domein.gedeeld.ZaakId;
import nl.klantreis.domein.klant.KanaalGewisseld;
import nl.klantreis.domein.klant.KanaalvoorkeurVastgelegd;
import nl.klantreis.domein.klant.KanaalwisselIngetrokken;
import nl.klantreis.domein.klant.KlantEvent;
import nl.klantreis.domein.klant.KlantIngeschreven;
import nl.klantreis.domein.klant.KlantVergeten;
import nl.klantreis.domein.klant.KlantcontactGeregistreerd;
import nl.klantreis.domein.klant.KlantcontactIngedeeld;
import nl.klantreis.domein.klant.KlantreisBeeindigd;
import nl.klantreis.domein.klant.KlantreisGestart;
import nl.klantreis.domein.klant.KlantreisVervallen;
import nl.klantreis.domein.klant.ZaakAanKlantGekoppeld;
import nl.klantreis.domein.klantreis.Klantreissoort;
import nl.klantreis.projecties.leesmodel.Leesmodeldocumenten;

/**
 * The stored JSON of a {@link Klantdossier} with every field and every nested record filled (and
 * the nulls a document holds), frozen in {@code leesmodeldocumenten/}: a klant forgotten once and
 * back, so that the fields only forgetting fills are there too, and what he left behind.
 */
class KlantdossierJsonTest {
    private static final KlantId KLANT = new KlantId("k-voorbeeldklant000000000000000001");
    private static final ZaakId ZAAK = new ZaakId(UUID.fromString("5b0e1c3a-8f1d-4f3e-9c55-2b7d1e6a9f01"));
    private static final ZaakId ANDERE_ZAAK = new ZaakId(UUID.fromString("5b0e1c3a-8f1d-4f3e-9c55-2b7d1e6a9f02"));
    private static final KlantreisId ZAAKREIS = reis(1);
    private static final KlantreisId ONDERWERPREIS = reis(2);
    private static final KlantreisId VERVALLEN = reis(3);
    private static final Versleuteld OUD_NUMMER = new Versleuteld("33410a70-917e-4b70-9f28-4151b49b6001", "oud-nummer");
    private static final Versleuteld OUDE_INHOUD = new Versleuteld("33410a70-917e-4b70-9f28-4151b49b6001", "oude-inhoud");
    private static final Versleuteld NUMMER = new Versleuteld("33410a70-917e-4b70-9f28-4151b49b6002", "AbJdaLxd-nummer");
    private static final Versleuteld INHOUD = new Versleuteld("33410a70-917e-4b70-9f28-4151b49b6002", "AbJdaLxd-inhoud");

    @Test
    void eenVolKlantdossier() {
        Leesmodeldocumenten.keurGoed("Klantdossier", volDossier());
    }

    /** What a forgotten klant leaves behind under a key nothing leads to. */
    @Test
    void hetAnoniemeKlantdossierDatEenVergetenKlantAchterlaat() {
        Leesmodeldocumenten.keurGoed("Klantdossier-anoniem", volDossier().anoniem("anoniem-voorbeeld-0001"));
    }

    /** A dossier forgotten with the rules before ADR 0016 still holds {@code vergetenOp}; it reads and writes back. */
    @Test
    void eenOuderKlantdossierMetVergetenOp() {
        Leesmodeldocumenten.keurRondreisGoed("Klantdossier-ouder-met-vergetenOp", Klantdossier.class);
    }

    private static Klantdossier volDossier() {
        Klantdossier dossier = new Klantdossier(KLANT.waarde());
        List.<KlantEvent>of(
                new KlantIngeschreven(KLANT, Identificatiesoort.BSN, OUD_NUMMER),
                new KlantcontactGeregistreerd(KLANT, contact(9), t("2025-01-02T09:00:00Z"), "balie", null, "inkomend",
                        "paspoort", null, null, null, null, "balie-3", OUDE_INHOUD, 120),
                new KlantVergeten(KLANT, t("2025-06-01T00:00:00Z")),
                new KlantIngeschreven(KLANT, Identificatiesoort.BSN, NUMMER),
                new KlantreisGestart(KLANT, VERVALLEN, Klantreissoort.ONDERWERP, null, "afval"),
                new KlantreisGestart(KLANT, ONDERWERPREIS, Klantreissoort.ONDERWERP, null, "parkeervergunning"),
                new KlantcontactGeregistreerd(KLANT, contact(1), t("2026-03-01T10:00:00Z"), "telefoon", "telefonie",
                        "inkomend", "parkeervergunning", null, "beantwoord", null, null, "kcc-medewerker-17", INHOUD,
                        312),
                new KlantcontactIngedeeld(KLANT, contact(1), VERVALLEN, null),
                new KlantcontactIngedeeld(KLANT, contact(1), ONDERWERPREIS, VERVALLEN),
                new KlantreisVervallen(KLANT, VERVALLEN),
                new KlantreisGestart(KLANT, ZAAKREIS, Klantreissoort.ZAAK, ZAAK, null),
                new KlantcontactGeregistreerd(KLANT, contact(2), t("2026-03-04T19:31:10Z"), "chat", "webchat",
                        "inkomend", "omgevingsvergunning", ZAAK, "doorverwezen", "webformulier", contact(1),
                        "kcc-medewerker-18", null, null),
                new KlantcontactIngedeeld(KLANT, contact(2), ZAAKREIS, null),
                new ZaakAanKlantGekoppeld(KLANT, ZAAK, "omgevingsvergunning", "webformulier", t("2026-03-05T08:00:00Z"),
                        ZAAKREIS),
                new ZaakAanKlantGekoppeld(KLANT, ANDERE_ZAAK, "parkeervergunning", "balie", t("2026-03-06T08:00:00Z"),
                        ONDERWERPREIS),
                new KanaalGewisseld(KLANT, ZAAKREIS, "klantcontact:" + contact(2), "zaak:" + ZAAK, "chat",
                        "webformulier", t("2026-03-05T08:00:00Z"), true),
                new KanaalGewisseld(KLANT, ONDERWERPREIS, "klantcontact:" + contact(1), "zaak:" + ANDERE_ZAAK,
                        "telefoon", "balie", t("2026-03-06T08:00:00Z"), false),
                new KanaalGewisseld(KLANT, ONDERWERPREIS, "klantcontact:" + contact(1), "klantcontact:" + contact(3),
                        "telefoon", "email", t("2026-03-07T08:00:00Z"), false),
                new KanaalwisselIngetrokken(KLANT, ONDERWERPREIS, "klantcontact:" + contact(1),
                        "klantcontact:" + contact(3), "telefoon", "email", t("2026-03-07T08:00:00Z"), false),
                new KlantreisBeeindigd(KLANT, ZAAKREIS, ZAAK, t("2026-04-30T16:00:00Z")),
                new KanaalvoorkeurVastgelegd(KLANT, "email", null, t("2026-03-01T10:05:00Z")),
                new KanaalvoorkeurVastgelegd(KLANT, "post", "parkeervergunning", t("2026-03-02T10:05:00Z"))
        ).forEach(dossier::verwerk);
        return dossier;
    }

    private static KlantcontactId contact(int n) {
        return new KlantcontactId(UUID.fromString("0b7f2f7e-3a51-4bb9-9a53-2f6e7a0c1d1" + n));
    }

    private static KlantreisId reis(int n) {
        return new KlantreisId(UUID.fromString("ec1242c7-d646-38ea-92ba-6e6c86f6bd7" + n));
    }

    private static Instant t(String tekst) {
        return Instant.parse(tekst);
    }
}
