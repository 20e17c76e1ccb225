package nl.klantreis.opstelling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Issue 12 / ADR 0022: nodes share each read model's segments (here 4: two each; the node that
 * starts first holds all four until the other announces itself), and when one is killed the
 * survivor claims them all.
 */
class SegmentverdelingTest {
    @Test
    void tweeKnooppuntenDelenDeSegmenten_deOverlevendeNeemtAllesOver() throws Exception {
        try (Opstelling opstelling = Opstelling.start("segmentverdeling", 2,
                Map.of("KLANTREIS_PROJECTIES_SEGMENTEN", "4"))) {
            Postgresserver database = opstelling.database();
            Knooppunt een = opstelling.knooppunt(1);
            Knooppunt twee = opstelling.knooppunt(2);
            Segmenten.wachtOpVerdeling(database, List.of(een, twee), 2, Duration.ofSeconds(60));

            long gedood = System.nanoTime();
            twee.doodHard();
            Duration overname = Segmenten.wachtOpOvername(database, twee, gedood, Duration.ofSeconds(60));
            Segmenten.wachtOpVerdeling(database, List.of(een), 4, Duration.ofSeconds(5));
            System.out.printf("segmentverdeling: 2 van 4 segmenten per leesmodel per knooppunt; knooppunt 2 gedood,"
                    + " knooppunt 1 had ze alle 4 na %d ms%n", overname.toMillis());
            assertThat(een.gezond()).isTrue();
        }
    }
}
