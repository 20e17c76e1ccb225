package nl.klantreis.replay.projectie;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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
        int voor = actieveGeneratie("mijnzaken");
        Testomgeving.Uitvoer uitvoer = omgeving.voerUit("projectie", "herbouw", "mijnzaken");

        assertThat(uitvoer.code()).as(uitvoer.uit() + uitvoer.fout()).isZero();
        List<String> regels = uitvoer.uit().lines().toList();
        assertThat(regels.get(0)).startsWith("mijnzaken: generatie " + voor + " -> " + (voor + 1) + ", 1 documenten");
        String live = regels.get(1).substring(regels.get(1).lastIndexOf(' ') + 1);
        String herbouwd = regels.get(2).substring(regels.get(2).lastIndexOf(' ') + 1);
        assertThat(live).hasSize(32).isEqualTo(herbouwd);
        assertThat(regels.get(3).strip()).isEqualTo("gelijk");
        // The progress line went to stderr, ending with the whole event store done.
        assertThat(uitvoer.fout()).contains("herbouw mijnzaken [########################]").contains("events/s");
        assertThat(new JdbcTemplate(omgeving.database()).queryForObject(
                "select tabel from leesmodel_generatie where naam = 'mijnzaken' and toestand = 'actief'", String.class))
                .endsWith("_g" + (voor + 1));
    }

    /** {@code alle}: every read model at once ({@code herbouwAlle}, one reader), each compared with its live table. */
    @Test
    void herbouwAlle_vultIederLeesmodelTegelijk_enVindtIederGelijkAanZijnLive() throws Exception {
        int klantreis = actieveGeneratie("klantreis");
        int mijnzaken = actieveGeneratie("mijnzaken");
        Testomgeving.Uitvoer uitvoer = omgeving.voerUit("projectie", "herbouw", "alle", "--json");

        assertThat(uitvoer.code()).as(uitvoer.uit() + uitvoer.fout()).isZero();
        JsonNode uitkomst = new ObjectMapper().readTree(uitvoer.uit());
        assertThat(uitkomst.path("gelijk").asBoolean()).isTrue();
        assertThat(uitkomst.path("leesmodellen")).hasSize(2);
        for (JsonNode leesmodel : uitkomst.path("leesmodellen")) {
            int voor = leesmodel.path("leesmodel").asText().equals("klantreis") ? klantreis : mijnzaken;
            assertThat(leesmodel.path("oudeGeneratie").asInt()).isEqualTo(voor);
            assertThat(leesmodel.path("nieuweGeneratie").asInt()).isEqualTo(voor + 1);
            assertThat(leesmodel.path("controlegetalNieuw").asText()).hasSize(32)
                    .isEqualTo(leesmodel.path("controlegetalLive").asText());
            assertThat(leesmodel.path("gelijk").asBoolean()).isTrue();
        }
        assertThat(uitvoer.fout()).contains("herbouw alle [########################]");
        assertThat(actieveGeneratie("klantreis")).isEqualTo(klantreis + 1);
        assertThat(actieveGeneratie("mijnzaken")).isEqualTo(mijnzaken + 1);
    }

    private static int actieveGeneratie(String naam) {
        return new JdbcTemplate(omgeving.database()).queryForObject(
                "select generatie from leesmodel_generatie where naam = ? and toestand = 'actief'", Integer.class, naam);
    }

    @Test
    void onbekendLeesmodel_isVerkeerdGebruik() {
        assertThat(omgeving.voerUit("projectie", "herbouw", "bestaatniet").code()).isEqualTo(2);
    }
}
