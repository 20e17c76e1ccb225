package nl.klantreis.api.paginas.kcc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import nl.klantreis.domein.referentie.Catalogus;
import nl.klantreis.domein.referentie.Kanaal;
import nl.klantreis.domein.referentie.Kanalen;

/** How the KCC pages write kanalen, codes and moments. */
class WeergaveTest {
    private final Weergave weergave = new Weergave(new Kanalen(List.of(
            new Kanaal("telefoon", "Telefoon (KCC, 14+netnummer)", List.of("kcc"), "traditioneel", false, true, Optional.of(780)),
            new Kanaal("webformulier", "Webformulier / e-dienst", List.of(), "digitaal", true, false, Optional.of(80)))),
            new Catalogus(List.of()));

    @Test
    void eenKanaalHeetZoalsInDeReferentielijst_zonderDeUitlegTussenHaakjes() {
        assertThat(weergave.kanaal("telefoon")).isEqualTo("Telefoon");
        assertThat(weergave.kanaal("webformulier")).isEqualTo("Webformulier / e-dienst");
        assertThat(weergave.kanaal("duif")).as("onbekend: zoals het kwam").isEqualTo("duif");
        assertThat(weergave.kanaal(null)).isEmpty();
    }

    @Test
    void eenMomentInHetNederlandsOpDeKlokVanAmsterdam_winterEnZomertijd() {
        assertThat(weergave.moment(Instant.parse("2026-03-02T08:12:40Z"))).isEqualTo("2 maart 2026 om 09:12");
        assertThat(weergave.moment(Instant.parse("2026-04-21T06:00:00Z"))).isEqualTo("21 april 2026 om 08:00");
        assertThat(weergave.machinetijd(Instant.parse("2026-04-21T06:00:00Z"))).isEqualTo("2026-04-21T08:00:00+02:00");
        assertThat(weergave.datum(LocalDate.of(2026, 5, 8))).isEqualTo("8 mei 2026");
        assertThat(weergave.moment(null)).isEmpty();
    }

    @Test
    void eenCodeAlsWoorden() {
        assertThat(weergave.tekst("zaak-gestart")).isEqualTo("Zaak gestart");
        assertThat(weergave.tekst("in_behandeling")).isEqualTo("In behandeling");
        assertThat(weergave.tekst("")).isEmpty();
        assertThat(weergave.zaaktype("onbekend-type")).as("niet in de catalogus").isEqualTo("Onbekend type");
    }
}
