package nl.klantreis.opstelling;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The serving read models as stored, and a fresh rebuild to hold them against, for tests that
 * must show a fault changed nothing in them.
 *
 * <p>Per read model: its documents' digest as {@code projectie herbouw} compares it (key and
 * document), plus each document's {@code positie} (+1 per event applied to it) and
 * {@code volgnummers} (per source aggregate the last sequence number applied). A rebuild applies
 * every event exactly once, so equal positions mean that no event was applied twice live (after a
 * takeover a survivor handles again what the dead node had not committed) and none was missed.
 */
public final class Leesmodelstand {
    /** The tools' jar; set by the module's pom (surefire), or by hand when run elsewhere. */
    static final Path GEREEDSCHAP = Path.of(System.getProperty("klantreis.tools.jar",
            "../replay-tools/target/klantreis-tools.jar"));
    private static final Pattern ACHTERSTAND = Pattern.compile(
            "^klantreis_projectie_achterstand\\{[^}]*projectie=\"([^\"]+)\"[^}]*} (\\S+)$", Pattern.MULTILINE);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Leesmodelstand() {
    }

    /** One read model's serving generation. */
    public record Stand(String tabel, long documenten, long toepassingen, String inhoud, String volledig) {
    }

    /** Per read model, its serving generation as stored now. */
    public static Map<String, Stand> nu(Postgresserver database) throws SQLException {
        Map<String, String> tabellen = new LinkedHashMap<>();
        Map<String, Stand> standen = new LinkedHashMap<>();
        try (Connection verbinding = database.verbinding(); Statement opdracht = verbinding.createStatement()) {
            try (ResultSet rij = opdracht.executeQuery(
                    "SELECT naam, tabel FROM leesmodel_generatie WHERE toestand = 'actief' ORDER BY naam")) {
                while (rij.next()) {
                    tabellen.put(rij.getString(1), rij.getString(2));
                }
            }
            for (Map.Entry<String, String> t : tabellen.entrySet()) {
                try (ResultSet rij = opdracht.executeQuery("SELECT count(*), coalesce(sum(positie), 0), "
                        + "coalesce(md5(string_agg(sleutel || ':' || document::text, '|' ORDER BY sleutel)), ''), "
                        + "coalesce(md5(string_agg(sleutel || ':' || document::text || ':' || positie || ':' "
                        + "|| volgnummers::text, '|' ORDER BY sleutel)), '') FROM " + t.getValue())) {
                    rij.next();
                    standen.put(t.getKey(), new Stand(t.getValue(), rij.getLong(1), rij.getLong(2), rij.getString(3),
                            rij.getString(4)));
                }
            }
        }
        return standen;
    }

    /**
     * Waits until the node reports every read model caught up with the event store
     * ({@code klantreis_projectie_achterstand} 0 for each).
     */
    public static void wachtTotBijgewerkt(Knooppunt knooppunt, Duration maximaal) throws InterruptedException {
        Instant tot = Instant.now().plus(maximaal);
        String laatste = "";
        while (Instant.now().isBefore(tot)) {
            Map<String, Double> achter = achterstanden(knooppunt);
            laatste = achter.toString();
            if (!achter.isEmpty() && achter.values().stream().allMatch(a -> a == 0)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(knooppunt.naam() + ": leesmodellen niet bijgewerkt binnen " + maximaal
                + ": " + laatste);
    }

    private static Map<String, Double> achterstanden(Knooppunt knooppunt) throws InterruptedException {
        Map<String, Double> achter = new LinkedHashMap<>();
        try {
            HttpResponse<String> antwoord = HTTP.send(HttpRequest.newBuilder(knooppunt.adres("/actuator/prometheus"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            Matcher m = ACHTERSTAND.matcher(antwoord.body());
            while (m.find()) {
                achter.put(m.group(1), Double.parseDouble(m.group(2)));
            }
        } catch (IOException e) {
            // not answering now: not caught up as far as we know
        }
        return achter;
    }

    /**
     * Rebuilds every read model with the tools ({@code klantreis-tools projectie herbouw alle}, as an
     * operator does, while the nodes run): fails unless the tools report the new tables equal to the
     * live ones. Its output lands in the set-up's log folder.
     */
    public static void herbouwMetGereedschap(Opstelling opstelling, Duration maximaal) throws InterruptedException {
        if (!Files.isRegularFile(GEREEDSCHAP)) {
            throw new IllegalStateException("het gereedschap is niet gebouwd: " + GEREEDSCHAP.toAbsolutePath());
        }
        Path log = opstelling.logmap().resolve("gereedschap-herbouw-" + System.nanoTime() + ".log");
        List<String> regel = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", GEREEDSCHAP.toAbsolutePath().toString(), "projectie", "herbouw", "alle",
                "--maximaal", maximaal.toString()));
        ProcessBuilder bouwer = new ProcessBuilder(regel).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        bouwer.environment().put("KLANTREIS_DB_URL", opstelling.database().jdbcUrl());
        bouwer.environment().put("KLANTREIS_DB_USER", Postgresserver.GEBRUIKER);
        bouwer.environment().put("KLANTREIS_DB_PASSWORD", Postgresserver.WACHTWOORD);
        bouwer.environment().put("KLANTREIS_DATA_MAP", opstelling.dataMap().toString());
        bouwer.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        try {
            Process proces = bouwer.start();
            if (!proces.waitFor(maximaal.toMillis() + 60_000, TimeUnit.MILLISECONDS)) {
                proces.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                throw new IllegalStateException("projectie herbouw stopte niet binnen " + maximaal + ":\n"
                        + Files.readString(log));
            }
            if (proces.exitValue() != 0) {
                throw new IllegalStateException("projectie herbouw: exit " + proces.exitValue() + "\n"
                        + Files.readString(log));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
