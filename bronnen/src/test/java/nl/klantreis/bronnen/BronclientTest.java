package nl.klantreis.bronnen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** What each kind of answer means, and where credentials may go; against a real HTTP server on 127.0.0.1. */
class BronclientTest {
    private HttpServer server;
    private String wortel;
    private final AtomicReference<String> laatsteAutorisatie = new AtomicReference<>();
    private final AtomicInteger verzoeken = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/", this::antwoord);
        server.start();
        wortel = "http://127.0.0.1:" + server.getAddress().getPort() + "/api";
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void antwoord(HttpExchange uitwisseling) throws IOException {
        verzoeken.incrementAndGet();
        laatsteAutorisatie.set(uitwisseling.getRequestHeaders().getFirst("Authorization"));
        String pad = uitwisseling.getRequestURI().getPath();
        String query = uitwisseling.getRequestURI().getRawQuery();
        int status = 200;
        String lijf = "{\"uuid\":\"1\"}";
        if (pad.startsWith("/api/status/")) {
            status = Integer.parseInt(pad.substring("/api/status/".length()));
            lijf = "{\"code\":\"fout\",\"title\":\"x\",\"status\":" + status + ",\"detail\":\"x\",\"instance\":\"x\"}";
        } else if (pad.equals("/api/lijst")) {
            int pagina = query == null ? 1 : Integer.parseInt(query.substring("page=".length()));
            String volgende = pagina < 3 ? "\"" + wortel + "/lijst?page=" + (pagina + 1) + "\"" : "null";
            lijf = "{\"count\":6,\"next\":" + volgende + ",\"previous\":null,\"results\":[{\"n\":" + (2 * pagina - 1)
                    + "},{\"n\":" + 2 * pagina + "}]}";
        } else if (pad.equals("/api/kring")) {
            lijf = "{\"count\":1,\"next\":\"" + wortel + "/kring\",\"results\":[]}";
        } else if (pad.equals("/api/buiten")) {
            lijf = "{\"count\":1,\"next\":\"http://elders.example/api/lijst\",\"results\":[]}";
        } else if (pad.equals("/api/omleiding")) {
            uitwisseling.getResponseHeaders().add("Location", "http://elders.example/");
            status = 302;
        } else if (pad.equals("/api/geenjson")) {
            lijf = "<html>";
        } else if (pad.equals("/api/traag")) {
            try {
                Thread.sleep(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] bytes = lijf.getBytes(StandardCharsets.UTF_8);
        uitwisseling.sendResponseHeaders(status, status == 302 ? -1 : bytes.length);
        if (status != 302) {
            uitwisseling.getResponseBody().write(bytes);
        }
        uitwisseling.close();
    }

    private Bronclient client(Bronconfiguratie.Authenticatie authenticatie, Duration tijdslimiet) {
        return new Bronclient(List.of(URI.create(wortel)), authenticatie, tijdslimiet, Clock.systemUTC());
    }

    private Bronclient client() {
        return client(new Bronconfiguratie.Authenticatie(null, null, "Token geheim"), Duration.ofSeconds(5));
    }

    @Test
    void eenResource_metDeIngesteldeAutorisatie() throws Exception {
        assertThat(client().haal(wortel + "/zaken/1").path("uuid").asText()).isEqualTo("1");
        assertThat(laatsteAutorisatie.get()).isEqualTo("Token geheim");

        client(new Bronconfiguratie.Authenticatie("klantreis", "geheim", null), Duration.ofSeconds(5)).haal(wortel + "/x");
        assertThat(laatsteAutorisatie.get()).startsWith("Bearer ey");
    }

    @Test
    void eenGepagineerdeLijst_wordtTotHetEindeGevolgd() throws Exception {
        assertThat(client().haalAlle(wortel + "/lijst")).extracting(n -> n.path("n").asInt()).containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void eenLijstInEenKring_ofMetEenVolgendeBuitenDeBron_isEenBlijvendeFout() {
        assertThatThrownBy(() -> client().haalAlle(wortel + "/kring")).isInstanceOfSatisfying(Bronfout.class,
                f -> assertThat(f.tijdelijk()).isFalse()).hasMessageContaining("kring");
        assertThatThrownBy(() -> client().haalAlle(wortel + "/buiten")).isInstanceOfSatisfying(Bronfout.class,
                f -> assertThat(f.tijdelijk()).isFalse()).hasMessageContaining("buiten de ingestelde API");
    }

    @Test
    void toegangGaatNooitNaarEenAdresBuitenDeIngesteldeApis() {
        int voor = verzoeken.get();
        for (String adres : List.of("http://elders.example/api/zaken/1", wortel.replace("/api", "/apix") + "/1",
                wortel + "/../geheim", "http://127.0.0.1@elders.example/api/x", "file:///etc/passwd", "geen adres")) {
            assertThatThrownBy(() -> client().haal(adres)).as(adres).isInstanceOf(Bronfout.class)
                    .hasMessageContaining("buiten de ingestelde API");
        }
        assertThat(verzoeken.get()).isEqualTo(voor);
    }

    @Test
    void eenOmleiding_wordtNietGevolgd() {
        assertThatThrownBy(() -> client().haal(wortel + "/omleiding")).isInstanceOfSatisfying(Bronfout.class,
                f -> assertThat(f.tijdelijk()).isFalse()).hasMessageContaining("302");
    }

    @Test
    void weg_tijdelijk_enBlijvend_wordenOnderscheiden() {
        for (int status : List.of(404, 410)) {
            assertThatThrownBy(() -> client().haal(wortel + "/status/" + status)).isInstanceOfSatisfying(Weg.class,
                    w -> assertThat(w.status()).isEqualTo(status));
        }
        for (int status : List.of(408, 429, 500, 502, 503, 504)) {
            assertThatThrownBy(() -> client().haal(wortel + "/status/" + status)).as("" + status)
                    .isInstanceOfSatisfying(Bronfout.class, f -> assertThat(f.tijdelijk()).isTrue());
        }
        for (int status : List.of(400, 401, 403, 405)) {
            assertThatThrownBy(() -> client().haal(wortel + "/status/" + status)).as("" + status)
                    .isInstanceOfSatisfying(Bronfout.class, f -> assertThat(f.tijdelijk()).isFalse());
        }
        assertThatThrownBy(() -> client().haal(wortel + "/status/401")).hasMessageContaining("controleer clientId/secret");
        assertThatThrownBy(() -> client().haal(wortel + "/geenjson")).isInstanceOfSatisfying(Bronfout.class,
                f -> assertThat(f.tijdelijk()).isFalse()).hasMessageContaining("geen JSON");
    }

    @Test
    void eenTraagOfOnbereikbaarBron_isTijdelijk() {
        assertThatThrownBy(() -> client(new Bronconfiguratie.Authenticatie(null, null, "Token x"), Duration.ofMillis(300))
                .haal(wortel + "/traag")).isInstanceOfSatisfying(Bronfout.class, f -> assertThat(f.tijdelijk()).isTrue())
                .hasMessageContaining("antwoordde niet binnen");
        server.stop(0);
        assertThatThrownBy(() -> client().haal(wortel + "/zaken/1")).isInstanceOfSatisfying(Bronfout.class,
                f -> assertThat(f.tijdelijk()).isTrue());
    }
}
