package nl.klantreis.infrastructuur.opslag;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;

/**
 * The default database: real PostgreSQL binaries from a Maven dependency, with the data kept
 * in a directory of our own, so that nothing but a JDK and Maven is needed to run the engine.
 * zonky switches fsync off by default (it is meant for tests); a store that answers "durable"
 * must have it on.
 *
 * <p>PostgreSQL runs as a process of its own (pg_ctl starts it in a session of its own), so it
 * outlives an engine whose JVM is killed ({@code kill -9}, the out-of-memory killer, an
 * orchestrator's grace period running out). Two things make the next start work anyway (ADR 0012):
 * <ul>
 *   <li>Whoever runs PostgreSQL on a data directory holds an operating-system lock on the file
 *       {@link #slotbestand(Path)} for as long as it runs. The lock dies with its process, so a
 *       PostgreSQL found running on our directory while the lock is free was left by a dead
 *       engine: it is stopped cleanly (fast shutdown) before ours starts. While the lock is held,
 *       a second engine (or tool) refuses with {@link DatamapInGebruik} instead of taking the
 *       database from the one that runs.</li>
 *   <li>zonky would register a JVM shutdown hook that stops PostgreSQL the moment the JVM is
 *       asked to stop, while the read-model processors, the audit writer and the pool still use
 *       it: they then fail on closed connections and wait on timeouts. Instead whoever started
 *       PostgreSQL stops it with {@link #close()}, in the engine after everything else. Our own
 *       hook only stops a PostgreSQL that nobody closed (within {@link #VANGNET} after the JVM
 *       began to stop, for the engine; at once for a tool), so none is left running.</li>
 * </ul>
 */
