package nl.klantreis.api.ingestie;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the engine has received, in the batch's transaction: the (source, id) of every message,
 * which makes a resend idempotent, and the klant every klantcontactId belongs to. Both are written
 * in one statement per batch, in key order, so that concurrent batches cannot deadlock on each
 * other's rows.
 */
@Component
class Ontvangstregister {
    private final JdbcTemplate jdbc;

    Ontvangstregister(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The current transaction commits without waiting for the WAL to reach the disk; the caller
     * waits for {@link Schijfbevestiging} before it tells anyone (ADR 0032).
     */
    void zonderSchijfwacht() {
        jdbc.execute("set local synchronous_commit = off");
    }

    /** The key {@link #legOntvangstVast} returns for a message. */
    static String sleutel(String bron, String id) {
        return bron + '\u0000' + id;
    }

    /** Records (source, id) of every message; returns the keys ({@link #sleutel}) that were new. */
    Set<String> legOntvangstVast(List<Beoordeling> berichten, Instant nu) {
        List<Beoordeling> geordend = berichten.stream()
                .sorted(Comparator.comparing(Beoordeling::source).thenComparing(Beoordeling::id)).toList();
        String[] bronnen = geordend.stream().map(Beoordeling::source).toArray(String[]::new);
        String[] ids = geordend.stream().map(Beoordeling::id).toArray(String[]::new);
        String[] typen = geordend.stream().map(Beoordeling::type).toArray(String[]::new);
        Timestamp moment = Timestamp.from(nu);
        return jdbc.execute((ConnectionCallback<Set<String>>) verbinding -> {
            Set<String> nieuw = new HashSet<>();
            try (var opdracht = verbinding.prepareStatement("""
                    INSERT INTO ontvangen_bericht (bron, bericht_id, type, ontvangen_op)
                    SELECT b, i, t, ? FROM unnest(?::text[], ?::text[], ?::text[]) AS r(b, i, t)
                    ON CONFLICT DO NOTHING
                    RETURNING bron, bericht_id""")) {
                opdracht.setTimestamp(1, moment);
                opdracht.setArray(2, tekstArray(verbinding, bronnen));
                opdracht.setArray(3, tekstArray(verbinding, ids));
                opdracht.setArray(4, tekstArray(verbinding, typen));
                try (var rijen = opdracht.executeQuery()) {
                    while (rijen.next()) {
                        nieuw.add(sleutel(rijen.getString(1), rijen.getString(2)));
                    }
                }
            }
            return nieuw;
        });
    }

    /**
     * Records the klant of each new klantcontactId (the first claim in the batch naming it wins),
     * and returns the klant every klantcontactId claimed belongs to.
     */
    Map<UUID, String> legKlantcontactenVast(List<Klantcontactclaim> claims) {
        Map<UUID, String> eerste = new LinkedHashMap<>();
        for (Klantcontactclaim claim : claims) {
            eerste.putIfAbsent(claim.klantcontactId(), claim.klant());
        }
        if (eerste.isEmpty()) {
            return Map.of();
        }
        UUID[] ids = eerste.keySet().stream().sorted().toArray(UUID[]::new);
        String[] klanten = Arrays.stream(ids).map(eerste::get).toArray(String[]::new);
        return jdbc.execute((ConnectionCallback<Map<UUID, String>>) verbinding -> {
            try (var opdracht = verbinding.prepareStatement("INSERT INTO klantcontact_klant (klantcontact_id, klant_id)"
                    + " SELECT c, k FROM unnest(?::uuid[], ?::text[]) WITH ORDINALITY AS r(c, k, n) ORDER BY n"
                    + " ON CONFLICT DO NOTHING")) {
                opdracht.setArray(1, verbinding.createArrayOf("uuid", ids));
                opdracht.setArray(2, tekstArray(verbinding, klanten));
                opdracht.executeUpdate();
            }
            Map<UUID, String> eigenaren = new HashMap<>();
            try (var vraag = verbinding.prepareStatement(
                    "SELECT klantcontact_id, klant_id FROM klantcontact_klant WHERE klantcontact_id = ANY(?)")) {
                vraag.setArray(1, verbinding.createArrayOf("uuid", ids));
                try (var rijen = vraag.executeQuery()) {
                    while (rijen.next()) {
                        eigenaren.put(rijen.getObject(1, UUID.class), rijen.getString(2));
                    }
                }
            }
            return eigenaren;
        });
    }

    private static Array tekstArray(Connection verbinding, String[] waarden) throws SQLException {
        return verbinding.createArrayOf("text", waarden);
    }
}
