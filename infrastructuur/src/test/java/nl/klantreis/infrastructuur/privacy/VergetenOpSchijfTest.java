package nl.klantreis.infrastructuur.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.domein.gedeeld.Versleuteld;
import nl.klantreis.domein.gedeeld.ZaakId;
import nl.klantreis.infrastructuur.opslag.IngebeddePostgres;

/**
 * Forgetting holds on disk (issue 9, item 3; ADR 0011): on a real PostgreSQL whose data directory
 * (heap files and WAL) this test can read, a forgotten klant's key is never found in the clear,
 * the wrapped copies PostgreSQL keeps of it cannot be unwrapped with any KEK that still exists,
 * and another klant's key, re-wrapped by the same rotation, keeps working, also after a restart
 * and after a crash in the middle of a rotation.
 */
class VergetenOpSchijfTest {
    private static final String GEHEIM = "Geheime tekst over schulden van mevrouw Jansen";

    @TempDir
    Path map;

    private IngebeddePostgres postgres;
    private HikariDataSource database;
    private final Versleuteling versleuteling = new Versleuteling();

    @AfterEach
    void stop() {
        stopDatabase();
    }

    @Test
    void vergetenSleutel_isNietTeVinden_enNietTeOntwikkelen_eenAndereKlantBlijftLeesbaar() {
        JdbcTemplate jdbc = startDatabase();
        Sleutelring ring = new Sleutelring(database, kekMap(), true);
        KlantId jansen = new KlantId("k-mevrouwjansen");
        ZaakId zaakVanJansen = new ZaakId(UUID.randomUUID());
        Sleutel sleutelJansen = ring.voorKlanten(List.of(jansen)).get(jansen);
        ring.koppelZakenAanKlant(Map.of(zaakVanJansen, jansen));
        Sleutel zaaksleutelJansen = ring.voorZaken(List.of(zaakVanJansen)).get(zaakVanJansen);
        Versleuteld geheim = bewaar(jdbc, versleuteling.versleutel(sleutelJansen, GEHEIM));
        Versleuteld zaaktekst = bewaar(jdbc, versleuteling.versleutel(zaaksleutelJansen, "bezwaar van Jansen"));
        // A klant whose key the same KEK wraps: the rotation must re-wrap it, not lose it.
        KlantId buur = klantInDezelfdeBucket(ring, jdbc, sleutelJansen.id());
        Versleuteld vanDeBuur = bewaar(jdbc, versleuteling.versleutel(
                ring.voorKlanten(List.of(buur)).get(buur), "aanvraag parkeervergunning"));
        byte[] dek = sleutelJansen.materiaal();
        byte[] gewikkeld = gewikkeld(jdbc, sleutelJansen.id());
        String kekVanJansen = kekVan(jdbc, sleutelJansen.id());
        jdbc.execute("checkpoint");
        assertThat(vindplaatsen(dek)).as("de sleutel zelf staat nooit op schijf, ook niet voor het vergeten").isEmpty();

        assertThat(ring.vergeet(jansen)).isEqualTo(2);
        jdbc.execute("checkpoint");

        // (a) The raw key: nowhere in the heap files, the WAL or anything else of PostgreSQL.
        assertThat(vindplaatsen(dek)).isEmpty();
        assertThat(vindplaatsen(GEHEIM.getBytes(StandardCharsets.UTF_8))).isEmpty();
        // (b) Its wrapped copy is still there (WAL, freed row space), but no KEK left opens it.
        List<String> kopieen = vindplaatsen(gewikkeld);
        System.out.println("Gewikkelde kopie van de vergeten sleutel gevonden in: " + kopieen);
        assertThat(kopieen).as("PostgreSQL bewaart de gewikkelde kopie").isNotEmpty();
        Sleutelkluis kluis = kluis(jdbc);
        assertThat(kluis.alle()).doesNotContain(kekVanJansen).isNotEmpty();
        for (String kekId : kluis.alle()) {
            Sleutelkluis.Kek kek = kluis.lees(kekId).orElseThrow();
            assertThatThrownBy(() -> kluis.ontwikkel(kek, sleutelJansen.id(), gewikkeld))
                    .isInstanceOf(OntsleutelenMislukt.class);
        }
        // (c) The payload: the engine finds no key for it; only the destroyed key would open it.
        assertThat(versleuteling.ontsleutel(geheim, uit(ring))).isEmpty();
        assertThat(versleuteling.ontsleutel(zaaktekst, uit(ring))).isEmpty();
        assertThat(versleuteling.ontsleutel(geheim, id -> Optional.of(new Sleutel(sleutelJansen.id(), dek))))
                .contains(GEHEIM);
        // (d) The neighbour, re-wrapped under the new KEK: readable now and after a restart.
        assertThat(kekVan(jdbc, ring.voorKlanten(List.of(buur)).get(buur).id())).isNotEqualTo(kekVanJansen);
        assertThat(versleuteling.ontsleutel(vanDeBuur, uit(ring))).contains("aanvraag parkeervergunning");
        stopDatabase();

        startDatabase();
        Sleutelring naHerstart = new Sleutelring(database, kekMap(), true);
        assertThat(naHerstart.onderhoud()).isEqualTo(new Sleutelring.Onderhoud(0, 0));
        assertThat(versleuteling.ontsleutel(vanDeBuur, uit(naHerstart))).contains("aanvraag parkeervergunning");
        assertThat(versleuteling.ontsleutel(geheim, uit(naHerstart))).isEmpty();
    }

