package nl.klantreis.projecties.mijnzaken;

import static nl.klantreis.domein.zaak.Zaakfeitsoort.STATUS_GEZET;
import static nl.klantreis.domein.zaak.Zaakfeitsoort.ZAAK_AFGESLOTEN;
import static nl.klantreis.domein.zaak.Zaakfeitsoort.ZAAK_HERVAT;
import static nl.klantreis.domein.zaak.Zaakfeitsoort.ZAAK_OPGESCHORT;
import static nl.klantreis.domein.zaak.Zaakfeitsoort.ZAAK_VERLENGD;
import static nl.klantreis.projecties.mijnzaken.Dakkapel.AANVULLING_GEVRAAGD;
import static nl.klantreis.projecties.mijnzaken.Dakkapel.GEREGISTREERD;
import static nl.klantreis.projecties.mijnzaken.Dakkapel.KLANT;
import static nl.klantreis.projecties.mijnzaken.Dakkapel.ONTVANGEN;
import static nl.klantreis.projecties.mijnzaken.Dakkapel.ZAAK;
import static nl.klantreis.projecties.mijnzaken.Dakkapel.op;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.domein.gedeeld.KlantcontactId;
import nl.klantreis.domein.klant.KlantcontactGeregistreerd;
import nl.klantreis.domein.klant.ZaakKoppelingVergeten;
import nl.klantreis.domein.zaak.ZaakAfgesloten;
import nl.klantreis.domein.zaak.ZaakHervat;
import nl.klantreis.domein.zaak.ZaakOpgeschort;
import nl.klantreis.domein.zaak.ZaakVerlengd;
import nl.klantreis.domein.zaak.ZaakfeitOnbruikbaar;
import nl.klantreis.projecties.mijnzaken.Dakkapel.Feit;
import nl.klantreis.infrastructuur.opslag.Eventserialisatie;

class ZaakdossierTest {
    private static final ObjectMapper JSON = Eventserialisatie.objectMapper();

    @Test
    void dakkapel_houdtAlleFeitenVast_versleuteldEnInVolgordeVanGebeuren() {
        Zaakdossier dossier = Dakkapel.dossier();

        assertThat(dossier.isGeregistreerd()).isTrue();
        assertThat(dossier.zaakId()).isEqualTo(ZAAK);
        Zaakdossier.Registratie registratie = dossier.registratie();
        assertThat(registratie.identificatie()).isEqualTo("ZAAK-2026-0000123");
        assertThat(registratie.zaaktype()).isEqualTo("omgevingsvergunning");
        assertThat(registratie.vertrouwelijkheid()).isEqualTo("openbaar");
        assertThat(registratie.initiator()).isEqualTo(KLANT);
        assertThat(registratie.kanaal()).isEqualTo("webformulier");
        assertThat(registratie.geregistreerdOp()).isEqualTo(Instant.parse("2026-03-04T19:31:10Z"));
        assertThat(registratie.omschrijving()).isEqualTo(NepVersleuteling.versleutel(Dakkapel.OMSCHRIJVING));
        assertThat(registratie.regels().servicenormDagen()).isEqualTo(56);
        assertThat(registratie.bekendOp()).isEqualTo(GEREGISTREERD.bekendOp());

        assertThat(dossier.statussen()).extracting(Zaakdossier.Status::statustype)
                .containsExactly("ontvangen", "aanvulling-gevraagd", "in-behandeling", "besluit-genomen");
        assertThat(dossier.statussen().get(1).statustoelichting())
                .isEqualTo(NepVersleuteling.versleutel(Dakkapel.BOUWTEKENING));
        assertThat(dossier.statussen().get(1).bekendOp()).isEqualTo(AANVULLING_GEVRAAGD.bekendOp());
        assertThat(dossier.opschortingen()).containsExactly(
                new Zaakdossier.Moment(op("2026-03-09T11:00:00+01:00"), op("2026-03-09T10:01:01Z")));
        assertThat(dossier.hervattingen()).containsExactly(
                new Zaakdossier.Moment(op("2026-03-18T09:30:00+01:00"), op("2026-03-19T07:00:00Z")));
        assertThat(dossier.verlengingen()).isEmpty();
        assertThat(dossier.afsluiting().resultaat()).isEqualTo("toegekend");
        assertThat(dossier.afsluiting().afgeslotenOp()).isEqualTo(Instant.parse("2026-04-21T06:00:00Z"));
        assertThat(dossier.afsluiting().toelichting())
                .isEqualTo(NepVersleuteling.versleutel("De vergunning is verleend."));
        assertThat(dossier.uiterlijkeEinddatum().datum()).isEqualTo(LocalDate.parse("2026-05-08"));
        assertThat(dossier.uiterlijkeEinddatum().opgeschortSinds()).isNull();
        assertThat(dossier.klantcontacten()).extracting(Zaakdossier.Klantcontact::klantcontactId)
                .containsExactly(Dakkapel.AANVRAAG, Dakkapel.NAVRAAG);
        assertThat(dossier.onbruikbareFeiten()).isEmpty();
        assertThat(dossier.laatstGewijzigd()).isEqualTo(Dakkapel.AFGESLOTEN.bekendOp());
    }

