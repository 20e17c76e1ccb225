package nl.klantreis.projecties.mijnzaken;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import nl.klantreis.domein.gedeeld.Identificatiesoort;
import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.domein.gedeeld.KlantcontactId;
import nl.klantreis.domein.gedeeld.Versleuteld;
import nl.klantreis.domein.gedeeld.ZaakId;
import nl.klantreis.domein.klant.KlantcontactGeregistreerd;
import nl.klantreis.domein.klant.ZaakKoppelingVergeten;
import nl.klantreis.domein.referentie.ZaaktypeRegels;
import nl.klantreis.domein.zaak.UiterlijkeEinddatumBepaald;
import nl.klantreis.domein.zaak.ZaakAfgesloten;
import nl.klantreis.domein.zaak.ZaakGeregistreerd;
import nl.klantreis.domein.zaak.ZaakHervat;
import nl.klantreis.domein.zaak.ZaakOpgeschort;
import nl.klantreis.domein.zaak.ZaakVerlengd;
import nl.klantreis.domein.zaak.ZaakfeitOnbruikbaar;
import nl.klantreis.domein.zaak.Zaakfeitsoort;
import nl.klantreis.domein.zaak.ZaakstatusGezet;
import nl.klantreis.projecties.leesmodel.Leesmodeldocumenten;

/**
 * The stored JSON of a {@link Zaakdossier} with every field and every nested record filled (and
 * the nulls a document holds), frozen in {@code leesmodeldocumenten/}.
 */
class ZaakdossierJsonTest {
    private static final ZaakId ZAAK = new ZaakId(UUID.fromString("5b0e1c3a-8f1d-4f3e-9c55-2b7d1e6a9f01"));
    private static final KlantId INITIATOR = new KlantId("k-voorbeeldklant000000000000000001");
    private static final KlantId ANDER = new KlantId("k-voorbeeldklant000000000000000002");
    private static final Versleuteld GEHEIM = new Versleuteld("33410a70-917e-4b70-9f28-4151b49b6002", "AbJdaLxd-versleuteld");

    @Test
    void eenVolZaakdossier() {
        Leesmodeldocumenten.keurGoed("Zaakdossier", volDossier());
    }

    /** Forgetting the initiator leaves a registration without initiator and description: nulls, left out. */
    @Test
    void eenZaakdossierNaHetVergetenVanDeInitiator() {
        Zaakdossier dossier = volDossier();
        dossier.pasToe(new ZaakKoppelingVergeten(INITIATOR, ZAAK), t("2026-05-20T08:00:00Z"));
        Leesmodeldocumenten.keurGoed("Zaakdossier-initiator-vergeten", dossier);
    }

    private static Zaakdossier volDossier() {
        Zaakdossier dossier = new Zaakdossier(ZAAK);
        List.of(
                new ZaakGeregistreerd(ZAAK, "ZAAK-2026-0000123", "omgevingsvergunning",
                        new ZaaktypeRegels(56, true, 42, List.of("ontvangen", "in-behandeling", "afgehandeld"),
                                List.of("toegekend", "afgewezen")),
                        "openbaar", INITIATOR, Identificatiesoort.BSN, GEHEIM, "webformulier", "website",
                        t("2026-03-02T09:00:00Z"), GEHEIM, LocalDate.of(2026, 5, 1)),
                new ZaakstatusGezet(ZAAK, "ontvangen", t("2026-03-02T09:00:00Z"), null),
                new ZaakstatusGezet(ZAAK, "in-behandeling", t("2026-03-03T10:15:00Z"), GEHEIM),
                new ZaakOpgeschort(ZAAK, t("2026-03-10T12:00:00Z"), GEHEIM),
                new ZaakHervat(ZAAK, t("2026-03-17T12:00:00Z"), null),
                new ZaakVerlengd(ZAAK, t("2026-03-20T08:30:00Z"), 14, GEHEIM),
                new UiterlijkeEinddatumBepaald(ZAAK, LocalDate.of(2026, 5, 22), LocalDate.of(2026, 4, 27), 14, 7,
                        t("2026-03-10T12:00:00Z")),
                new ZaakfeitOnbruikbaar(ZAAK, Zaakfeitsoort.STATUS_GEZET, "in-productie", t("2026-03-04T19:31:10Z"),
                        "statustype 'in-productie' hoort niet bij zaaktype 'omgevingsvergunning'"),
                new ZaakfeitOnbruikbaar(ZAAK, Zaakfeitsoort.ZAAK_OPGESCHORT, null, t("2026-03-05T07:00:00Z"),
                        "zaaktype 'omgevingsvergunning' kent geen opschorting"),
                new KlantcontactGeregistreerd(INITIATOR, contact(1), t("2026-03-04T19:31:10Z"), "telefoon", "telefonie",
                        "inkomend", "omgevingsvergunning", ZAAK, "beantwoord", null, null, "kcc-medewerker-17", GEHEIM,
                        312),
                new KlantcontactGeregistreerd(ANDER, contact(2), t("2026-03-06T11:00:00Z"), "email", null, "inkomend",
                        null, ZAAK, null, null, contact(1), null, null, null),
                new ZaakAfgesloten(ZAAK, t("2026-04-30T16:00:00Z"), "toegekend", GEHEIM)
        ).forEach(event -> dossier.pasToe(event, t("2026-05-01T00:00:00Z")));
        return dossier;
    }

    private static KlantcontactId contact(int n) {
        return new KlantcontactId(UUID.fromString("0b7f2f7e-3a51-4bb9-9a53-2f6e7a0c1d1" + n));
    }

    private static Instant t(String tekst) {
        return Instant.parse(tekst);
    }
}
