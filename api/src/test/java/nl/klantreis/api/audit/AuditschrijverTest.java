package nl.klantreis.api.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import nl.klantreis.api.beveiliging.Gebruiker;
import nl.klantreis.api.beveiliging.Rol;
import nl.klantreis.api.testondersteuning.Testengine;
import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.infrastructuur.TestDatabase;
import reactor.core.publisher.Flux;
import nl.klantreis.infrastructuur.audit.Integriteitscontrole;
import nl.klantreis.infrastructuur.audit.Integriteitsrapport;
import nl.klantreis.infrastructuur.audit.Ketenhash;

/**
 * The Logboek Dataverwerkingen on real PostgreSQL: a request's Mono completes only once its
 * records are committed, many requests share one transaction, one processing record per
 * betrokkene with the caller's trace id, and any change to the stored chain is found.
 */
class AuditschrijverTest {
    private static final Gebruiker MEDEWERKER = new Gebruiker("mw-0042", Rol.MEDEWERKER, null, "KCC");
    @RegisterExtension
    static final Testengine engine = Testengine.perKlasse();

    @Test
    void tweehonderdGelijktijdigeVerzoeken_zijnOpgeslagenAlsHunMonoVoltooit_inVeelMinderTransacties() {
        Verwerkingslog log = engine.bean(Verwerkingslog.class);
        MeterRegistry registry = engine.bean(MeterRegistry.class);
        JdbcTemplate jdbc = engine.jdbc();
        long groepenVooraf = registry.get("klantreis.audit.batch").timer().count();
        double verwerkingenVooraf = registry.get("klantreis.audit.records").tag("soort", "verwerking").counter().count();

        List<Verwerkingsverslag> verslagen = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            List<KlantId> betrokkenen = new ArrayList<>();
            for (int j = 0; j <= i % 3; j++) {
                betrokkenen.add(klant("c" + i + "x" + j));
            }
            // A klant named twice in one answer is one processing record.
            betrokkenen.add(betrokkenen.get(0));
            verslagen.add(verslag(MEDEWERKER, trace(), "klantbeeld-inzien", betrokkenen));
        }
        // What was committed at the moment each Mono completed, counted right then (on the completing thread).
        Map<String, Long> bijVoltooiing = new ConcurrentHashMap<>();
        Flux.fromIterable(verslagen)
                .flatMap(v -> log.leg(v).doOnSuccess(niets -> bijVoltooiing.put(v.trace().traceId(),
                        jdbc.queryForObject("select count(*) from verwerking where trace_id = ?", Long.class,
                                v.trace().traceId()))), 200)
                .then().block(Duration.ofMinutes(1));