    @Test
    void vergetenInitiator_deZaakBlijftVoorDeKpis_maarIsVanNiemandEnZonderZijnContacten() {
        Zaakdossier dossier = Dakkapel.dossier();
        KlantId ander = new KlantId("k-iemandanders000000000000000000");
        dossier.pasToe(new KlantcontactGeregistreerd(ander, KlantcontactId.van("0b7f2f7e-3a51-4bb9-9a53-aaaaaaaaaaaa"),
                op("2026-03-20T10:00:00+01:00"), "balie", null, "inkomend", "status-navraag", ZAAK, "beantwoord", null,
                null, null, null, null), op("2026-03-20T09:00:01Z"));
        Instant laatstGewijzigd = dossier.laatstGewijzigd();
        MijnZakenLeesregels regels = new MijnZakenLeesregels();

        dossier = regels.pasToe(dossier, ZAAK.toString(), new ZaakKoppelingVergeten(KLANT, ZAAK),
                op("2026-06-01T10:00:00Z"));

        assertThat(regels.eigenaar(dossier)).isNull();
        assertThat(dossier.registratie().initiator()).isNull();
        assertThat(dossier.registratie().omschrijving()).isNull();
        assertThat(dossier.registratie().zaaktype()).isEqualTo("omgevingsvergunning");
        assertThat(dossier.klantcontacten()).extracting(Zaakdossier.Klantcontact::klantId).containsExactly(ander);
        assertThat(dossier.statussen()).hasSize(4);
        assertThat(dossier.afsluiting().afgeslotenOp()).isEqualTo(Instant.parse("2026-04-21T06:00:00Z"));
        assertThat(dossier.laatstGewijzigd()).isEqualTo(laatstGewijzigd);
        assertThat(regels.vergeetBron(new ZaakKoppelingVergeten(KLANT, ZAAK))).isTrue();
        assertThat(regels.pasToe(null, ZAAK.toString(), new ZaakKoppelingVergeten(KLANT, ZAAK), null))
                .as("geen dossier om hem uit te vergeten: er komt er ook geen").isNull();
    }

    @Test
    void statusVoorDeRegistratie_wordtBewaard_maarNiemandsZaak() {
        Zaakdossier dossier = Dakkapel.dossier(List.of(ONTVANGEN));

        assertThat(dossier.isGeregistreerd()).isFalse();
        assertThat(dossier.zaakId()).isEqualTo(ZAAK);
        assertThat(dossier.statussen()).extracting(Zaakdossier.Status::statustype).containsExactly("ontvangen");
        assertThat(new MijnZakenLeesregels().eigenaar(dossier)).isNull();
    }

    @Test
    void hetzelfdeFeitNogmaals_verandertNiets() throws Exception {
        Zaakdossier eenmaal = Dakkapel.dossier();
        List<Feit> tweemaal = new ArrayList<>();
        for (Feit feit : Dakkapel.feiten()) {
            tweemaal.add(feit);
            // Redelivered later: must not even move laatstGewijzigd.
            tweemaal.add(new Feit(feit.event(), feit.bekendOp().plusSeconds(3600)));
        }
        assertThat(JSON.writeValueAsString(Dakkapel.dossier(tweemaal))).isEqualTo(JSON.writeValueAsString(eenmaal));

        Zaakdossier dossier = Dakkapel.dossier();
        assertThat(dossier.pasToe(ONTVANGEN.event(), Instant.parse("2026-12-01T00:00:00Z"))).isFalse();
        assertThat(dossier.laatstGewijzigd()).isEqualTo(Dakkapel.AFGESLOTEN.bekendOp());
    }

