package nl.klantreis.projecties.mijnzaken;

import static nl.klantreis.domein.zaak.Zaakfeitsoort.STATUS_GEZET;
import static nl.klantreis.domein.zaak.Zaakfeitsoort.ZAAK_AFGESLOTEN;
import static nl.klantreis.projecties.mijnzaken.Dakkapel.BOUWTEKENING;
import static nl.klantreis.projecties.mijnzaken.Dakkapel.CATALOGUS;
import static nl.klantreis.projecties.mijnzaken.Dakkapel.KLANT;
import static nl.klantreis.projecties.mijnzaken.Dakkapel.OMSCHRIJVING;
import static nl.klantreis.projecties.mijnzaken.Dakkapel.op;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.klantreis.domein.gedeeld.Identificatiesoort;
import nl.klantreis.domein.gedeeld.KlantcontactId;
import nl.klantreis.domein.gedeeld.Versleuteld;
import nl.klantreis.domein.gedeeld.ZaakId;
import nl.klantreis.domein.klant.KlantcontactGeregistreerd;
import nl.klantreis.domein.zaak.ZaakAfgesloten;
import nl.klantreis.domein.zaak.ZaakGeregistreerd;
import nl.klantreis.domein.zaak.ZaakOpgeschort;
import nl.klantreis.domein.zaak.ZaakVerlengd;
import nl.klantreis.domein.zaak.ZaakfeitOnbruikbaar;
import nl.klantreis.domein.zaak.ZaakstatusGezet;
import nl.klantreis.projecties.mijnzaken.Dakkapel.Feit;
import nl.klantreis.projecties.tijd.Tijdas;
import nl.klantreis.projecties.mijnzaken.Zaakkaart.Afgesloten;
import nl.klantreis.projecties.mijnzaken.Zaakkaart.Status;
import nl.klantreis.projecties.mijnzaken.Zaakkaart.VolgendeStap;
import nl.klantreis.infrastructuur.opslag.Eventserialisatie;

class MijnZakenWeergaveTest {
    private static final Function<Versleuteld, Optional<String>> LEESBAAR = NepVersleuteling::ontsleutel;
    private static final ObjectMapper JSON = Eventserialisatie.objectMapper();

    private static final String ZAAK = Dakkapel.ZAAK.toString();
    private static final String IDENTIFICATIE = "ZAAK-2026-0000123";

    // Peilmomenten through the dakkapel zaak (gebeurd axis).
    private static final Instant NA_ONTVANGST = op("2026-03-05T12:00:00+01:00");
    private static final Instant IN_OPSCHORTING = op("2026-03-12T12:00:00+01:00");
    private static final Instant NA_NAVRAAG = op("2026-03-16T12:00:00+01:00");
    private static final Instant NA_HERVATTING = op("2026-03-20T12:00:00+01:00");
    private static final Instant NA_BESLUIT = op("2026-04-20T18:00:00+02:00");
    private static final Instant NA_AFSLUITING = Instant.parse("2026-06-01T00:00:00Z");
    private static final List<Instant> PEILMOMENTEN = List.of(Instant.parse("2026-03-04T19:31:10Z"), NA_ONTVANGST,
            IN_OPSCHORTING, NA_NAVRAAG, Instant.parse("2026-03-18T12:00:00Z"), NA_HERVATTING, NA_BESLUIT,
            NA_AFSLUITING);

    private static final Status ONTVANGEN = new Status("ontvangen", "Aanvraag ontvangen", "ontvangen", 1, 5,
            Instant.parse("2026-03-04T19:31:12Z"), "Wij hebben uw aanvraag ontvangen.");
    private static final Status AANVULLING_GEVRAAGD = new Status("aanvulling-gevraagd",
            "Aanvullende informatie gevraagd", "actie_nodig", 2, 5, Instant.parse("2026-03-09T10:00:00Z"),
            BOUWTEKENING);
    private static final Status IN_BEHANDELING = new Status("in-behandeling", "In behandeling", "in_behandeling", 3,
            5, Instant.parse("2026-03-18T08:30:00Z"), "Wij beoordelen uw aanvraag.");
    private static final Status BESLUIT_GENOMEN = new Status("besluit-genomen", "Besluit genomen", "besluit_genomen",
            4, 5, Instant.parse("2026-04-20T12:00:00Z"), "Er is een besluit genomen. U ontvangt het besluit.");

    private static final VolgendeStap NAAR_AANVULLING = new VolgendeStap("aanvulling-gevraagd",
            "Aanvullende informatie gevraagd", "actie_nodig");
    private static final VolgendeStap NAAR_IN_BEHANDELING = new VolgendeStap("in-behandeling", "In behandeling",
            "in_behandeling");
    private static final VolgendeStap NAAR_BESLUIT = new VolgendeStap("besluit-genomen", "Besluit genomen",
            "besluit_genomen");
    private static final VolgendeStap NAAR_AFGEHANDELD = new VolgendeStap("afgehandeld", "Afgehandeld", "afgerond");

