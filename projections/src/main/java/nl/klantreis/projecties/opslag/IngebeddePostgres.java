package nl.klantreis.projecties.opslag;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The default database: real PostgreSQL binaries from a Maven dependency, with the data kept
 * in a directory of our own, so that nothing but a JDK and Maven is needed to run the engine.
 * zonky switches fsync off by default (it is meant for tests); a store that answers "durable"
 * must have it on.
 */
public final class IngebeddePostgres implements AutoCloseable {
    private final EmbeddedPostgres postgres;
    private final Path map;

    private IngebeddePostgres(EmbeddedPostgres postgres, Path map) {
        this.postgres = postgres;
        this.map = map;
    }

    /** Starts PostgreSQL on the data directory {@code map} (created on first start, reused after). */
    public static IngebeddePostgres start(Path map, int poort) {
        try {
            Files.createDirectories(map);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(map)
                    .setCleanDataDirectory(false)
                    .setPort(poort)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("shared_buffers", "256MB")
                    .start();
            return new IngebeddePostgres(postgres, map.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException("kon de ingebedde PostgreSQL niet starten in " + map, e);
        }
    }

    /**
     * The file in the data directory that tells other processes (the command-line tools) on which
     * port this PostgreSQL listens while it runs.
     */
    public static Path poortbestand(Path map) {
        return map.resolve("klantreis.poort");
    }

    /** Writes {@link #poortbestand(Path)}; removed again by {@link #close()}. */
    public void meldPoort() {
        try {
            Files.writeString(poortbestand(map), Integer.toString(poort()));
        } catch (IOException e) {
            throw new UncheckedIOException("kon het poortbestand niet schrijven in " + map, e);
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    public int poort() {
        return postgres.getPort();
    }

    public Path map() {
        return map;
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(poortbestand(map));
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