    @Test
    void ietsAnders_verandertNiets() {
        Zaakdossier dossier = Dakkapel.dossier();
        assertThat(dossier.pasToe("geen event", Instant.parse("2026-12-01T00:00:00Z"))).isFalse();
        assertThat(dossier.laatstGewijzigd()).isEqualTo(Dakkapel.AFGESLOTEN.bekendOp());
    }

    @Test
    void elkeVolgorde_geeftHetzelfdeDossier() throws Exception {
        JsonNode verwacht = JSON.valueToTree(Dakkapel.dossier());
        for (int zaad = 0; zaad < 200; zaad++) {
            List<Feit> feiten = Dakkapel.feiten();
            Collections.shuffle(feiten, new Random(zaad));
            JsonNode geschud = JSON.valueToTree(Dakkapel.dossier(feiten));
            assertThat(geschud).as("volgorde %d", zaad).isEqualTo(verwacht);
        }
    }

    @Test
    void eenOnbruikbaarFeit_verdwijnt_enBlijftWeg() {
        Instant voorDeZaak = op("2026-03-04T20:00:00+01:00");
        Zaakdossier dossier = Dakkapel.dossier(List.of(
                new Feit(Dakkapel.status("in-productie", "2026-03-04T20:00:00+01:00", null), op("2026-03-04T19:10:00Z")),
                new Feit(new ZaakAfgesloten(ZAAK, voorDeZaak, "afgehandeld", null), op("2026-03-04T19:10:01Z")),
                GEREGISTREERD,
                new Feit(new ZaakfeitOnbruikbaar(ZAAK, STATUS_GEZET, "in-productie", voorDeZaak, "hoort er niet bij"),
                        GEREGISTREERD.bekendOp()),
                new Feit(new ZaakfeitOnbruikbaar(ZAAK, ZAAK_AFGESLOTEN, "afgehandeld", voorDeZaak, "onbekend"),
                        GEREGISTREERD.bekendOp())));

        assertThat(dossier.statussen()).isEmpty();
        assertThat(dossier.afsluiting()).isNull();
        assertThat(dossier.onbruikbareFeiten()).extracting(Zaakdossier.OnbruikbaarFeit::feit,
                        Zaakdossier.OnbruikbaarFeit::code, Zaakdossier.OnbruikbaarFeit::op)
                .containsExactly(
                        tuple(STATUS_GEZET, "in-productie", voorDeZaak),
                        tuple(ZAAK_AFGESLOTEN, "afgehandeld", voorDeZaak));

        // A redelivery of the unusable fact stays out; a usable afsluiting afterwards counts.
        assertThat(dossier.pasToe(Dakkapel.status("in-productie", "2026-03-04T20:00:00+01:00", null),
                Instant.parse("2026-03-05T00:00:00Z"))).isFalse();
        dossier.pasToe(Dakkapel.AFGESLOTEN.event(), Dakkapel.AFGESLOTEN.bekendOp());
        assertThat(dossier.afsluiting().resultaat()).isEqualTo("toegekend");
    }

    @Test
    void onbruikbareOpschortingEnVerlenging_verdwijnen() {
        Instant op = op("2026-03-03T12:00:00+01:00");
        Zaakdossier dossier = new Zaakdossier(ZAAK);
        dossier.pasToe(new ZaakOpgeschort(ZAAK, op, null), op);
        dossier.pasToe(new ZaakHervat(ZAAK, op.plusSeconds(60), null), op);
        dossier.pasToe(new ZaakVerlengd(ZAAK, op, 99, null), op);
        dossier.pasToe(new ZaakfeitOnbruikbaar(ZAAK, ZAAK_OPGESCHORT, null, op, "niet toegestaan"), op);
        dossier.pasToe(new ZaakfeitOnbruikbaar(ZAAK, ZAAK_HERVAT, null, op.plusSeconds(60), "niet toegestaan"), op);
        dossier.pasToe(new ZaakfeitOnbruikbaar(ZAAK, ZAAK_VERLENGD, "99", op, "te lang"), op);

        assertThat(dossier.opschortingen()).isEmpty();
        assertThat(dossier.hervattingen()).isEmpty();
        assertThat(dossier.verlengingen()).isEmpty();
        assertThat(dossier.onbruikbareFeiten()).hasSize(3);
    }

