package nl.klantreis.projecties.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A wrong query is refused before anything is computed, with the parameter named. */
class KpivraagTest {
    private static final LocalDate MAART = LocalDate.of(2026, 3, 1);
    private static final LocalDate APRIL = LocalDate.of(2026, 4, 1);
    private static final Instant PEIL = Instant.parse("2026-06-01T00:00:00Z");

    @Test
    void kentDeElfKpisVanHetContract() {
        assertThat(Kpivraag.KPIS).containsExactly("contactvolume", "herhaalcontact-ratio", "klantreizen",
                "contacten-per-klantreis", "kanaalwissel-ratio", "kanaalwissel-matrix", "first-contact-resolution",
                "kosten-per-klantreis", "status-navraag-per-zaak", "doorlooptijd", "binnen-servicenorm");
    }

    @Test
    void onbekendeKpi_wordtGeweigerd() {
        assertThatThrownBy(() -> new Kpivraag("tevredenheid", MAART, APRIL, PEIL, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parameter 'kpi'").hasMessageContaining("tevredenheid");
        assertThatThrownBy(() -> new Kpivraag(null, MAART, APRIL, PEIL, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("parameter 'kpi'");
    }

    @Test
    void vanNietVoorTot_wordtGeweigerd() {
        assertThatThrownBy(() -> new Kpivraag("klantreizen", MAART, MAART, PEIL, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("parameter 'van'");
        assertThatThrownBy(() -> new Kpivraag("klantreizen", APRIL, MAART, PEIL, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("parameter 'van'");
    }

    @Test
    void ontbrekendeParameters_wordenGenoemd() {
        assertThatThrownBy(() -> new Kpivraag("klantreizen", null, APRIL, PEIL, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("parameter 'van'");
        assertThatThrownBy(() -> new Kpivraag("klantreizen", MAART, null, PEIL, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("parameter 'tot'");
        assertThatThrownBy(() -> new Kpivraag("klantreizen", MAART, APRIL, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("parameter 'peilmoment'");
    }

    @ParameterizedTest
    @CsvSource({
            "doorlooptijd, kanaal",
            "binnen-servicenorm, kanaal",
            "status-navraag-per-zaak, kanaal",
            "kanaalwissel-matrix, kanaal",
            "klantreizen, gemeente",
            "contactvolume, KANAAL"})
    void uitsplitsingDieNietKan_wordtGeweigerd(String kpi, String per) {
        assertThatThrownBy(() -> new Kpivraag(kpi, MAART, APRIL, PEIL, per))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parameter 'per'").hasMessageContaining(per).hasMessageContaining(kpi);
    }

    @ParameterizedTest
    @CsvSource({
            "contactvolume, kanaal", "contactvolume, zaaktype",
            "herhaalcontact-ratio, kanaal", "herhaalcontact-ratio, zaaktype",
            "klantreizen, kanaal", "klantreizen, zaaktype",
            "contacten-per-klantreis, kanaal", "contacten-per-klantreis, zaaktype",
            "kanaalwissel-ratio, kanaal", "kanaalwissel-ratio, zaaktype",
            "kanaalwissel-matrix, zaaktype",
            "first-contact-resolution, kanaal", "first-contact-resolution, zaaktype",
            "kosten-per-klantreis, kanaal", "kosten-per-klantreis, zaaktype",
            "status-navraag-per-zaak, zaaktype",
            "doorlooptijd, zaaktype",
            "binnen-servicenorm, zaaktype"})
    void uitsplitsingDieZinHeeft_magGevraagd(String kpi, String per) {
        assertThat(new Kpivraag(kpi, MAART, APRIL, PEIL, per).per()).isEqualTo(per);
    }
}
