package nl.klantreis.api.configuratie;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.klantreis.api.KlantreisApplication;
import nl.klantreis.api.beveiliging.Rol;
import nl.klantreis.api.testondersteuning.Voorbeelden;
import nl.klantreis.infrastructuur.beveiliging.LokaleSleutel;
import nl.klantreis.infrastructuur.beveiliging.Tokenmaker;
import nl.klantreis.infrastructuur.opslag.IngebeddePostgres;

/**
 * The engine as an operator runs it: a JVM of its own with the embedded PostgreSQL in its data
 * map. Killed with SIGKILL while a sender is busy, it comes up on the first start with every
 * acknowledged message; a second engine on the same data map refuses without touching the
 * running one's database; SIGTERM stops it within the bound of issue 9 without a stack trace,
 * its PostgreSQL included.
 */
class LevensloopTest {
    private static final Pattern POORT = Pattern.compile("Netty started on port (\\d+)");
    private static final Duration OPSTARTEN = Duration.ofMinutes(3);
    /** The issue asks for 10 s; the assertion leaves room for a machine shared with other builds. */
    private static final Duration STOPPEN_RUIM = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataMap;

    @TempDir
    Path logs;

    private final List<Process> processen = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void naKill9_startDeEngineDeEersteKeer_metAllesWatBevestigdWas_enStoptSnelEnSchoon_ookMiddenInEenBatch()
            throws Exception {
        Engine eerste = start("eerste");
        String token = new Tokenmaker(LokaleSleutel.laadOfMaak(dataMap)).maak("test-bron", Rol.BRON.claim(), null, null);

        // A sender keeps sending batches; the engine is killed in the middle of it.
        Afzender voorDeKill = new Afzender(eerste.poort(), token, "kill9-");
        voorDeKill.wachtOp(5);
        eerste.proces().destroyForcibly();
        assertThat(eerste.proces().waitFor(30, TimeUnit.SECONDS)).isTrue();
        voorDeKill.stop();
        // The situation of the issue: the engine is gone, its PostgreSQL runs on.
        assertThat(postmaster()).as("PostgreSQL van de gedode engine draait nog").isPresent();

        long begin = System.nanoTime();
        Engine tweede = start("tweede");
        System.out.printf("herstart na kill -9: op in %.1f s (eerste poging)%n", (System.nanoTime() - begin) / 1e9);
        assertThat(tweede.log()).contains("eerst netjes stoppen");
        voorDeKill.controleerNa(tweede);

        // A second engine started by mistake on the same data map leaves the running one alone.
        Engine indringer = startZonderWachten("indringer");
        assertThat(indringer.proces().waitFor(OPSTARTEN.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(indringer.proces().exitValue()).isNotZero();
        assertThat(indringer.log()).contains("is in gebruik door proces " + tweede.proces().pid())
                .doesNotContain("\tat ");
        String eenBevestigde = voorDeKill.bevestigd.keySet().iterator().next();
        assertThat(stuur(tweede.poort(), token, eenBevestigde).path("duplicate").asInt()).isEqualTo(12);

        // SIGTERM while a sender is busy: whatever was answered stays, the stop is quick and clean.
        Afzender voorDeStop = new Afzender(tweede.poort(), token, "term-");
        voorDeStop.wachtOp(2);
        stopEnControleer(tweede, "midden in een batch");
        voorDeStop.stop();

        Engine derde = start("derde");
        voorDeStop.controleerNa(derde);
        stopEnControleer(derde, "stil");
        assertThat(Files.exists(IngebeddePostgres.poortbestand(dataMap.resolve("postgres")))).isFalse();
    }

    /** SIGTERM; the process and its PostgreSQL are gone in time, with no stack trace and no ERROR in the log. */
    private void stopEnControleer(Engine engine, String toestand) throws Exception {
        long postgresPid = postmaster().orElseThrow().pid();
        long begin = System.nanoTime();
        engine.proces().destroy();
        boolean gestopt = engine.proces().waitFor(STOPPEN_RUIM.toSeconds(), TimeUnit.SECONDS);
        System.out.printf("stoppen met SIGTERM (%s): %.1f s%n", toestand, (System.nanoTime() - begin) / 1e9);
        assertThat(gestopt).as("gestopt binnen %s", STOPPEN_RUIM).isTrue();
        String log = engine.log();
        // The steps of the stop with their times, for whoever reads the test output.
        log.lines().dropWhile(regel -> !regel.contains("Commencing graceful shutdown"))
                .forEach(regel -> System.out.println("  " + regel));
        assertThat(log).contains("shut down postmaster").doesNotContain("\tat ").doesNotContainPattern(" ERROR \\d+ ---");
        // pg_ctl returns once postmaster.pid is gone, a moment before the process itself.
        Optional<ProcessHandle> postgres = ProcessHandle.of(postgresPid);
        if (postgres.isPresent()) {
            postgres.get().onExit().get(10, TimeUnit.SECONDS);
        }
    }

    /**
     * Sends copies of the dakkapel example, one batch after another, until stopped or the engine
     * goes; remembers which were acknowledged (answered, all 12 accepted).
     */
    private final class Afzender {
        final Map<String, Boolean> bevestigd = new ConcurrentHashMap<>();
        private final List<String> verstuurd = new ArrayList<>();
        private final AtomicBoolean doorgaan = new AtomicBoolean(true);
        private final Thread draad;
        private final String token;

        Afzender(int poort, String token, String voorvoegsel) {
            this.token = token;
            draad = new Thread(() -> {
                for (int run = 0; doorgaan.get(); run++) {
                    String naam = voorvoegsel + run;
                    synchronized (verstuurd) {
                        verstuurd.add(naam);
                    }
                    try {
                        JsonNode antwoord = stuur(poort, token, naam);
                        if (antwoord == null) {
                            return;
                        }
                        if (antwoord.path("accepted").asInt() == 12) {
                            bevestigd.put(naam, true);
                        }
                    } catch (IOException e) {
                        return;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }, "afzender-" + voorvoegsel);
            draad.start();
        }

        void wachtOp(int aantal) throws InterruptedException {
            long tot = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (bevestigd.size() < aantal && System.nanoTime() < tot) {
                Thread.sleep(20);
            }
            assertThat(bevestigd).as("bevestigde batches").hasSizeGreaterThanOrEqualTo(aantal);
        }

        void stop() throws InterruptedException {
            doorgaan.set(false);
            draad.join(TimeUnit.SECONDS.toMillis(90));
        }

        /**
         * Every acknowledged batch is known to the engine now (all duplicates); any other batch sent
         * is there entirely or not at all (a batch is one transaction).
         */
        void controleerNa(Engine engine) throws IOException, InterruptedException {
            for (String naam : List.copyOf(bevestigd.keySet())) {
                assertThat(stuur(engine.poort(), token, naam).path("duplicate").asInt())
                        .as("bevestigde batch %s is na de herstart bekend", naam).isEqualTo(12);
            }
            List<String> onbevestigd;
            synchronized (verstuurd) {
                onbevestigd = verstuurd.stream().filter(naam -> !bevestigd.containsKey(naam)).toList();
            }
            for (String naam : onbevestigd) {
                JsonNode antwoord = stuur(engine.poort(), token, naam);
                assertThat(antwoord.path("accepted").asInt() + antwoord.path("duplicate").asInt()).isEqualTo(12);
                assertThat(antwoord.path("accepted").asInt()).isIn(0, 12);
            }
            System.out.printf("%d batches bevestigd, na de herstart alle %d duplicaat; %d onbevestigd, elk geheel"
                    + " of niet opgeslagen%n", bevestigd.size(), bevestigd.size(), onbevestigd.size());
        }
    }

    private Engine start(String naam) throws IOException, InterruptedException {
        Engine engine = startZonderWachten(naam);
        long tot = System.nanoTime() + OPSTARTEN.toNanos();
        while (System.nanoTime() < tot) {
            Matcher poort = POORT.matcher(engine.log());
            if (poort.find()) {
                return new Engine(engine.proces(), engine.logbestand(), Integer.parseInt(poort.group(1)));
            }
            assertThat(engine.proces().isAlive()).as("engine %s draait nog; log:%n%s", naam, engine.log()).isTrue();
            Thread.sleep(100);
        }
        throw new AssertionError("engine " + naam + " niet op binnen " + OPSTARTEN + "; log:\n" + engine.log());
    }

    private Engine startZonderWachten(String naam) throws IOException {
        Path logbestand = logs.resolve(naam + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder bouwer = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), KlantreisApplication.class.getName(),
                // An empty URL overrides a KLANTREIS_DB_URL the machine may have set: this is about the embedded one.
                "--server.port=0", "--klantreis.db.url=", "--klantreis.data-map=" + dataMap, "--klantreis.db.pool=6",
                "--spring.main.banner-mode=off")
                .redirectErrorStream(true).redirectOutput(logbestand.toFile());
        bouwer.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        Process proces = bouwer.start();
        processen.add(proces);
        return new Engine(proces, logbestand, 0);
    }

    private JsonNode stuur(int poort, String token, String run) throws IOException, InterruptedException {
        Voorbeelden.Kopie kopie = Voorbeelden.kopie(Voorbeelden.DAKKAPEL, run);
        HttpRequest verzoek = HttpRequest.newBuilder(URI.create("http://localhost:" + poort + "/api/v1/events"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/cloudevents-batch+json")
                .POST(HttpRequest.BodyPublishers.ofString(Voorbeelden.alsBatch(kopie.berichten()))).build();
        HttpResponse<String> antwoord = http.send(verzoek, HttpResponse.BodyHandlers.ofString());
        return antwoord.statusCode() == 200 ? JSON.readTree(antwoord.body()) : null;
    }

    /** The PostgreSQL process named in the data map's postmaster.pid, while it lives. */
    private Optional<ProcessHandle> postmaster() throws IOException {
        Path pid = dataMap.resolve("postgres").resolve("postmaster.pid");
        if (!Files.isRegularFile(pid)) {
            return Optional.empty();
        }
        List<String> regels = Files.readAllLines(pid);
        return regels.isEmpty() ? Optional.empty()
                : ProcessHandle.of(Long.parseLong(regels.get(0).strip())).filter(ProcessHandle::isAlive);
    }

    /** Whatever the test left: no engine and no PostgreSQL outlives it (also when it fails). */
    @AfterEach
    void ruimOp() throws IOException, InterruptedException {
        for (Process proces : processen) {
            proces.destroyForcibly();
            proces.waitFor(30, TimeUnit.SECONDS);
        }
        Optional<ProcessHandle> postgres = postmaster();
        if (postgres.isPresent()) {
            postgres.get().destroy();
            try {
                postgres.get().onExit().get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                postgres.get().destroyForcibly();
            }
        }
    }

    private record Engine(Process proces, Path logbestand, int poort) {
        String log() {
            try {
                return Files.readString(logbestand, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
