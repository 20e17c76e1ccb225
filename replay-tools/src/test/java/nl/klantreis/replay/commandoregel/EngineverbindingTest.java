package nl.klantreis.replay.commandoregel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.zaxxer.hikari.HikariDataSource;

import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.infrastructuur.TestDatabase;
import nl.klantreis.projecties.klantreis.KlantBekendVraag;
import nl.klantreis.infrastructuur.opslag.IngebeddePostgres;

class EngineverbindingTest {

    @Test
    void verbindtMetDeDatabaseVanDeUrl_enBeantwoordtVragen() {
        HikariDataSource database = (HikariDataSource) TestDatabase.nieuweDatabase();
        try (Engineverbinding engine = Engineverbinding.naar(database.getJdbcUrl(), database.getUsername(),
                database.getPassword()).start()) {
            Boolean bekend = engine.vragen().query(new KlantBekendVraag(new KlantId("k-onbekend")), Boolean.class).join();
            assertThat(bekend).isFalse();
            assertThat(engine.beschrijving()).startsWith("PostgreSQL op jdbc:postgresql:");
        }
    }

    @Test
    void zonderUrl_metDraaiendeEngine_verbindtViaHetPoortbestand() throws Exception {
        Path dataMap = Files.createTempDirectory("klantreis-draaiend");
        try (IngebeddePostgres vanDeEngine = IngebeddePostgres.start(dataMap.resolve("postgres"), 0)) {
            vanDeEngine.meldPoort();
            Engineverbinding engine = new Engineverbinding();
            engine.datamap.dataMap = dataMap;
            try (Engineverbinding verbonden = engine.start()) {
                assertThat(verbonden.beschrijving()).contains("draaiende engine").contains("poort " + vanDeEngine.poort());
                assertThat(verbonden.jdbc().queryForObject("select count(*) from domainevententry", Long.class)).isZero();
            }
            // The engine's PostgreSQL is the engine's: still running after the tool is done.
            assertThat(Files.exists(IngebeddePostgres.poortbestand(vanDeEngine.map()))).isTrue();
        }
    }

    @Test
    void zonderUrl_zonderDraaiendeEngine_startHetDeIngebeddeDatabaseInDeDatamap() throws Exception {
        Path dataMap = Files.createTempDirectory("klantreis-gestopt");
        // The engine ran once (its database exists) and has stopped.
        IngebeddePostgres.start(dataMap.resolve("postgres"), 0).close();
        Engineverbinding engine = new Engineverbinding();
        engine.datamap.dataMap = dataMap;
        try (Engineverbinding verbonden = engine.start()) {
            assertThat(verbonden.beschrijving()).contains("door het gereedschap gestart");
            assertThat(verbonden.jdbc().queryForObject("select count(*) from domainevententry", Long.class)).isZero();
        }
    }

    @Test
    void zonderUrlEnZonderIngebeddeDatabase_zegtWatTeDoen() throws Exception {
        Path leeg = Files.createTempDirectory("klantreis-leeg");
        Engineverbinding engine = new Engineverbinding();
        engine.datamap.dataMap = leeg;
        assertThatThrownBy(engine::start).isInstanceOf(Engineverbinding.GeenDatabase.class)
                .hasMessageContaining("start de engine eerst of geef --db-url");
    }
}
