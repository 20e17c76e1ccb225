package nl.klantreis.projecties.leesmodel;

import java.time.Duration;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How many nodes run read-model processors now, so each can keep to its share of a processor's
 * segments (ADR 0022). Axon's pooled processor claims every unclaimed segment it sees, so the first
 * node to start holds them all and a second one only gets what is released; the token claims show
 * only nodes that hold something, so a node announces itself in {@code leesmodel_knooppunt} instead,
 * refreshed at every round of the engine's monitor. A node not seen for {@link #weg} is gone: that
 * is as long as Axon's token claims last, so its segments become free to claim when it stops
 * counting, and the survivors' share grows to all of them.
 */
final class Segmentverdeling {
    private final JdbcTemplate jdbc;
    private final String knooppunt = UUID.randomUUID().toString();
    private final Duration weg;

    Segmentverdeling(JdbcTemplate jdbc, Duration weg) {
        this.jdbc = jdbc;
        this.weg = weg;
    }

    /** This node is here; and rows of nodes gone long ago are removed. */
    void meld() {
        jdbc.update("INSERT INTO leesmodel_knooppunt (knooppunt, gezien) VALUES (?, now()) "
                + "ON CONFLICT (knooppunt) DO UPDATE SET gezien = now()", knooppunt);
        jdbc.update("DELETE FROM leesmodel_knooppunt WHERE gezien < now() - interval '1 hour'");
    }

    /** Nodes seen within {@link #weg}, this one included. */
    int knooppunten() {
        Integer aantal = jdbc.queryForObject("SELECT count(*) FROM leesmodel_knooppunt "
                + "WHERE gezien > now() - make_interval(secs => ?)", Integer.class, weg.toMillis() / 1000.0);
        return Math.max(1, aantal == null ? 1 : aantal);
    }

    /** A stopping node leaves at once, so the others take its share without waiting for {@link #weg}. */
    void afmelden() {
        jdbc.update("DELETE FROM leesmodel_knooppunt WHERE knooppunt = ?", knooppunt);
    }

    /** The most segments one of {@code knooppunten} nodes should hold of {@code segmenten}: rounded up, so all are held. */
    static int aandeel(int segmenten, int knooppunten) {
        return (segmenten + knooppunten - 1) / Math.max(1, knooppunten);
    }
}
