package nl.klantreis.projecties.kpi;

import static nl.klantreis.projecties.kpi.KpiFeiten.Dakkapel.maart;
import static nl.klantreis.projecties.kpi.KpiFeiten.assertVerhouding;
import static nl.klantreis.projecties.kpi.KpiFeiten.t;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import nl.klantreis.projecties.kpi.KpiFeiten.Dakkapel;

/**
 * Every KPI figure of contract/examples/README.md for the dakkapel batch (van 2026-03-01, tot
 * 2026-04-01, peilmoment 2026-06-01T00:00Z), each with the teller and noemer behind it.
 * How they move with the peilmoment: {@link KpiDakkapelPeilmomentTest}; per kanaal and zaaktype:
 * {@link KpiDakkapelUitsplitsingTest}.
 */
class KpiDakkapelTest {
    static final String JUNI = "2026-06-01T00:00:00Z";

    @Test
    void uitkomst_noemtDeVraag() {
        Kpiuitkomst uitkomst = maart("klantreizen", JUNI, null);

        assertThat(uitkomst.kpi()).isEqualTo("klantreizen");
        assertThat(uitkomst.van()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(uitkomst.tot()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(uitkomst.peilmoment()).isEqualTo(t("2026-06-01T00:00:00Z"));
    }

    @Test
    void klantreizen_zijnDieVanDeZaakEnDeAnoniemeChat() {
        assertThat(maart("klantreizen", JUNI).aantal()).isEqualTo(2);
    }

    @Test
    void kanaalwisselMatrix_telefoonNaarWebformulierWarm_webformulierNaarTelefoonKoud() {
        Kpicijfers cijfers = maart("kanaalwissel-matrix", JUNI);

        assertThat(cijfers.cellen()).containsExactly(
                new Kanaalwisselcel("telefoon", "webformulier", 1, 1),
                new Kanaalwisselcel("webformulier", "telefoon", 1, 0));
        assertThat(cijfers.aantal()).isEqualTo(2);
    }

    @Test
    void kanaalwisselRatio_isEenVanDeTweeBeeindigdeKlantreizen() {
        assertVerhouding(maart("kanaalwissel-ratio", JUNI), "0.5", 1, 2);
    }

    @Test
    void contactenPerKlantreis_isDrieEnEenOverTwee_zonderDeRegistratiestap() {
        assertVerhouding(maart("contacten-per-klantreis", JUNI), "2.0", 4, 2);
    }

    @Test
    void kostenPerKlantreis_is1220Cent_zonderContactenZonderKosten() {
        Kpicijfers cijfers = maart("kosten-per-klantreis", JUNI);

        // ((780 + 420 + 780) + 460) / 2
        assertThat(cijfers.waardeCent()).isEqualTo(1220);
        assertThat(cijfers.klantreizen()).isEqualTo(2);
        assertThat(cijfers.contactenZonderKosten()).isZero();
        assertThat(cijfers.teller()).isEqualTo(2440);
        assertThat(cijfers.noemer()).isEqualTo(2);
        assertThat(cijfers.waarde()).isNull();
    }

    @Test
    void firstContactResolution_isDeChat_deZaakreisTeltNietMee() {
        assertVerhouding(maart("first-contact-resolution", JUNI), "1.0", 1, 1);
    }

    @Test
    void herhaalcontactRatio_alleenDeAanvraagKwamBinnenZevenDagen() {
        // Aanvraag 2 days after the orientation call; the status-navraag 12 days after the aanvraag
        // (the registration in between is no klantcontact); the call and the chat have no predecessor.
        assertVerhouding(maart("herhaalcontact-ratio", JUNI), "0.25", 1, 4);
    }

    @Test
    void contactvolume_telefoon2_webformulier1_chat1() {
        Kpicijfers cijfers = maart("contactvolume", JUNI);

        assertThat(cijfers.aantal()).isEqualTo(4);
        assertThat(cijfers.uitsplitsing()).extracting(Kpideel::kanaal, deel -> deel.cijfers().aantal())
                .containsExactly(tuple("chat", 1L), tuple("telefoon", 2L), tuple("webformulier", 1L));
    }

    @Test
    void statusNavraagPerZaak_isEenOpDeEneZaak() {
        assertVerhouding(maart("status-navraag-per-zaak", JUNI), "1.0", 1, 1);
    }

    @Test
    void doorlooptijd_is1138Uur_voorOmgevingsvergunning() {
        Kpicijfers cijfers = maart("doorlooptijd", JUNI);

        // 2026-03-04T19:31:10Z to 2026-04-21T06:00:00Z is 1138 h 28 min 50 s.
        assertThat(cijfers.aantal()).isEqualTo(1);
        assertThat(cijfers.p50Uren()).isNull();
        assertThat(cijfers.uitsplitsing()).singleElement().satisfies(deel -> {
            assertThat(deel.zaaktype()).isEqualTo("omgevingsvergunning");
            assertThat(deel.kanaal()).isNull();
            assertThat(deel.cijfers().p50Uren()).isEqualTo(1138);
            assertThat(deel.cijfers().p90Uren()).isEqualTo(1138);
            assertThat(deel.cijfers().aantal()).isEqualTo(1);
        });
    }

    @Test
    void binnenServicenorm_beslotenOp21AprilVoorUiterlijk8Mei() {
        Kpicijfers cijfers = maart("binnen-servicenorm", JUNI);

        assertVerhouding(cijfers, "1.0", 1, 1);
        assertThat(cijfers.uitsplitsing()).singleElement().satisfies(deel -> {
            assertThat(deel.zaaktype()).isEqualTo("omgevingsvergunning");
            assertVerhouding(deel.cijfers(), "1.0", 1, 1);
        });
        // 2026-04-29 + 9 days of opschorting (03-09 to 03-18).
        Peilperiode juni = new Peilperiode(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 1), t(JUNI));
        assertThat(Meting.uiterlijkeEinddatum(Dakkapel.kpiZaak(), juni)).isEqualTo(LocalDate.of(2026, 5, 8));
    }

    @Test
    void waarde_heeftZesCijfersAchterDeKomma() {
        assertThat(maart("kanaalwissel-ratio", JUNI).waarde()).isEqualTo(new BigDecimal("0.500000"));
    }
}
