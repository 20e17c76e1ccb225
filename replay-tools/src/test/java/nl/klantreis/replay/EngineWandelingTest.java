package nl.klantreis.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;

import nl.klantreis.api.KlantreisApplication;
import nl.klantreis.infrastructuur.TestDatabase;
import nl.klantreis.projecties.kpi.Kpivraag;
import nl.klantreis.projecties.leesmodel.Projectiebeheer;
import picocli.CommandLine;

/**
 * The README's walk from nothing to a simulated municipality with KPIs, against the real engine
 * (its HTTP ingestion, security and read models): {@code simuleer}, {@code verstuur} over HTTP
 * with a token from the engine's local key, then {@code kpi} from the engine's PostgreSQL, whose
 * figures must equal what {@code GET /api/v1/kpi/{kpi}} answers an analist holding a token made
 * by {@code token}.
 */
class EngineWandelingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VAN = "2025-01-01";
    private static final String TOT = "2026-10-01";
    private static final String PEIL = "2026-11-01T00:00:00Z";

    @TempDir
    static Path map;
    private static DataSource database;
    private static ConfigurableApplicationContext engine;
    private static String adres;

    @BeforeAll
    static void startEngine() {
        System.setProperty("axoniq.update-checker.disabled", "true");
        database = TestDatabase.nieuweDatabase();
        HikariDataSource hikari = (HikariDataSource) database;
        engine = new SpringApplicationBuilder(KlantreisApplication.class).run(
                "--server.port=0",
                "--klantreis.db.url=" + TestDatabase.jdbcUrl(database),
                "--klantreis.db.user=" + hikari.getUsername(),
                "--klantreis.db.password=" + (hikari.getPassword() == null ? "" : hikari.getPassword()),
                "--klantreis.db.pool=6",
                "--klantreis.data-map=" + map.resolve("data"),
                "--klantreis.projecties.bewaak-ms=200",
                "--spring.main.banner-mode=off");
        adres = "http://127.0.0.1:" + ((WebServerApplicationContext) engine).getWebServer().getPort();
    }

    @AfterAll
    static void stopEngine() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void simuleerVerstuurKpi_gelijkAanDeApi() throws Exception {
        Path bestand = map.resolve("gemeente.ndjson");
        Uitvoer simulatie = voerUit("simuleer", "--klanten", "150", "--seed", "42", "--fouten", "--stil",
                "--van", VAN, "--tot", TOT, "--uit", bestand.toString());
        assertThat(simulatie.code()).as(simulatie.fout()).isZero();
        List<String> regels = Files.readAllLines(bestand).stream().filter(r -> !r.isBlank()).toList();
        Set<String> uniek = new HashSet<>();
        for (String regel : regels) {
            JsonNode bericht = JSON.readTree(regel);
            uniek.add(bericht.path("source").asText() + "|" + bericht.path("id").asText());
        }
        assertThat(regels.size()).as("de simulatie met fouten zendt berichten opnieuw").isGreaterThan(uniek.size());

        // No --token: the tool signs a bron token with the engine's local key in its data map.
        Uitvoer verzonden = voerUit("verstuur", bestand.toString(), "--url", adres, "--batch", "100", "--parallel", "2",
                "--data-map", map.resolve("data").toString(), "--json", "--stil");
        assertThat(verzonden.code()).as(verzonden.uit() + verzonden.fout()).isZero();
        JsonNode verslag = JSON.readTree(verzonden.uit());
        assertThat(verslag.path("berichten").asLong()).isEqualTo(regels.size());
        assertThat(verslag.path("accepted").asLong()).isEqualTo(uniek.size());
        assertThat(verslag.path("duplicate").asLong()).isEqualTo(regels.size() - uniek.size());
        assertThat(verslag.path("rejected").asLong()).isZero();
        assertThat(verslag.path("mislukt").asLong()).isZero();
        assertThat(new JdbcTemplate(database).queryForObject("select count(*) from ontvangen_bericht", Long.class))
                .as("wat verstuur accepted noemt, heeft de engine opgeslagen").isEqualTo(uniek.size());

        // The same file again: nothing new is stored, every message is reported as a duplicate.
        Uitvoer nogmaals = voerUit("verstuur", bestand.toString(), "--url", adres, "--batch", "500", "--parallel", "4",
                "--data-map", map.resolve("data").toString(), "--json", "--stil");
        assertThat(nogmaals.code()).as(nogmaals.fout()).isZero();
        assertThat(JSON.readTree(nogmaals.uit()).path("duplicate").asLong()).isEqualTo(regels.size());

        Projectiebeheer beheer = engine.getBean(Projectiebeheer.class);
        for (String naam : beheer.namen()) {
            assertThat(beheer.wachtTotBijgewerkt(naam, Duration.ofMinutes(2))).as(naam).isTrue();
        }

        HikariDataSource hikari = (HikariDataSource) database;
        Uitvoer kpi = voerUit("kpi", "--van", VAN, "--tot", TOT, "--peilmoment", PEIL, "--per", "kanaal", "--json",
                "--db-url", hikari.getJdbcUrl(), "--db-user", hikari.getUsername(),
                "--db-password", hikari.getPassword() == null ? "" : hikari.getPassword());
        assertThat(kpi.code()).as(kpi.fout()).isZero();
        JsonNode figuren = JSON.readTree(kpi.uit());
        assertThat(figuren).hasSize(Kpivraag.KPIS.size());

        Uitvoer token = voerUit("token", "--rol", "analist", "--data-map", map.resolve("data").toString());
        assertThat(token.code()).as(token.fout()).isZero();
        HttpClient http = HttpClient.newHttpClient();
        List<String> vergeleken = new ArrayList<>();
        for (int i = 0; i < Kpivraag.KPIS.size(); i++) {
            String code = Kpivraag.KPIS.get(i);
            String per = kentPerKanaal(code) ? "&per=kanaal" : "";
            HttpResponse<String> antwoord = http.send(HttpRequest.newBuilder(URI.create(adres + "/api/v1/kpi/" + code
                            + "?van=" + VAN + "&tot=" + TOT + "&peilmoment=" + PEIL + per))
                    .header("Authorization", "Bearer " + token.uit().strip()).header("Accept", "application/json")
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(antwoord.statusCode()).as(code + ": " + antwoord.body()).isEqualTo(200);
            assertThat(figuren.get(i)).as(code).isEqualTo(JSON.readTree(antwoord.body()));
            vergeleken.add(code);
        }
        assertThat(vergeleken).containsExactlyElementsOf(Kpivraag.KPIS);
        assertThat(figuren.get(Kpivraag.KPIS.indexOf("contactvolume")).path("aantal").asLong()).isGreaterThan(150);
    }

    /** Whether the KPI can be broken down per kanaal (the tool then did so, as the API must). */
    private static boolean kentPerKanaal(String code) {
        try {
            new Kpivraag(code, java.time.LocalDate.parse(VAN), java.time.LocalDate.parse(TOT),
                    java.time.Instant.parse(PEIL), Kpivraag.PER_KANAAL);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Uitvoer voerUit(String... argumenten) {
        StringWriter uit = new StringWriter();
        StringWriter fout = new StringWriter();
        int code = KlantreisGereedschap.commandoregel().setOut(new PrintWriter(uit, true)).setErr(new PrintWriter(fout, true))
                .execute(argumenten);
        return new Uitvoer(code, uit.toString(), fout.toString());
    }

    private record Uitvoer(int code, String uit, String fout) {
    }
}
