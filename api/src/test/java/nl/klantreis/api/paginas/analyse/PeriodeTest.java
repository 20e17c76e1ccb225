package nl.klantreis.api.paginas.analyse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** The Analyse pages' question: defaults, errors per field, and links that carry the exact peilmoment. */
class PeriodeTest {
    private static final Clock KLOK = Clock.fixed(Instant.parse("2026-06-15T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void zonderInvoer_deVorigeVolleMaand_gemetenNu() {
        Periode periode = Periode.uit(null, "", null, null, KLOK);

        assertThat(periode.geldig()).isTrue();
        assertThat(periode.van()).isEqualTo(LocalDate.of(2026, 5, 1));
        assertThat(periode.tot()).isEqualTo(LocalDate.of(2026, 6, 1));
        assertThat(periode.peilmoment()).isEqualTo(KLOK.instant());
        assertThat(periode.per()).isNull();
        assertThat(periode.invoer().van()).isEqualTo("2026-05-01");
    }

    @Test
    void eenDatumAlsPeilmoment_isHetEindVanDieDag_zoalsInDeApi() {
        Periode periode = Periode.uit("2026-03-01", "2026-04-01", "2026-06-01", "zaaktype", KLOK);

        assertThat(periode.peilmoment()).isEqualTo(Instant.parse("2026-06-01T21:59:59.999999Z"));
        assertThat(periode.per()).isEqualTo("zaaktype");
    }

    @Test
    void fouten_perVeld() {
        Periode periode = Periode.uit("maart", "2026-04-01", "gisteren", "leeftijd", KLOK);

        assertThat(periode.geldig()).isFalse();
        assertThat(periode.fout("van")).contains("datum");
        assertThat(periode.fout("peilmoment")).startsWith("Vul in:");
        assertThat(periode.fout("per")).isNotNull();
        assertThat(periode.fout("tot")).isNull();
        assertThat(periode.invoer().van()).as("what was typed, shown again").isEqualTo("maart");
        assertThat(Periode.uit("2026-04-01", "2026-04-01", null, null, KLOK).fout("tot")).contains("na de begindatum");
    }

    @Test
    void eenLink_draagtHetGebruiktePeilmomentAlsTijdstip() {
        Periode periode = Periode.uit("2026-03-01", "2026-04-01", null, null, KLOK);

        assertThat(periode.link("/analyse/kanaalwissels/klantreizen", "vanKanaal", "telefoon", "soort", "warm"))
                .isEqualTo("/analyse/kanaalwissels/klantreizen?van=2026-03-01&tot=2026-04-01"
                        + "&peilmoment=2026-06-15T10:00:00Z&vanKanaal=telefoon&soort=warm");
    }
}
