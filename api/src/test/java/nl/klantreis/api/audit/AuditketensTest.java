package nl.klantreis.api.audit;

import static nl.klantreis.api.audit.AuditschrijverTest.klant;
import static nl.klantreis.api.audit.AuditschrijverTest.trace;
import static nl.klantreis.api.audit.AuditschrijverTest.verslag;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import nl.klantreis.api.beveiliging.Gebruiker;
import nl.klantreis.api.beveiliging.Rol;
import nl.klantreis.infrastructuur.TestDatabase;
import nl.klantreis.infrastructuur.audit.Integriteitscontrole;
import nl.klantreis.infrastructuur.audit.Integriteitscontrole.Ketenpunt;
import nl.klantreis.infrastructuur.audit.Integriteitsrapport;
import nl.klantreis.infrastructuur.audit.Ketenhash;
import reactor.core.publisher.Flux;

/**
 * The audit log in several chains per table (V14, ADR 0029): several writers append in parallel,
 * each chain is checked on its own, and a change, removal, reordering or cut-off tail in any chain is
 * found and named by its chain. The log of one chain from before V14 stays valid as chain 0.
 */
class AuditketensTest {
    private static final Gebruiker MEDEWERKER = new Gebruiker("mw-0042", Rol.MEDEWERKER, null, "KCC");
    private static final int KETENS = 4;

    @Test
    void vierSchrijvers_schrijvenInMeerKetens_elkIntact_metUniekeVolgnummers() {
        AuditschrijverTest.Losse losse = losse(TestDatabase.nieuweDatabase());
        schrijf(losse, 300);
        JdbcTemplate jdbc = new JdbcTemplate(losse.database());
        assertThat(jdbc.queryForObject("select count(distinct keten) from verwerking", Integer.class))
                .as("ketens in gebruik").isBetween(2, KETENS);
        Integriteitsrapport rapport = losse.controle().controleer();
        assertThat(rapport.intact()).as(String.valueOf(rapport)).isTrue();
        assertThat(rapport.records()).isEqualTo(600);
        // Every chain's head is its last record, and the numbers are one sequence over all chains.
        assertThat(rapport.ketens()).allSatisfy(k -> assertThat(k.volgnummer()).isEqualTo(jdbc.queryForObject(
                "select coalesce(max(volgnummer), 0) from " + k.tabel() + " where keten = ?", Long.class, k.keten())));
        assertThat(jdbc.queryForObject("select count(distinct volgnummer) from verwerking", Long.class)).isEqualTo(300);
        assertThat(jdbc.queryForObject("select max(volgnummer) from verwerking", Long.class)).isEqualTo(300);
        assertThat(jdbc.queryForObject("select max(volgnummer) from gebruikersaudit", Long.class)).isEqualTo(300);
    }

    @Test
    void eenGewijzigdRecord_inEenKeten_wordtInDieKetenGevonden() {
        AuditschrijverTest.Losse losse = losse(TestDatabase.nieuweDatabase());
        schrijf(losse, 300);
        Keten keten = keten(losse, "verwerking");
        long midden = keten.nummers().get(keten.nummers().size() / 2);
        losse.alsAanvaller("update verwerking set doel = 'x' where volgnummer = " + midden);
        verwachtBreuk(losse, new Integriteitsrapport.Breuk("verwerking", keten.nummer(), midden, "gewijzigd"));
    }

    @Test
    void eenVerwijderdRecord_inEenKeten_wordtInDieKetenGevonden_naHetLaatsteGoede() {
        AuditschrijverTest.Losse losse = losse(TestDatabase.nieuweDatabase());
        schrijf(losse, 300);
        Keten keten = keten(losse, "gebruikersaudit");
        int i = keten.nummers().size() / 2;
        losse.alsAanvaller("delete from gebruikersaudit where volgnummer = " + keten.nummers().get(i));
        verwachtBreuk(losse, new Integriteitsrapport.Breuk("gebruikersaudit", keten.nummer(),
                keten.nummers().get(i - 1) + 1, "verwijderd"));
    }