public final class IngebeddePostgres implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IngebeddePostgres.class);

    /**
     * How long a start may take before giving up. After a crash PostgreSQL first replays its WAL
     * since the last checkpoint (up to max_wal_size, 1 GB): on a slow disk that takes minutes, and
     * giving up early only turns a slow start into a failed one.
     */
    public static final Duration OPSTARTWACHT = Duration.ofMinutes(10);

    /** How long a PostgreSQL left by a dead engine gets to finish its fast shutdown. */
    private static final Duration ACHTERGEBLEVEN_STOPWACHT = Duration.ofMinutes(2);

    private final EmbeddedPostgres postgres;
    private final Path map;
    private final Slot slot;
    private final AtomicBoolean gesloten = new AtomicBoolean();
    private final CountDownLatch dicht = new CountDownLatch(1);

    /**
     * For the engine: how long the JVM's shutdown hook leaves the stopping to {@link #close()} (its
     * Spring context takes well under 10 s) before it stops PostgreSQL itself.
     */
    public static final Duration VANGNET = Duration.ofSeconds(20);

    private IngebeddePostgres(EmbeddedPostgres postgres, Path map, Slot slot) {
        this.postgres = postgres;
        this.map = map;
        this.slot = slot;
    }

    /**
     * Starts PostgreSQL on the data directory {@code map} (created on first start, reused after),
     * for a process with nothing to stop before it (a tool): when its JVM stops without
     * {@link #close()}, on Ctrl-C say, PostgreSQL is stopped at once.
     */
    public static IngebeddePostgres start(Path map, int poort) {
        return start(map, poort, OPSTARTWACHT, Duration.ZERO);
    }

    /**
     * Starts PostgreSQL on the data directory {@code map}, waiting at most {@code opstartwacht}
     * for it to accept connections (crash recovery included).
     *
     * @param vangnet how long the JVM's shutdown hook leaves stopping PostgreSQL to whoever calls
     *                {@link #close()} (the engine's Spring context, after everything that uses it)
     *                before it stops PostgreSQL itself
     * @throws DatamapInGebruik when a running engine or tool already has PostgreSQL on this directory
     */
    public static IngebeddePostgres start(Path map, int poort, Duration opstartwacht, Duration vangnet) {
        Path absoluut = map.toAbsolutePath().normalize();
        try {
            Files.createDirectories(absoluut);
        } catch (IOException e) {
            throw new UncheckedIOException("kon de datamap " + absoluut + " niet maken", e);
        }
        Slot slot = Slot.neem(absoluut);
        try {
            ruimAchtergeblevenOp(absoluut);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(absoluut)
                    .setCleanDataDirectory(false)
                    .setPort(poort)
                    .setPGStartupWait(opstartwacht)
                    .setRegisterShutdownHook(false)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("shared_buffers", "256MB")
                    .start();
            IngebeddePostgres ingebed = new IngebeddePostgres(postgres, absoluut, slot);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> ingebed.vangnet(vangnet), "ingebedde-postgres-vangnet"));
            return ingebed;
        } catch (IOException e) {
            // Gave up waiting: a server pg_ctl did start would be nobody's once the lock is gone.
            try {
                ruimAchtergeblevenOp(absoluut);
            } catch (RuntimeException opruimen) {
                e.addSuppressed(opruimen);
            }
            slot.close();
            throw new UncheckedIOException("kon de ingebedde PostgreSQL niet starten in " + absoluut, e);
        } catch (RuntimeException e) {
            slot.close();
            throw e;
        }
    }

    /**
     * The file whose lock says that a living process runs PostgreSQL on the data directory
     * {@code map}; beside it, because PostgreSQL wants its own directory empty on first start.
     */
    public static Path slotbestand(Path map) {
        Path absoluut = map.toAbsolutePath().normalize();
        return absoluut.resolveSibling(absoluut.getFileName() + ".slot");
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

    /**
     * Stops PostgreSQL (fast shutdown: open sessions are ended, a checkpoint is written) and
     * gives the data directory free. A checkpoint first, while it still runs: zonky's stop waits
     * only 5 s for the shutdown, whose own checkpoint would otherwise write everything since the
     * last one.
     */
    @Override
    public void close() {
        if (gesloten.getAndSet(true)) {
            return;
        }
        try {
            Files.deleteIfExists(poortbestand(map));
            controlepunt();
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            slot.close();
            dicht.countDown();
        }
    }

    private void vangnet(Duration wacht) {
        try {
            if (!dicht.await(wacht.toMillis(), TimeUnit.MILLISECONDS)) {
                if (!wacht.isZero()) {
                    LOG.warn("ingebedde PostgreSQL in {} niet gestopt door wie hem startte; nu alsnog", map);
                }
                close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void controlepunt() {
        try (Connection verbinding = DriverManager.getConnection(jdbcUrl(), "postgres", "postgres");
             Statement opdracht = verbinding.createStatement()) {
            opdracht.execute("CHECKPOINT");
        } catch (SQLException e) {
            // Only a speed-up: the shutdown writes its own checkpoint.
            LOG.info("checkpoint voor het stoppen van PostgreSQL overgeslagen: {}", e.getMessage());
        }
    }

    /**
     * A PostgreSQL still running on {@code map} while nobody holds its lock (we do now) was
     * started by a process that died: stop it cleanly before starting ours. A postmaster.pid
     * whose process is gone is PostgreSQL's own business (it removes such a file itself); one
     * whose number now belongs to another program would make PostgreSQL refuse, so it goes.
     */
    private static void ruimAchtergeblevenOp(Path map) {
        Path pidbestand = map.resolve("postmaster.pid");
        List<String> regels;
        try {
            regels = Files.isRegularFile(pidbestand) ? Files.readAllLines(pidbestand) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("kon " + pidbestand + " niet lezen", e);
        }
        if (regels.isEmpty()) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(regels.get(0).strip());
        } catch (NumberFormatException e) {
            return;
        }
        Optional<ProcessHandle> proces = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (proces.isEmpty()) {
            LOG.info("PostgreSQL in {} is eerder niet netjes gestopt (PID {} bestaat niet meer); het herstelt zichzelf",
                    map, pid);
            return;
        }
        Optional<String> programma = proces.get().info().command();
        if (programma.isEmpty()) {
            // Not ours to judge (another user's process?): PostgreSQL will say what it finds.
            return;
        }
        if (!isPostgres(programma.get()) || !draaitOp(proces.get(), regels, map)) {
            LOG.info("verouderd postmaster.pid in {} verwijderd: PID {} is nu een ander programma ({})",
                    map, pid, programma.get());
            try {
                Files.deleteIfExists(pidbestand);
            } catch (IOException e) {
                throw new UncheckedIOException("kon " + pidbestand + " niet verwijderen", e);
            }
            return;
        }
        LOG.warn("PostgreSQL (PID {}) van een engine die niet netjes stopte draait nog op {}; eerst netjes stoppen",
                pid, map);
        long begin = System.nanoTime();
        stop(proces.get(), Path.of(programma.get()), map);
        LOG.info("achtergebleven PostgreSQL gestopt in {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin));
    }

    private static boolean isPostgres(String programma) {
        String naam = Path.of(programma).getFileName().toString();
        return naam.equals("postgres") || naam.equals("postgres.exe");
    }

    /**
     * Whether that postgres serves {@code map}: its {@code -D} argument (or, where the system does
     * not tell a process's arguments, the directory in postmaster.pid) is {@code map}. A copy of a
     * data directory holds the postmaster.pid of the original, whose PostgreSQL is not ours to stop.
     */
    private static boolean draaitOp(ProcessHandle proces, List<String> regels, Path map) {
        Optional<String[]> argumenten = proces.info().arguments();
        if (argumenten.isPresent()) {
            String[] a = argumenten.get();
            for (int i = 0; i + 1 < a.length; i++) {
                if (a[i].equals("-D") && zelfdeMap(a[i + 1], map)) {
                    return true;
                }
            }
            return false;
        }
        return regels.size() > 1 && zelfdeMap(regels.get(1).strip(), map);
    }

    private static boolean zelfdeMap(String pad, Path map) {
        try {
            return Path.of(pad).toAbsolutePath().normalize().equals(map);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Fast shutdown with the pg_ctl beside the running postgres binary (the dead engine's sessions
     * are gone already; a tool's are ended); failing that, SIGINT to the postmaster, which is the
     * same fast shutdown. Waits until the process has gone.
     */
    private static void stop(ProcessHandle proces, Path programma, Path map) {
        Path pgCtl = programma.resolveSibling(programma.getFileName().toString().endsWith(".exe") ? "pg_ctl.exe" : "pg_ctl");
        long wacht = ACHTERGEBLEVEN_STOPWACHT.toSeconds();
        try {
            List<String> opdracht = new ArrayList<>();
            if (LinuxUtils.isUnshareAvailable()) {
                // As zonky starts it: pg_ctl refuses to run as root, in a user namespace of its own it is not.
                opdracht.addAll(List.of("unshare", "-U"));
            }
            opdracht.addAll(List.of(pgCtl.toString(), "-D", map.toString(), "stop", "-m", "fast", "-w",
                    "-t", Long.toString(wacht)));
            if (!Files.isExecutable(pgCtl) || voerUit(opdracht, wacht + 10) != 0) {
                if (voerUit(List.of("kill", "-INT", Long.toString(proces.pid())), 10) != 0) {
                    proces.destroy();
                }
            }
            proces.onExit().get(wacht, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("onderbroken bij het stoppen van PostgreSQL (PID " + proces.pid() + ")", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("PostgreSQL (PID " + proces.pid() + ") van een eerdere engine op " + map
                    + " stopte niet binnen " + wacht + " s; stop het zelf", e);
        }
    }

    /** The exit code of the command, or -1 when it could not run or did not end in time. */
    private static int voerUit(List<String> opdracht, long seconden) throws InterruptedException {
        try {
            Process proces = new ProcessBuilder(opdracht).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!proces.waitFor(seconden, TimeUnit.SECONDS)) {
                proces.destroyForcibly();
                return -1;
            }
            return proces.exitValue();
        } catch (IOException e) {
            return -1;
        }
    }

    /** Another living process runs PostgreSQL on this data directory. */
    public static final class DatamapInGebruik extends IllegalStateException {
        DatamapInGebruik(String melding) {
            super(melding);
        }
    }

    /** The lock on {@link #slotbestand(Path)}, with the holder's PID in the file for the message to others. */
    private record Slot(FileChannel kanaal, FileLock lock) {
        static Slot neem(Path map) {
            Path bestand = slotbestand(map);
            FileChannel kanaal = null;
            try {
                kanaal = FileChannel.open(bestand, StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE);
                FileLock lock;
                try {
                    // A region past the content: the holder's PID stays readable (Windows locks are mandatory).
                    lock = kanaal.tryLock(Long.MAX_VALUE - 1, 1, false);
                } catch (OverlappingFileLockException e) {
                    lock = null;
                }
                if (lock == null) {
                    String houder = houder(bestand);
                    kanaal.close();
                    throw new DatamapInGebruik("De datamap " + map.getParent() + " is in gebruik"
                            + (houder.isEmpty() ? "" : " door proces " + houder)
                            + " (een draaiende engine of tool); stop die eerst of kies een andere klantreis.data-map.");
                }
                kanaal.truncate(0);
                kanaal.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII)), 0);
                return new Slot(kanaal, lock);
            } catch (IOException e) {
                sluit(kanaal);
                throw new UncheckedIOException("kon " + bestand + " niet vergrendelen", e);
            }
        }

        private static String houder(Path bestand) {
            try {
                return Files.readString(bestand, StandardCharsets.US_ASCII).strip();
            } catch (IOException | RuntimeException e) {
                return "";
            }
        }

        /** Closing the channel releases the lock. */
        void close() {
            sluit(kanaal);
        }

        private static void sluit(FileChannel kanaal) {
            if (kanaal == null) {
                return;
            }
            try {
                kanaal.close();
            } catch (IOException e) {
                LOG.debug("kanaal niet gesloten", e);
            }
        }
    }
}
