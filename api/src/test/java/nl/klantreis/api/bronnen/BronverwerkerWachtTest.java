package nl.klantreis.api.bronnen;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import nl.klantreis.bronnen.Bronconfiguratie;

/** The back-off between tries: doubling from eersteWacht, capped at langsteWacht, times the jitter. */
class BronverwerkerWachtTest {
    private final Bronconfiguratie.Verwerking v = new Bronconfiguratie.Verwerking(2, 10, Duration.ofSeconds(2),
            Duration.ofMinutes(10), Duration.ofSeconds(10), Duration.ofSeconds(10));

    @Test
    void verdubbeltTotDeLangsteWacht() {
        assertThat(Bronverwerker.wacht(v, 0, 1.0)).isEqualTo(Duration.ofSeconds(2));
        assertThat(Bronverwerker.wacht(v, 1, 1.0)).isEqualTo(Duration.ofSeconds(4));
        assertThat(Bronverwerker.wacht(v, 5, 1.0)).isEqualTo(Duration.ofSeconds(64));
        assertThat(Bronverwerker.wacht(v, 9, 1.0)).isEqualTo(Duration.ofMinutes(10));
        assertThat(Bronverwerker.wacht(v, 99, 1.0)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void jitterVanDeHelftTotAnderhalfKeer() {
        assertThat(Bronverwerker.wacht(v, 2, 0.5)).isEqualTo(Duration.ofSeconds(4));
        assertThat(Bronverwerker.wacht(v, 2, 1.5)).isEqualTo(Duration.ofSeconds(12));
    }
}
