package nl.klantreis.projecties.leesmodel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A node's share of a processor's segments (ADR 0022): together the shares always cover every segment. */
class SegmentaandeelTest {
    @Test
    void aandeelIsNaarBovenAfgerond_zodatSamenAlleSegmentenGehoudenWorden() {
        assertThat(Segmentverdeling.aandeel(2, 1)).isEqualTo(2);
        assertThat(Segmentverdeling.aandeel(2, 2)).isEqualTo(1);
        assertThat(Segmentverdeling.aandeel(2, 3)).isEqualTo(1);
        assertThat(Segmentverdeling.aandeel(4, 3)).isEqualTo(2);
        assertThat(Segmentverdeling.aandeel(5, 2)).isEqualTo(3);
        for (int segmenten = 1; segmenten <= 16; segmenten++) {
            for (int knooppunten = 1; knooppunten <= 8; knooppunten++) {
                assertThat(Segmentverdeling.aandeel(segmenten, knooppunten) * knooppunten)
                        .as("%d segmenten over %d knooppunten", segmenten, knooppunten)
                        .isGreaterThanOrEqualTo(segmenten);
            }
        }
    }
}