    private static final Zaakdetail.Klantcontact AANVRAAG = new Zaakdetail.Klantcontact("webformulier",
            Instant.parse("2026-03-04T19:31:00Z"), "omgevingsvergunning", "zaak-gestart");
    private static final Zaakdetail.Klantcontact NAVRAAG = new Zaakdetail.Klantcontact("telefoon",
            Instant.parse("2026-03-16T09:05:00Z"), "status-navraag", "beantwoord");
    private static final Instant OPGESCHORT_OP = Instant.parse("2026-03-09T10:00:00Z");
    private static final Instant HERVAT_OP = Instant.parse("2026-03-18T08:30:00Z");

    private final MijnZakenWeergave weergave = new MijnZakenWeergave(CATALOGUS);

    @Test
    void dakkapel_naOntvangst() {
        Zaakdetail detail = weergave.detail(Dakkapel.dossier(), NA_ONTVANGST, LEESBAAR);

        assertThat(detail).isEqualTo(new Zaakdetail(ZAAK, IDENTIFICATIE, "omgevingsvergunning", OMSCHRIJVING,
                ONTVANGEN, LocalDate.parse("2026-04-29"), false, null, NAAR_AANVULLING,
                Instant.parse("2026-03-04T19:32:02Z"),
                List.of(regel(ONTVANGEN)), List.of(AANVRAAG), List.of(), List.of()));
        assertThat(weergave.kaart(Dakkapel.dossier(), NA_ONTVANGST, LEESBAAR)).isEqualTo(detail.alsKaart());
    }

    @Test
    void dakkapel_tijdensDeOpschorting_schuiftBeslissingUiterlijkMetDePeildatumMee() {
        Zaakdossier dossier = Dakkapel.dossier();

        assertThat(weergave.detail(dossier, IN_OPSCHORTING, LEESBAAR)).isEqualTo(new Zaakdetail(ZAAK, IDENTIFICATIE,
                "omgevingsvergunning", OMSCHRIJVING, AANVULLING_GEVRAAGD, LocalDate.parse("2026-05-02"), true, null,
                NAAR_IN_BEHANDELING, Instant.parse("2026-03-09T10:01:01Z"),
                List.of(regel(ONTVANGEN), regel(AANVULLING_GEVRAAGD)), List.of(AANVRAAG),
                List.of(new Zaakdetail.Opschorting(OPGESCHORT_OP, null)), List.of()));

        assertThat(weergave.detail(dossier, NA_NAVRAAG, LEESBAAR)).isEqualTo(new Zaakdetail(ZAAK, IDENTIFICATIE,
                "omgevingsvergunning", OMSCHRIJVING, AANVULLING_GEVRAAGD, LocalDate.parse("2026-05-06"), true, null,
                NAAR_IN_BEHANDELING, Instant.parse("2026-03-16T09:10:00Z"),
                List.of(regel(ONTVANGEN), regel(AANVULLING_GEVRAAGD)), List.of(AANVRAAG, NAVRAAG),
                List.of(new Zaakdetail.Opschorting(OPGESCHORT_OP, null)), List.of()));

        // 23:30 UTC on the 17th is already the 18th in Amsterdam: nine days.
        Zaakkaart laatAvond = weergave.kaart(dossier, Instant.parse("2026-03-17T23:30:00Z"), LEESBAAR);
        assertThat(laatAvond.beslissingUiterlijk()).isEqualTo(LocalDate.parse("2026-05-08"));
        assertThat(laatAvond.opgeschort()).isTrue();
        assertThat(weergave.kaart(dossier, Instant.parse("2026-03-17T22:30:00Z"), LEESBAAR).beslissingUiterlijk())
                .isEqualTo(LocalDate.parse("2026-05-07"));
    }

    @Test
    void dakkapel_naDeHervatting_staatBeslissingUiterlijkOpAchtMei() {
        assertThat(weergave.detail(Dakkapel.dossier(), NA_HERVATTING, LEESBAAR)).isEqualTo(new Zaakdetail(ZAAK,
                IDENTIFICATIE, "omgevingsvergunning", OMSCHRIJVING, IN_BEHANDELING, LocalDate.parse("2026-05-08"),
                false, null, NAAR_BESLUIT, Instant.parse("2026-03-19T07:00:00Z"),
                List.of(regel(ONTVANGEN), regel(AANVULLING_GEVRAAGD), regel(IN_BEHANDELING)),
                List.of(AANVRAAG, NAVRAAG), List.of(new Zaakdetail.Opschorting(OPGESCHORT_OP, HERVAT_OP)), List.of()));
    }

