package nl.klantreis.api.paginas.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import nl.klantreis.projecties.tijd.Tijdstipinvoer;

class PeriodeTest {

    @Test
    void eenDatumAlleenIsDeHeleDag() {
        // 10 March 2026 is winter time in Amsterdam (UTC+1).
        assertThat(Periode.van("2026-03-10")).isEqualTo(Instant.parse("2026-03-09T23:00:00Z"));
        assertThat(Periode.tot("2026-03-10")).isEqualTo(Instant.parse("2026-03-10T23:00:00Z"));
        // Summer time (UTC+2).
        assertThat(Periode.van("2026-07-01")).isEqualTo(Instant.parse("2026-06-30T22:00:00Z"));
    }

    @Test
    void eenTijdstipZonderZoneIsNederlandseTijd() {
        assertThat(Periode.van("2026-03-10T14:30")).isEqualTo(Instant.parse("2026-03-10T13:30:00Z"));
        assertThat(Periode.tot("2026-03-10T14:30")).isEqualTo(Instant.parse("2026-03-10T13:30:00Z"));
    }

    @Test
    void eenTijdstipMetZoneBlijftZoals() {
        assertThat(Periode.van("2026-03-10T14:30:00+01:00")).isEqualTo(Instant.parse("2026-03-10T13:30:00Z"));
        assertThat(Periode.tot("2026-03-10T14:30:00Z")).isEqualTo(Instant.parse("2026-03-10T14:30:00Z"));
    }

    @Test
    void deLaatsteDagLooptNietOverHetBereik() {
        assertThat(Periode.tot("9999-12-31")).isEqualTo(Tijdstipinvoer.LAATSTE);
    }

    @Test
    void onzinEnBuitenHetBereikWordenGeweigerd() {
        assertThatThrownBy(() -> Periode.van("gisteren")).isInstanceOf(Tijdstipinvoer.Ongeldig.class);
        assertThatThrownBy(() -> Periode.tot("2026-13-01")).isInstanceOf(Tijdstipinvoer.Ongeldig.class);
        assertThatThrownBy(() -> Periode.van("1899-12-31")).isInstanceOf(Tijdstipinvoer.Ongeldig.class);
    }
}
