package nl.klantreis.api.configuratie;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.env.Environment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.klantreis.api.beveiliging.Rol;
import nl.klantreis.api.testondersteuning.Testengine;
import nl.klantreis.api.testondersteuning.Voorbeelden;

/**
 * Requests refused by the web framework itself, sent as raw bytes over a socket (an HTTP client
 * would normalise or refuse to send them): each is answered as a problem with the right status,
 * and slow clients are cut off after the configured times (set small here) while a live stream
 * is not.
 */
class VerzoekgrenzenTest {
    private static final String BSN = "999993653";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Far above every configured time below: a connection still open then was not cut off. */
    private static final Duration RUIM = Duration.ofSeconds(20);
    @RegisterExtension
    static final Testengine engine = Testengine.perKlasse("--klantreis.http.kopregels-binnen=1s",
            "--klantreis.http.leespauze=1s", "--klantreis.http.inhoud-binnen=2s",
            "--server.netty.idle-timeout=2s", "--klantreis.live.hartslag=300ms");
    private static int poort;

    @BeforeAll
    static void start() {
        poort = Integer.parseInt(engine.bean(Environment.class).getProperty("local.server.port"));
    }

    static Stream<Arguments> onleesbareVerzoeken() {
        return Stream.of(
                Arguments.of("gecodeerde slash", "/api/v1/mijnzaken/a%2Fb", "", 400, "%2F"),
                Arguments.of("ongeldige %-codering", "/api/v1/mijnzaken/%zz", "", 400, "%-codering"),
                Arguments.of("half %-teken aan het eind", "/api/v1/mijnzaken?alsOp=%2", "", 400, "%-codering"),
                Arguments.of("ruw niet-ASCII in de query", "/api/v1/mijnzaken?alsOp=é", "", 400, "ASCII"),
                Arguments.of("ruw niet-ASCII in het pad", "/api/v1/mijnzaken/zaak-é", "", 400, "ASCII"),
                Arguments.of("spatie in het adres", "/api/v1/mijn zaken", "", 400, "HTTP/1.1"),
                Arguments.of("adres over 4 KB", "/api/v1/mijnzaken?x=" + "a".repeat(5000), "", 414, "verzoekregel"),
                Arguments.of("kopregels over 8 KB", "/api/v1/mijnzaken", "X-Groot: " + "b".repeat(9000) + "\r\n", 431,
                        "kopregels"));
    }

    @ParameterizedTest(name = "{0}: {3}")
    @MethodSource("onleesbareVerzoeken")
    void eenDoorHetRaamwerkGeweigerdVerzoek_krijgtEenProbleem(String naam, String adres, String extraKoppen,
                                                             int status, String inDetail) throws Exception {
        String verzoek = "GET " + adres + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + engine.token(Rol.BURGER, BSN) + "\r\n" + extraKoppen + "Connection: close\r\n\r\n";
        assertProbleem(stuur(verzoek.getBytes(StandardCharsets.UTF_8)), status, inDetail);
    }