    @Test
    void dakkapel_naHetBesluit_isDeVolgendeStapAfgehandeld() {
        assertThat(weergave.kaart(Dakkapel.dossier(), NA_BESLUIT, LEESBAAR)).isEqualTo(new Zaakkaart(ZAAK,
                IDENTIFICATIE, "omgevingsvergunning", OMSCHRIJVING, BESLUIT_GENOMEN, LocalDate.parse("2026-05-08"),
                false, null, NAAR_AFGEHANDELD, Instant.parse("2026-04-20T12:01:00Z")));
    }

    @Test
    void dakkapel_naAfsluiting_toegekendZonderVolgendeStap() {
        assertThat(weergave.detail(Dakkapel.dossier(), NA_AFSLUITING, LEESBAAR)).isEqualTo(new Zaakdetail(ZAAK,
                IDENTIFICATIE, "omgevingsvergunning", OMSCHRIJVING, BESLUIT_GENOMEN, LocalDate.parse("2026-05-08"),
                false, new Afgesloten(Instant.parse("2026-04-21T06:00:00Z"), "toegekend"), null,
                Instant.parse("2026-04-21T06:01:00Z"),
                List.of(regel(ONTVANGEN), regel(AANVULLING_GEVRAAGD), regel(IN_BEHANDELING), regel(BESLUIT_GENOMEN)),
                List.of(AANVRAAG, NAVRAAG), List.of(new Zaakdetail.Opschorting(OPGESCHORT_OP, HERVAT_OP)), List.of()));
    }

    @Test
    void alsBekend_telltDeLaatGemeldeHervattingNogNiet() {
        Zaakdossier dossier = Dakkapel.dossier();
        Instant peilmoment = Instant.parse("2026-03-18T12:00:00Z");

        assertThat(weergave.detail(dossier, peilmoment, Tijdas.BEKEND, LEESBAAR)).isEqualTo(new Zaakdetail(ZAAK,
                IDENTIFICATIE, "omgevingsvergunning", OMSCHRIJVING, IN_BEHANDELING, LocalDate.parse("2026-05-08"),
                true, null, NAAR_BESLUIT, Instant.parse("2026-03-18T08:31:00Z"),
                List.of(regel(ONTVANGEN), regel(AANVULLING_GEVRAAGD), regel(IN_BEHANDELING)),
                List.of(AANVRAAG, NAVRAAG), List.of(new Zaakdetail.Opschorting(OPGESCHORT_OP, null)), List.of()));

        Zaakkaart gebeurd = weergave.kaart(dossier, peilmoment, Tijdas.GEBEURD, LEESBAAR);
        assertThat(gebeurd.opgeschort()).isFalse();
        // The hervatting counts on this axis but reached the engine only the next morning: it is
        // dated when it happened, so the page of the 18th does not show a time of the 19th.
        assertThat(gebeurd.laatstGewijzigd()).isEqualTo(Instant.parse("2026-03-18T08:31:00Z"));
    }

    @Test
    void geregistreerdMaarNogZonderStatus_volgendeStapIsDeEerste() {
        assertThat(weergave.kaart(Dakkapel.dossier(), Instant.parse("2026-03-04T19:32:01.500Z"), Tijdas.BEKEND,
                LEESBAAR)).isEqualTo(new Zaakkaart(ZAAK, IDENTIFICATIE, "omgevingsvergunning", OMSCHRIJVING, null,
                LocalDate.parse("2026-04-29"), false, null,
                new VolgendeStap("ontvangen", "Aanvraag ontvangen", "ontvangen"), Instant.parse("2026-03-04T19:32:01Z")));
    }

