package nl.klantreis.projecties.leesmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

/** A processor that stands still with work to do is noticed once per period; one that moves, or has nothing to do, never. */
class StilstandbewakingTest {
    private final Instant t0 = Instant.parse("2026-12-06T12:00:00Z");

    @Test
    void stilMetWerkTeDoen_naDertigSeconden_enDanPasWeerNaDertig() {
        Stilstandbewaking bewaking = new Stilstandbewaking(Duration.ofSeconds(30));
        assertThat(bewaking.vastgelopen("p", OptionalLong.of(56), 58, t0)).isFalse();
        assertThat(bewaking.vastgelopen("p", OptionalLong.of(56), 58, t0.plusSeconds(29))).isFalse();
        assertThat(bewaking.vastgelopen("p", OptionalLong.of(56), 58, t0.plusSeconds(30))).isTrue();
        assertThat(bewaking.vastgelopen("p", OptionalLong.of(56), 58, t0.plusSeconds(31))).isFalse();
        assertThat(bewaking.vastgelopen("p", OptionalLong.of(56), 60, t0.plusSeconds(60))).isTrue();
    }

    @Test
    void eenProcessorDieBeweegtOfBijIs_staatNietStil() {
        Stilstandbewaking bewaking = new Stilstandbewaking(Duration.ofSeconds(30));
        for (int i = 0; i < 10; i++) {
            assertThat(bewaking.vastgelopen("p", OptionalLong.of(100 + i), 1000, t0.plusSeconds(20L * i))).isFalse();
        }
        for (int i = 0; i < 10; i++) {
            assertThat(bewaking.vastgelopen("bij", OptionalLong.of(58), 58, t0.plusSeconds(20L * i))).isFalse();
        }
        assertThat(bewaking.vastgelopen("zonder-token", OptionalLong.empty(), 58, t0)).isFalse();
        assertThat(bewaking.vastgelopen("zonder-token", OptionalLong.empty(), 58, t0.plusSeconds(100))).isFalse();
    }

    @Test
    void eenVergetenProcessorBegintOpnieuw() {
        Stilstandbewaking bewaking = new Stilstandbewaking(Duration.ofSeconds(30));
        bewaking.vastgelopen("p", OptionalLong.of(56), 58, t0);
        bewaking.vergeet("p");
        assertThat(bewaking.vastgelopen("p", OptionalLong.of(56), 58, t0.plusSeconds(40))).isFalse();
    }
}
