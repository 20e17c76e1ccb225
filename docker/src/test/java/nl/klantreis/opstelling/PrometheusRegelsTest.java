package nl.klantreis.opstelling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code docker/prometheus} with Debian's promtool: the configuration and the alert rules are valid,
 * and the rules' unit tests (klantreis-regels-test.yml: a node down, lag growing, dead letters,
 * audit groups failing, ...) pass; a wrong expectation does fail them.
 */
class PrometheusRegelsTest {
    static final Path PROMTOOL = Path.of(System.getProperty("klantreis.promtool", "/usr/bin/promtool"));
    private static final Path MAP = Path.of("prometheus").toAbsolutePath();

    @Test
    void configuratieIsGeldig() {
        Opdracht controle = promtool(MAP, "check", "config", "prometheus.yml");
        assertThat(controle.uitgang()).as(controle.toString()).isZero();
        assertThat(controle.uitvoer()).contains("1 rule files found");
    }

    @Test
    void regelsZijnGeldig() {
        Opdracht controle = promtool(MAP, "check", "rules", "klantreis-regels.yml");
        assertThat(controle.uitgang()).as(controle.toString()).isZero();
    }

    @Test
    void regelsDoorstaanHunEenheidstests() {
        Opdracht controle = promtool(MAP, "test", "rules", "klantreis-regels-test.yml");
        assertThat(controle.uitgang()).as(controle.toString()).isZero();
        assertThat(controle.uitvoer()).contains("SUCCESS");
    }

    @Test
    void eenVerkeerdeVerwachtingFaalt(@TempDir Path map) throws IOException {
        Files.copy(MAP.resolve("klantreis-regels.yml"), map.resolve("klantreis-regels.yml"));
        String test = Files.readString(MAP.resolve("klantreis-regels-test.yml"));
        String verkeerd = test.replaceFirst("instance: engine-1:8080", "instance: engine-2:8080");
        assertThat(verkeerd).isNotEqualTo(test);
        Files.writeString(map.resolve("klantreis-regels-test.yml"), verkeerd);
        Opdracht controle = promtool(map, "test", "rules", "klantreis-regels-test.yml");
        assertThat(controle.uitgang()).as(controle.toString()).isNotZero();
        assertThat(controle.uitvoer()).contains("KlantreisKnooppuntOnbereikbaar");
    }

    private static Opdracht promtool(Path map, String... argumenten) {
        String[] regel = new String[argumenten.length + 1];
        regel[0] = PROMTOOL.toString();
        System.arraycopy(argumenten, 0, regel, 1, argumenten.length);
        return Opdracht.voer(map, Duration.ofMinutes(2), regel);
    }
}
