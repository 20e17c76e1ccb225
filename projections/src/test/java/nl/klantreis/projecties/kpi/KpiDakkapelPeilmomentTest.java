package nl.klantreis.projecties.kpi;

import static nl.klantreis.projecties.kpi.KpiFeiten.Dakkapel.maart;
import static nl.klantreis.projecties.kpi.KpiFeiten.KANALEN;
import static nl.klantreis.projecties.kpi.KpiFeiten.assertOverNiets;
import static nl.klantreis.projecties.kpi.KpiFeiten.assertVerhouding;
import static nl.klantreis.projecties.kpi.KpiFeiten.t;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import nl.klantreis.domein.klantreis.Klantreissoort;
import nl.klantreis.projecties.kpi.KpiFeiten.Dakkapel;

/**
 * The dakkapel figures for March at other peilmomenten: what had not happened yet does not count,
 * and the klantreizen are those the facts of that moment make.
 */
class KpiDakkapelPeilmomentTest {

    // --- Peilmoment 2026-04-01T00:00Z, before the closure of 04-21 ---
    // The zaak is registered but not yet closed, so the zaak's klantreis is still running. The chat of
    // 03-05 13:00 ended at 03-19 13:00 (14 days of silence) and is the only ended klantreis. Every
    // contact of March has happened, so the contact KPIs and the counts do not change.
    private static final String APRIL = "2026-04-01T00:00:00Z";

    @Test
    void voorAfsluiting_klantreizenTellenOokAlsZeNogLopen() {
        assertThat(maart("klantreizen", APRIL).aantal()).isEqualTo(2);
    }

    @Test
    void voorAfsluiting_matrixTeltDeWisselsVanDeLopendeZaakreisOok() {
        assertThat(maart("kanaalwissel-matrix", APRIL).cellen()).containsExactly(
                new Kanaalwisselcel("telefoon", "webformulier", 1, 1),
                new Kanaalwisselcel("webformulier", "telefoon", 1, 0));
    }

    @Test
    void voorAfsluiting_kanaalwisselRatio_alleenDeChatIsBeeindigd_zonderWissel() {
        assertVerhouding(maart("kanaalwissel-ratio", APRIL), "0", 0, 1);
    }

    @Test
    void voorAfsluiting_contactenPerKlantreis_alleenDeChat() {
        assertVerhouding(maart("contacten-per-klantreis", APRIL), "1.0", 1, 1);
    }

    @Test
    void voorAfsluiting_kostenPerKlantreis_alleenDeChat() {
        Kpicijfers cijfers = maart("kosten-per-klantreis", APRIL);

        assertThat(cijfers.waardeCent()).isEqualTo(460);
        assertThat(cijfers.klantreizen()).isEqualTo(1);
        assertThat(cijfers.teller()).isEqualTo(460);
        assertThat(cijfers.contactenZonderKosten()).isZero();
    }

    @Test
    void voorAfsluiting_firstContactResolutionOngewijzigd_deChatWasAlBeeindigd() {
        assertVerhouding(maart("first-contact-resolution", APRIL), "1.0", 1, 1);
    }

    @Test
    void voorAfsluiting_contactKpisOngewijzigd() {
        assertVerhouding(maart("herhaalcontact-ratio", APRIL), "0.25", 1, 4);
        assertThat(maart("contactvolume", APRIL).aantal()).isEqualTo(4);
        assertVerhouding(maart("status-navraag-per-zaak", APRIL), "1.0", 1, 1);
    }

    @Test
    void voorAfsluiting_doorlooptijd_nogGeenGeslotenZaak_geenPercentielen() {
        Kpicijfers cijfers = maart("doorlooptijd", APRIL);

        assertThat(cijfers.aantal()).isZero();
        assertThat(cijfers.uitsplitsing()).singleElement().satisfies(deel -> {
            assertThat(deel.zaaktype()).isEqualTo("omgevingsvergunning");
            assertThat(deel.cijfers().aantal()).isZero();
            assertThat(deel.cijfers().p50Uren()).isNull();
            assertThat(deel.cijfers().p90Uren()).isNull();
        });
    }

    @Test
    void voorAfsluiting_binnenServicenorm_overNiets_isNull() {
        Kpicijfers cijfers = maart("binnen-servicenorm", APRIL);

        assertOverNiets(cijfers);
        assertThat(cijfers.uitsplitsing()).singleElement().satisfies(deel -> assertOverNiets(deel.cijfers()));
    }

