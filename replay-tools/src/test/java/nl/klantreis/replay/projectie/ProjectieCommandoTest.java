package nl.klantreis.replay.projectie;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.klantreis.replay.Testomgeving;

/**
 * {@code projectie herbouw}: a new generation filled from the first event while the old one keeps
 * serving (the test's own context is a running engine node meanwhile), then compared with it.
 */
class ProjectieCommandoTest {
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
    void herbouw_vultEenNieuweGeneratie_enVindtHemGelijkAanDeLive() {
        Testomgeving.Uitvoer uitvoer = omgeving.voerUit("projectie", "herbouw", "mijnzaken");

        assertThat(uitvoer.code()).as(uitvoer.uit() + uitvoer.fout()).isZero();
        List<String> regels = uitvoer.uit().lines().toList();
        assertThat(regels.get(0)).startsWith("mijnzaken: generatie 1 -> 2, 1 documenten");
        String live = regels.get(1).substring(regels.get(1).lastIndexOf(' ') + 1);
        String herbouwd = regels.get(2).substring(regels.get(2).lastIndexOf(' ') + 1);
        assertThat(live).hasSize(32).isEqualTo(herbouwd);
        assertThat(regels.get(3).strip()).isEqualTo("gelijk");
        // The progress line went to stderr, ending with the whole event store done.
        assertThat(uitvoer.fout()).contains("herbouw mijnzaken [########################]").contains("events/s");
        assertThat(new JdbcTemplate(omgeving.database()).queryForObject(
                "select tabel from leesmodel_generatie where naam = 'mijnzaken' and toestand = 'actief'", String.class))
                .endsWith("_g2");
    }

    @Test
    void onbekendLeesmodel_isVerkeerdGebruik() {
        assertThat(omgeving.voerUit("projectie", "herbouw", "bestaatniet").code()).isEqualTo(2);
    }
}