    @Test
    void contactZonderZaak_hoortHierNiet() {
        Zaakdossier dossier = Dakkapel.dossier();
        KlantcontactGeregistreerd zonderZaak = new KlantcontactGeregistreerd(KLANT,
                KlantcontactId.van("0b7f2f7e-3a51-4bb9-9a53-2f6e7a0c1d11"), op("2026-03-02T09:12:40+01:00"),
                "telefoon", "telefoon", "inkomend", "omgevingsvergunning", null, "doorverwezen", "webformulier", null,
                null, null, 312);
        assertThat(dossier.pasToe(zonderZaak, Instant.parse("2026-03-02T08:15:00Z"))).isFalse();
        assertThat(dossier.klantcontacten()).hasSize(2);
    }

    @Test
    void jacksonHeenEnTerug_geeftHetzelfdeDocument() throws Exception {
        Zaakdossier dossier = volledigDossier();
        String json = JSON.writeValueAsString(dossier);

        Zaakdossier terug = JSON.readValue(json, Zaakdossier.class);

        assertThat(JSON.writeValueAsString(terug)).isEqualTo(json);
        assertThat(terug.isGeregistreerd()).isTrue();
        assertThat(terug.registratie()).isEqualTo(dossier.registratie());
        assertThat(terug.statussen()).isEqualTo(dossier.statussen());
        assertThat(terug.klantcontacten()).isEqualTo(dossier.klantcontacten());
        assertThat(terug.onbruikbareFeiten()).isEqualTo(dossier.onbruikbareFeiten());
        assertThat(terug.verlengingen()).isEqualTo(dossier.verlengingen());
        assertThat(terug.afsluiting()).isEqualTo(dossier.afsluiting());
        assertThat(terug.uiterlijkeEinddatum()).isEqualTo(dossier.uiterlijkeEinddatum());

        JsonNode boom = JSON.readTree(json);
        assertThat(boom.get("zaakId").asText()).isEqualTo(ZAAK.toString());
        assertThat(boom.get("registratie").get("initiator").asText()).isEqualTo(KLANT.waarde());
        assertThat(boom.get("registratie").get("geregistreerdOp").asText()).isEqualTo("2026-03-04T19:31:10Z");
        assertThat(boom.get("uiterlijkeEinddatum").get("datum").asText()).isEqualTo("2026-05-08");
        assertThat(boom.has("geregistreerd")).isFalse();
        // The kind of an unusable fact is a type in Java but stays the stored string in the document.
        assertThat(boom.get("onbruikbareFeiten").get(0).get("feit").asText()).isEqualTo("status-gezet");
        assertThat(json).doesNotContain(Dakkapel.OMSCHRIJVING).doesNotContain("bouwtekening")
                .doesNotContain("999990342");
    }

    /** The dakkapel plus a verlenging, an unusable status and a contact of someone else. */
    static Zaakdossier volledigDossier() {
        List<Feit> feiten = Dakkapel.feiten();
        feiten.add(0, new Feit(Dakkapel.status("in-productie", "2026-03-04T20:00:00+01:00", null),
                op("2026-03-04T19:10:00Z")));
        feiten.add(3, new Feit(new ZaakfeitOnbruikbaar(ZAAK, STATUS_GEZET, "in-productie",
                op("2026-03-04T20:00:00+01:00"), "statustype 'in-productie' hoort niet bij zaaktype 'omgevingsvergunning'"),
                GEREGISTREERD.bekendOp()));
        feiten.add(new Feit(new ZaakVerlengd(ZAAK, op("2026-04-01T10:00:00+02:00"), 14, null),
                op("2026-04-01T08:05:00Z")));
        feiten.add(new Feit(new KlantcontactGeregistreerd(new KlantId("k-buurman00000000000000000000000002"),
                KlantcontactId.van("1f0a9d3e-2b4c-4d5e-8f60-7a8b9c0d1e2f"), op("2026-03-20T15:00:00+01:00"), "balie",
                "balie", "inkomend", "algemene-vraag", ZAAK, "beantwoord", null, null, null,
                NepVersleuteling.versleutel("Bezwaar tegen de dakkapel van de buren"), null), op("2026-03-20T14:05:00Z")));
        return Dakkapel.dossier(feiten);
    }
}