    @Test
    void crashNaDeCommit_vernietigtDeOudeKekBijDeVolgendeStart() {
        JdbcTemplate jdbc = startDatabase();
        VallendeKluis vallend = new VallendeKluis(kekMap());
        Sleutelring ring = new Sleutelring(database, vallend, true);
        KlantId jansen = new KlantId("k-mevrouwjansen");
        Sleutel sleutelJansen = ring.voorKlanten(List.of(jansen)).get(jansen);
        KlantId buur = klantInDezelfdeBucket(ring, jdbc, sleutelJansen.id());
        Versleuteld vanDeBuur = bewaar(jdbc, versleuteling.versleutel(
                ring.voorKlanten(List.of(buur)).get(buur), "aanvraag parkeervergunning"));
        byte[] gewikkeld = gewikkeld(jdbc, sleutelJansen.id());
        String kekVanJansen = kekVan(jdbc, sleutelJansen.id());

        vallend.valBijVernietigen = true;
        assertThat(ring.vergeet(jansen)).isEqualTo(1);

        // The process "died" after the commit: the old KEK is still there and still opens the copy.
        Sleutelkluis kluis = kluis(jdbc);
        assertThat(kluis.alle()).contains(kekVanJansen);
        assertThat(kluis.ontwikkel(kluis.lees(kekVanJansen).orElseThrow(), sleutelJansen.id(), gewikkeld))
                .isEqualTo(sleutelJansen.materiaal());
        stopDatabase();

        startDatabase();
        Sleutelring naHerstart = new Sleutelring(database, kekMap(), true);
        assertThat(naHerstart.onderhoud().kekVernietigd()).isEqualTo(1);
        assertThat(kluis.alle()).doesNotContain(kekVanJansen);
        for (String kekId : kluis.alle()) {
            Sleutelkluis.Kek kek = kluis.lees(kekId).orElseThrow();
            assertThatThrownBy(() -> kluis.ontwikkel(kek, sleutelJansen.id(), gewikkeld))
                    .isInstanceOf(OntsleutelenMislukt.class);
        }
        assertThat(versleuteling.ontsleutel(vanDeBuur, uit(naHerstart))).contains("aanvraag parkeervergunning");
        assertThat(naHerstart.onderhoud()).isEqualTo(new Sleutelring.Onderhoud(0, 0));
    }

    @Test
    void crashVoorDeCommit_laatDeKlantOnvergeten_enDeNieuweKekWordtOpgeruimd() {
        JdbcTemplate jdbc = startDatabase();
        VallendeKluis vallend = new VallendeKluis(kekMap());
        Sleutelring ring = new Sleutelring(database, vallend, true);
        KlantId jansen = new KlantId("k-mevrouwjansen");
        Versleuteld geheim = bewaar(jdbc, versleuteling.versleutel(
                ring.voorKlanten(List.of(jansen)).get(jansen), GEHEIM));
        Set<String> voor = new HashSet<>(vallend.alle());

        vallend.valNaMaken = true;
        assertThatThrownBy(() -> ring.vergeet(jansen)).hasMessageContaining("gesimuleerde crash");

        // Rolled back: nothing forgotten, the new KEK is an orphan that nothing refers to.
        assertThat(versleuteling.ontsleutel(geheim, uit(ring))).contains(GEHEIM);
        assertThat(vallend.alle()).hasSize(voor.size() + 1).containsAll(voor);
        stopDatabase();

        startDatabase();
        Sleutelring naHerstart = new Sleutelring(database, kekMap(), true);
        assertThat(naHerstart.onderhoud().kekVernietigd()).isEqualTo(1);
        assertThat(new HashSet<>(vallend.alle())).isEqualTo(voor);
        assertThat(versleuteling.ontsleutel(geheim, uit(naHerstart))).contains(GEHEIM);
        assertThat(naHerstart.vergeet(jansen)).isEqualTo(1);
        assertThat(versleuteling.ontsleutel(geheim, uit(naHerstart))).isEmpty();
    }

