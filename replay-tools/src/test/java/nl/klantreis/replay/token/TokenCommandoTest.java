package nl.klantreis.replay.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.klantreis.infrastructuur.beveiliging.LokaleSleutel;
import nl.klantreis.replay.KlantreisGereedschap;
import picocli.CommandLine;

class TokenCommandoTest {
    private final StringWriter uit = new StringWriter();
    private final StringWriter fout = new StringWriter();

    @Test
    void maaktEenBurgertoken_metRolEnBsn_getekendMetDeLokaleSleutel(@TempDir Path data) throws Exception {
        LokaleSleutel.laadOfMaak(data);
        int code = voerUit("token", "--rol", "burger", "--bsn", "999990342", "--data-map", data.toString());
        assertThat(code).isZero();
        String[] delen = uit.toString().trim().split("\\.");
        assertThat(delen).hasSize(3);
        JsonNode claims = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(delen[1]));
        assertThat(claims.path("rol").asText()).isEqualTo("burger");
        assertThat(claims.path("bsn").asText()).isEqualTo("999990342");
        assertThat(claims.path("iss").asText()).isEqualTo("klantreis-lokaal");
    }

    @Test
    void verkeerdGebruik_geeftCode2_metUitleg(@TempDir Path data) {
        LokaleSleutel.laadOfMaak(data);
        assertThat(voerUit("token", "--rol", "koning", "--data-map", data.toString())).isEqualTo(2);
        assertThat(fout.toString()).contains("onbekende rol");
        assertThat(voerUit("token", "--rol", "medewerker", "--bsn", "999990342", "--data-map", data.toString())).isEqualTo(2);
        assertThat(voerUit("token", "--rol", "burger", "--bsn", "123456789", "--data-map", data.toString())).isEqualTo(2);
        assertThat(fout.toString()).doesNotContain("123456789");
    }

    @Test
    void zonderSleutel_geeftCode1(@TempDir Path data) {
        assertThat(voerUit("token", "--rol", "bron", "--data-map", data.resolve("leeg").toString())).isEqualTo(1);
        assertThat(fout.toString()).contains("start de engine eerst");
    }

    @Test
    void helpOpElkeOpdracht() {
        assertThat(voerUit("token", "--help")).isZero();
        assertThat(uit.toString()).contains("--rol");
        assertThat(voerUit("--help")).isZero();
    }

    private int voerUit(String... argumenten) {
        CommandLine regel = KlantreisGereedschap.commandoregel();
        regel.setOut(new PrintWriter(uit, true));
        regel.setErr(new PrintWriter(fout, true));
        return regel.execute(argumenten);
    }
}
