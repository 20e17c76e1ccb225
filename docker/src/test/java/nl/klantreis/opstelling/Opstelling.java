package nl.klantreis.opstelling;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import nl.klantreis.infrastructuur.beveiliging.LokaleSleutel;
import nl.klantreis.infrastructuur.beveiliging.Tokenmaker;

/**
 * The deployment of {@code docker/compose.yaml} as plain processes: one PostgreSQL server of its own
 * and engine nodes as separate JVMs sharing it, and sharing one data folder as the compose file's
 * nodes share their key volume (the local signing key, the key-encryption keys; ADR 0011).
 *
 * <p>Logs of the server and the nodes stay in {@code target/opstelling/<naam>} for a failure's reading.
 */
public final class Opstelling implements AutoCloseable {
    public static final Duration OPSTARTEN_BINNEN = Duration.ofMinutes(3);

    private final Postgresserver database;
    private final Path dataMap;
    private final Path logmap;
    private final Map<String, String> omgeving;
    private final List<Knooppunt> knooppunten = new ArrayList<>();
    private final Tokenmaker tokens;

    private Opstelling(Postgresserver database, Path dataMap, Path logmap, Map<String, String> omgeving) {
        this.database = database;
        this.dataMap = dataMap;
        this.logmap = logmap;
        this.omgeving = omgeving;
        // Made before any node starts, so nodes never race to make the signing key.
        this.tokens = new Tokenmaker(LokaleSleutel.laadOfMaak(dataMap));
    }

    /**
     * Starts a PostgreSQL server and {@code aantal} nodes together (as {@code docker compose up} does
     * once the database is healthy) and waits until every node is healthy.
     *
     * @param naam       a name for the log folder (the test's)
     * @param instelling extra environment of every node (e.g. KLANTREIS_PROJECTIES_SEGMENTEN)
     */
    public static Opstelling start(String naam, int aantal, Map<String, String> instelling) {
        Path logmap = Path.of("target", "opstelling", naam + "-" + System.currentTimeMillis());
        Path dataMap;
        try {
            Files.createDirectories(logmap);
            dataMap = Files.createTempDirectory("klantreis-data-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Postgresserver database = Postgresserver.start();
        Map<String, String> omgeving = new HashMap<>(instelling);
        omgeving.put("KLANTREIS_DB_URL", database.jdbcUrl());
        omgeving.put("KLANTREIS_DB_USER", Postgresserver.GEBRUIKER);
        omgeving.put("KLANTREIS_DB_PASSWORD", Postgresserver.WACHTWOORD);
        omgeving.put("KLANTREIS_DATA_MAP", dataMap.toString());
        Opstelling opstelling = new Opstelling(database, dataMap, logmap, omgeving);
        try {
            List<Knooppunt> gestart = new ArrayList<>();
            for (int i = 1; i <= aantal; i++) {
                gestart.add(opstelling.startKnooppunt());
            }
            CompletableFuture.allOf(gestart.stream()
                    .map(k -> CompletableFuture.runAsync(() -> k.wachtTotGezond(OPSTARTEN_BINNEN)))
                    .toArray(CompletableFuture[]::new)).join();
            return opstelling;
        } catch (RuntimeException e) {
            opstelling.close();
            throw e;
        }
    }

    public static Opstelling start(String naam, int aantal) {
        return start(naam, aantal, Map.of());
    }

    /** Starts one more node on the same database and data folder (not waiting: {@link Knooppunt#wachtTotGezond}). */
    public synchronized Knooppunt startKnooppunt() {
        Knooppunt knooppunt = Knooppunt.start("knooppunt-" + (knooppunten.size() + 1), omgeving, logmap,
                List.of("-Xmx768m", "-XX:+UseParallelGC"));
        knooppunten.add(knooppunt);
        return knooppunt;
    }

    /** The {@code n}-th node started (1-based), alive or not. */
    public synchronized Knooppunt knooppunt(int n) {
        return knooppunten.get(n - 1);
    }

    public synchronized List<Knooppunt> knooppunten() {
        return List.copyOf(knooppunten);
    }

    public Postgresserver database() {
        return database;
    }

    public Path dataMap() {
        return dataMap;
    }

    public Path logmap() {
        return logmap;
    }

    /** A token signed with the installation's local key, which every node accepts. */
    public String token(String rol) {
        return tokens.maak("opstelling-" + UUID.randomUUID(), rol, null, null);
    }

    /** A burger's token for this BSN. */
    public String burgertoken(String bsn) {
        return tokens.maak("opstelling-" + UUID.randomUUID(), Tokenmaker.ROL_BURGER, bsn, null);
    }

    @Override
    public synchronized void close() {
        try {
            knooppunten.forEach(Knooppunt::close);
        } finally {
            try {
                Files.writeString(logmap.resolve("postgres.log"), database.logboek());
            } catch (IOException e) {
                // the log is a help, not a result
            }
            database.close();
            Bestanden.verwijder(dataMap);
        }
    }
}
