package nl.klantreis.opstelling;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One engine node as a separate JVM, started from the engine's runnable jar as an operator starts it
 * ({@code java -jar api-<version>-exec.jar}, configured by environment), with its output in a file.
 * It can be stopped as an orchestrator does (SIGTERM) or killed as a crash does (SIGKILL).
 */
public final class Knooppunt implements AutoCloseable {
    /** The engine's runnable jar; set by the module's pom (surefire), or by hand when run elsewhere. */
    static final Path JAR = Path.of(System.getProperty("klantreis.engine.jar",
            "../api/target/api-0.1.0-SNAPSHOT-exec.jar"));
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String naam;
    private final int poort;
    private final Path log;
    private final Process proces;

    private Knooppunt(String naam, int poort, Path log, Process proces) {
        this.naam = naam;
        this.poort = poort;
        this.log = log;
        this.proces = proces;
    }

    /**
     * Starts a node (without waiting for it; see {@link #wachtTotGezond}).
     *
     * @param omgeving the node's configuration (KLANTREIS_DB_URL and the rest); PORT is chosen here
     */
    static Knooppunt start(String naam, Map<String, String> omgeving, Path logmap, List<String> jvmOpties) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException("de engine is niet gebouwd: " + JAR.toAbsolutePath()
                    + " ontbreekt (mvn package, of mvn verify vanaf de hoofdmap)");
        }
        int poort = Poorten.vrij();
        Path log = logmap.resolve(naam + ".log");
        List<String> regel = new java.util.ArrayList<>();
        regel.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        regel.addAll(jvmOpties);
        regel.addAll(List.of("-jar", JAR.toAbsolutePath().toString()));
        ProcessBuilder bouwer = new ProcessBuilder(regel)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        bouwer.environment().putAll(omgeving);
        bouwer.environment().put("PORT", Integer.toString(poort));
        bouwer.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        try {
            return new Knooppunt(naam, poort, log, bouwer.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until {@code /actuator/health} answers UP; fails with the node's log otherwise. */
    public Knooppunt wachtTotGezond(Duration binnen) {
        Instant tot = Instant.now().plus(binnen);
        while (Instant.now().isBefore(tot)) {
            if (!proces.isAlive()) {
                throw new IllegalStateException(naam + " is gestopt (exit " + proces.exitValue() + "):\n" + staart(80));
            }
            if (gezond()) {
                return this;
            }
            slaap(Duration.ofMillis(250));
        }
        throw new IllegalStateException(naam + " niet gezond binnen " + binnen + ":\n" + staart(80));
    }

    /** Whether {@code /actuator/health} answers 200 now. */
    public boolean gezond() {
        try {
            HttpResponse<String> antwoord = HTTP.send(HttpRequest.newBuilder(adres("/actuator/health"))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return antwoord.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public String naam() {
        return naam;
    }

    public int poort() {
        return poort;
    }

    public String basisUrl() {
        return "http://127.0.0.1:" + poort;
    }

    public URI adres(String pad) {
        return URI.create(basisUrl() + pad);
    }

    public boolean leeft() {
        return proces.isAlive();
    }

    public long pid() {
        return proces.pid();
    }

    /** A crash: SIGKILL, no shutdown hook, nothing flushed; returns once the process is gone. */
    public void doodHard() {
        proces.destroyForcibly();
        wachtOpEinde(Duration.ofSeconds(30));
    }

    /** An orchestrator's stop: SIGTERM, the engine's graceful shutdown; returns the exit code. */
    public int stop(Duration binnen) {
        proces.destroy();
        wachtOpEinde(binnen);
        return proces.exitValue();
    }

    private void wachtOpEinde(Duration binnen) {
        try {
            if (!proces.waitFor(binnen.toMillis(), TimeUnit.MILLISECONDS)) {
                proces.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                throw new IllegalStateException(naam + " stopte niet binnen " + binnen + ":\n" + staart(40));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The node's log. */
    public String logboek() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "(log onleesbaar: " + e + ")";
        }
    }

    /** The last {@code regels} lines of the node's log, for a failure message. */
    public String staart(int regels) {
        List<String> alles = logboek().lines().toList();
        return String.join("\n", alles.subList(Math.max(0, alles.size() - regels), alles.size()));
    }

    @Override
    public void close() {
        if (proces.isAlive()) {
            proces.destroyForcibly();
            try {
                proces.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static void slaap(Duration duur) {
        try {
            Thread.sleep(duur.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