    @Test
    void eenZaakIsPasZichtbaarVanafZijnRegistratie() {
        Zaakdossier dossier = Dakkapel.dossier();
        assertThat(weergave.zichtbaar(dossier, Instant.parse("2026-03-04T19:31:09Z"))).isFalse();
        assertThat(weergave.zichtbaar(dossier, Instant.parse("2026-03-04T19:31:10Z"))).isTrue();
        assertThat(weergave.zichtbaar(dossier, Instant.parse("2026-03-04T19:32:00Z"), Tijdas.BEKEND)).isFalse();
        assertThat(weergave.zichtbaar(dossier, Instant.parse("2026-03-04T19:32:01Z"), Tijdas.BEKEND)).isTrue();
        assertThatThrownBy(() -> weergave.kaart(dossier, Instant.parse("2026-03-04T19:31:09Z"), LEESBAAR))
                .isInstanceOf(IllegalArgumentException.class);

        Zaakdossier alleenStatus = Dakkapel.dossier(List.of(Dakkapel.ONTVANGEN));
        assertThat(weergave.zichtbaar(alleenStatus, NA_AFSLUITING)).isFalse();
        assertThat(weergave.zichtbaar(alleenStatus, NA_AFSLUITING, Tijdas.BEKEND)).isFalse();
        assertThatThrownBy(() -> weergave.detail(alleenStatus, NA_AFSLUITING, LEESBAAR))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void elkeAanlevervolgorde_geeftDezelfdeWeergaven() {
        Zaakdossier opVolgorde = Dakkapel.dossier();
        List<Feit> statusEerst = Dakkapel.feiten();
        statusEerst.remove(Dakkapel.ONTVANGEN);
        statusEerst.remove(Dakkapel.BESLUIT_GENOMEN);
        statusEerst.add(0, Dakkapel.BESLUIT_GENOMEN);
        statusEerst.add(0, Dakkapel.ONTVANGEN);
        assertDezelfdeWeergaven(Dakkapel.dossier(statusEerst), opVolgorde);

        for (int zaad = 0; zaad < 100; zaad++) {
            List<Feit> feiten = Dakkapel.feiten();
            Collections.shuffle(feiten, new Random(zaad));
            assertDezelfdeWeergaven(Dakkapel.dossier(feiten), opVolgorde);
        }
    }

    @Test
    void eenOnbruikbaarFeit_telltNooit() {
        Instant voorDeZaak = op("2026-03-04T20:00:00+01:00");
        List<Feit> feiten = Dakkapel.feiten();
        feiten.add(0, new Feit(Dakkapel.status("in-productie", "2026-03-04T20:00:00+01:00", null),
                op("2026-03-04T19:10:00Z")));
        feiten.add(0, new Feit(new ZaakAfgesloten(Dakkapel.ZAAK, voorDeZaak, "afgehandeld", null),
                op("2026-03-04T19:10:01Z")));
        int registratie = feiten.indexOf(Dakkapel.GEREGISTREERD);
        feiten.add(registratie + 1, new Feit(new ZaakfeitOnbruikbaar(Dakkapel.ZAAK, STATUS_GEZET, "in-productie",
                voorDeZaak, "hoort niet bij het zaaktype"), Dakkapel.GEREGISTREERD.bekendOp()));
        feiten.add(registratie + 2, new Feit(new ZaakfeitOnbruikbaar(Dakkapel.ZAAK, ZAAK_AFGESLOTEN, "afgehandeld",
                voorDeZaak, "hoort niet bij het zaaktype"), Dakkapel.GEREGISTREERD.bekendOp()));

        assertDezelfdeWeergaven(Dakkapel.dossier(feiten), Dakkapel.dossier());
    }

    @Test
    void eenOnbruikbaarVerklaardeStatus_verdwijntUitDeWeergave() {
        Zaakdossier dossier = Dakkapel.dossier(List.of(Dakkapel.ONTVANGEN, Dakkapel.GEREGISTREERD,
                Dakkapel.AANVULLING_GEVRAAGD));
        assertThat(weergave.kaart(dossier, NA_ONTVANGST, LEESBAAR).status()).isEqualTo(ONTVANGEN);

        dossier.pasToe(new ZaakfeitOnbruikbaar(Dakkapel.ZAAK, STATUS_GEZET, "ontvangen",
                ONTVANGEN.gezetOp(), "proef"), Instant.parse("2026-03-05T00:00:00Z"));

        assertThat(weergave.kaart(dossier, NA_ONTVANGST, LEESBAAR).status()).isNull();
        assertThat(weergave.detail(dossier, IN_OPSCHORTING, LEESBAAR).statussen())
                .containsExactly(regel(AANVULLING_GEVRAAGD));
    }

    @Test
    void eenStatusVanEenAnderZaaktype_wordtNooitGetoond() {
        List<Feit> feiten = Dakkapel.feiten();
        feiten.add(new Feit(Dakkapel.status("in-productie", "2026-05-01T10:00:00+02:00", null),
                op("2026-05-01T08:01:00Z")));
        assertDezelfdeWeergaven(Dakkapel.dossier(feiten), Dakkapel.dossier());
    }

    @Test
    void eenVerlenging_schuiftBeslissingUiterlijkOpVanafHaarMoment() {
        List<Feit> feiten = Dakkapel.feiten();
        feiten.add(new Feit(new ZaakVerlengd(Dakkapel.ZAAK, op("2026-04-01T10:00:00+02:00"), 14,
                NepVersleuteling.versleutel("Advies welstand")), op("2026-04-01T08:05:00Z")));
        Zaakdossier dossier = Dakkapel.dossier(feiten);

        assertThat(weergave.kaart(dossier, NA_HERVATTING, LEESBAAR).beslissingUiterlijk())
                .isEqualTo(LocalDate.parse("2026-05-08"));
        Zaakdetail na = weergave.detail(dossier, NA_AFSLUITING, LEESBAAR);
        assertThat(na.beslissingUiterlijk()).isEqualTo(LocalDate.parse("2026-05-22"));
        assertThat(na.verlengingen()).containsExactly(
                new Zaakdetail.Verlenging(Instant.parse("2026-04-01T08:00:00Z"), 14));
    }

    @Test
    void eenAfgeslotenZaak_isNietOpgeschort_enZijnDatumStaatStil() {
        List<Feit> feiten = new ArrayList<>(List.of(Dakkapel.GEREGISTREERD, Dakkapel.ONTVANGEN,
                new Feit(new ZaakOpgeschort(Dakkapel.ZAAK, op("2026-04-10T09:00:00+02:00"), null),
                        op("2026-04-10T07:01:00Z")),
                new Feit(new ZaakAfgesloten(Dakkapel.ZAAK, op("2026-04-15T09:00:00+02:00"), "ingetrokken", null),
                        op("2026-04-15T07:01:00Z"))));
        Zaakdossier dossier = Dakkapel.dossier(feiten);

        Zaakkaart kaart = weergave.kaart(dossier, NA_AFSLUITING, LEESBAAR);
        assertThat(kaart.opgeschort()).isFalse();
        assertThat(kaart.beslissingUiterlijk()).isEqualTo(LocalDate.parse("2026-05-04"));
        assertThat(kaart.afgesloten()).isEqualTo(new Afgesloten(Instant.parse("2026-04-15T07:00:00Z"), "ingetrokken"));
        assertThat(weergave.kaart(dossier, Instant.parse("2026-04-12T12:00:00Z"), LEESBAAR).opgeschort()).isTrue();
    }

    @Test
    void contactenVanAnderenOverDeZaak_zietDeAanvragerNiet() {
        Zaakdossier dossier = ZaakdossierTest.volledigDossier();
        Zaakdetail detail = weergave.detail(dossier, Instant.parse("2026-03-25T12:00:00Z"), LEESBAAR);

        assertThat(detail.klantcontacten()).containsExactly(AANVRAAG, NAVRAAG);
        assertThat(detail.laatstGewijzigd()).isEqualTo(Instant.parse("2026-03-19T07:00:00Z"));
    }

    @Test
    void onleesbareTeksten_gevenGeenOmschrijving_enDeStatustekstVanHetStatustype() {
        Zaakdossier dossier = Dakkapel.dossier();

        Zaakdetail detail = weergave.detail(dossier, IN_OPSCHORTING, NepVersleuteling.vergeten());

        assertThat(detail.omschrijving()).isNull();
        Status zonderToelichting = new Status("aanvulling-gevraagd", "Aanvullende informatie gevraagd", "actie_nodig",
                2, 5, Instant.parse("2026-03-09T10:00:00Z"),
                "Wij hebben meer informatie van u nodig. De termijn staat stil tot wij die hebben.");
        assertThat(detail.status()).isEqualTo(zonderToelichting);
        assertThat(detail.statussen()).containsExactly(regel(ONTVANGEN), regel(zonderToelichting));
        Zaakdetail leesbaar = weergave.detail(dossier, IN_OPSCHORTING, LEESBAAR);
        assertThat(detail.beslissingUiterlijk()).isEqualTo(leesbaar.beslissingUiterlijk());
        assertThat(detail.klantcontacten()).isEqualTo(leesbaar.klantcontacten());
    }

    @Test
    void vertrouwelijk_toontAlleenIdentificatieZaaktypeEnStatusgroep() {
        Zaakdossier dossier = bijstand("vertrouwelijk");
        Instant peilmoment = Instant.parse("2026-03-10T12:00:00Z");

        Zaakkaart verwacht = new Zaakkaart(BIJSTAND.toString(), "ZAAK-2026-0000456", "bijstandsaanvraag", null,
                new Status(null, null, "in_behandeling", null, null, null, null), null, null, null, null, null);
        assertThat(weergave.kaart(dossier, peilmoment, NepVersleuteling.verboden())).isEqualTo(verwacht);
        assertThat(weergave.detail(dossier, peilmoment, NepVersleuteling.verboden())).isEqualTo(
                new Zaakdetail(verwacht.zaakId(), verwacht.identificatie(), verwacht.zaaktype(), null, verwacht.status(),
                        null, null, null, null, null, List.of(), List.of(), List.of(), List.of()));
        assertThat(weergave.kaart(dossier, Instant.parse("2026-03-02T09:01:00Z"), NepVersleuteling.verboden())
                .status()).isNull();
    }

    @Test
    void vertrouwelijkheid_hetOpgegevenNiveauTelt_anders_datVanHetZaaktype_enOnbekendIsBeperkt() {
        Instant peilmoment = Instant.parse("2026-03-10T12:00:00Z");
        assertThat(weergave.kaart(bijstand(null), peilmoment, NepVersleuteling.verboden()).omschrijving()).isNull();
        assertThat(weergave.kaart(bijstand("strikt-geheim"), peilmoment, NepVersleuteling.verboden()).opgeschort())
                .isNull();
        assertThat(weergave.kaart(bijstand("zeer_geheim"), peilmoment, NepVersleuteling.verboden()).status().code())
                .isNull();

        Zaakkaart zaakvertrouwelijk = weergave.kaart(bijstand("zaakvertrouwelijk"), peilmoment, LEESBAAR);
        assertThat(zaakvertrouwelijk.omschrijving()).isEqualTo("Aanvraag levensonderhoud");
        assertThat(zaakvertrouwelijk.status()).isEqualTo(new Status("intake", "Intakegesprek", "in_behandeling", 2, 5,
                Instant.parse("2026-03-05T08:00:00Z"), "Gesprek op 10 maart om 14:00 uur."));
        assertThat(zaakvertrouwelijk.opgeschort()).isTrue();
        assertThat(weergave.detail(bijstand("zaakvertrouwelijk"), peilmoment, LEESBAAR).klantcontacten()).hasSize(1);

        List<Feit> geheim = Dakkapel.feiten();
        ZaakGeregistreerd r = (ZaakGeregistreerd) Dakkapel.GEREGISTREERD.event();
        geheim.set(geheim.indexOf(Dakkapel.GEREGISTREERD), new Feit(new ZaakGeregistreerd(r.zaakId(),
                r.identificatie(), r.zaaktype(), r.regels(), "geheim", r.initiator(), r.initiatorSoort(),
                r.initiatorNummer(), r.kanaal(), r.kanaalOntvangen(), r.geregistreerdOp(), r.omschrijving(), null),
                Dakkapel.GEREGISTREERD.bekendOp()));
        assertThat(weergave.kaart(Dakkapel.dossier(geheim), NA_AFSLUITING, NepVersleuteling.verboden())).isEqualTo(
                new Zaakkaart(ZAAK, IDENTIFICATIE, "omgevingsvergunning", null,
                        new Status(null, null, "besluit_genomen", null, null, null, null),
                        null, null, null, null, null));
    }

    @Test
    void eenStatusZonderInformeren_wordtGetoond_zonderDeAlgemeneStatustekst() {
        ZaakId verhuizing = ZaakId.van("7d2f3a4b-5c6d-4e7f-8091-a2b3c4d5e6f7");
        List<Feit> feiten = List.of(
                new Feit(registratie(verhuizing, "ZAAK-2026-0000789", "verhuizing-doorgeven", null,
                        "2026-03-02T10:00:00+01:00", "Verhuizing naar de Dorpsstraat"), op("2026-03-02T09:01:00Z")),
                new Feit(new ZaakstatusGezet(verhuizing, "ontvangen", op("2026-03-02T10:00:05+01:00"), null),
                        op("2026-03-02T09:01:01Z")),
                new Feit(new ZaakstatusGezet(verhuizing, "in-behandeling", op("2026-03-03T09:00:00+01:00"), null),
                        op("2026-03-03T08:01:00Z")));
        Zaakdossier dossier = Dakkapel.dossier(feiten);

        Zaakkaart kaart = weergave.kaart(dossier, Instant.parse("2026-03-04T00:00:00Z"), LEESBAAR);
        assertThat(kaart.status()).isEqualTo(new Status("in-behandeling", "In behandeling", "in_behandeling", 2, 4,
                Instant.parse("2026-03-03T08:00:00Z"), null));
        assertThat(kaart.volgendeStap()).isEqualTo(new VolgendeStap("adresonderzoek", "Adresonderzoek", "actie_nodig"));
        assertThat(kaart.beslissingUiterlijk()).isEqualTo(LocalDate.parse("2026-03-07"));

        dossier.pasToe(new ZaakstatusGezet(verhuizing, "in-behandeling", op("2026-03-03T09:00:00+01:00"),
                NepVersleuteling.versleutel("Uw oude gemeente moet nog reageren.")), op("2026-03-03T08:02:00Z"));
        // The same status again is no news, even with a text: the first stays.
        assertThat(weergave.kaart(dossier, Instant.parse("2026-03-04T00:00:00Z"), LEESBAAR)).isEqualTo(kaart);

        dossier.pasToe(new ZaakstatusGezet(verhuizing, "in-behandeling", op("2026-03-03T15:00:00+01:00"),
                NepVersleuteling.versleutel("Uw oude gemeente moet nog reageren.")), op("2026-03-03T14:01:00Z"));
        assertThat(weergave.kaart(dossier, Instant.parse("2026-03-04T00:00:00Z"), LEESBAAR).status().tekst())
                .isEqualTo("Uw oude gemeente moet nog reageren.");
    }

    @Test
    void kaarten_vanDeZichtbareZaken_nieuwsteEerst() {
        Zaakdossier nogNiet = Dakkapel.dossier(List.of(new Feit(new ZaakstatusGezet(
                ZaakId.van("00000000-0000-4000-8000-000000000001"), "ontvangen", NA_ONTVANGST, null), NA_ONTVANGST)));
        List<Zaakkaart> kaarten = weergave.kaarten(List.of(bijstand("zaakvertrouwelijk"), nogNiet,
                Dakkapel.dossier()), NA_AFSLUITING, Tijdas.GEBEURD, LEESBAAR);

        assertThat(kaarten).extracting(Zaakkaart::identificatie).containsExactly(IDENTIFICATIE, "ZAAK-2026-0000456");
        assertThat(weergave.kaarten(List.of(bijstand("zaakvertrouwelijk"), Dakkapel.dossier()),
                Instant.parse("2026-03-03T00:00:00Z"), Tijdas.GEBEURD, LEESBAAR))
                .extracting(Zaakkaart::identificatie).containsExactly("ZAAK-2026-0000456");
    }

    @Test
    void jacksonHeenEnTerug_geeftDezelfdeWeergaven() throws Exception {
        Zaakdossier dossier = ZaakdossierTest.volledigDossier();
        Zaakdossier terug = JSON.readValue(JSON.writeValueAsString(dossier), Zaakdossier.class);

        assertDezelfdeWeergaven(terug, dossier);
        assertThat(weergave.detail(terug, NA_AFSLUITING, LEESBAAR).verlengingen()).hasSize(1);
    }

    @Test
    void json_heeftPreciesDeVeldenVanHetContract_ookAlsZeLeegZijn() throws Exception {
        JsonNode kaart = JSON.valueToTree(weergave.kaart(Dakkapel.dossier(), NA_AFSLUITING, LEESBAAR));
        assertThat(namen(kaart)).containsExactly("zaakId", "identificatie", "zaaktype", "omschrijving", "status",
                "beslissingUiterlijk", "opgeschort", "afgesloten", "volgendeStap", "laatstGewijzigd");
        assertThat(namen(kaart.get("status"))).containsExactly("code", "omschrijving", "groep", "stap", "vanStappen",
                "gezetOp", "tekst");
        assertThat(namen(kaart.get("afgesloten"))).containsExactly("op", "resultaat");
        assertThat(kaart.get("volgendeStap").isNull()).isTrue();
        assertThat(kaart.get("beslissingUiterlijk").asText()).isEqualTo("2026-05-08");
        assertThat(kaart.get("laatstGewijzigd").asText()).isEqualTo("2026-04-21T06:01:00Z");
        assertThat(kaart.get("status").get("gezetOp").asText()).isEqualTo("2026-04-20T12:00:00Z");
        assertThat(kaart.get("status").get("stap").asInt()).isEqualTo(4);
        assertThat(kaart.get("opgeschort").isBoolean()).isTrue();

        JsonNode detail = JSON.valueToTree(weergave.detail(Dakkapel.dossier(), IN_OPSCHORTING, LEESBAAR));
        assertThat(namen(detail)).containsExactly("zaakId", "identificatie", "zaaktype", "omschrijving", "status",
                "beslissingUiterlijk", "opgeschort", "afgesloten", "volgendeStap", "laatstGewijzigd", "statussen",
                "klantcontacten", "opschortingen", "verlengingen");
        assertThat(namen(detail.get("statussen").get(0))).containsExactly("code", "omschrijving", "groep", "stap",
                "gezetOp", "tekst");
        assertThat(namen(detail.get("klantcontacten").get(0))).containsExactly("kanaal", "plaatsgevondenOp",
                "onderwerp", "resultaat");
        assertThat(namen(detail.get("opschortingen").get(0))).containsExactly("van", "tot");
        assertThat(detail.get("opschortingen").get(0).get("tot").isNull()).isTrue();
        assertThat(detail.get("afgesloten").isNull()).isTrue();
        assertThat(detail.get("verlengingen").isArray()).isTrue();

        List<Feit> verlengd = Dakkapel.feiten();
        verlengd.add(new Feit(new ZaakVerlengd(Dakkapel.ZAAK, op("2026-04-01T10:00:00+02:00"), 14, null),
                op("2026-04-01T08:05:00Z")));
        JsonNode verlenging = JSON.valueToTree(weergave.detail(Dakkapel.dossier(verlengd), NA_AFSLUITING, LEESBAAR))
                .get("verlengingen").get(0);
        assertThat(namen(verlenging)).containsExactly("op", "duurDagen");

        JsonNode beperkt = JSON.valueToTree(weergave.kaart(bijstand("vertrouwelijk"), NA_AFSLUITING,
                NepVersleuteling.verboden()));
        assertThat(namen(beperkt)).hasSize(10);
        assertThat(beperkt.get("omschrijving").isNull()).isTrue();
        assertThat(beperkt.get("status").get("groep").asText()).isEqualTo("in_behandeling");
        assertThat(beperkt.get("status").get("stap").isNull()).isTrue();
    }

    // --- helpers

    private static final ZaakId BIJSTAND = ZaakId.van("3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f");

    /** A bijstandsaanvraag (vertrouwelijk by its zaaktype), at intake and suspended since 6 March. */
    private static Zaakdossier bijstand(String vertrouwelijkheid) {
        return Dakkapel.dossier(List.of(
                new Feit(registratie(BIJSTAND, "ZAAK-2026-0000456", "bijstandsaanvraag", vertrouwelijkheid,
                        "2026-03-02T10:00:00+01:00", "Aanvraag levensonderhoud"), op("2026-03-02T09:01:00Z")),
                new Feit(new ZaakstatusGezet(BIJSTAND, "ontvangen", op("2026-03-02T10:05:00+01:00"), null),
                        op("2026-03-02T09:06:00Z")),
                new Feit(new ZaakstatusGezet(BIJSTAND, "intake", op("2026-03-05T09:00:00+01:00"),
                        NepVersleuteling.versleutel("Gesprek op 10 maart om 14:00 uur.")), op("2026-03-05T08:01:00Z")),
                new Feit(new ZaakOpgeschort(BIJSTAND, op("2026-03-06T09:00:00+01:00"),
                        NepVersleuteling.versleutel("Bankafschriften ontbreken")), op("2026-03-06T08:01:00Z")),
                new Feit(new KlantcontactGeregistreerd(KLANT,
                        KlantcontactId.van("4e5f6a7b-8c9d-4e0f-9a1b-2c3d4e5f6a7b"),
                        op("2026-03-07T11:00:00+01:00"), "telefoon", "telefoon", "inkomend", "status-navraag", BIJSTAND,
                        "beantwoord", null, null, null, null, null), op("2026-03-07T10:01:00Z"))));
    }

    private static ZaakGeregistreerd registratie(ZaakId zaak, String identificatie, String zaaktype,
                                                 String vertrouwelijkheid, String op, String omschrijving) {
        return new ZaakGeregistreerd(zaak, identificatie, zaaktype,
                CATALOGUS.zaaktype(zaaktype).orElseThrow().regels(), vertrouwelijkheid, KLANT, Identificatiesoort.BSN,
                NepVersleuteling.versleutel("999990342"), "balie", "balie", op(op),
                NepVersleuteling.versleutel(omschrijving), null);
    }

    private static Zaakdetail.Statusregel regel(Status status) {
        return new Zaakdetail.Statusregel(status.code(), status.omschrijving(), status.groep(), status.stap(),
                status.gezetOp(), status.tekst());
    }

    private void assertDezelfdeWeergaven(Zaakdossier dossier, Zaakdossier verwacht) {
        for (Tijdas tijdas : Tijdas.values()) {
            for (Instant peilmoment : PEILMOMENTEN) {
                assertThat(weergave.zichtbaar(dossier, peilmoment, tijdas))
                        .isEqualTo(weergave.zichtbaar(verwacht, peilmoment, tijdas));
                if (weergave.zichtbaar(verwacht, peilmoment, tijdas)) {
                    assertThat(weergave.detail(dossier, peilmoment, tijdas, LEESBAAR)).as("%s %s", tijdas, peilmoment)
                            .isEqualTo(weergave.detail(verwacht, peilmoment, tijdas, LEESBAAR));
                    assertThat(weergave.kaart(dossier, peilmoment, tijdas, LEESBAAR))
                            .isEqualTo(weergave.kaart(verwacht, peilmoment, tijdas, LEESBAAR));
                }
            }
        }
    }

    private static Set<String> namen(JsonNode node) {
        Set<String> namen = new LinkedHashSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            namen.add(it.next());
        }
        return namen;
    }
}
