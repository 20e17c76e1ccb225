package nl.klantreis.api.paginas.analyse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The kanaalsturing calculator: a period scaled to 365 days, X% moved, prices from kanalen.json, nothing guessed. */
class KanaalsturingTest {
    private static final Optional<Integer> TELEFOON = Optional.of(780);
    private static final Optional<Integer> WEBFORMULIER = Optional.of(420);

    @Test
    void eenJaarGemeten_helftVanTelefoonNaarWebformulier_bespaartHetPrijsverschil() {
        Kanaalsturing.Uitkomst uitkomst = Kanaalsturing.bereken(1000, 365, BigDecimal.valueOf(50), "telefoon", TELEFOON,
                "webformulier", WEBFORMULIER);

        assertThat(uitkomst.contactenPerJaar()).isEqualTo(1000);
        assertThat(uitkomst.verschovenPerJaar()).isEqualTo(500);
        // 500 * (420 - 780) = -180000 cents: EUR 1800 saved
        assertThat(uitkomst.verschilCent()).contains(-180_000L);
        assertThat(uitkomst.onbekend()).isEmpty();
    }

    @Test
    void eenMaandGemeten_wordtNaarEenJaarGeschaald() {
        // 31 days of March: 2 contacts -> 2 * 365 / 31 = 23.548... per year; all of them moved.
        Kanaalsturing.Uitkomst uitkomst = Kanaalsturing.bereken(2, 31, BigDecimal.valueOf(100), "telefoon", TELEFOON,
                "webformulier", WEBFORMULIER);

        assertThat(uitkomst.contactenPerJaar()).isEqualTo(24);
        assertThat(uitkomst.verschovenPerJaar()).isEqualTo(24);
        // 23.548387... * -360 = -8477.419... -> -8477 (rounded once, at the end)
        assertThat(uitkomst.verschilCent()).contains(-8477L);
    }

    @Test
    void naarEenDuurderKanaal_kostGeld_halvenVanNulAf() {
        // 1 contact in 2 days -> 182.5 per year; 10% -> 18.25 moved; * (780 - 420) = 6570 cents exactly
        assertThat(Kanaalsturing.bereken(1, 2, BigDecimal.TEN, "webformulier", WEBFORMULIER, "telefoon", TELEFOON)
                .verschilCent()).contains(6570L);
        // 1 contact in 4 days -> 91.25; 2% -> 1.825 moved; * 1 cent = 1.825 -> 2; the other way -1.825 -> -2
        assertThat(Kanaalsturing.bereken(1, 4, BigDecimal.valueOf(2), "a", Optional.of(0), "b", Optional.of(1))
                .verschilCent()).contains(2L);
        assertThat(Kanaalsturing.bereken(1, 4, BigDecimal.valueOf(2), "b", Optional.of(1), "a", Optional.of(0))
                .verschilCent()).contains(-2L);
    }

    @Test
    void eenOnbekendePrijs_geeftGeenBedrag_maarZegtWelke() {
        Kanaalsturing.Uitkomst uitkomst = Kanaalsturing.bereken(100, 365, BigDecimal.valueOf(20), "telefoon", TELEFOON,
                "video", Optional.empty());

        assertThat(uitkomst.verschilCent()).isEmpty();
        assertThat(uitkomst.onbekend()).containsExactly("video");
        assertThat(uitkomst.verschovenPerJaar()).isEqualTo(20);
    }

    @Test
    void nulProcentOfNulContacten_isNulVerschil() {
        assertThat(Kanaalsturing.bereken(100, 30, BigDecimal.ZERO, "telefoon", TELEFOON, "webformulier", WEBFORMULIER)
                .verschilCent()).contains(0L);
        assertThat(Kanaalsturing.bereken(0, 30, BigDecimal.valueOf(100), "telefoon", TELEFOON, "webformulier",
                WEBFORMULIER).verschilCent()).contains(0L);
    }

    @Test
    void onzinnigeInvoer_wordtGeweigerd() {
        assertThatThrownBy(() -> Kanaalsturing.bereken(1, 0, BigDecimal.TEN, "a", TELEFOON, "b", TELEFOON))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Kanaalsturing.bereken(1, 1, BigDecimal.valueOf(101), "a", TELEFOON, "b", TELEFOON))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Kanaalsturing.bereken(1, 1, BigDecimal.valueOf(-1), "a", TELEFOON, "b", TELEFOON))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