    @Test
    void afsluitingOpHetPeilmomentZelf_telt_eenSecondeEerderNiet() {
        // The closure 2026-04-21T08:00+02:00 is 06:00Z.
        assertVerhouding(maart("kanaalwissel-ratio", "2026-04-21T05:59:59Z"), "0", 0, 1);
        assertVerhouding(maart("kanaalwissel-ratio", "2026-04-21T06:00:00Z"), "0.5", 1, 2);
    }

    @Test
    void chat_eindigtPasNaVeertienDagenStilte() {
        // Chat 2026-03-05T13:00+01:00; 14 days later is 2026-03-19T13:00+01:00 = 12:00Z: not yet "before".
        assertOverNiets(maart("first-contact-resolution", "2026-03-19T12:00:00Z"));
        assertVerhouding(maart("first-contact-resolution", "2026-03-19T12:00:01Z"), "1.0", 1, 1);
    }

    // --- Peilmomenten before the registration of 03-04 20:31:10 ---
    // Nobody could know then that the call of 03-02 was orientation: it is a klantreis on its
    // onderwerp. The aanvraag of 20:31:00 names a zaak not yet registered: a zaak klantreis that
    // cannot end.
    private static final String NA_HET_GESPREK = "2026-03-03T12:00:00+01:00";
    private static final String NA_DE_AANVRAAG = "2026-03-04T20:31:05+01:00";

    private static Peilperiode peil(String moment) {
        return new Peilperiode(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 1), t(moment));
    }

    @Test
    void voorRegistratie_orientatiegesprekIsEenOnderwerpklantreis() {
        KlantOpPeilmoment beeld = KlantOpPeilmoment.op(Dakkapel.klant(), peil(NA_HET_GESPREK), KANALEN);

        assertThat(beeld.reizen()).singleElement().satisfies(reis -> {
            assertThat(reis.reis().soort()).isEqualTo(Klantreissoort.ONDERWERP);
            assertThat(reis.zaaktype()).isEqualTo("omgevingsvergunning");
            assertThat(reis.beeindigd()).isFalse();
        });
    }

    @Test
    void voorRegistratie_naHetGesprek_eenKlantreis_eenContact_nietsBeeindigd() {
        assertThat(maart("klantreizen", NA_HET_GESPREK).aantal()).isEqualTo(1);
        assertThat(maart("contactvolume", NA_HET_GESPREK).uitsplitsing())
                .extracting(Kpideel::kanaal, deel -> deel.cijfers().aantal()).containsExactly(tuple("telefoon", 1L));
        assertOverNiets(maart("first-contact-resolution", NA_HET_GESPREK));
        assertThat(maart("kosten-per-klantreis", NA_HET_GESPREK).waardeCent()).isNull();
        assertOverNiets(maart("status-navraag-per-zaak", NA_HET_GESPREK));
        assertThat(maart("doorlooptijd", NA_HET_GESPREK).uitsplitsing()).isEmpty();
    }

    @Test
    void voorRegistratie_naDeAanvraag_gesprekEnAanvraagInTweeKlantreizen() {
        KlantOpPeilmoment beeld = KlantOpPeilmoment.op(Dakkapel.klant(), peil(NA_DE_AANVRAAG), KANALEN);

        assertThat(beeld.reizen()).extracting(r -> r.reis().soort(), Reisbeeld::kanaal, Reisbeeld::zaaktype,
                Reisbeeld::beeindigd).containsExactly(
                tuple(Klantreissoort.ONDERWERP, "telefoon", "omgevingsvergunning", false),
                // Its zaak is unknown yet: it falls under the onderwerp of its first contact.
                tuple(Klantreissoort.ZAAK, "webformulier", "omgevingsvergunning", false));
    }

    @Test
    void voorRegistratie_naDeAanvraag_geenWissel_enDeAanvraagIsGeenHerhaalcontact() {
        assertThat(maart("klantreizen", NA_DE_AANVRAAG, "kanaal").cijfers().uitsplitsing())
                .extracting(Kpideel::kanaal, deel -> deel.cijfers().aantal())
                .containsExactly(tuple("telefoon", 1L), tuple("webformulier", 1L));
        assertThat(maart("kanaalwissel-matrix", NA_DE_AANVRAAG).cellen()).isEmpty();
        // The aanvraag's klantreis has no earlier contact any more.
        assertVerhouding(maart("herhaalcontact-ratio", NA_DE_AANVRAAG), "0", 0, 2);
    }
}
