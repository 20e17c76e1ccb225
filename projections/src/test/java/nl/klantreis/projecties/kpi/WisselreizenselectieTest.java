package nl.klantreis.projecties.kpi;

import static nl.klantreis.projecties.kpi.KpiFeiten.KANALEN;
import static nl.klantreis.projecties.kpi.KpiFeiten.t;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.domein.klantreis.KlantreisRegels;
import nl.klantreis.projecties.kpi.KpiFeiten.Dakkapel;

/**
 * The klantreizen behind a cell of the kanaalwissel-matrix (the analyst's journey viewer): the same
 * klantreizen the matrix counted, with the ids the klantreis read model answers by.
 */
class WisselreizenselectieTest {
    private static final String JUNI = KpiDakkapelTest.JUNI;

    private static Kanaalwisselreizen maart(String van, String naar, Boolean warm, List<KpiKlant> klanten) {
        Wisselreizenselectie selectie = new Wisselreizenselectie(new KanaalwisselreizenVraag(LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 4, 1), t(JUNI), van, naar, warm), KANALEN);
        klanten.forEach(klant -> selectie.klant(klant, id -> true));
        return selectie.uitkomst();
    }

    @Test
    void telefoonNaarWebformulier_isDeDakkapelreis_warm() {
        Kanaalwisselreizen alle = maart("telefoon", "webformulier", null, Dakkapel.klanten());
        String id = KlantreisRegels.deelIn(Dakkapel.KLANT, Dakkapel.klant().contacten(), Dakkapel.klant().zaken(), false)
                .get(0).id().toString();

        assertThat(alle.klantreizen()).singleElement().satisfies(reis -> {
            assertThat(reis.klantreisId()).as("the id the klantreis read model answers by").isEqualTo(id);
            assertThat(reis.zaaktype()).isEqualTo("omgevingsvergunning");
            assertThat(reis.gestartOp()).isEqualTo(t("2026-03-02T09:12:40+01:00"));
            // orientation call, aanvraag, registration, status-navraag
            assertThat(reis.stappen()).isEqualTo(4);
            assertThat(reis.beeindigd()).isTrue();
            assertThat(reis.wissels()).isEqualTo(1);
        });
        assertThat(alle.totaal()).isEqualTo(1);
        assertThat(alle.wissels()).isEqualTo(1);
        assertThat(maart("telefoon", "webformulier", true, Dakkapel.klanten()).klantreizen()).hasSize(1);
        assertThat(maart("telefoon", "webformulier", false, Dakkapel.klanten()).klantreizen()).isEmpty();
    }

    @Test
    void webformulierNaarTelefoon_isKoud() {
        assertThat(maart("webformulier", "telefoon", false, Dakkapel.klanten()).klantreizen()).hasSize(1);
        assertThat(maart("webformulier", "telefoon", true, Dakkapel.klanten()).totaal()).isZero();
        assertThat(maart("telefoon", "chat", null, Dakkapel.klanten()).totaal()).isZero();
    }

    @Test
    void deLijstTeltOpTotDeMatrixcel_ookMetAliassenEnVeleKlanten() {
        List<KpiKlant> klanten = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            klanten.add(new KpiKlant(new KlantId(String.format("k-kopie%04d", i)), false, Dakkapel.klant().contacten(),
                    Dakkapel.klant().zaken()));
        }
        klanten.add(Dakkapel.chatter());
        Kpicijfers matrix = KpiFeiten.bereken("kanaalwissel-matrix", "2026-03-01", "2026-04-01", JUNI, null, klanten,
                List.of()).cijfers();

        for (Kanaalwisselcel cel : matrix.cellen()) {
            assertThat(maart(cel.van(), cel.naar(), null, klanten).wissels()).isEqualTo(cel.aantal());
            assertThat(maart(cel.van(), cel.naar(), true, klanten).wissels()).isEqualTo(cel.warm());
            assertThat(maart(cel.van(), cel.naar(), false, klanten).wissels()).isEqualTo(cel.aantal() - cel.warm());
        }
        assertThat(maart("telefoon", "webformulier", null, klanten).klantreizen()).hasSize(3);
    }

    @Test
    void eenPeilmomentVoorDeAanvraag_kentNogGeenWissel() {
        Wisselreizenselectie selectie = new Wisselreizenselectie(new KanaalwisselreizenVraag(LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 4, 1), t("2026-03-03T00:00:00+01:00"), "telefoon", "webformulier", null), KANALEN);
        selectie.klant(Dakkapel.klant(), id -> true);

        assertThat(selectie.uitkomst().totaal()).isZero();
    }

    @Test
    void nietTeOpenen_teltMee_maarWordtNietGetoond() {
        Wisselreizenselectie selectie = new Wisselreizenselectie(new KanaalwisselreizenVraag(LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 4, 1), t(JUNI), "telefoon", "webformulier", null), KANALEN);
        selectie.klant(Dakkapel.klant(), id -> false);

        Kanaalwisselreizen uitkomst = selectie.uitkomst();
        assertThat(uitkomst.klantreizen()).isEmpty();
        assertThat(uitkomst.totaal()).isEqualTo(1);
        assertThat(uitkomst.nietTeOpenen()).isEqualTo(1);
    }

    @Test
    void hoogstensGetoond_deVroegstGestarte_totaalTeltAlles() {
        List<KpiKlant> klanten = new ArrayList<>();
        for (int i = 0; i <= Kanaalwisselreizen.GETOOND; i++) {
            klanten.add(new KpiKlant(new KlantId(String.format("k-veel%05d", i)), false, Dakkapel.klant().contacten(),
                    Dakkapel.klant().zaken()));
        }
        Kanaalwisselreizen uitkomst = maart("telefoon", "webformulier", null, klanten);

        assertThat(uitkomst.klantreizen()).hasSize(Kanaalwisselreizen.GETOOND);
        assertThat(uitkomst.totaal()).isEqualTo(Kanaalwisselreizen.GETOOND + 1);
        assertThat(uitkomst.klantreizen()).isSortedAccordingTo(java.util.Comparator
                .comparing(Kanaalwisselreizen.Wisselreis::gestartOp).thenComparing(Kanaalwisselreizen.Wisselreis::klantreisId));
    }

    @Test
    void eenVraagZonderKanaalOfMetLegePeriode_wordtGeweigerd() {
        assertThatThrownBy(() -> new KanaalwisselreizenVraag(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 1),
                t(JUNI), "telefoon", "webformulier", null)).hasMessageContaining("'van'");
        assertThatThrownBy(() -> new KanaalwisselreizenVraag(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 1),
                t(JUNI), " ", "webformulier", null)).hasMessageContaining("'vanKanaal'");
    }
}