    /** A KEK folder that fails where a crash would stop the process. */
    private static final class VallendeKluis extends Sleutelkluis {
        boolean valNaMaken;
        boolean valBijVernietigen;

        VallendeKluis(Path map) {
            super(map);
        }

        @Override
        Kek maak(int bucket) {
            Kek kek = super.maak(bucket);
            if (valNaMaken) {
                throw new IllegalStateException("gesimuleerde crash na het schrijven van KEK " + kek.id());
            }
            return kek;
        }

        @Override
        void vernietig(String kekId) {
            if (valBijVernietigen) {
                throw new IllegalStateException("gesimuleerde crash voor het vernietigen van KEK " + kekId);
            }
            super.vernietig(kekId);
        }
    }

    /** The KEK folder of this database's installation, to look at what is on disk. */
    private Sleutelkluis kluis(JdbcTemplate jdbc) {
        Sleutelkluis kluis = new Sleutelkluis(kekMap());
        kluis.stelIn(jdbc.queryForObject("select installatie::text from kek_installatie", String.class));
        return kluis;
    }

    private Path kekMap() {
        return map.resolve("sleutels");
    }

    private JdbcTemplate startDatabase() {
        postgres = IngebeddePostgres.start(map.resolve("postgres"), 0);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.jdbcUrl());
        config.setUsername("postgres");
        config.setPassword("postgres");
        config.setMaximumPoolSize(4);
        database = new HikariDataSource(config);
        Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(database);
        jdbc.execute("create table if not exists bewaard (sleutel text not null, waarde text not null)");
        return jdbc;
    }

    private void stopDatabase() {
        if (database != null) {
            database.close();
            database = null;
        }
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }

    /** Stored as an event would be: the encrypted value in a row of its own. */
    private static Versleuteld bewaar(JdbcTemplate jdbc, Versleuteld waarde) {
        jdbc.update("insert into bewaard (sleutel, waarde) values (?, ?)", waarde.sleutel(), waarde.waarde());
        return waarde;
    }

    /** Makes klanten until one has its key in the same bucket (so under the same KEK) as this key. */
    private static KlantId klantInDezelfdeBucket(Sleutelring ring, JdbcTemplate jdbc, UUID sleutelId) {
        String kek = kekVan(jdbc, sleutelId);
        for (int ronde = 0; ; ronde++) {
            int start = ronde * 500;
            List<KlantId> klanten = IntStream.range(start, start + 500)
                    .mapToObj(i -> new KlantId("k-buurklant" + i)).toList();
            Map<KlantId, Sleutel> sleutels = ring.voorKlanten(klanten);
            for (KlantId klant : klanten) {
                if (kek.equals(kekVan(jdbc, sleutels.get(klant).id()))) {
                    return klant;
                }
            }
        }
    }

    private static String kekVan(JdbcTemplate jdbc, UUID sleutelId) {
        return jdbc.queryForObject("select kek_id from sleutel where sleutel_id = ?", String.class, sleutelId);
    }

    private static byte[] gewikkeld(JdbcTemplate jdbc, UUID sleutelId) {
        return jdbc.queryForObject("select materiaal from sleutel where sleutel_id = ?", byte[].class, sleutelId);
    }

    private static Function<String, Optional<Sleutel>> uit(Sleutelring ring) {
        return id -> ring.sleutel(UUID.fromString(id));
    }

    /** Every file under the PostgreSQL data directory (heap, indexes, pg_wal, ...) holding these bytes. */
    private List<String> vindplaatsen(byte[] naald) {
        Path data = map.resolve("postgres");
        List<String> gevonden = new ArrayList<>();
        try (Stream<Path> bestanden = Files.walk(data)) {
            for (Path bestand : bestanden.filter(Files::isRegularFile).toList()) {
                byte[] hooi;
                try {
                    hooi = Files.readAllBytes(bestand);
                } catch (IOException e) {
                    // postmaster.pid and the like may vanish while we walk; not where keys live.
                    continue;
                }
                if (bevat(hooi, naald)) {
                    gevonden.add(data.relativize(bestand).toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return gevonden;
    }

    private static boolean bevat(byte[] hooi, byte[] naald) {
        byte eerste = naald[0];
        int laatste = hooi.length - naald.length;
        for (int i = 0; i <= laatste; i++) {
            if (hooi[i] != eerste) {
                continue;
            }
            int j = 1;
            while (j < naald.length && hooi[i + j] == naald[j]) {
                j++;
            }
            if (j == naald.length) {
                return true;
            }
        }
        return false;
    }
}
