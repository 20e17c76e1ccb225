package nl.klantreis.replay.commandoregel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class VoortgangsregelTest {

    @Test
    void regel_noemtWatErGeteldWordt_hetTempoEnDeResterendeTijd() {
        assertThat(Voortgangsregel.regel(50, 100, "zaken", Duration.ofSeconds(10)))
                .isEqualTo("[############............] 50/100 zaken ( 50%)  5 zaken/s  nog ~10s   ");
        assertThat(Voortgangsregel.regel(1_000, 250_000, "records", Duration.ofSeconds(2)))
                .contains("1000/250000 records (  0%)  500 records/s  nog ~8m18s");
        assertThat(Voortgangsregel.regel(7_200, 7_200, "events", Duration.ofHours(2)))
                .startsWith("[########################] 7200/7200 events (100%)").contains("klaar");
    }

    @Test
    void snelWerk_blijftStil_tenzijAltijdGevraagd() {
        StringWriter stil = new StringWriter();
        Voortgangsregel kort = new Voortgangsregel(new PrintWriter(stil), "export", "rijen", false);
        kort.toon(5, 10);
        kort.klaar(10);
        assertThat(stil.toString()).isEmpty();

        StringWriter altijd = new StringWriter();
        Voortgangsregel getoond = new Voortgangsregel(new PrintWriter(altijd), "export", "rijen", true);
        getoond.toon(5, 10);
        getoond.klaar(10);
        assertThat(altijd.toString()).contains("\rexport [############............] 5/10 rijen")
                .contains("\rexport [########################] 10/10 rijen (100%)").endsWith(System.lineSeparator());

        StringWriter afgebroken = new StringWriter();
        new Voortgangsregel(new PrintWriter(afgebroken), "herbouw", "events", true).klaar(-1);
        assertThat(afgebroken.toString()).contains("herbouw: afgebroken na 0 s");
    }
}
