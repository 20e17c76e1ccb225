package nl.klantreis.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.klantreis.api.KlantreisApplication;
import nl.klantreis.projecties.leesmodel.Projectiebeheer;

/**
 * The README's "Try it" walk, exactly as a new user types it: its shell blocks are read from
 * README.md and run with bash in a folder that holds only what a plain clone has after the
 * README's build command (the {@code voorbeelden/} folder and the tool's jar), with no
 * {@code ../shared} beside it, against the engine on its embedded PostgreSQL with its data in that
 * folder's {@code ./data}. Runs after {@code package} (failsafe), because the walk uses the tool's jar.
 */
class ReadmeWandelingIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern BLOK = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL);
    private static final String DAKKAPEL_ZAAK = "5b0e1c3a-8f1d-4f3e-9c55-2b7d1e6a9f01";

    @TempDir
    static Path kloon;
    private static Path project;
    private static ConfigurableApplicationContext engine;
    private static String adres;

    @BeforeAll
    static void kloonEnEngine() throws IOException {
        project = Path.of("").toAbsolutePath().getParent();
        Path jar = project.resolve("replay-tools/target/klantreis-tools.jar");
        assertThat(jar).as("de README bouwt eerst het gereedschap; failsafe draait na package").exists();
        Files.createDirectories(kloon.resolve("replay-tools/target"));
        Files.copy(jar, kloon.resolve("replay-tools/target/klantreis-tools.jar"), StandardCopyOption.REPLACE_EXISTING);
        Files.createDirectories(kloon.resolve("voorbeelden"));
        try (Stream<Path> voorbeelden = Files.list(project.resolve("voorbeelden"))) {
            for (Path voorbeeld : voorbeelden.toList()) {
                Files.copy(voorbeeld, kloon.resolve("voorbeelden").resolve(voorbeeld.getFileName()));
            }
        }
        assertThat(kloon.getParent().resolve("shared")).as("de wandeling draait zonder ../shared").doesNotExist();

        System.setProperty("axoniq.update-checker.disabled", "true");
        // As the README's run command does: the embedded PostgreSQL, data in ./data of the clone.
        engine = new SpringApplicationBuilder(KlantreisApplication.class).run(
                "--server.port=0",
                "--klantreis.data-map=" + kloon.resolve("data"),
                "--klantreis.projecties.bewaak-ms=200",
                "--spring.main.banner-mode=off");
        adres = "http://127.0.0.1:" + ((WebServerApplicationContext) engine).getWebServer().getPort();
    }

    @AfterAll
    static void stopEngine() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void deWandelingVanDeReadme_werktOpEenKaleKloon() throws Exception {
        List<List<String>> blokken = blokkenVanProberen();
        assertThat(String.join("\n", blokken.stream().flatMap(List::stream).toList()))
                .as("de wandeling verwijst naar niets buiten de kloon").doesNotContain("../shared");

        // Everything up to the first read is what a source system does; the reads come after the read
        // models have caught up (a person typing the next command gives them the same time).
        int eersteLezing = indexVanBlokMet(blokken, "BURGER=");
        List<String> zenden = new ArrayList<>();
        blokken.subList(0, eersteLezing).forEach(zenden::addAll);
        List<String> lezen = new ArrayList<>();
        blokken.subList(eersteLezing, blokken.size()).forEach(lezen::addAll);
        String versturen = zenden.stream().filter(c -> c.contains("klantreis-dakkapel.batch.json")).findFirst()
                .orElseThrow(() -> new AssertionError("de README verstuurt het dakkapelvoorbeeld niet"));
        // The README says: "send it again and every message is duplicate".
        zenden.add(versturen);

        Map<String, Uitkomst> verzonden = voerUit(zenden);
        Projectiebeheer beheer = engine.getBean(Projectiebeheer.class);
        for (String naam : beheer.namen()) {
            assertThat(beheer.wachtTotBijgewerkt(naam, Duration.ofMinutes(1))).as(naam).isTrue();
        }
        Map<String, Uitkomst> gelezen = voerUit(lezen);

        List<Uitkomst> dakkapel = uitkomstenMet(verzonden, "klantreis-dakkapel.batch.json");
        assertThat(dakkapel).hasSize(2);
        assertThat(statussen(dakkapel.get(0).uit())).as(dakkapel.get(0).uit()).isNotEmpty().containsOnly("accepted");
        assertThat(statussen(dakkapel.get(1).uit())).as(dakkapel.get(1).uit()).isNotEmpty().containsOnly("duplicate");
        Uitkomst afgewezen = uitkomstenMet(verzonden, "afgewezen.batch.json").get(0);
        assertThat(statussen(afgewezen.uit())).as(afgewezen.uit()).hasSize(3).containsOnly("rejected");

        Uitkomst mijnZaken = enigeMet(gelezen, "/api/v1/mijnzaken ");
        assertThat(JSON.readTree(mijnZaken.uit()).path("zaken").get(0).path("zaakId").asText())
                .as(mijnZaken.uit()).isEqualTo(DAKKAPEL_ZAAK);
        Uitkomst live = enigeMet(gelezen, "text/event-stream");
        assertThat(live.uit()).as("de live-stroom stuurt meteen de zaak zoals hij nu is")
                .contains("event:zaak").contains(DAKKAPEL_ZAAK);
        Uitkomst klantbeeld = enigeMet(gelezen, "/klantbeeld");
        assertThat(JSON.readTree(klantbeeld.uit()).path("klantId").asText()).as(klantbeeld.uit()).startsWith("k-");
        assertThat(JSON.readTree(klantbeeld.uit()).path("openZaken").isArray()).isTrue();
        Uitkomst matrix = enigeMet(gelezen, "kanaalwissel-matrix");
        assertThat(JSON.readTree(matrix.uit()).path("kpi").asText()).as(matrix.uit()).isEqualTo("kanaalwissel-matrix");
        assertThat(matrix.uit()).contains("telefoon").contains("webformulier");
        Uitkomst integriteit = enigeMet(gelezen, "/audit/integriteit");
        assertThat(JSON.readTree(integriteit.uit()).path("intact").asBoolean()).as(integriteit.uit()).isTrue();
    }

    /** The shell blocks of the section "Try it", each as its commands (continued lines joined). */
    private static List<List<String>> blokkenVanProberen() throws IOException {
        String readme = Files.readString(project.resolve("README.md"), StandardCharsets.UTF_8);
        int begin = readme.indexOf("\n## Try it");
        assertThat(begin).as("README heeft een sectie 'Try it'").isPositive();
        int einde = readme.indexOf("\n## ", begin + 1);
        String sectie = readme.substring(begin, einde < 0 ? readme.length() : einde);
        List<List<String>> blokken = new ArrayList<>();
        Matcher matcher = BLOK.matcher(sectie);
        while (matcher.find()) {
            List<String> opdrachten = new ArrayList<>();
            StringBuilder opdracht = new StringBuilder();
            for (String regel : matcher.group(1).split("\n")) {
                if (regel.endsWith("\\")) {
                    opdracht.append(regel, 0, regel.length() - 1).append(' ');
                    continue;
                }
                opdracht.append(regel);
                String volledig = opdracht.toString().strip();
                opdracht.setLength(0);
                if (!volledig.isEmpty() && !volledig.startsWith("#")) {
                    opdrachten.add(volledig);
                }
            }
            blokken.add(opdrachten);
        }
        assertThat(blokken).as("shell-blokken in 'Try it'").hasSizeGreaterThanOrEqualTo(3);
        return blokken;
    }

    private static int indexVanBlokMet(List<List<String>> blokken, String tekst) {
        for (int i = 0; i < blokken.size(); i++) {
            if (blokken.get(i).stream().anyMatch(c -> c.contains(tekst))) {
                return i;
            }
        }
        throw new AssertionError("geen blok met " + tekst);
    }

    /**
     * Runs the commands in one bash, in the clone, each marked in the output. The build command is
     * not run again (this test runs after it, on the jar it built); the live stream, which never
     * ends by itself, gets 5 seconds as a person watching it would before pressing Ctrl-C.
     */
    private static Map<String, Uitkomst> voerUit(List<String> opdrachten) throws Exception {
        StringBuilder script = new StringBuilder();
        List<String> uitgevoerd = new ArrayList<>();
        for (String opdracht : opdrachten) {
            if (opdracht.startsWith("mvn ")) {
                assertThat(opdracht).contains("replay-tools");
                continue;
            }
            String hier = opdracht.replace("http://localhost:8080", adres);
            if (hier.contains("text/event-stream")) {
                hier = "timeout 5 " + hier;
            }
            int nummer = uitgevoerd.size();
            uitgevoerd.add(opdracht);
            script.append("echo '@@@begin ").append(nummer).append("'\n")
                    .append(hier).append("\n")
                    .append("code=$?; echo; echo \"@@@einde ").append(nummer).append(" $code\"\n");
        }
        Path bestand = kloon.resolve("wandeling-" + System.nanoTime() + ".sh");
        Files.writeString(bestand, script);
        Process bash = new ProcessBuilder("bash", bestand.toString()).directory(kloon.toFile())
                .redirectErrorStream(true).start();
        byte[] uitvoer = bash.getInputStream().readAllBytes();
        assertThat(bash.waitFor(3, TimeUnit.MINUTES)).isTrue();
        String tekst = new String(uitvoer, StandardCharsets.UTF_8);

        Map<String, Uitkomst> uitkomsten = new LinkedHashMap<>();
        for (int i = 0; i < uitgevoerd.size(); i++) {
            int van = tekst.indexOf("@@@begin " + i + "\n");
            Matcher einde = Pattern.compile("\\n@@@einde " + i + " (\\d+)\\n").matcher(tekst);
            assertThat(van >= 0 && einde.find(van)).as("uitvoer van " + uitgevoerd.get(i) + ":\n" + tekst).isTrue();
            int code = Integer.parseInt(einde.group(1));
            String uit = tekst.substring(van + ("@@@begin " + i + "\n").length(), einde.start()).strip();
            boolean stroom = uitgevoerd.get(i).contains("text/event-stream");
            assertThat(code).as(uitgevoerd.get(i) + " -> " + uit).isEqualTo(stroom ? 124 : 0);
            uitkomsten.put(i + ": " + uitgevoerd.get(i), new Uitkomst(code, uit));
        }
        return uitkomsten;
    }

    private static List<Uitkomst> uitkomstenMet(Map<String, Uitkomst> uitkomsten, String tekst) {
        return uitkomsten.entrySet().stream().filter(e -> e.getKey().contains(tekst)).map(Map.Entry::getValue).toList();
    }

    private static Uitkomst enigeMet(Map<String, Uitkomst> uitkomsten, String tekst) {
        List<Uitkomst> gevonden = uitkomstenMet(uitkomsten, tekst);
        assertThat(gevonden).as("precies één opdracht met " + tekst + " in " + uitkomsten.keySet()).hasSize(1);
        return gevonden.get(0);
    }

    /** The per-message outcome of an ingestion answer, in position order. */
    private static List<String> statussen(String antwoord) throws IOException {
        JsonNode json = JSON.readTree(antwoord);
        List<String> statussen = new ArrayList<>();
        json.path("resultaten").forEach(r -> statussen.add(r.path("resultaat").asText()));
        return statussen;
    }

    private record Uitkomst(int code, String uit) {
    }
}
