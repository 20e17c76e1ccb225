package nl.klantreis.infrastructuur;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Real PostgreSQL for tests, never H2: one embedded server per JVM (or the server named by
 * {@code KLANTREIS_DB_URL}, {@code KLANTREIS_DB_USER}, {@code KLANTREIS_DB_PASSWORD}), and a fresh,
 * migrated database per {@link #nieuweDatabase()} call so that tests isolate themselves and can run
 * in any order.
 *
 * <p>The returned DataSource is a {@link HikariDataSource}; a test that makes many databases may
 * close it, the rest is closed when the JVM ends.
 */
public final class TestDatabase {

    private static final int MAXIMALE_VERBINDINGEN = 4;

    private static final Object SLOT = new Object();
    private static Server server;
    private static final List<HikariDataSource> POOLS = new ArrayList<>();
    private static final List<String> DATABASES = new ArrayList<>();

    private TestDatabase() {
    }

    /** A new, empty database with all migrations from {@code classpath:db/migration} applied. */
    public static DataSource nieuweDatabase() {
        return nieuweDatabase(null);
    }

    /**
     * A new database migrated up to and including {@code versie} only (all when null): the state of
     * an installation from before a migration, to test that migration as an upgrade runs it.
     */
    public static DataSource nieuweDatabase(String versie) {
        Server s = server();
        String naam = "t_" + HexFormat.of().formatHex(randomBytes(8));
        try (Connection verbinding = DriverManager.getConnection(s.beheerUrl(), s.gebruiker(), s.wachtwoord());
             Statement opdracht = verbinding.createStatement()) {
            opdracht.execute("create database " + naam);
        } catch (SQLException e) {
            throw new IllegalStateException("kan testdatabase " + naam + " niet aanmaken", e);
        }

        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(s.urlVoor(naam));
        config.setUsername(s.gebruiker());
        config.setPassword(s.wachtwoord());
        config.setMaximumPoolSize(MAXIMALE_VERBINDINGEN);
        // A test run makes many databases whose pools stay open until the JVM ends: without this
        // every pool would keep 4 idle connections and exhaust the server's max_connections.
        config.setMinimumIdle(0);
        config.setIdleTimeout(10_000);
        config.setPoolName(naam);
        HikariDataSource pool = new HikariDataSource(config);
        synchronized (SLOT) {
            POOLS.add(pool);
            DATABASES.add(naam);
        }

        var flyway = Flyway.configure().dataSource(pool).locations("classpath:db/migration");
        if (versie != null) {
            flyway.target(versie);
        }
        flyway.load().migrate();
        return pool;
    }

    /** The JDBC URL of a DataSource made by {@link #nieuweDatabase()}, for tools that want a URL. */
    public static String jdbcUrl(DataSource dataSource) {
        if (dataSource instanceof HikariDataSource hikari) {
            return hikari.getJdbcUrl();
        }
        throw new IllegalArgumentException("geen DataSource van TestDatabase: " + dataSource);
    }

    private static Server server() {
        synchronized (SLOT) {
            if (server == null) {
                server = start();
                Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::opruimen, "testdatabase-opruimen"));
            }
            return server;
        }
    }

    private static Server start() {
        String url = System.getenv("KLANTREIS_DB_URL");
        if (url != null && !url.isBlank()) {
            return new Server(url, Objects.requireNonNullElse(System.getenv("KLANTREIS_DB_USER"), "postgres"),
                    Objects.requireNonNullElse(System.getenv("KLANTREIS_DB_PASSWORD"), ""), null);
        }
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    // Room for the pools of every database one test JVM makes.
                    .setServerConfig("max_connections", "300")
                    .start();
            return new Server(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "", postgres);
        } catch (IOException e) {
            throw new IllegalStateException("kan embedded PostgreSQL niet starten", e);
        }
    }

    private static void opruimen() {
        synchronized (SLOT) {
            POOLS.forEach(HikariDataSource::close);
            if (server.embedded() != null) {
                try {
                    server.embedded().close();
                } catch (IOException e) {
                    // The JVM is ending; a stale temp directory is all that is left behind.
                }
                return;
            }
            // A shared server outlives this JVM: leave it as we found it.
            try (Connection verbinding = DriverManager.getConnection(server.beheerUrl(), server.gebruiker(),
                    server.wachtwoord()); Statement opdracht = verbinding.createStatement()) {
                for (String naam : DATABASES) {
                    opdracht.execute("drop database if exists " + naam + " with (force)");
                }
            } catch (SQLException e) {
                // Best effort at shutdown; leftover t_* databases are harmless and easy to spot.
            }
        }
    }

    private static byte[] randomBytes(int aantal) {
        byte[] bytes = new byte[aantal];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    private record Server(String beheerUrl, String gebruiker, String wachtwoord, EmbeddedPostgres embedded) {

        /** The same server and parameters, another database. */
        String urlVoor(String database) {
            int vraagteken = beheerUrl.indexOf('?');
            String basis = vraagteken < 0 ? beheerUrl : beheerUrl.substring(0, vraagteken);
            String parameters = vraagteken < 0 ? "" : beheerUrl.substring(vraagteken);
            int schuine = basis.lastIndexOf('/');
            if (schuine < "jdbc:postgresql://".length()) {
                throw new IllegalStateException("KLANTREIS_DB_URL noemt geen database: " + basis);
            }
            return basis.substring(0, schuine + 1) + database + parameters;
        }
    }
}
