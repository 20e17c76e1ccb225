package nl.klantreis.api.testondersteuning;

import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

import nl.klantreis.infrastructuur.opslag.Eventserialisatie;

/** Reads the stored events back, as the domain's records, in the order of the event store. */
public final class Eventlezer {
    private static final ObjectMapper JSON = Eventserialisatie.objectMapper();

    private Eventlezer() {
    }

    public record Opgeslagen(long globalIndex, String aggregaat, long volgnummer, Object event) {
    }

    public static List<Opgeslagen> alle(DataSource database) {
        return new JdbcTemplate(database).query("""
                SELECT globalindex, aggregateidentifier, sequencenumber, payloadtype, payload
                FROM domainevententry ORDER BY globalindex""", (rij, nr) -> {
            try {
                Object event = JSON.readValue(rij.getBytes("payload"), Class.forName(rij.getString("payloadtype")));
                return new Opgeslagen(rij.getLong(1), rij.getString(2), rij.getLong(3), event);
            } catch (Exception e) {
                throw new IllegalStateException("kan event " + rij.getLong(1) + " niet lezen", e);
            }
        });
    }

    public static <T> List<T> vanType(List<Opgeslagen> events, Class<T> type) {
        return events.stream().map(Opgeslagen::event).filter(type::isInstance).map(type::cast).toList();
    }
}