    @Test
    void tweeVerwisseldeRecords_inEenKeten_wordenGevonden() {
        AuditschrijverTest.Losse losse = losse(TestDatabase.nieuweDatabase());
        schrijf(losse, 300);
        Keten keten = keten(losse, "verwerking");
        int i = keten.nummers().size() / 2;
        long a = keten.nummers().get(i);
        long b = keten.nummers().get(i + 1);
        losse.alsAanvaller("update verwerking set volgnummer = -1 where volgnummer = " + a,
                "update verwerking set volgnummer = " + a + " where volgnummer = " + b,
                "update verwerking set volgnummer = " + b + " where volgnummer = -1");
        // The record now first at a does not follow the one before it in the chain.
        verwachtBreuk(losse, new Integriteitsrapport.Breuk("verwerking", keten.nummer(),
                keten.nummers().get(i - 1) + 1, "verwijderd"));
    }

    @Test
    void eenAfgekapteKeten_wordtGevonden() {
        AuditschrijverTest.Losse losse = losse(TestDatabase.nieuweDatabase());
        schrijf(losse, 300);
        Keten keten = keten(losse, "verwerking");
        List<Long> nummers = keten.nummers();
        long voorlaatste = nummers.get(nummers.size() - 2);
        losse.alsAanvaller("delete from verwerking where keten = " + keten.nummer() + " and volgnummer >= " + voorlaatste);
        verwachtBreuk(losse, new Integriteitsrapport.Breuk("verwerking", keten.nummer(),
                nummers.get(nummers.size() - 3) + 1, "afgekapt"));
    }

    @Test
    void eenKetenDieMetKopEnAlVerdwijnt_wordtGevondenVanafHetLaatsteGoedePunt() {
        AuditschrijverTest.Losse losse = losse(TestDatabase.nieuweDatabase());
        schrijf(losse, 300);
        Keten keten = keten(losse, "verwerking");
        Map<String, Ketenpunt> punten = new HashMap<>();
        losse.controle().controleer().ketens()
                .forEach(k -> punten.put(Integriteitscontrole.sleutel(k), Ketenpunt.eindVan(k)));
        assertThat(losse.controle().controleerVanaf(punten).intact()).isTrue();
        losse.alsAanvaller("delete from verwerking where keten = " + keten.nummer(),
                "delete from auditketen where naam = 'verwerking' and keten = " + keten.nummer());
        Integriteitsrapport rapport = losse.controle().controleerVanaf(punten);
        assertThat(rapport.intact()).isFalse();
        assertThat(rapport.eersteBreuk().tabel()).isEqualTo("verwerking");
        assertThat(rapport.eersteBreuk().keten()).isEqualTo(keten.nummer());
    }

    @Test
    void tweeNodes_metElkVierKetens_zijnOokTijdensHetSchrijvenIntact() {
        AuditschrijverTest.Losse eerste = losse(TestDatabase.nieuweDatabase());
        AuditschrijverTest.Losse tweede = losse(eerste.database());
        AuditschrijverTest.schrijvenSamenIntact(eerste, tweede);
    }

