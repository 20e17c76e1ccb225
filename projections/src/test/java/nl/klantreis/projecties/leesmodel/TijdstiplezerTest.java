package nl.klantreis.projecties.leesmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

import nl.klantreis.infrastructuur.opslag.Eventserialisatie;

/** The fast reader gives exactly the instant (or the error) Jackson's own gives, whatever the text. */
class TijdstiplezerTest {
    private static final ObjectMapper JACKSON = Eventserialisatie.objectMapper();
    private static final ObjectMapper SNEL = Eventserialisatie.objectMapper().registerModule(Tijdstiplezer.module());

    record Met(Instant moment) {
    }

    @Test
    void geschrevenMomenten_wordenGelezenAlsDoorJackson() throws Exception {
        ThreadLocalRandom toeval = ThreadLocalRandom.current();
        for (int i = 0; i < 10_000; i++) {
            // Seconds from year 0 to 9999, and every precision ISO_INSTANT writes (none, ms, µs, ns).
            long seconde = toeval.nextLong(-62_167_219_200L, 253_402_300_799L);
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> toeval.nextInt(1_000) * 1_000_000;
                case 2 -> toeval.nextInt(1_000_000) * 1_000;
                default -> toeval.nextInt(1_000_000_000);
            };
            String json = JACKSON.writeValueAsString(new Met(Instant.ofEpochSecond(seconde, nanos)));
            assertThat(SNEL.readValue(json, Met.class)).as(json).isEqualTo(JACKSON.readValue(json, Met.class));
        }
    }

    @Test
    void andereVormen_gaanNaarJackson_metHetzelfdeAntwoord() throws Exception {
        for (String waarde : List.of("\"2024-03-01T09:15:00.5Z\"", "\"2024-03-01T09:15:00.123456789Z\"",
                "\"2024-02-29T23:59:59Z\"", "\"2024-03-01T10:15:00+01:00\"", "\"2016-12-31T23:59:60Z\"",
                "\"+12024-03-01T09:15:00Z\"", "1709284500", "1709284500.250", "\"2024-03-01T09:15Z\"",
                "\"2024-03-01T24:00:00Z\"",
                "\"2024-03-01T09:15:00.Z\"", "\"2024-03-01T09:15:00.1234567890Z\"", "\"2024-03-01t09:15:00z\"",
                "\"2023-02-29T09:15:00Z\"", "\"2024-13-01T09:15:00Z\"", "\"-2024-03-01T09:15:00Z\"")) {
            String json = "{\"moment\":" + waarde + "}";
            Object jackson;
            try {
                jackson = JACKSON.readValue(json, Met.class);
            } catch (Exception e) {
                jackson = e.getClass();
            }
            Object snel;
            try {
                snel = SNEL.readValue(json, Met.class);
            } catch (Exception e) {
                snel = e.getClass();
            }
            assertThat(snel).as(waarde).isEqualTo(jackson);
        }
    }

    @Test
    void ongeldigeDatum_blijftEenFout() {
        for (String fout : List.of("2023-02-29T09:15:00Z", "2024-13-01T09:15:00Z", "2024-03-01T09:1a:00Z")) {
            assertThat(Tijdstiplezer.lees(fout)).as(fout).isNull();
            assertThatThrownBy(() -> SNEL.readValue("{\"moment\":\"" + fout + "\"}", Met.class)).as(fout)
                    .isInstanceOf(InvalidFormatException.class);
        }
    }
}
