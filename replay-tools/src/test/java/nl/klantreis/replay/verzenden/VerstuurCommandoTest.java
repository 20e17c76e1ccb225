package nl.klantreis.replay.verzenden;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import nl.klantreis.infrastructuur.beveiliging.LokaleSleutel;
import nl.klantreis.replay.KlantreisGereedschap;
import nl.klantreis.replay.commandoregel.Voortgangsteller;
import picocli.CommandLine;

/**
 * {@code verstuur} against a small HTTP server on localhost that answers as the engine's batch
 * endpoint: accepted, duplicate for a (source, id) it has seen, rejected for a message whose id
 * starts with "fout-".
 */
class VerstuurCommandoTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final StringWriter uit = new StringWriter();
    private final StringWriter fout = new StringWriter();
    private HttpServer server;
    private final List<Integer> batchgroottes = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> gezien = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> tokens = new ConcurrentHashMap<>();
    private final AtomicInteger bezig = new AtomicInteger();
    private final AtomicInteger hoogsteGelijktijdig = new AtomicInteger();
    private volatile int status = 200;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/api/v1/events", this::beantwoord);
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private void beantwoord(HttpExchange verzoek) throws IOException {
        int nu = bezig.incrementAndGet();
        hoogsteGelijktijdig.accumulateAndGet(nu, Math::max);
        try {
            tokens.merge(String.valueOf(verzoek.getRequestHeaders().getFirst("Authorization")), 1, Integer::sum);
            JsonNode batch = JSON.readTree(verzoek.getRequestBody());
            if (status != 200) {
                antwoord(verzoek, status, "{\"title\":\"nee\"}");
                return;
            }
            batchgroottes.add(batch.size());
            Thread.sleep(30);
            long accepted = 0;
            long duplicate = 0;
            long rejected = 0;
            ArrayNode resultaten = JSON.createArrayNode();
            for (int i = 0; i < batch.size(); i++) {
                JsonNode bericht = batch.get(i);
                String id = bericht.path("id").asText();
                String resultaat;
                if (id.startsWith("fout-")) {
                    resultaat = "rejected";
                    rejected++;
                } else if (gezien.add(bericht.path("source").asText() + "|" + id)) {
                    resultaat = "accepted";
                    accepted++;
                } else {
                    resultaat = "duplicate";
                    duplicate++;
                }
                ObjectNode regel = resultaten.addObject().put("positie", i).put("source", bericht.path("source").asText())
                        .put("id", id).put("resultaat", resultaat);
                if (resultaat.equals("rejected")) {
                    regel.putArray("errors").addObject().put("pointer", "/type").put("detail", "onbekend type");
                }
            }
            ObjectNode samenvatting = JSON.createObjectNode().put("accepted", accepted).put("duplicate", duplicate)
                    .put("rejected", rejected);
            samenvatting.set("resultaten", resultaten);
            antwoord(verzoek, 200, samenvatting.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            bezig.decrementAndGet();
        }
    }

    private static void antwoord(HttpExchange verzoek, int code, String tekst) throws IOException {
        byte[] inhoud = tekst.getBytes(StandardCharsets.UTF_8);
        verzoek.getResponseHeaders().add("Content-Type", "application/json");
        verzoek.sendResponseHeaders(code, inhoud.length);
        verzoek.getResponseBody().write(inhoud);
        verzoek.close();
    }

    @Test
    void stuurtInBatches_vanuitParalleleAfzenders_enMeldtDeUitkomst(@TempDir Path map) throws Exception {
        Path bestand = map.resolve("gemeente.ndjson");
        assertThat(voerUit("simuleer", "--klanten", "60", "--seed", "3", "--stil", "--uit", bestand.toString())).isZero();
        long berichten = Files.readAllLines(bestand).size();
        uit.getBuffer().setLength(0);

        int code = voerUit("verstuur", bestand.toString(), "--url", url(), "--batch", "50", "--parallel", "4",
                "--token", "geheim-token", "--json");

        assertThat(code).isZero();
        JsonNode verslag = JSON.readTree(uit.toString());
        assertThat(verslag.path("berichten").asLong()).isEqualTo(berichten);
        assertThat(verslag.path("accepted").asLong()).isEqualTo(berichten);
        assertThat(verslag.path("duplicate").asLong()).isZero();
        assertThat(verslag.path("rejected").asLong()).isZero();
        assertThat(verslag.path("batches").asLong()).isEqualTo((berichten + 49) / 50);
        assertThat(verslag.path("berichtenPerSeconde").asDouble()).isPositive();
        assertThat(verslag.path("geslaagd").asBoolean()).isTrue();
        assertThat(batchgroottes.stream().mapToInt(Integer::intValue).sum()).isEqualTo((int) berichten);
        assertThat(batchgroottes.stream().filter(n -> n != 50)).hasSizeLessThanOrEqualTo(1);
        assertThat(hoogsteGelijktijdig.get()).isBetween(2, 4);
        assertThat(tokens).containsOnlyKeys("Bearer geheim-token");

        // The same file again: every message is a duplicate, which is no failure.
        uit.getBuffer().setLength(0);
        assertThat(voerUit("verstuur", bestand.toString(), "--url", url() + "/api/v1/events", "--batch", "500",
                "--parallel", "1", "--token", "t")).isZero();
        assertThat(uit.toString()).contains("duplicate").contains("berichten/s");
        assertThat(uit.toString()).containsPattern("duplicate\\s+" + Voortgangsteller.getal(berichten));
    }

    @Test
    void afgewezenBerichten_gevenCode1_metRegelnummer(@TempDir Path map) throws Exception {
        Path bestand = map.resolve("met-fouten.ndjson");
        StringBuilder inhoud = new StringBuilder();
        for (int i = 1; i <= 12; i++) {
            String id = i == 7 ? "fout-7" : "bericht-" + i;
            inhoud.append("{\"specversion\":\"1.0\",\"id\":\"").append(id)
                    .append("\",\"source\":\"urn:test\",\"type\":\"nl.test\",\"data\":{}}\r\n");
            if (i == 3) {
                inhoud.append("\n   \n");
            }
        }
        Files.writeString(bestand, inhoud.toString().strip());

        int code = voerUit("verstuur", bestand.toString(), "--url", url(), "--batch", "5", "--parallel", "2",
                "--token", "t", "--json");

        assertThat(code).isEqualTo(1);
        JsonNode verslag = JSON.readTree(uit.toString());
        assertThat(verslag.path("berichten").asLong()).isEqualTo(12);
        assertThat(verslag.path("accepted").asLong()).isEqualTo(11);
        assertThat(verslag.path("rejected").asLong()).isEqualTo(1);
        assertThat(verslag.path("geslaagd").asBoolean()).isFalse();
        // Line 9 of the file: two blank lines came before it.
        assertThat(verslag.path("problemen").get(0).asText()).startsWith("regel 9 afgewezen").contains("fout-7");
        assertThat(batchgroottes).containsExactlyInAnyOrder(5, 5, 2);
    }

    @Test
    void eenGeweigerdToken_stoptDeRun_enGeeftCode1(@TempDir Path map) throws Exception {
        Path bestand = map.resolve("gemeente.ndjson");
        voerUit("simuleer", "--klanten", "30", "--seed", "5", "--stil", "--uit", bestand.toString());
        status = 401;
        uit.getBuffer().setLength(0);

        int code = voerUit("verstuur", bestand.toString(), "--url", url(), "--batch", "10", "--parallel", "1",
                "--token", "verlopen", "--stil");

        assertThat(code).isEqualTo(1);
        assertThat(uit.toString()).contains("HTTP 401").contains("niet verstuurd");
    }

    @Test
    void zonderToken_maaktHetEenBrontokenMetDeLokaleSleutel(@TempDir Path map) throws Exception {
        LokaleSleutel.laadOfMaak(map);
        Path bestand = map.resolve("gemeente.ndjson");
        voerUit("simuleer", "--klanten", "5", "--seed", "9", "--stil", "--uit", bestand.toString());

        assertThat(voerUit("verstuur", bestand.toString(), "--url", url(), "--data-map", map.toString(), "--stil"))
                .isZero();

        String kop = tokens.keySet().iterator().next();
        String[] delen = kop.substring("Bearer ".length()).split("\\.");
        JsonNode claims = JSON.readTree(java.util.Base64.getUrlDecoder().decode(delen[1]));
        assertThat(claims.path("rol").asText()).isEqualTo("bron");
    }

    @Test
    void verkeerdGebruik_enGeenSleutel() throws Exception {
        assertThat(voerUit("verstuur", "x.ndjson", "--batch", "0", "--token", "t")).isEqualTo(2);
        assertThat(voerUit("verstuur", "x.ndjson", "--url", "ftp://x", "--token", "t")).isEqualTo(2);
        assertThat(voerUit("verstuur")).isEqualTo(2);
        assertThat(voerUit("verstuur", "x.ndjson", "--parallel", "veel")).isEqualTo(2);
        Path leeg = Files.createTempDirectory("verstuur-leeg");
        Path bestand = Files.writeString(leeg.resolve("a.ndjson"), "{}\n");
        assertThat(voerUit("verstuur", bestand.toString(), "--data-map", leeg.resolve("geen").toString())).isEqualTo(1);
        assertThat(fout.toString()).contains("start de engine eerst");
        assertThat(voerUit("verstuur", "--help")).isZero();
        assertThat(uit.toString()).contains("--parallel").contains("--batch");
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private int voerUit(String... argumenten) {
        CommandLine regel = KlantreisGereedschap.commandoregel();
        regel.setOut(new PrintWriter(uit, true));
        regel.setErr(new PrintWriter(fout, true));
        return regel.execute(argumenten);
    }
}