    @Test
    void stoppen_slaatAllesOpWatWacht_overAlleSchrijvers() throws InterruptedException {
        AuditschrijverTest.Losse losse = losse(TestDatabase.nieuweDatabase());
        List<String> uitkomsten = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 200; i++) {
            losse.schrijver().leg(verslag(MEDEWERKER, trace(), "klantbeeld-inzien", List.of(klant("stop" + i + "abcdef"))))
                    .subscribe(niets -> {
                    }, fout -> uitkomsten.add(fout.getClass().getSimpleName()), () -> uitkomsten.add("opgeslagen"));
        }
        losse.schrijver().destroy();
        long tot = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (uitkomsten.size() < 200 && System.nanoTime() < tot) {
            Thread.sleep(10);
        }
        assertThat(uitkomsten).hasSize(200).containsOnly("opgeslagen");
        assertThat(new JdbcTemplate(losse.database()).queryForObject("select count(*) from gebruikersaudit", Long.class))
                .isEqualTo(200);
        assertThat(losse.controle().controleer().intact()).isTrue();
    }

    @Test
    void mislukteOpslag_inEenVanDeKetens_laatAlleenDieVerzoekenMislukken() {
        AuditschrijverTest.Losse losse = losse(TestDatabase.nieuweDatabase());
        schrijf(losse, 20);
        JdbcTemplate jdbc = new JdbcTemplate(losse.database());
        jdbc.execute("alter table gebruikersaudit add constraint weiger check (actor <> 'weiger')");
        Gebruiker geweigerd = new Gebruiker("weiger", Rol.MEDEWERKER, null, null);
        List<String> uitkomsten = Flux.range(0, 20)
                .flatMap(i -> losse.schrijver().leg(verslag(geweigerd, trace(), "klantbeeld-inzien",
                                List.of(klant("weigering" + i))))
                        .then(reactor.core.publisher.Mono.just("opgeslagen"))
                        .onErrorResume(AuditNietOpgeslagen.class, fout -> reactor.core.publisher.Mono.just("mislukt")))
                .collectList().block(Duration.ofSeconds(30));
        assertThat(uitkomsten).hasSize(20).containsOnly("mislukt");
        assertThat(jdbc.queryForObject("select count(*) from verwerking", Long.class)).isEqualTo(20);
        schrijf(losse, 20);
        assertThat(losse.controle().controleer().intact()).isTrue();
    }

    @Test
    void eenLogVanVoorV14_wordtKeten0_blijftIntact_enGroeitVerderInMeerKetens() {
        DataSource database = TestDatabase.nieuweDatabase("13");
        JdbcTemplate jdbc = new JdbcTemplate(database);
        // What the one writer of before V14 stored: 5 verslagen of one betrokkene each, one chain per table.
        Ketenhash ketenhash = new Ketenhash();
        byte[] verwerkinghash = Ketenhash.BEGIN;
        byte[] gebruikerhash = Ketenhash.BEGIN;
        Instant tijdstip = Ketenhash.opMicroseconde(Instant.parse("2026-12-01T10:00:00.123456Z"));
        for (long n = 1; n <= 5; n++) {
            String trace = "trace" + n;
            byte[] hash = ketenhash.verwerking(verwerkinghash, n, trace, "span", tijdstip, "klantbeeld-inzien", "doel",
                    "grondslag", "k-oud" + n, "getoond");
            jdbc.update("insert into verwerking (volgnummer, trace_id, span_id, tijdstip, activiteit, doel, grondslag,"
                    + " betrokkene, resultaat, vorige_hash, hash) values (?, ?, 'span', ?, 'klantbeeld-inzien', 'doel',"
                    + " 'grondslag', ?, 'getoond', ?, ?)", n, trace, OffsetDateTime.ofInstant(tijdstip, ZoneOffset.UTC),
                    "k-oud" + n, verwerkinghash, hash);
            verwerkinghash = hash;
            hash = ketenhash.gebruikersaudit(gebruikerhash, n, trace, "span", tijdstip, "klantbeeld-inzien", "mw-1",
                    "medewerker", null);
            jdbc.update("insert into gebruikersaudit (volgnummer, trace_id, span_id, tijdstip, activiteit, actor, rol,"
                    + " organisatieonderdeel, vorige_hash, hash) values (?, ?, 'span', ?, 'klantbeeld-inzien', 'mw-1',"
                    + " 'medewerker', null, ?, ?)", n, trace, OffsetDateTime.ofInstant(tijdstip, ZoneOffset.UTC),
                    gebruikerhash, hash);
            gebruikerhash = hash;
        }
        jdbc.update("update auditketen set volgnummer = 5, laatste_hash = ? where naam = 'verwerking'", verwerkinghash);
        jdbc.update("update auditketen set volgnummer = 5, laatste_hash = ? where naam = 'gebruikersaudit'", gebruikerhash);

        Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();

        AuditschrijverTest.Losse losse = losse(database);
        Integriteitsrapport na = losse.controle().controleer();
        assertThat(na.intact()).isTrue();
        assertThat(na.ketens()).hasSize(2).allSatisfy(k -> {
            assertThat(k.keten()).isZero();
            assertThat(k.records()).isEqualTo(5);
            assertThat(k.intact()).isTrue();
        });
        assertThat(na.ketens().get(0).laatsteHash()).isEqualTo(Ketenhash.hex(verwerkinghash));
        schrijf(losse, 100);
        Integriteitsrapport verder = losse.controle().controleer();
        assertThat(verder.intact()).as(String.valueOf(verder)).isTrue();
        assertThat(verder.records()).isEqualTo(2 * 105);
        assertThat(jdbc.queryForObject("select min(volgnummer) from verwerking where betrokkene like 'k-test%'", Long.class))
                .as("nieuwe nummers na de oude").isEqualTo(6);
        assertThat(jdbc.queryForObject("select count(*) from verwerking where volgnummer <= 5 and keten = 0", Long.class))
                .isEqualTo(5);

        losse.alsAanvaller("update verwerking set doel = 'x' where volgnummer = 3");
        assertThat(losse.controle().controleer().eersteBreuk())
                .isEqualTo(new Integriteitsrapport.Breuk("verwerking", 0, 3, "gewijzigd"));
    }

    private static AuditschrijverTest.Losse losse(DataSource database) {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        return new AuditschrijverTest.Losse(database, registry,
                new Auditschrijver(database, registry, Clock.systemUTC(), true, 1, 1000, KETENS),
                new Integriteitscontrole(database));
    }

    /** {@code aantal} verslagen of one betrokkene each, all at once: groups of one (groep 1) spread over the writers. */
    private static void schrijf(AuditschrijverTest.Losse losse, int aantal) {
        List<Verwerkingsverslag> verslagen = new ArrayList<>();
        for (int i = 0; i < aantal; i++) {
            verslagen.add(verslag(MEDEWERKER, trace(), "klantbeeld-inzien", List.of(klant("ketens" + i + "abcdefgh"))));
        }
        Flux.fromIterable(verslagen).flatMap(losse.schrijver()::leg, aantal).then().block(Duration.ofSeconds(60));
    }

    /** A chain of this table other than 0 with at least 4 records (so several writers really wrote), and its volgnummers. */
    private static Keten keten(AuditschrijverTest.Losse losse, String tabel) {
        JdbcTemplate jdbc = new JdbcTemplate(losse.database());
        Integer nummer = jdbc.queryForObject("select keten from " + tabel + " where keten > 0 group by keten"
                + " having count(*) >= 4 order by keten desc limit 1", Integer.class);
        return new Keten(nummer, jdbc.queryForList("select volgnummer from " + tabel + " where keten = ? order by volgnummer",
                Long.class, nummer));
    }

    /** The break is found, it is the chain's own first break, and every other chain is still intact. */
    private static void verwachtBreuk(AuditschrijverTest.Losse losse, Integriteitsrapport.Breuk breuk) {
        Integriteitsrapport rapport = losse.controle().controleer();
        assertThat(rapport.intact()).isFalse();
        assertThat(rapport.eersteBreuk()).isEqualTo(breuk);
        assertThat(rapport.ketens()).allSatisfy(k -> {
            if (k.tabel().equals(breuk.tabel()) && k.keten() == breuk.keten()) {
                assertThat(k.eersteBreuk()).isEqualTo(breuk);
            } else {
                assertThat(k.intact()).as(k.tabel() + "/" + k.keten()).isTrue();
            }
        });
    }

    private record Keten(int nummer, List<Long> nummers) {
    }
}
