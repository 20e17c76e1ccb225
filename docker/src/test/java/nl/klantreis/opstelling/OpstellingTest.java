package nl.klantreis.opstelling;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * The harness itself: a PostgreSQL server of its own and two nodes from the runnable jar, both
 * healthy on one database, both accepting the installation's tokens; a database restart under them.
 */
class OpstellingTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void tweeKnooppuntenOpEenEigenPostgresDelenDeDatabaseEnDeSleutel() throws Exception {
        try (Opstelling opstelling = Opstelling.start("opstelling", 2)) {
            for (Knooppunt knooppunt : opstelling.knooppunten()) {
                HttpResponse<String> zonder = HTTP.send(HttpRequest.newBuilder(knooppunt.adres("/api/v1/mijnzaken"))
                        .GET().build(), HttpResponse.BodyHandlers.ofString());
                assertThat(zonder.statusCode()).isEqualTo(401);
                HttpResponse<String> met = HTTP.send(HttpRequest.newBuilder(knooppunt.adres("/api/v1/mijnzaken"))
                        .header("Authorization", "Bearer " + opstelling.burgertoken("999993653")).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(met.statusCode()).as(knooppunt.naam() + ": " + met.body()).isEqualTo(200);
            }
            // The nodes share the segments (ADR 0022): one released by the first node for the second
            // is unowned for a moment, until the second's coordinator claims it.
            Segmenten.wachtOpVerdeling(opstelling.database(), opstelling.knooppunten(), 1, Duration.ofSeconds(60));
            try (Connection verbinding = opstelling.database().verbinding();
                 ResultSet rij = verbinding.createStatement().executeQuery(
                         "SELECT count(*) FILTER (WHERE owner IS NULL), count(*) FROM tokenentry")) {
                rij.next();
                assertThat(rij.getInt(2)).as("segmenten van de leesmodellen").isPositive();
                assertThat(rij.getInt(1)).as("geen segment zonder eigenaar").isZero();
            }
            opstelling.database().stoppen("fast");
            opstelling.database().starten();
            for (Knooppunt knooppunt : opstelling.knooppunten()) {
                knooppunt.wachtTotGezond(Duration.ofMinutes(1));
            }
        }
    }
}
