package nl.klantreis.opstelling.benchmark;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.klantreis.opstelling.Knooppunt;
import nl.klantreis.opstelling.Postgresserver;

/**
 * Who owns the read models' segments, from the shared token store, and how far behind the read
 * models are, from a node's own metrics. Read from outside, as an operator would.
 */
final class Segmenten {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Pattern ACHTERSTAND =
            Pattern.compile("^klantreis_projectie_achterstand\\{[^}]*\\}\\s+(\\S+)$", Pattern.MULTILINE);

    /** One segment of one processor and its owner (null: unclaimed). */
    record Segment(String processor, int segment, String eigenaar) {
    }

    private Segmenten() {
    }

    static List<Segment> lees(Postgresserver database) throws SQLException {
        List<Segment> segmenten = new ArrayList<>();
        try (Connection c = database.verbinding(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT processorname, segment, owner FROM tokenentry ORDER BY 1, 2")) {
            while (r.next()) {
                segmenten.add(new Segment(r.getString(1), r.getInt(2), r.getString(3)));
            }
        }
        return segmenten;
    }

    /**
     * Whether this owner is that node. Axon's JDBC token store names the owner after the JVM
     * ({@code pid@host}) unless the engine sets a node id; a node id that names neither is not
     * recognised, and the report says so.
     */
    static boolean van(String eigenaar, Knooppunt knooppunt) {
        return eigenaar != null && (eigenaar.startsWith(knooppunt.pid() + "@") || eigenaar.equals(knooppunt.naam()));
    }

    /**
     * The largest projection backlog the node reports (events not yet in a read model), from
     * {@code /actuator/prometheus}; -1 when the node does not answer.
     */
    static double achterstand(Knooppunt knooppunt) {
        try {
            HttpResponse<String> antwoord = HTTP.send(HttpRequest.newBuilder(knooppunt.adres("/actuator/prometheus"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (antwoord.statusCode() != 200) {
                return -1;
            }
            Matcher m = ACHTERSTAND.matcher(antwoord.body());
            double grootste = 0;
            boolean gevonden = false;
            while (m.find()) {
                gevonden = true;
                grootste = Math.max(grootste, Double.parseDouble(m.group(1)));
            }
            return gevonden ? grootste : -1;
        } catch (Exception e) {
            return -1;
        }
    }

    /**
     * The sum over the node's series of one metric in {@code /actuator/prometheus} (e.g.
     * {@code klantreis_ingestie_herhalingen_total}); 0 when the node does not answer or has none.
     */
    static double meter(Knooppunt knooppunt, String naam) {
        try {
            HttpResponse<String> antwoord = HTTP.send(HttpRequest.newBuilder(knooppunt.adres("/actuator/prometheus"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (antwoord.statusCode() != 200) {
                return 0;
            }
            Matcher m = Pattern.compile("^" + Pattern.quote(naam) + "(\\{[^}]*\\})?\\s+(\\S+)$", Pattern.MULTILINE)
                    .matcher(antwoord.body());
            double som = 0;
            while (m.find()) {
                som += Double.parseDouble(m.group(2));
            }
            return som;
        } catch (Exception e) {
            return 0;
        }
    }

    /** Waits until the node reports every read model caught up; the seconds it took, or -1 if not within. */
    static double wachtTotBij(Knooppunt knooppunt, Duration binnen) throws InterruptedException {
        long start = System.nanoTime();
        long tot = start + binnen.toNanos();
        while (System.nanoTime() < tot) {
            if (achterstand(knooppunt) == 0) {
                return (System.nanoTime() - start) / 1e9;
            }
            Thread.sleep(200);
        }
        return -1;
    }
}
