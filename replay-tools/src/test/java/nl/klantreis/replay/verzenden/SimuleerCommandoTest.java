package nl.klantreis.replay.verzenden;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.klantreis.simulatie.Simulatie;
import nl.klantreis.replay.KlantreisGereedschap;
import picocli.CommandLine;

class SimuleerCommandoTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final StringWriter uit = new StringWriter();
    private final StringWriter fout = new StringWriter();

    @Test
    void zelfdeSeed_geeftDezelfdeBytes_alsDeSimulatie(@TempDir Path map) throws Exception {
        Path eerste = map.resolve("a.ndjson");
        Path tweede = map.resolve("sub/b.ndjson");
        assertThat(voerUit("simuleer", "--klanten", "40", "--seed", "7", "--van", "2026-01-01", "--tot", "2026-07-01",
                "--uit", eerste.toString())).isZero();
        assertThat(voerUit("simuleer", "--klanten", "40", "--seed", "7", "--van", "2026-01-01", "--tot", "2026-07-01",
                "--stil", "--uit", tweede.toString())).isZero();
        assertThat(Files.readAllBytes(tweede)).isEqualTo(Files.readAllBytes(eerste));

        ByteArrayOutputStream verwacht = new ByteArrayOutputStream();
        Simulatie.metSeed(7).klanten(40).periode(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 7, 1))
                .schrijfNdjson(verwacht);
        assertThat(Files.readAllBytes(eerste)).isEqualTo(verwacht.toByteArray());

        voerUit("simuleer", "--klanten", "40", "--seed", "8", "--stil", "--uit", map.resolve("c.ndjson").toString());
        assertThat(Files.readAllBytes(map.resolve("c.ndjson"))).isNotEqualTo(Files.readAllBytes(eerste));
    }

    @Test
    void elkeRegel_isEenCloudEvent_enHetVerslagTeltZe(@TempDir Path map) throws Exception {
        Path bestand = map.resolve("gemeente.ndjson");
        assertThat(voerUit("simuleer", "--klanten", "25", "--seed", "42", "--fouten", "--json",
                "--uit", bestand.toString())).isZero();
        List<String> regels = Files.readAllLines(bestand);
        assertThat(regels).hasSizeGreaterThan(25);
        for (String regel : regels) {
            JsonNode bericht = JSON.readTree(regel);
            assertThat(bericht.path("specversion").asText()).isEqualTo("1.0");
            assertThat(bericht.path("type").asText()).startsWith("nl.");
            assertThat(bericht.hasNonNull("id")).isTrue();
            assertThat(bericht.hasNonNull("source")).isTrue();
            assertThat(bericht.path("data").isObject()).isTrue();
        }
        JsonNode verslag = JSON.readTree(uit.toString());
        assertThat(verslag.path("berichten").asLong()).isEqualTo(regels.size());
        assertThat(verslag.path("klanten").asInt()).isEqualTo(25);
        assertThat(verslag.path("fouten").asBoolean()).isTrue();
        // The progress line closes with the final count, on stderr only.
        assertThat(fout.toString()).contains("berichten").contains("klaar in");
    }

    @Test
    void verkeerdGebruik_geeftCode2() {
        assertThat(voerUit("simuleer", "--klanten", "10", "--seed", "1")).isEqualTo(2);
        assertThat(voerUit("simuleer", "--klanten", "10", "--seed", "1", "--van", "2026-02-01", "--tot", "2026-01-01",
                "--uit", "x.ndjson")).isEqualTo(2);
        assertThat(fout.toString()).contains("van moet voor tot liggen");
        assertThat(voerUit("simuleer", "--klanten", "-1", "--seed", "1", "--uit", "x.ndjson")).isEqualTo(2);
    }

    @Test
    void zonderPeriode_isDeStandaardperiodeVanVandaag_enDieLigtHeelInHetVerleden(@TempDir Path map) throws Exception {
        assertThat(voerUit("simuleer", "--klanten", "5", "--seed", "3", "--json", "--stil",
                "--uit", map.resolve("a.ndjson").toString())).isZero();
        JsonNode verslag = JSON.readTree(uit.toString());
        Simulatie.Periode standaard = Simulatie.standaardPeriode(LocalDate.parse(verslag.path("tot").asText())
                .plusMonths(1));
        assertThat(verslag.path("tot").asText()).isEqualTo(standaard.tot().toString());
        assertThat(verslag.path("van").asText()).isEqualTo(standaard.van().toString());
        assertThat(LocalDate.parse(verslag.path("tot").asText()).plusMonths(Simulatie.MAANDEN_NA_PERIODE))
                .isBeforeOrEqualTo(LocalDate.now(Simulatie.AMSTERDAM));
    }

    @Test
    void eenPeriodeDieNogNietVoorbijIs_isVerkeerdGebruik() {
        String volgendJaar = Integer.toString(LocalDate.now(Simulatie.AMSTERDAM).getYear() + 1);
        assertThat(voerUit("simuleer", "--klanten", "5", "--seed", "3", "--van", volgendJaar + "-01-01",
                "--tot", volgendJaar + "-02-01", "--uit", "x.ndjson")).isEqualTo(2);
        assertThat(fout.toString()).contains("ligt te laat");
    }

    @Test
    void help() {
        assertThat(voerUit("simuleer", "--help")).isZero();
        assertThat(uit.toString()).contains("--klanten").contains("--seed").contains("--uit");
        // picocli wraps the descriptions: compare with the line breaks taken out.
        assertThat(uit.toString().replaceAll("\\s+", " ")).contains("standaard de eerste dag van vorige maand")
                .contains("standaard 21 maanden voor --tot");
    }

    private int voerUit(String... argumenten) {
        CommandLine regel = KlantreisGereedschap.commandoregel();
        regel.setOut(new PrintWriter(uit, true));
        regel.setErr(new PrintWriter(fout, true));
        return regel.execute(argumenten);
    }
}
