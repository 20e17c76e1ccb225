package nl.klantreis.projecties.tijd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;


class TijdstipinvoerTest {

    @Test
    void rfc3339_metOffsetOfZ() {
        assertThat(Tijdstipinvoer.moment("2026-03-10T12:00:00+01:00")).isEqualTo(Instant.parse("2026-03-10T11:00:00Z"));
        assertThat(Tijdstipinvoer.moment("2026-03-10T11:00:00.5Z")).isEqualTo(Instant.parse("2026-03-10T11:00:00.5Z"));
    }

    @Test
    void zonderOffset_isAmsterdamseTijd_ookInDeZomer() {
        assertThat(Tijdstipinvoer.moment("2026-03-10T12:00")).isEqualTo(Instant.parse("2026-03-10T11:00:00Z"));
        assertThat(Tijdstipinvoer.moment("2026-07-10T12:00:00")).isEqualTo(Instant.parse("2026-07-10T10:00:00Z"));
    }

    @Test
    void eenDatum_isHetEindVanDieDagInAmsterdam() {
        Instant eind = Tijdstipinvoer.moment("2026-03-10");
        assertThat(eind).isEqualTo(Instant.parse("2026-03-10T22:59:59.999999Z"));
        // Everything of the 10th counts, nothing of the 11th.
        assertThat(eind).isAfter(Instant.parse("2026-03-10T22:59:59Z")).isBefore(Instant.parse("2026-03-10T23:00:00Z"));
        assertThat(Tijdstipinvoer.moment("2026-07-10")).isEqualTo(Instant.parse("2026-07-10T21:59:59.999999Z"));
    }

    @Test
    void deGrenzenZelf_wordenAangenomen() {
        assertThat(Tijdstipinvoer.moment("1900-01-01T00:00:00Z")).isEqualTo(Tijdstipinvoer.EERSTE);
        assertThat(Tijdstipinvoer.moment("9999-12-31T23:59:59.999999Z")).isEqualTo(Tijdstipinvoer.LAATSTE);
        assertThat(Tijdstipinvoer.moment("9999-12-31")).isBefore(Tijdstipinvoer.LAATSTE);
        assertThat(Tijdstipinvoer.datum("1900-01-01")).isEqualTo(LocalDate.of(1900, 1, 1));
        assertThat(Tijdstipinvoer.datum("9999-12-31")).isEqualTo(LocalDate.of(9999, 12, 31));
    }

    @ParameterizedTest
    @ValueSource(strings = {"+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "+10000-01-01T00:00:00Z",
            "1899-12-31T23:59:59Z", "1899-12-31", "+999999999-12-31T23:59:59", "+999999999-12-31",
            "-999999999-01-01", "10000-01-01", "", " ", "gisteren", "2026-02-30", "2026-03-10T25:00:00Z",
            "2026-03-10,2026-03-10", "２０２６-03-10", "2026-03-10T12:00:00+19:00", "2026-03-10 12:00:00Z",
            "2026-03-10T12:00:00Z\u0000", "9999-12-31T23:59:59-01:00"})
    void buitenBereikOfGeenTijdstip_isOngeldig(String tekst) {
        assertThatThrownBy(() -> Tijdstipinvoer.moment(tekst)).isInstanceOf(Tijdstipinvoer.Ongeldig.class)
                .hasMessageStartingWith("verwacht ");
    }

    @Test
    void heelLangeInvoer_wordtNietEensGelezen_enNietHerhaald() {
        String lang = "2026-03-10".repeat(100_000);
        assertThatThrownBy(() -> Tijdstipinvoer.moment(lang)).isInstanceOf(Tijdstipinvoer.Ongeldig.class)
                .message().hasSizeLessThan(200);
        assertThatThrownBy(() -> Tijdstipinvoer.datum(lang)).isInstanceOf(Tijdstipinvoer.Ongeldig.class);
        assertThatThrownBy(() -> Tijdstipinvoer.moment(null)).isInstanceOf(Tijdstipinvoer.Ongeldig.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"+999999999-12-31", "1899-12-31", "10000-01-01", "2026-3-1", "2026-03-10T00:00", ""})
    void datum_buitenBereikOfVerkeerd_isOngeldig(String tekst) {
        assertThatThrownBy(() -> Tijdstipinvoer.datum(tekst)).isInstanceOf(Tijdstipinvoer.Ongeldig.class);
    }

    @Test
    void rfc3339_neemtGeenDatumAan() {
        assertThat(Tijdstipinvoer.rfc3339("2026-03-10T12:00:00+01:00")).isEqualTo(Instant.parse("2026-03-10T11:00:00Z"));
        assertThatThrownBy(() -> Tijdstipinvoer.rfc3339("2026-03-10")).isInstanceOf(Tijdstipinvoer.Ongeldig.class);
        assertThatThrownBy(() -> Tijdstipinvoer.rfc3339("+999999999-12-31T23:59:59Z"))
                .isInstanceOf(Tijdstipinvoer.Ongeldig.class);
    }

    @Test
    void tijdas() {
        assertThat(Tijdstipinvoer.tijdas(null)).isEqualTo(Tijdas.GEBEURD);
        assertThat(Tijdstipinvoer.tijdas("BEKEND")).isEqualTo(Tijdas.BEKEND);
        assertThatThrownBy(() -> Tijdstipinvoer.tijdas("")).isInstanceOf(Tijdstipinvoer.Ongeldig.class);
        assertThatThrownBy(() -> Tijdstipinvoer.tijdas("gebeurd,bekend")).isInstanceOf(Tijdstipinvoer.Ongeldig.class);
    }
}
