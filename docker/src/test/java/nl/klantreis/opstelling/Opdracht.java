package nl.klantreis.opstelling;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A command-line tool run to its end (promtool, node), with its exit code and output together. */
record Opdracht(List<String> regel, int uitgang, String uitvoer) {
    static Opdracht voer(Path map, Duration binnen, String... regel) {
        ProcessBuilder bouwer = new ProcessBuilder(regel).directory(map.toFile()).redirectErrorStream(true);
        try {
            Process proces = bouwer.start();
            // Read while it runs: a full pipe would stall the tool.
            var lezer = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(proces.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            if (!proces.waitFor(binnen.toMillis(), TimeUnit.MILLISECONDS)) {
                proces.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new IllegalStateException(String.join(" ", regel) + " liep niet af binnen " + binnen);
            }
            return new Opdracht(List.of(regel), proces.exitValue(), lezer.join());
        } catch (IOException e) {
            throw new UncheckedIOException("niet te starten: " + String.join(" ", regel), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return String.join(" ", regel) + " -> " + uitgang + "\n" + uitvoer;
    }
}
