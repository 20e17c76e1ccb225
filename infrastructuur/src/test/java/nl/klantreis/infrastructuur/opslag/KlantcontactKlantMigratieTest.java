package nl.klantreis.infrastructuur.opslag;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.klantreis.infrastructuur.TestDatabase;

/**
 * V7 fills {@code klantcontact_klant} from the contacts already in the event store: each
 * klantcontactId belongs to the klant that first registered it.
 */
class KlantcontactKlantMigratieTest {

    @Test
    void v7_vultDeEigenaarsUitDeOpgeslagenKlantcontacten_deEersteKlantWint() {
        // An installation from before V7, with contacts stored by an engine that did not yet record
        // owners; the upgrade then runs V7 and every later migration in order.
        DataSource database = TestDatabase.nieuweDatabase("6");
        JdbcTemplate jdbc = new JdbcTemplate(database);
        UUID gedeeld = UUID.randomUUID();
        UUID eigen = UUID.randomUUID();
        contact(jdbc, "k-eerste", 0, gedeeld);
        contact(jdbc, "k-tweede", 0, gedeeld);
        contact(jdbc, "k-tweede", 1, eigen);
        jdbc.update("INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, payload,"
                + " payloadtype, timestamp) VALUES ('k-eerste', 1, 'Klant', ?, ?, 'nl.klantreis.domein.klant.KlantIngeschreven',"
                + " '2026-01-01T00:00:00Z')", UUID.randomUUID().toString(),
                "{\"klantId\":\"k-eerste\"}".getBytes(StandardCharsets.UTF_8));

        Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();

        Map<UUID, String> eigenaren = new java.util.HashMap<>();
        jdbc.query("SELECT klantcontact_id, klant_id FROM klantcontact_klant",
                rij -> {
                    eigenaren.put(rij.getObject(1, UUID.class), rij.getString(2));
                });
        assertThat(eigenaren).containsOnly(Map.entry(gedeeld, "k-eerste"), Map.entry(eigen, "k-tweede"));
    }

    private static void contact(JdbcTemplate jdbc, String klant, long volgnummer, UUID klantcontactId) {
        String payload = "{\"klantId\":\"" + klant + "\",\"klantcontactId\":\"" + klantcontactId + "\",\"kanaal\":\"balie\"}";
        jdbc.update("INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, payload,"
                + " payloadtype, payloadrevision, timestamp) VALUES (?, ?, 'Klant', ?, ?,"
                + " 'nl.klantreis.domein.klant.KlantcontactGeregistreerd', '1', '2026-01-01T00:00:00Z')",
                klant, volgnummer, UUID.randomUUID().toString(), payload.getBytes(StandardCharsets.UTF_8));
    }
}
