package nl.klantreis.opstelling;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server of its own, as a municipality runs it: Debian's {@code postgresql} package,
 * a fresh cluster in a temporary folder, on a free port of 127.0.0.1. Unlike the embedded database
 * of the other tests it can be stopped and started again under running engine nodes (a database
 * restart), and it belongs to no engine process.
 *
 * <p>PostgreSQL refuses to run as root; when the tests run as root (CI does) every server command
 * runs as the user {@code postgres} through {@code runuser}, and the cluster's folder belongs to it.
 */
public final class Postgresserver implements AutoCloseable {
    public static final String DATABASE = "klantreis";
    public static final String GEBRUIKER = "klantreis";
    public static final String WACHTWOORD = "klantreis-test";

    private final Path bin;
    private final Path map;
    private final Path gegevens;
    private final Path log;
    private final int poort;
    private boolean draait;

    private Postgresserver(Path bin, Path map, int poort) {
        this.bin = bin;
        this.map = map;
        this.gegevens = map.resolve("gegevens");
        this.log = map.resolve("postgres.log");
        this.poort = poort;
    }

    /** Makes a new cluster with the database {@value #DATABASE} and starts it. */
    public static Postgresserver start() {
        Path bin = binaries();
        try {
            Path map = Files.createTempDirectory("klantreis-postgres-");
            Postgresserver server = new Postgresserver(bin, map, Poorten.vrij());
            server.maakCluster();
            server.starten();
            server.maakDatabase();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The newest {@code /usr/lib/postgresql/N/bin} (Debian's layout). */
    static Path binaries() {
        Path basis = Path.of("/usr/lib/postgresql");
        try (Stream<Path> versies = Files.list(basis)) {
            return versies.filter(p -> p.getFileName().toString().matches("\\d+"))
                    .max(Comparator.comparingInt(p -> Integer.parseInt(p.getFileName().toString())))
                    .map(p -> p.resolve("bin"))
                    .filter(p -> Files.isExecutable(p.resolve("pg_ctl")))
                    .orElseThrow(() -> new IllegalStateException("geen PostgreSQL-server in " + basis));
        } catch (IOException e) {
            throw new IllegalStateException("Debian's postgresql is not installed (apt-get install postgresql; "
                    + ".ci/run does this): " + basis + " is missing", e);
        }
    }

    private void maakCluster() throws IOException {
        Path wachtwoord = map.resolve("wachtwoord");
        Files.writeString(wachtwoord, WACHTWOORD + "\n");
        alsPostgresEigenaar(map);
        voerUit(Duration.ofMinutes(2), bin.resolve("initdb").toString(), "-D", gegevens.toString(), "-U", GEBRUIKER,
                "--pwfile=" + wachtwoord, "--auth=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8");
        // Production-like durability (fsync on); the unix socket in our own folder, never /var/run.
        Files.writeString(gegevens.resolve("postgresql.auto.conf"), """
                listen_addresses = '127.0.0.1'
                port = %d
                unix_socket_directories = '%s'
                max_connections = 200
                fsync = on
                synchronous_commit = on
                """.formatted(poort, map), java.nio.file.StandardOpenOption.APPEND);
    }

    private void maakDatabase() {
        try (Connection verbinding = DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + poort + "/postgres", GEBRUIKER, WACHTWOORD)) {
            verbinding.createStatement().execute("CREATE DATABASE " + DATABASE);
        } catch (SQLException e) {
            throw new IllegalStateException("database " + DATABASE + " niet aangemaakt", e);
        }
    }

    /** Starts the server (again) and waits until it accepts connections. */
    public synchronized void starten() {
        voerUit(Duration.ofMinutes(3), bin.resolve("pg_ctl").toString(), "-D", gegevens.toString(), "-l", log.toString(),
                "-w", "-t", "170", "start");
        draait = true;
    }

    /**
     * Stops the server the way an operator's restart does: {@code fast} (running transactions are
     * rolled back, clients disconnected, a clean checkpoint), {@code immediate} (like a crash:
     * recovery from the WAL at the next start) or {@code smart}.
     */
    public synchronized void stoppen(String wijze) {
        voerUit(Duration.ofMinutes(2), bin.resolve("pg_ctl").toString(), "-D", gegevens.toString(), "-m", wijze,
                "-w", "-t", "110", "stop");
        draait = false;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + poort + "/" + DATABASE;
    }

    public int poort() {
        return poort;
    }

    /** A new connection to the engine's database, for a test's own checks. */
    public Connection verbinding() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), GEBRUIKER, WACHTWOORD);
    }

    /** The server's log, to show when something went wrong. */
    public String logboek() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "(log onleesbaar: " + e + ")";
        }
    }

    @Override
    public synchronized void close() {
        try {
            if (draait) {
                stoppen("immediate");
            }
        } finally {
            Bestanden.verwijder(map);
        }
    }

    private static boolean alsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** The folder and what is in it belong to {@code postgres} when we are root (PostgreSQL's demand). */
    private static void alsPostgresEigenaar(Path map) {
        if (alsRoot()) {
            voerUitAls(false, Duration.ofSeconds(30), "chown", "-R", "postgres:postgres", map.toString());
        }
    }

    private static void voerUit(Duration binnen, String... opdracht) {
        voerUitAls(alsRoot(), binnen, opdracht);
    }

    private static void voerUitAls(boolean alsPostgres, Duration binnen, String... opdracht) {
        List<String> regel = new ArrayList<>();
        if (alsPostgres) {
            regel.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        regel.addAll(List.of(opdracht));
        try {
            Process proces = new ProcessBuilder(regel).redirectErrorStream(true).start();
            byte[] uitvoer = proces.getInputStream().readAllBytes();
            if (!proces.waitFor(binnen.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                proces.destroyForcibly();
                throw new IllegalStateException(String.join(" ", regel) + " duurde langer dan " + binnen);
            }
            if (proces.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", regel) + " gaf " + proces.exitValue() + ":\n"
                        + new String(uitvoer, java.nio.charset.StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
