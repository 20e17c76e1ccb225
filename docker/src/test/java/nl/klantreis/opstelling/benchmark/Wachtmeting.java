package nl.klantreis.opstelling.benchmark;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import nl.klantreis.opstelling.Postgresserver;

/**
 * What the engine's PostgreSQL sessions are doing, sampled from {@code pg_stat_activity} every
 * 100 ms during one measurement: the mean number of active sessions per wait event and statement.
 * Tells CPU in the nodes from waiting in the database (a row lock two nodes share, the WAL flush).
 */
final class Wachtmeting implements AutoCloseable {
    private static final String VRAAG = "SELECT coalesce(wait_event_type, 'CPU') || '/' || coalesce(wait_event, '-'),"
            + " left(regexp_replace(query, '\\s+', ' ', 'g'), 70) FROM pg_stat_activity"
            + " WHERE state = 'active' AND pid <> pg_backend_pid() AND datname = current_database()";

    private final Map<String, Long> tellingen = new HashMap<>();
    private final Thread draad;
    private volatile boolean stoppen;
    private long monsters;

    private Wachtmeting(Postgresserver database) {
        draad = new Thread(() -> bemonster(database), "wachtmeting");
        draad.setDaemon(true);
        draad.start();
    }

    static Wachtmeting start(Postgresserver database) {
        return new Wachtmeting(database);
    }

    private void bemonster(Postgresserver database) {
        try (Connection c = database.verbinding(); Statement s = c.createStatement()) {
            while (!stoppen) {
                try (ResultSet r = s.executeQuery(VRAAG)) {
                    synchronized (this) {
                        monsters++;
                        while (r.next()) {
                            tellingen.merge(r.getString(1) + " " + r.getString(2), 1L, Long::sum);
                        }
                    }
                }
                Thread.sleep(100);
            }
        } catch (Exception e) {
            // a sample lost (the database restarting) only makes the picture smaller
        }
    }

    /** Stops sampling; the {@code n} largest items as "mean sessions  wait  statement" lines. */
    synchronized String samenvatting(int n) {
        long aantal = Math.max(1, monsters);
        double actief = tellingen.values().stream().mapToLong(Long::longValue).sum() / (double) aantal;
        return String.format(Locale.ROOT, "  PostgreSQL, gemiddeld %.2f actieve sessies (%d monsters):%n", actief,
                monsters) + tellingen.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(n)
                .map(e -> String.format(Locale.ROOT, "    %5.2f  %s%n", e.getValue() / (double) aantal, e.getKey()))
                .collect(Collectors.joining());
    }

    @Override
    public void close() throws InterruptedException {
        stoppen = true;
        draad.join(5_000);
    }
}
