package nl.klantreis.replay.toon;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.klantreis.replay.Testomgeving;
import nl.klantreis.replay.Verhaal;

/** {@code mijnzaken toon}: the dakkapel zaak on the burger's page, now and as it was then. */
class MijnzakenCommandoTest {
    private static Testomgeving omgeving;

    @BeforeAll
    static void vul() {
        omgeving = Testomgeving.metDakkapel();
    }

    @AfterAll
    static void sluit() {
        omgeving.close();
    }

    @Test
    void toonAlsOp_geeftDeStatusEnDeDoorlopendeOpschortingVanToen() {
        Testomgeving.Uitvoer uitvoer = omgeving.voerUit("mijnzaken", "toon", "--bsn", Verhaal.BSN,
                "--alsop", "2026-03-10T12:00:00+01:00");

        assertThat(uitvoer.code()).as(uitvoer.fout()).isZero();
        assertThat(uitvoer.uit())
                .contains("ZAAK-2026-0000123  omgevingsvergunning")
                .contains("status:               Aanvullende informatie gevraagd (stap 2 van 5), sinds 2026-03-09 11:00:00")
                // 2026-03-04 + 56 days, plus the day the running opschorting has lasted by the peildatum.
                .contains("beslissing uiterlijk: 2026-04-30 (opgeschort)")
                .contains("volgende stap:        In behandeling")
                // The story was sent today; the page of 10 March was last changed on 9 March, not today.
                .contains("laatst gewijzigd 2026-03-09 11:00:00")
                .doesNotContain("afgesloten:")
                .doesNotContain(Verhaal.BSN);
    }

    @Test
    void toonNu_alsJson_geeftDeAfgeslotenZaak() throws Exception {
        Testomgeving.Uitvoer uitvoer = omgeving.voerUit("mijnzaken", "toon", "--bsn", Verhaal.BSN, "--json");

        assertThat(uitvoer.code()).as(uitvoer.fout()).isZero();
        JsonNode kaart = new ObjectMapper().readTree(uitvoer.uit()).path("zaken").get(0);
        assertThat(kaart.path("identificatie").asText()).isEqualTo("ZAAK-2026-0000123");
        // Nine days of opschorting (2026-03-09 to 2026-03-18) on top of 2026-04-29.
        assertThat(kaart.path("beslissingUiterlijk").asText()).isEqualTo("2026-05-08");
        assertThat(kaart.path("afgesloten").path("resultaat").asText()).isEqualTo("toegekend");
        assertThat(kaart.path("status").path("code").asText()).isEqualTo("besluit-genomen");
    }

    @Test
    void opDeBekendAs_wistDeEngineToenNogNiets() {
        // The events were stored today: on 2026-03-10 the engine knew nothing of this zaak.
        Testomgeving.Uitvoer uitvoer = omgeving.voerUit("mijnzaken", "toon", "--bsn", Verhaal.BSN,
                "--alsop", "2026-03-10", "--tijdas", "bekend");

        assertThat(uitvoer.code()).as(uitvoer.fout()).isZero();
        assertThat(uitvoer.uit()).contains("zoals bekend op 2026-03-10").contains("geen zaken")
                .contains("wist de engine nog niets van deze klant: het eerste bericht over hem kwam binnen op ")
                .contains("--tijdas gebeurd");
    }
}