    @Test
    void eenLatin1ByteInDeQuery_krijgtEenProbleem() throws Exception {
        byte[] begin = "GET /api/v1/mijnzaken?alsOp=".getBytes(StandardCharsets.US_ASCII);
        byte[] rest = (" HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + engine.token(Rol.BURGER, BSN)
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream verzoek = new ByteArrayOutputStream();
        verzoek.write(begin);
        verzoek.write(0xE9);
        verzoek.write(rest);
        assertProbleem(stuur(verzoek.toByteArray()), 400, "ASCII");
    }

    private static void assertProbleem(Antwoord antwoord, int status, String inDetail) throws IOException {
        assertThat(antwoord.status()).as(antwoord.tekst()).isEqualTo(status);
        assertThat(antwoord.kop("content-type")).isEqualTo("application/problem+json");
        JsonNode probleem = JSON.readTree(antwoord.inhoud());
        assertThat(probleem.path("status").asInt()).isEqualTo(status);
        assertThat(probleem.path("type").asText()).startsWith("urn:klantreis:probleem:");
        assertThat(probleem.path("title").asText()).isNotBlank();
        assertThat(probleem.path("detail").asText()).contains(inDetail);
    }

    @Test
    void eenGewoonVerzoek_opDezelfdeVerbindingNaEenVorig_blijftGewoon() throws Exception {
        String token = engine.token(Rol.BURGER, BSN);
        String verzoek = "GET /api/v1/mijnzaken HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token + "\r\n\r\n";
        try (Socket socket = new Socket("localhost", poort)) {
            socket.setSoTimeout((int) RUIM.toMillis());
            for (int i = 0; i < 2; i++) {
                socket.getOutputStream().write(verzoek.getBytes(StandardCharsets.US_ASCII));
                Antwoord antwoord = lees(socket.getInputStream());
                assertThat(antwoord.status()).as(antwoord.tekst()).isEqualTo(200);
                assertThat(antwoord.kop("content-type")).startsWith("application/json");
            }
        }
    }

    @Test
    void eenStilleVerbinding_naEenVerzoek_wordtNaDeIngesteldeTijdGesloten() throws Exception {
        try (Socket socket = new Socket("localhost", poort)) {
            socket.setSoTimeout((int) RUIM.toMillis());
            socket.getOutputStream().write(("GET /api/v1/mijnzaken HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + engine.token(Rol.BURGER, BSN) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            assertThat(lees(socket.getInputStream()).status()).isEqualTo(200);
            long begin = System.nanoTime();
            try {
                assertThat(socket.getInputStream().read()).isEqualTo(-1);
            } catch (SocketTimeoutException e) {
                throw new AssertionError("de stille verbinding stond na " + RUIM + " nog open", e);
            }
            assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(RUIM);
        }
    }

    @Test
    void halveKopregels_wordenNaDeIngesteldeTijdBeantwoordMetEen408Probleem_enDeVerbindingGesloten() throws Exception {
        try (Socket socket = new Socket("localhost", poort)) {
            socket.setSoTimeout((int) RUIM.toMillis());
            socket.getOutputStream().write("GET /api/v1/mijnzaken HTTP/1.1\r\nHost: loc".getBytes(StandardCharsets.US_ASCII));
            long begin = System.nanoTime();

            Antwoord antwoord = lees(socket.getInputStream());

            assertThat(antwoord.status()).as(antwoord.tekst()).isEqualTo(408);
            assertThat(antwoord.kop("content-type")).isEqualTo("application/problem+json");
            assertThat(JSON.readTree(antwoord.inhoud()).path("title").asText()).isEqualTo("Verzoek te traag");
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
            assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(RUIM);
        }
    }

    @Test
    void slowLoris_kopregelsDruppelsgewijs_wordtAfgesloten() throws Exception {
        try (Socket socket = new Socket("localhost", poort)) {
            socket.setSoTimeout((int) RUIM.toMillis());
            OutputStream uit = socket.getOutputStream();
            uit.write("GET /api/v1/mijnzaken HTTP/1.1\r\nHost: localhost\r\nX-Traag: ".getBytes(StandardCharsets.US_ASCII));
            long begin = System.nanoTime();
            // A byte every 200 ms would reset any idle timeout; only the clock on the whole head stops it.
            Thread drup = new Thread(() -> {
                try {
                    while (socket.getInputStream().available() == 0 && !Thread.currentThread().isInterrupted()) {
                        uit.write('x');
                        uit.flush();
                        Thread.sleep(200);
                    }
                } catch (IOException | InterruptedException gestopt) {
                    // closed by the engine, or the test is over
                }
            }, "slow-loris");
            drup.setDaemon(true);
            drup.start();
            try {
                int b;
                do {
                    b = socket.getInputStream().read();
                } while (b != -1);
            } catch (SocketTimeoutException e) {
                throw new AssertionError("de verbinding stond na " + RUIM + " nog open", e);
            } catch (IOException verbroken) {
                // reset by the engine after our last byte: closed all the same
            } finally {
                drup.interrupt();
            }
            assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(RUIM);
        }
    }

    @Test
    void eenStilgevallenBody_krijgtNaDeIngesteldeTijdEen408Probleem_enWordtAfgesloten() throws Exception {
        try (Socket socket = new Socket("localhost", poort)) {
            socket.setSoTimeout((int) RUIM.toMillis());
            socket.getOutputStream().write(("POST /api/v1/events HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + engine.token(Rol.BRON, null) + "\r\nContent-Type: application/cloudevents-batch+json\r\n"
                    + "Content-Length: 100000\r\n\r\n[{\"specversion\":").getBytes(StandardCharsets.US_ASCII));
            long begin = System.nanoTime();
            ByteArrayOutputStream ontvangen = new ByteArrayOutputStream();
            int b;
            try {
                while ((b = socket.getInputStream().read()) != -1) {
                    ontvangen.write(b);
                }
            } catch (SocketTimeoutException e) {
                throw new AssertionError("de verbinding stond na " + RUIM + " nog open", e);
            } catch (IOException verbroken) {
                // reset by the engine: closed too
            }
            assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(RUIM);
            String tekst = ontvangen.toString(StandardCharsets.UTF_8);
            Antwoord antwoord = Antwoord.van(ontvangen.toByteArray());
            assertThat(antwoord.status()).as(tekst).isEqualTo(408);
            assertThat(antwoord.kop("content-type")).isEqualTo("application/problem+json");
            assertThat(JSON.readTree(antwoord.inhoud()).path("detail").asText()).contains("body");
        }
    }

    @Test
    void eenLiveStroom_wordtNietAfgesloten_doorDeWachttijdenVanHetVerzoek() throws Exception {
        Voorbeelden.Kopie kopie = Voorbeelden.kopie(Voorbeelden.DAKKAPEL, "verzoekgrenzen-live");
        engine.client().post().uri("/api/v1/events").contentType(
                        org.springframework.http.MediaType.parseMediaType("application/cloudevents-batch+json"))
                .bodyValue(Voorbeelden.alsBatch(kopie.berichten())).exchange().expectStatus().isOk();
        engine.wachtOpLeesmodellen();
        try (Socket socket = new Socket("localhost", poort)) {
            socket.setSoTimeout((int) RUIM.toMillis());
            socket.getOutputStream().write(("GET /api/v1/mijnzaken/" + kopie.zaakId() + "/updates HTTP/1.1\r\n"
                    + "Host: localhost\r\nAccept: text/event-stream\r\nAuthorization: Bearer "
                    + engine.token(Rol.BURGER, kopie.bsn()) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            long begin = System.nanoTime();
            ByteArrayOutputStream ontvangen = new ByteArrayOutputStream();
            // Longer than every request timeout together (1 s + 1 s + 2 s): heartbeats keep coming.
            while (Duration.ofNanos(System.nanoTime() - begin).compareTo(Duration.ofSeconds(6)) < 0) {
                int b = in.read();
                assertThat(b).as("de stroom is afgesloten na " + ontvangen).isNotEqualTo(-1);
                ontvangen.write(b);
            }
            String tekst = ontvangen.toString(StandardCharsets.UTF_8);
            assertThat(tekst).startsWith("HTTP/1.1 200").contains("event:zaak");
            int laatsteHartslag = tekst.lastIndexOf(":hartslag");
            assertThat(laatsteHartslag).isPositive();
        }
    }

    // --- raw HTTP -------------------------------------------------------------------------------

    private static Antwoord stuur(byte[] verzoek) throws IOException {
        try (Socket socket = new Socket("localhost", poort)) {
            socket.setSoTimeout((int) RUIM.toMillis());
            socket.getOutputStream().write(verzoek);
            socket.getOutputStream().flush();
            return lees(socket.getInputStream());
        }
    }

    /** One answer: its head, then as many body bytes as Content-Length says. */
    private static Antwoord lees(InputStream in) throws IOException {
        ByteArrayOutputStream kop = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            kop.write(b);
            byte[] tot = kop.toByteArray();
            int n = tot.length;
            if (n >= 4 && tot[n - 4] == '\r' && tot[n - 3] == '\n' && tot[n - 2] == '\r' && tot[n - 1] == '\n') {
                break;
            }
        }
        Antwoord zonderInhoud = Antwoord.van(kop.toByteArray());
        String lengte = zonderInhoud.kop("content-length");
        byte[] inhoud = lengte == null ? new byte[0] : in.readNBytes(Integer.parseInt(lengte));
        ByteArrayOutputStream alles = new ByteArrayOutputStream();
        alles.write(kop.toByteArray());
        alles.write(inhoud);
        return Antwoord.van(alles.toByteArray());
    }

    private record Antwoord(String tekst) {
        static Antwoord van(byte[] bytes) {
            return new Antwoord(new String(bytes, StandardCharsets.UTF_8));
        }

        int status() {
            return tekst.length() < 12 ? -1 : Integer.parseInt(tekst.substring(9, 12));
        }

        String kop(String naam) {
            for (String regel : tekst.split("\r\n")) {
                if (regel.isEmpty()) {
                    break;
                }
                int dubbelepunt = regel.indexOf(':');
                if (dubbelepunt > 0 && regel.substring(0, dubbelepunt).equalsIgnoreCase(naam)) {
                    return regel.substring(dubbelepunt + 1).strip();
                }
            }
            return null;
        }

        String inhoud() {
            int scheiding = tekst.indexOf("\r\n\r\n");
            return scheiding < 0 ? "" : tekst.substring(scheiding + 4);
        }
    }
}
