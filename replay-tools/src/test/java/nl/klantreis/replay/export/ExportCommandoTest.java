package nl.klantreis.replay.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nl.klantreis.projecties.kpi.Kpiuitkomst;
import nl.klantreis.projecties.kpi.Kpivraag;
import nl.klantreis.simulatie.Simulatie;
import nl.klantreis.replay.ExportTestgemeente;
import nl.klantreis.replay.Testomgeving;

/**
 * {@code export klantreizen} against a real PostgreSQL holding a simulated municipality, put in
 * through the engine's command handlers and read models.
 */
class ExportCommandoTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Simulatie GEMEENTE = Simulatie.metSeed(11).klanten(40);
    private static final String PEIL = "2026-11-01T00:00:00+01:00";
    private static final List<String> REISKOLOMMEN = List.of("klantreisId", "klantId", "soort", "thema", "zaakId",
            "zaaktype", "onderwerp", "status", "gestartOp", "beeindigdOp", "aantalStappen", "aantalKlantcontacten",
            "aantalKanaalwissels", "warmeWissels", "eersteKanaal", "laatsteKanaal", "kanalen");
    private static final List<String> STAPKOLOMMEN = List.of("klantreisId", "volgnummer", "soort", "kanaal", "op",
            "klantcontactId", "zaakId", "resultaat");

    private static Testomgeving omgeving;
    private static final Set<String> PERSOONSGEGEVENS = new HashSet<>();

    @BeforeAll
    static void vulDatabase() {
        omgeving = Testomgeving.nieuw();
        new ExportTestgemeente(omgeving.schrijver()).vul(GEMEENTE);
        omgeving.wachtOpLeesmodellen();
        for (ObjectNode bericht : (Iterable<ObjectNode>) GEMEENTE.berichten()::iterator) {
            JsonNode data = bericht.path("data");
            for (String veld : List.of("klant", "initiator")) {
                if (data.path(veld).hasNonNull("bsn")) {
                    PERSOONSGEGEVENS.add(data.path(veld).path("bsn").asText());
                }
                if (data.path(veld).hasNonNull("kvk")) {
                    PERSOONSGEGEVENS.add(data.path(veld).path("kvk").asText());
                }
            }
            if (data.hasNonNull("medewerker")) {
                PERSOONSGEGEVENS.add(data.path("medewerker").asText());
            }
        }
    }

    @AfterAll
    static void sluit() {
        omgeving.close();
    }

    @Test
    void csv_eenRijPerKlantreisEnPerStap_metAlleenPseudoniemen(@TempDir Path map) throws Exception {
        Path uit = map.resolve("reizen.csv");
        Testomgeving.Uitvoer uitvoer = omgeving.voerUit("export", "klantreizen", "--van", "2025-01-01", "--tot",
                "2026-10-01", "--peilmoment", PEIL, "--uit", uit.toString(), "--json");

        assertThat(uitvoer.code()).as(uitvoer.fout()).isZero();
        List<String> reizen = Files.readAllLines(uit);
        List<String> stappen = Files.readAllLines(map.resolve("reizen.stappen.csv"));
        assertThat(Arrays.asList(reizen.get(0).split(","))).isEqualTo(REISKOLOMMEN);
        assertThat(Arrays.asList(stappen.get(0).split(","))).isEqualTo(STAPKOLOMMEN);

        // As many klantreizen as the API's KPI counts for the same period and peilmoment.
        Kpiuitkomst kpi = omgeving.schrijver().vragen().query(new Kpivraag("klantreizen", LocalDate.of(2025, 1, 1),
                LocalDate.of(2026, 10, 1), Instant.parse("2026-10-31T23:00:00Z"), null), Kpiuitkomst.class).join();
        assertThat((long) reizen.size() - 1).isEqualTo(kpi.cijfers().aantal()).isGreaterThan(40);

        JsonNode verslag = JSON.readTree(uitvoer.uit());
        assertThat(verslag.path("klantreizen").path("rijen").asLong()).isEqualTo(reizen.size() - 1);
        assertThat(verslag.path("stappen").path("rijen").asLong()).isEqualTo(stappen.size() - 1);
        assertThat(verslag.path("rijenPerSeconde").asLong()).isPositive();

        // Every step belongs to an exported klantreis, and the step counts add up.
        Set<String> reisIds = new HashSet<>();
        long stappenVolgensReizen = 0;
        for (String regel : reizen.subList(1, reizen.size())) {
            String[] velden = regel.split(",", -1);
            assertThat(velden).hasSize(REISKOLOMMEN.size());
            reisIds.add(velden[0]);
            assertThat(velden[1]).matches("[a-z]{1,8}-[0-9a-z-]{8,64}");
            stappenVolgensReizen += Long.parseLong(velden[10]);
        }
        assertThat(stappen).hasSize((int) stappenVolgensReizen + 1);
        assertThat(stappen.subList(1, stappen.size())).allSatisfy(regel ->
                assertThat(reisIds).contains(regel.split(",", -1)[0]));

        String alles = Files.readString(uit) + Files.readString(map.resolve("reizen.stappen.csv"));
        assertThat(PERSOONSGEGEVENS).isNotEmpty().allSatisfy(gegeven -> assertThat(alles).doesNotContain(gegeven));
        assertThat(alles).doesNotContain("nep-cijfertekst");
    }

    @Test
    void jsonl_dezelfdeRijen_alsObjectPerRegel(@TempDir Path map) throws Exception {
        assertThat(omgeving.voerUit("export", "klantreizen", "--peilmoment", PEIL, "--van", "2025-01-01", "--tot",
                "2026-10-01", "--uit", map.resolve("r.csv").toString(), "--stil").code()).isZero();
        Testomgeving.Uitvoer uitvoer = omgeving.voerUit("export", "klantreizen", "--peilmoment", PEIL, "--van",
                "2025-01-01", "--tot", "2026-10-01", "--formaat", "jsonl", "--uit", map.resolve("r.json").toString(),
                "--stil");

        assertThat(uitvoer.code()).as(uitvoer.fout()).isZero();
        List<String> regels = Files.readAllLines(map.resolve("r.json"));
        assertThat(regels).hasSize(Files.readAllLines(map.resolve("r.csv")).size() - 1);
        for (String regel : regels) {
            JsonNode rij = JSON.readTree(regel);
            List<String> velden = new ArrayList<>();
            rij.fieldNames().forEachRemaining(velden::add);
            assertThat(velden).isEqualTo(REISKOLOMMEN);
            assertThat(rij.path("aantalStappen").isInt()).isTrue();
            assertThat(rij.path("status").asText()).isIn("lopend", "beeindigd");
        }
        assertThat(Files.readAllLines(map.resolve("r.json.stappen.jsonl")))
                .hasSize(Files.readAllLines(map.resolve("r.stappen.csv")).size() - 1);
    }

    @Test
    void parquet_opentInDuckDb_metDezelfdeRijenEnKolommen(@TempDir Path map) throws Exception {
        assertThat(omgeving.voerUit("export", "klantreizen", "--peilmoment", PEIL, "--uit",
                map.resolve("r.csv").toString(), "--stil").code()).isZero();
        Testomgeving.Uitvoer uitvoer = omgeving.voerUit("export", "klantreizen", "--peilmoment", PEIL, "--uit",
                map.resolve("r.parquet").toString(), "--stil");

        assertThat(uitvoer.code()).as(uitvoer.fout()).isZero();
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
             Statement vraag = duckdb.createStatement()) {
            assertThat(telRijen(vraag, map.resolve("r.parquet")))
                    .isEqualTo(Files.readAllLines(map.resolve("r.csv")).size() - 1);
            assertThat(telRijen(vraag, map.resolve("r.stappen.parquet")))
                    .isEqualTo(Files.readAllLines(map.resolve("r.stappen.csv")).size() - 1);
            assertThat(kolommen(vraag, map.resolve("r.parquet"))).isEqualTo(REISKOLOMMEN);
            assertThat(kolommen(vraag, map.resolve("r.stappen.parquet"))).isEqualTo(STAPKOLOMMEN);
            try (ResultSet rij = vraag.executeQuery("SELECT typeof(gestartOp), typeof(aantalStappen), "
                    + "sum(aantalStappen) FROM read_parquet('" + map.resolve("r.parquet") + "') GROUP BY ALL")) {
                assertThat(rij.next()).isTrue();
                assertThat(rij.getString(1)).isEqualTo("TIMESTAMP WITH TIME ZONE");
                assertThat(rij.getString(2)).isEqualTo("INTEGER");
                assertThat(rij.getLong(3)).isEqualTo(telRijen(vraag, map.resolve("r.stappen.parquet")));
            }
        }
    }

    @Test
    void deperiode_kiestDeKlantreizenDieErinBegonnen(@TempDir Path map) throws Exception {
        assertThat(omgeving.voerUit("export", "klantreizen", "--peilmoment", PEIL, "--van", "2026-01-01", "--tot",
                "2026-04-01", "--uit", map.resolve("kwartaal.jsonl").toString(), "--stil").code()).isZero();
        List<String> regels = Files.readAllLines(map.resolve("kwartaal.jsonl"));
        assertThat(regels).isNotEmpty();
        for (String regel : regels) {
            Instant begon = Instant.parse(JSON.readTree(regel).path("gestartOp").asText());
            assertThat(begon).isBetween(Instant.parse("2025-12-31T23:00:00Z"), Instant.parse("2026-03-31T21:59:59Z"));
        }
    }

    @Test
    void verkeerdGebruik_geeftCode2_enHelpWerkt() {
        assertThat(omgeving.voerUit("export", "klantreizen", "--uit", "x.xml").code()).isEqualTo(2);
        assertThat(omgeving.voerUit("export", "klantreizen", "--uit", "x.csv", "--van", "2026-02-01", "--tot",
                "2026-01-01").code()).isEqualTo(2);
        assertThat(omgeving.voerUit("export", "klantreizen", "--uit", "x.csv", "--peilmoment", "gisteren").code())
                .isEqualTo(2);
        Testomgeving.Uitvoer help = omgeving.voerUit("export", "klantreizen", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.uit()).contains("--formaat").contains(".stappen.");
    }

    private static long telRijen(Statement vraag, Path bestand) throws Exception {
        try (ResultSet rij = vraag.executeQuery("SELECT count(*) FROM read_parquet('" + bestand + "')")) {
            rij.next();
            return rij.getLong(1);
        }
    }

    private static List<String> kolommen(Statement vraag, Path bestand) throws Exception {
        List<String> namen = new ArrayList<>();
        try (ResultSet rij = vraag.executeQuery("DESCRIBE SELECT * FROM read_parquet('" + bestand + "')")) {
            while (rij.next()) {
                namen.add(rij.getString(1));
            }
        }
        return namen;
    }
}
