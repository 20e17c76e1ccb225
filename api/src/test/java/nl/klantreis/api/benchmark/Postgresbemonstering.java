package nl.klantreis.api.benchmark;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What the engine's database sessions are doing, from PostgreSQL's side: every few milliseconds
 * {@code pg_stat_activity} is read and each active session counted under its wait event (none:
 * running on a CPU; {@code Lock/transactionid}: waiting for another transaction's row;
 * {@code IO/WALSync}, {@code LWLock/WALWrite}: waiting for the log to reach the disk; ...)
 * and the start of its statement.
 */
final class Postgresbemonstering implements AutoCloseable {
    private final Connection verbinding;
    private final Map<String, Long> tellingen = new HashMap<>();
    private final Thread bemonsteraar;
    private final int intervalMs;
    private volatile boolean stoppen;
    private long monsters;

    Postgresbemonstering(RuweOpslag db, int intervalMs) throws SQLException {
        this.verbinding = db.verbinding();
        this.intervalMs = intervalMs;
        this.bemonsteraar = new Thread(this::bemonster, "postgresbemonstering");
        this.bemonsteraar.setDaemon(true);
        this.bemonsteraar.start();
    }

    private void bemonster() {
        try (Statement s = verbinding.createStatement()) {
            while (!stoppen) {
                try (ResultSet r = s.executeQuery("""
                        select coalesce(wait_event_type || '/' || wait_event, 'CPU (geen wachtgebeurtenis)'),
                               regexp_replace(left(query, 60), '\\s+', ' ', 'g')
                        from pg_stat_activity
                        where state = 'active' and backend_type = 'client backend' and pid <> pg_backend_pid()""")) {
                    synchronized (tellingen) {
                        monsters++;
                        while (r.next()) {
                            tellingen.merge(String.format("%-34s %s", r.getString(1), statement(r.getString(2))), 1L,
                                    Long::sum);
                        }
                    }
                }
                Thread.sleep(intervalMs);
            }
        } catch (SQLException | InterruptedException e) {
            // The sampling ends with the run; a failed read only shortens it.
        }
    }

    /** The kind of statement, without its literals: enough to tell them apart. */
    private static String statement(String query) {
        String q = query.trim().toLowerCase(Locale.ROOT);
        if (q.startsWith("commit")) {
            return "COMMIT";
        }
        return q.length() > 50 ? q.substring(0, 50) + "..." : q;
    }

    @Override
    public void close() throws InterruptedException, SQLException {
        stoppen = true;
        bemonsteraar.join();
        verbinding.close();
    }

    /** Sessions per bucket, as the mean number of active sessions in it. */
    void druk(String kop) {
        Map<String, Long> kopie;
        long aantal;
        synchronized (tellingen) {
            kopie = new HashMap<>(tellingen);
            aantal = monsters;
        }
        double totaal = kopie.values().stream().mapToLong(Long::longValue).sum() / (double) Math.max(1, aantal);
        System.out.printf(Locale.ROOT, "%s (%,d monsters; gemiddeld %.2f actieve sessies)%n", kop, aantal, totaal);
        kopie.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(10)
                .forEach(e -> System.out.printf(Locale.ROOT, "  %5.2f  %s%n", e.getValue() / (double) aantal,
                        e.getKey()));
    }
}
