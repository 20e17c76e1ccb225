package nl.klantreis.opstelling;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Who holds the read-model processors' segments, read from Axon's token claims ({@code tokenentry},
 * the owner is the node's {@code pid@host}), and how long survivors take to claim the segments of a
 * node that died. Only the processors of generations that still run count (not replaced ones).
 */
public final class Segmenten {
    private static final String LOPEND = "FROM tokenentry t JOIN leesmodel_generatie g ON g.processor = t.processorname "
            + "WHERE g.toestand <> 'vervangen' ";

    private Segmenten() {
    }

    /** Per owner ({@code pid@host}, or "" for unclaimed), the number of segments it holds. */
    public static Map<String, Integer> perEigenaar(Postgresserver database) throws SQLException {
        Map<String, Integer> eigenaars = new TreeMap<>();
        try (Connection verbinding = database.verbinding();
             ResultSet rij = verbinding.createStatement().executeQuery(
                     "SELECT coalesce(t.owner, ''), count(*) " + LOPEND + "GROUP BY 1")) {
            while (rij.next()) {
                eigenaars.put(rij.getString(1), rij.getInt(2));
            }
        }
        return eigenaars;
    }

    /** Per running processor, per owner ({@code pid@host}, or "" for unclaimed), the segments it holds. */
    public static Map<String, Map<String, Integer>> perProcessor(Postgresserver database) throws SQLException {
        Map<String, Map<String, Integer>> processors = new TreeMap<>();
        try (Connection verbinding = database.verbinding();
             ResultSet rij = verbinding.createStatement().executeQuery(
                     "SELECT t.processorname, coalesce(t.owner, ''), count(*) " + LOPEND + "GROUP BY 1, 2")) {
            while (rij.next()) {
                processors.computeIfAbsent(rij.getString(1), p -> new TreeMap<>()).put(rij.getString(2), rij.getInt(3));
            }
        }
        return processors;
    }

    /**
     * Waits until each of the nodes holds {@code elk} segments of every running processor (the
     * nodes share them out, ADR 0022); fails after {@code maximaal} with who holds what.
     */
    public static void wachtOpVerdeling(Postgresserver database, List<Knooppunt> knooppunten, int elk,
                                        Duration maximaal) throws SQLException, InterruptedException {
        long tot = System.nanoTime() + maximaal.toNanos();
        while (!verdeeld(perProcessor(database), knooppunten, elk)) {
            if (System.nanoTime() > tot) {
                throw new IllegalStateException("segmenten niet verdeeld binnen " + maximaal + " (" + elk
                        + " per knooppunt): " + perProcessor(database));
            }
            Thread.sleep(100);
        }
    }

    private static boolean verdeeld(Map<String, Map<String, Integer>> processors, List<Knooppunt> knooppunten, int elk) {
        if (processors.isEmpty()) {
            return false;
        }
        for (Map<String, Integer> eigenaars : processors.values()) {
            for (Knooppunt knooppunt : knooppunten) {
                int van = eigenaars.entrySet().stream().filter(e -> e.getKey().startsWith(knooppunt.pid() + "@"))
                        .mapToInt(Map.Entry::getValue).sum();
                if (van != elk) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Segments the node holds now. */
    public static int van(Postgresserver database, Knooppunt knooppunt) throws SQLException {
        try (Connection verbinding = database.verbinding();
             PreparedStatement vraag = verbinding.prepareStatement("SELECT count(*) " + LOPEND + "AND t.owner LIKE ?")) {
            vraag.setString(1, knooppunt.pid() + "@%");
            try (ResultSet rij = vraag.executeQuery()) {
                rij.next();
                return rij.getInt(1);
            }
        }
    }

    /** Segments that no live node holds: unclaimed, or claimed by the (dead) node. */
    static int verweesd(Postgresserver database, Knooppunt dood) throws SQLException {
        try (Connection verbinding = database.verbinding();
             PreparedStatement vraag = verbinding.prepareStatement(
                     "SELECT count(*) " + LOPEND + "AND (t.owner IS NULL OR t.owner LIKE ?)")) {
            vraag.setString(1, dood.pid() + "@%");
            try (ResultSet rij = vraag.executeQuery()) {
                rij.next();
                return rij.getInt(1);
            }
        }
    }

    /**
     * Waits until every segment is held by a node other than {@code dood} and returns how long that
     * took from {@code sindsNanos} ({@link System#nanoTime()} at the kill); fails after {@code maximaal}.
     */
    public static Duration wachtOpOvername(Postgresserver database, Knooppunt dood, long sindsNanos, Duration maximaal)
            throws SQLException, InterruptedException {
        long tot = sindsNanos + maximaal.toNanos();
        while (verweesd(database, dood) > 0) {
            if (System.nanoTime() > tot) {
                throw new IllegalStateException("segmenten van " + dood.naam() + " niet overgenomen binnen " + maximaal
                        + ": " + perEigenaar(database));
            }
            Thread.sleep(50);
        }
        return Duration.ofNanos(System.nanoTime() - sindsNanos);
    }
}