        for (Verwerkingsverslag v : verslagen) {
            String trace = v.trace().traceId();
            assertThat(bijVoltooiing.get(trace)).as("vastgelegd toen de Mono voltooide").isEqualTo(v.betrokkenen().size());
            assertThat(jdbc.queryForList("select betrokkene from verwerking where trace_id = ? and span_id = ?",
                    String.class, trace, v.trace().spanId()))
                    .containsExactlyInAnyOrderElementsOf(v.betrokkenen().stream().map(KlantId::waarde).toList());
            assertThat(jdbc.queryForObject("select count(*) from gebruikersaudit where trace_id = ? and actor = ?"
                    + " and rol = 'medewerker' and organisatieonderdeel = 'KCC'", Long.class, trace, "mw-0042")).isOne();
        }
        long groepen = registry.get("klantreis.audit.batch").timer().count() - groepenVooraf;
        assertThat(groepen).as("groepen voor 200 verzoeken").isBetween(1L, 40L);
        int verwacht = verslagen.stream().mapToInt(v -> v.betrokkenen().size()).sum();
        assertThat(registry.get("klantreis.audit.records").tag("soort", "verwerking").counter().count() - verwerkingenVooraf)
                .isEqualTo(verwacht);
        assertThat(engine.bean(Integriteitscontrole.class).controleer().intact()).isTrue();
    }

    @Test
    void tweeNodes_schrijvenInEenKeten_dieOokTijdensHetSchrijvenIntactIs() {
        Losse eerste = new Losse(TestDatabase.nieuweDatabase());
        Losse tweede = new Losse(eerste.database());
        schrijvenSamenIntact(eerste, tweede);
    }

    /**
     * Two nodes write 300 reads (600 records) at once while the first checks the log three times;
     * every check and the end are intact, with every record counted.
     */
    static void schrijvenSamenIntact(Losse eerste, Losse tweede) {
        List<Integriteitsrapport> tussendoor = Collections.synchronizedList(new ArrayList<>());
        Flux.range(0, 300)
                .flatMap(i -> (i % 2 == 0 ? eerste : tweede).schrijver().leg(verslag(MEDEWERKER, trace(),
                        "klantbeeld-inzien", List.of(klant("node" + i + "abcdef"), klant("node" + i + "ghijkl")))), 300)
                .mergeWith(Flux.range(0, 3).publishOn(reactor.core.scheduler.Schedulers.boundedElastic())
                        .doOnNext(i -> tussendoor.add(eerste.controle().controleer())).then())
                .then().block(Duration.ofMinutes(1));
        assertThat(tussendoor).allSatisfy(r -> assertThat(r.intact()).as(String.valueOf(r)).isTrue());
        Integriteitsrapport rapport = eerste.controle().controleer();
        assertThat(rapport.intact()).isTrue();
        assertThat(rapport.records()).isEqualTo(600 + 300);
    }

    @Test
    void eenOngeschondenKeten_isIntact_enTeltElkRecord() {
        Losse losse = new Losse(TestDatabase.nieuweDatabase());
        assertThat(losse.controle().controleer()).satisfies(r -> {
            assertThat(r.intact()).isTrue();
            assertThat(r.records()).isZero();
        });
        losse.schrijf(20);
        Integriteitsrapport rapport = losse.controle().controleer();
        assertThat(rapport.intact()).isTrue();
        assertThat(rapport.eersteBreuk()).isNull();
        assertThat(rapport.records()).isEqualTo(40);
        assertThat(rapport.ketens()).extracting(Integriteitsrapport.Keten::volgnummer).containsExactly(20L, 20L);
    }

    @Test
    void hetLogIsAlleenAanTeVullen_ookVoorDeEngineZelf() {
        Losse losse = new Losse(TestDatabase.nieuweDatabase());
        losse.schrijf(3);
        JdbcTemplate jdbc = new JdbcTemplate(losse.database());
        assertThatThrownBy(() -> jdbc.update("update verwerking set doel = 'x' where volgnummer = 2"))
                .rootCause().hasMessageContaining("alleen aan te vullen");
        assertThatThrownBy(() -> jdbc.update("delete from gebruikersaudit where volgnummer = 2"))
                .rootCause().hasMessageContaining("alleen aan te vullen");
        assertThatThrownBy(() -> jdbc.execute("truncate verwerking")).rootCause().hasMessageContaining("alleen aan te vullen");
        assertThatThrownBy(() -> jdbc.update("update auditketen set volgnummer = 0")).rootCause().hasMessageContaining("vooruit");
        assertThat(losse.controle().controleer().intact()).isTrue();
    }

    @Test
    void eenGewijzigdRecord_wordtGevonden() {
        Losse losse = new Losse(TestDatabase.nieuweDatabase());
        losse.schrijf(20);
        losse.alsAanvaller("update verwerking set doel = 'x' where volgnummer = 7");
        assertThat(losse.controle().controleer()).satisfies(r -> {
            assertThat(r.intact()).isFalse();
            assertThat(r.eersteBreuk()).isEqualTo(new Integriteitsrapport.Breuk("verwerking", 7, "gewijzigd"));
            assertThat(r.records()).isEqualTo(40);
        });
    }

    @Test
    void eenVerwijderdRecord_wordtGevonden() {
        Losse losse = new Losse(TestDatabase.nieuweDatabase());
        losse.schrijf(20);
        losse.alsAanvaller("delete from verwerking where volgnummer = 7");
        assertThat(losse.controle().controleer()).satisfies(r -> {
            assertThat(r.intact()).isFalse();
            assertThat(r.eersteBreuk()).isEqualTo(new Integriteitsrapport.Breuk("verwerking", 7, "verwijderd"));
            assertThat(r.records()).isEqualTo(39);
        });
    }

    @Test
    void verwijderenEnHernummeren_wordtGevonden() {
        Losse losse = new Losse(TestDatabase.nieuweDatabase());
        losse.schrijf(20);
        losse.alsAanvaller("delete from verwerking where volgnummer = 7",
                "update verwerking set volgnummer = volgnummer - 1 where volgnummer > 7",
                "update auditketen set volgnummer = 19 where naam = 'verwerking'");
        assertThat(losse.controle().controleer().eersteBreuk())
                .isEqualTo(new Integriteitsrapport.Breuk("verwerking", 7, "verwijderd"));
    }

    @Test
    void eenWijzigingMetHerberekendeHash_wordtBijHetVolgendeRecordGevonden() {
        Losse losse = new Losse(TestDatabase.nieuweDatabase());
        losse.schrijf(20);
        JdbcTemplate jdbc = new JdbcTemplate(losse.database());
        Map<String, Object> rij = jdbc.queryForMap("select * from verwerking where volgnummer = 7");
        byte[] nieuweHash = new Ketenhash().verwerking((byte[]) rij.get("vorige_hash"), 7, (String) rij.get("trace_id"),
                (String) rij.get("span_id"), ((java.sql.Timestamp) rij.get("tijdstip")).toInstant(),
                (String) rij.get("activiteit"), "x", (String) rij.get("grondslag"), (String) rij.get("betrokkene"),
                (String) rij.get("resultaat"));
        losse.alsAanvaller("update verwerking set doel = 'x', hash = decode('" + Ketenhash.hex(nieuweHash)
                + "', 'hex') where volgnummer = 7");
        assertThat(losse.controle().controleer().eersteBreuk())
                .isEqualTo(new Integriteitsrapport.Breuk("verwerking", 8, "verwijderd"));
    }

    @Test
    void afgekaptAanHetEinde_wordtGevonden() {
        Losse losse = new Losse(TestDatabase.nieuweDatabase());
        losse.schrijf(20);
        losse.alsAanvaller("delete from gebruikersaudit where volgnummer >= 19");
        assertThat(losse.controle().controleer()).satisfies(r -> {
            assertThat(r.intact()).isFalse();
            assertThat(r.eersteBreuk()).isEqualTo(new Integriteitsrapport.Breuk("gebruikersaudit", 19, "afgekapt"));
        });
    }

    @Test
    void eenGewijzigdeActor_wordtGevonden() {
        Losse losse = new Losse(TestDatabase.nieuweDatabase());
        losse.schrijf(20);
        losse.alsAanvaller("update gebruikersaudit set actor = 'iemand-anders' where volgnummer = 20");
        assertThat(losse.controle().controleer().eersteBreuk())
                .isEqualTo(new Integriteitsrapport.Breuk("gebruikersaudit", 20, "gewijzigd"));
    }

    @Test
    void mislukteOpslag_laatDeMonoMislukken_enLaatNietsAchter() {
        Losse losse = new Losse(TestDatabase.nieuweDatabase());
        losse.schrijf(2);
        JdbcTemplate jdbc = new JdbcTemplate(losse.database());
        jdbc.execute("alter table gebruikersaudit add constraint weiger check (actor <> 'weiger')");
        Gebruiker geweigerd = new Gebruiker("weiger", Rol.MEDEWERKER, null, null);
        assertThatThrownBy(() -> losse.schrijver().leg(verslag(geweigerd, trace(), "klantbeeld-inzien",
                List.of(klant("weigering01")))).block(Duration.ofSeconds(30)))
                .isInstanceOf(AuditNietOpgeslagen.class);
        assertThat(jdbc.queryForObject("select count(*) from verwerking", Long.class)).isEqualTo(2);
        assertThat(losse.registry().get("klantreis.audit.batch.mislukt").counter().count()).isOne();
        // The chain goes on where it was.
        losse.schrijf(1);
        assertThat(losse.controle().controleer().intact()).isTrue();
    }

    @Test
    void auditUit_schrijftNiets() {
        DataSource database = TestDatabase.nieuweDatabase();
        Auditschrijver uit = new Auditschrijver(database, new SimpleMeterRegistry(), Clock.systemUTC(), false, 500, 1000);
        uit.leg(verslag(MEDEWERKER, trace(), "klantbeeld-inzien", List.of(klant("uitgezet01")))).block(Duration.ofSeconds(5));
        assertThat(new JdbcTemplate(database).queryForObject("select count(*) from gebruikersaudit", Long.class)).isZero();
    }

    @Test
    void gestopt_weigertNieuweVerslagen() throws InterruptedException {
        Losse losse = new Losse(TestDatabase.nieuweDatabase());
        losse.schrijf(1);
        losse.schrijver().destroy();
        assertThatThrownBy(() -> losse.schrijver().leg(verslag(MEDEWERKER, trace(), "klantbeeld-inzien",
                List.of(klant("gestopt01")))).block(Duration.ofSeconds(5))).isInstanceOf(AuditNietOpgeslagen.class);
    }

    static Verwerkingsverslag verslag(Gebruiker gebruiker, Tracecontext trace, String activiteit, List<KlantId> betrokkenen) {
        return new Verwerkingsverslag(gebruiker, trace, activiteit, "afhandeling klantcontact",
                "AVG art. 6 lid 1 sub e (publieke taak)", betrokkenen, "getoond");
    }

    static Tracecontext trace() {
        return new Tracecontext(Tracering.nieuweTraceId(), Tracering.nieuweSpanId());
    }

    static KlantId klant(String kenmerk) {
        return new KlantId("k-test" + kenmerk);
    }

    /** An Auditschrijver and Integriteitscontrole of their own on a fresh database, to tamper with freely. */
    record Losse(DataSource database, SimpleMeterRegistry registry, Auditschrijver schrijver,
                         Integriteitscontrole controle) {
        Losse(DataSource database) {
            this(database, new SimpleMeterRegistry());
        }

        private Losse(DataSource database, SimpleMeterRegistry registry) {
            this(database, registry, new Auditschrijver(database, registry, Clock.systemUTC(), true, 500, 1000),
                    new Integriteitscontrole(database));
        }

        /** {@code aantal} verslagen of one betrokkene each, in parallel. */
        void schrijf(int aantal) {
            List<Verwerkingsverslag> verslagen = new ArrayList<>();
            for (int i = 0; i < aantal; i++) {
                verslagen.add(verslag(MEDEWERKER, trace(), "klantbeeld-inzien", List.of(klant("los" + i + "abcdefgh"))));
            }
            Collections.shuffle(verslagen);
            Flux.fromIterable(verslagen).flatMap(schrijver::leg).then().block(Duration.ofSeconds(30));
        }

        /** What someone with DBA rights can do: switch the append-only trigger off first. */
        void alsAanvaller(String... opdrachten) {
            JdbcTemplate jdbc = new JdbcTemplate(database);
            jdbc.execute("alter table verwerking disable trigger all");
            jdbc.execute("alter table gebruikersaudit disable trigger all");
            jdbc.execute("alter table auditketen disable trigger all");
            for (String opdracht : opdrachten) {
                jdbc.execute(opdracht);
            }
        }
    }
}
