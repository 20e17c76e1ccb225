package nl.klantreis.opstelling;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A server program a test starts beside the nodes (nginx, Prometheus): a temporary folder and a free
 * port of its own, its output in a file there; on close stopped (SIGTERM, then SIGKILL) and its
 * folder removed.
 */
final class Hulpproces implements AutoCloseable {
    private final String naam;
    private final Path map;
    private final int poort;
    private final Process proces;
    private final List<String> logs;

    private Hulpproces(String naam, Path map, int poort, Process proces, List<String> logs) {
        this.naam = naam;
        this.map = map;
        this.poort = poort;
        this.proces = proces;
        this.logs = logs;
    }

    /**
     * Starts {@code regel} with its output in the first of {@code logs} (files in {@code map}) and
     * waits until {@code klaar} holds; fails with its logs if it stops or is not ready in time.
     */
    static Hulpproces start(String naam, Path map, int poort, List<String> regel, List<String> logs, Duration binnen,
                            Predicate<Hulpproces> klaar) {
        ProcessBuilder bouwer = new ProcessBuilder(regel).redirectErrorStream(true)
                .redirectOutput(map.resolve(logs.get(0)).toFile());
        Hulpproces dienst;
        try {
            dienst = new Hulpproces(naam, map, poort, bouwer.start(), logs);
        } catch (IOException e) {
            Bestanden.verwijder(map);
            throw new UncheckedIOException(naam + " niet te starten (" + regel.get(0) + ")", e);
        }
        try {
            Instant tot = Instant.now().plus(binnen);
            while (Instant.now().isBefore(tot)) {
                if (!dienst.proces.isAlive()) {
                    throw new IllegalStateException(naam + " gestopt (exit " + dienst.proces.exitValue() + "):\n"
                            + dienst.logboek());
                }
                if (klaar.test(dienst)) {
                    return dienst;
                }
                Knooppunt.slaap(Duration.ofMillis(100));
            }
            throw new IllegalStateException(naam + " niet klaar binnen " + binnen + ":\n" + dienst.logboek());
        } catch (RuntimeException e) {
            dienst.close();
            throw e;
        }
    }

    int poort() {
        return poort;
    }

    String logboek() {
        StringBuilder log = new StringBuilder();
        for (String bestand : logs) {
            try {
                Path pad = map.resolve(bestand);
                if (Files.exists(pad)) {
                    log.append(Files.readString(pad));
                }
            } catch (IOException e) {
                log.append("(").append(bestand).append(" onleesbaar)");
            }
        }
        return log.toString();
    }

    @Override
    public void close() {
        proces.destroy();
        try {
            if (!proces.waitFor(30, TimeUnit.SECONDS)) {
                proces.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            Bestanden.verwijder(map);
        }
    }
}
