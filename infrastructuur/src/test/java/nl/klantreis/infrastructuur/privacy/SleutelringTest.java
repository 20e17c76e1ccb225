package nl.klantreis.infrastructuur.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.domein.gedeeld.Versleuteld;
import nl.klantreis.domein.gedeeld.ZaakId;
import nl.klantreis.infrastructuur.TestDatabase;

class SleutelringTest {

    private DataSource database;
    private Sleutelring sleutelring;
    private JdbcTemplate jdbc;
    private final Versleuteling versleuteling = new Versleuteling();

    // Own threads, not the common pool: the tests block threads on purpose and the common pool
    // may have only one.
    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @TempDir
    Path kekMap;

    @BeforeEach
    void nieuweDatabase() {
        database = TestDatabase.nieuweDatabase();
        sleutelring = new Sleutelring(database, kekMap, true);
        jdbc = new JdbcTemplate(database);
    }

    private static KlantId klant(int nummer) {
        return new KlantId("k-testklant" + String.format("%06d", nummer));
    }

    private static ZaakId zaak(int nummer) {
        return new ZaakId(UUID.fromString(String.format("00000000-0000-4000-8000-%012d", nummer)));
    }

    private Function<String, Optional<Sleutel>> uitDeSleutelring() {
        return id -> sleutelring.sleutel(UUID.fromString(id));
    }

    private int aantalSleutels() {
        return jdbc.queryForObject("select count(*) from sleutel", Integer.class);
    }

    @Test
    void klant_krijgtEenSleutel_ookAlsHijTweeKeerWordtGevraagd() {
        Sleutel eerste = sleutelring.voorKlanten(List.of(klant(1))).get(klant(1));
        Map<KlantId, Sleutel> tweede = sleutelring.voorKlanten(List.of(klant(1), klant(1), klant(2)));

        assertThat(tweede.get(klant(1))).isEqualTo(eerste);
        assertThat(tweede.get(klant(2)).id()).isNotEqualTo(eerste.id());
        assertThat(tweede).hasSize(2);
        assertThat(aantalSleutels()).isEqualTo(2);
    }

    @Test
    void klant_krijgtEenSleutel_ookAlsTweeThreadsTegelijkVragen() throws Exception {
        for (int ronde = 0; ronde < 5; ronde++) {
            List<KlantId> klanten = IntStream.range(ronde * 200, ronde * 200 + 200).mapToObj(SleutelringTest::klant)
                    .toList();
            List<KlantId> omgekeerd = new ArrayList<>(klanten);
            Collections.reverse(omgekeerd);
            CyclicBarrier start = new CyclicBarrier(2);

            CompletableFuture<Map<KlantId, Sleutel>> eerste = CompletableFuture.supplyAsync(() -> {
                wacht(start);
                return sleutelring.voorKlanten(klanten);
            }, threads);
            CompletableFuture<Map<KlantId, Sleutel>> tweede = CompletableFuture.supplyAsync(() -> {
                wacht(start);
                return sleutelring.voorKlanten(omgekeerd);
            }, threads);

            assertThat(eerste.get(30, TimeUnit.SECONDS)).isEqualTo(tweede.get(30, TimeUnit.SECONDS)).hasSize(200);
        }
        assertThat(aantalSleutels()).isEqualTo(1_000);
    }

    @Test
    void gelijktijdigeTransactie_wachtOpDeAndere_enNeemtDiensSleutel() throws Exception {
        TransactionTemplate transactie = new TransactionTemplate(new DataSourceTransactionManager(database));
        CountDownLatch aangemaakt = new CountDownLatch(1);
        CountDownLatch tweedeBegonnen = new CountDownLatch(1);

        CompletableFuture<Sleutel> eerste = CompletableFuture.supplyAsync(() -> transactie.execute(status -> {
            Sleutel sleutel = sleutelring.voorKlanten(List.of(klant(1), klant(2))).get(klant(1));
            aangemaakt.countDown();
            wacht(tweedeBegonnen);
            // Give the second transaction time to block on our uncommitted row.
            slaap(300);
            return sleutel;
        }), threads);
        aangemaakt.await(10, TimeUnit.SECONDS);
        CompletableFuture<Sleutel> tweede = CompletableFuture.supplyAsync(() -> transactie.execute(status -> {
            tweedeBegonnen.countDown();
            return sleutelring.voorKlanten(List.of(klant(2), klant(1))).get(klant(1));
        }), threads);

        assertThat(tweede.get(30, TimeUnit.SECONDS)).isEqualTo(eerste.get(30, TimeUnit.SECONDS));
        assertThat(aantalSleutels()).isEqualTo(2);
    }

    @Test
    void sleutels_voor1000Klanten_komenInEnkeleStatements() {
        List<KlantId> klanten = IntStream.range(0, 1_000).mapToObj(SleutelringTest::klant).toList();
        sleutelring.voorKlanten(klanten.subList(0, 300));
        AtomicInteger statements = new AtomicInteger();
        Sleutelring geteld = new Sleutelring(telStatements(database, statements), kekMap, true);

        long start = System.nanoTime();
        Map<KlantId, Sleutel> sleutels = geteld.voorKlanten(klanten);
        long nogmaals = System.nanoTime();
        Map<KlantId, Sleutel> bestaand = geteld.voorKlanten(klanten);
        long klaar = System.nanoTime();

        System.out.printf("Sleutelring.voorKlanten: 1000 klanten (700 nieuw) %.1f ms, alle 1000 bestaand %.1f ms%n",
                (nogmaals - start) / 1e6, (klaar - nogmaals) / 1e6);
        assertThat(sleutels).hasSize(1_000).isEqualTo(bestaand);
        assertThat(sleutels.values().stream().map(Sleutel::id).distinct()).hasSize(1_000);
        // Lock, select, bucket count, installation (once per instance), current KEKs, (first KEKs of
        // empty buckets, batched), batched insert, re-select; then lock and select for the second
        // call: none of it per key.
        assertThat(statements).hasValueLessThanOrEqualTo(10);
        assertThat(aantalSleutels()).isEqualTo(1_000);
    }

    @Test
    void zaak_krijgtEenSleutel_zonderKlant() {
        Map<ZaakId, Sleutel> eerste = sleutelring.voorZaken(List.of(zaak(1), zaak(2)));
        Map<ZaakId, Sleutel> tweede = sleutelring.voorZaken(List.of(zaak(2), zaak(3)));

        assertThat(tweede.get(zaak(2))).isEqualTo(eerste.get(zaak(2)));
        assertThat(new HashSet<>(List.of(eerste.get(zaak(1)).id(), eerste.get(zaak(2)).id(), tweede.get(zaak(3)).id())))
                .hasSize(3);
        assertThat(jdbc.queryForObject("select count(*) from sleutel where klant_id is null", Integer.class))
                .isEqualTo(3);
    }

    @Test
    void zaakKoppelen_zetDeKlantOpDeZaaksleutel_ookAlsDieErNogNietWas() {
        Sleutel bestaand = sleutelring.voorZaken(List.of(zaak(1))).get(zaak(1));

        sleutelring.koppelZakenAanKlant(Map.of(zaak(1), klant(1), zaak(2), klant(1)));
        sleutelring.koppelZakenAanKlant(Map.of(zaak(1), klant(1)));

        Map<ZaakId, Sleutel> daarna = sleutelring.voorZaken(List.of(zaak(1), zaak(2)));
        assertThat(daarna.get(zaak(1))).isEqualTo(bestaand);
        assertThat(jdbc.queryForList("select klant_id from sleutel order by zaak_id", String.class))
                .containsExactly(klant(1).waarde(), klant(1).waarde());
        assertThat(sleutelring.voorKlanten(List.of(klant(1))).get(klant(1)).id())
                .isNotIn(daarna.get(zaak(1)).id(), daarna.get(zaak(2)).id());
    }

    @Test
    void sleutels_opId_gevenAlleenWatNogBestaat() {
        Map<KlantId, Sleutel> klanten = sleutelring.voorKlanten(List.of(klant(1), klant(2)));
        UUID onbekend = UUID.randomUUID();

        Map<UUID, Sleutel> gevonden = sleutelring.sleutels(List.of(klanten.get(klant(1)).id(),
                klanten.get(klant(2)).id(), onbekend));

        assertThat(gevonden).containsOnlyKeys(klanten.get(klant(1)).id(), klanten.get(klant(2)).id());
        assertThat(gevonden.get(klanten.get(klant(1)).id())).isEqualTo(klanten.get(klant(1)));
        assertThat(sleutelring.sleutel(klanten.get(klant(2)).id())).contains(klanten.get(klant(2)));
        assertThat(sleutelring.sleutel(onbekend)).isEmpty();
        assertThat(sleutelring.sleutels(List.of())).isEmpty();
        assertThat(sleutelring.voorKlanten(List.of())).isEmpty();
        assertThat(sleutelring.voorZaken(List.of())).isEmpty();
    }

    @Test
    void vergetenKlant_isOnleesbaar_enEenAndereKlantNiet() {
        Sleutel van1 = sleutelring.voorKlanten(List.of(klant(1), klant(2))).get(klant(1));
        Sleutel van2 = sleutelring.voorKlanten(List.of(klant(2))).get(klant(2));
        Map<ZaakId, Sleutel> zaken = sleutelring.voorZaken(List.of(zaak(1), zaak(2), zaak(3), zaak(4)));
        sleutelring.koppelZakenAanKlant(Map.of(zaak(1), klant(1), zaak(2), klant(1), zaak(3), klant(2)));
        Versleuteld bsn1 = versleuteling.versleutel(van1, "111222333");
        Versleuteld toelichting1 = versleuteling.versleutel(zaken.get(zaak(2)), "bezwaar tegen besluit");
        Versleuteld bsn2 = versleuteling.versleutel(van2, "123456782");
        Versleuteld toelichting2 = versleuteling.versleutel(zaken.get(zaak(3)), "aanvraag parkeervergunning");
        Versleuteld zonderKlant = versleuteling.versleutel(zaken.get(zaak(4)), "nog niet gekoppeld");

        int vergeten = sleutelring.vergeet(klant(1));

        assertThat(vergeten).isEqualTo(3);
        assertThat(versleuteling.ontsleutel(bsn1, uitDeSleutelring())).isEmpty();
        assertThat(versleuteling.ontsleutel(toelichting1, uitDeSleutelring())).isEmpty();
        assertThat(versleuteling.ontsleutel(bsn2, uitDeSleutelring())).contains("123456782");
        assertThat(versleuteling.ontsleutel(toelichting2, uitDeSleutelring())).contains("aanvraag parkeervergunning");
        assertThat(versleuteling.ontsleutel(zonderKlant, uitDeSleutelring())).contains("nog niet gekoppeld");
        assertThat(sleutelring.vergeet(klant(1))).isZero();
    }

    @Test
    void vergetenKlant_dieTerugkomt_krijgtEenNieuweSleutel() {
        Sleutel oud = sleutelring.voorKlanten(List.of(klant(1))).get(klant(1));

        sleutelring.vergeet(klant(1));
        Sleutel nieuw = sleutelring.voorKlanten(List.of(klant(1))).get(klant(1));

        assertThat(nieuw.id()).isNotEqualTo(oud.id());
        assertThat(sleutelring.sleutel(oud.id())).isEmpty();
    }

    @Test
    void sleutelring_doetMeeInDeTransactieVanDeAanroeper() {
        TransactionTemplate transactie = new TransactionTemplate(new DataSourceTransactionManager(database));
        sleutelring.voorKlanten(List.of(klant(1)));

        transactie.executeWithoutResult(status -> {
            sleutelring.voorKlanten(List.of(klant(2)));
            sleutelring.vergeet(klant(1));
            status.setRollbackOnly();
        });

        assertThat(jdbc.queryForList("select klant_id from sleutel", String.class)).containsExactly(klant(1).waarde());
    }

    @Test
    void ruweSleutelsVanVoorDeKeks_wordenBijHetOnderhoudGewikkeld_eenKeer() {
        List<Versleuteld> waarden = new ArrayList<>();
        for (int i = 0; i < 1_500; i++) {
            byte[] materiaal = new byte[Sleutel.LENGTE];
            new java.security.SecureRandom().nextBytes(materiaal);
            UUID id = UUID.randomUUID();
            // As V2 stored keys: the raw 32 bytes, no KEK.
            jdbc.update("insert into sleutel (sleutel_id, klant_id, materiaal) values (?, ?, ?)", id,
                    klant(i).waarde(), materiaal);
            waarden.add(versleuteling.versleutel(new Sleutel(id, materiaal), "tekst " + i));
        }
        assertThat(versleuteling.ontsleutel(waarden.get(0), uitDeSleutelring())).contains("tekst 0");

        Sleutelring.Onderhoud eerste = sleutelring.onderhoud();
        Sleutelring.Onderhoud tweede = sleutelring.onderhoud();

        assertThat(eerste.gewikkeld()).isEqualTo(1_500);
        assertThat(tweede).isEqualTo(new Sleutelring.Onderhoud(0, 0));
        assertThat(jdbc.queryForObject("select count(*) from sleutel where kek_id is null or octet_length(materiaal) <> 60",
                Integer.class)).isZero();
        for (int i = 0; i < waarden.size(); i += 97) {
            assertThat(versleuteling.ontsleutel(waarden.get(i), uitDeSleutelring())).contains("tekst " + i);
        }
        assertThat(sleutelring.voorKlanten(List.of(klant(3))).get(klant(3)).id().toString())
                .isEqualTo(waarden.get(3).sleutel());
    }

    @Test
    void eenAndereNode_houdtGeenVernietigdeKekVast() {
        Sleutelring andereNode = new Sleutelring(database, kekMap, true);
        Map<KlantId, Sleutel> sleutels = sleutelring.voorKlanten(
                IntStream.range(0, 2_000).mapToObj(SleutelringTest::klant).toList());
        Versleuteld van1 = versleuteling.versleutel(sleutels.get(klant(1)), "van klant 1");
        String kek = jdbc.queryForObject("select kek_id from sleutel where sleutel_id = ?", String.class,
                sleutels.get(klant(1)).id());
        assertThat(andereNode.sleutel(sleutels.get(klant(1)).id())).contains(sleutels.get(klant(1)));

        sleutelring.vergeet(klant(1));

        assertThat(andereNode.sleutel(sleutels.get(klant(1)).id())).isEmpty();
        assertThat(versleuteling.ontsleutel(van1, id -> andereNode.sleutel(UUID.fromString(id)))).isEmpty();
        assertThat(kekMap.resolve(installatie(jdbc)).resolve("kek-" + kek + ".bin")).doesNotExist();
        // Every other key, whether its KEK was rotated or not, reads the same on the other node.
        Map<UUID, Sleutel> daar = andereNode.sleutels(sleutels.values().stream().map(Sleutel::id).toList());
        assertThat(daar).hasSize(1_999);
        sleutels.forEach((klant, sleutel) -> {
            if (!klant.equals(klant(1))) {
                assertThat(daar.get(sleutel.id())).isEqualTo(sleutel);
            }
        });
    }

    @Test
    void vergetenTerwijlSleutelsWordenGemaakt_verliestGeenEnkeleSleutelDieBlijft() throws Exception {
        TransactionTemplate transactie = new TransactionTemplate(new DataSourceTransactionManager(database));
        // 256 klanten first, so every forget below rotates a KEK that new keys are being wrapped with.
        List<KlantId> teVergeten = IntStream.range(0, 256).mapToObj(SleutelringTest::klant).toList();
        sleutelring.voorKlanten(teVergeten);
        CompletableFuture<List<Sleutel>> maker = CompletableFuture.supplyAsync(() -> {
            List<Sleutel> gemaakt = new ArrayList<>();
            for (int ronde = 0; ronde < 40; ronde++) {
                List<KlantId> klanten = IntStream.range(1_000 + ronde * 100, 1_100 + ronde * 100)
                        .mapToObj(SleutelringTest::klant).toList();
                // In a transaction that stays open a little after its keys were made, as ingestion does.
                gemaakt.addAll(transactie.execute(status -> sleutelring.voorKlanten(klanten).values()));
            }
            return gemaakt;
        }, threads);
        CompletableFuture<Integer> vergeter = CompletableFuture.supplyAsync(() -> {
            int vergeten = 0;
            for (KlantId klant : teVergeten.subList(0, 40)) {
                vergeten += sleutelring.vergeet(klant);
            }
            return vergeten;
        }, threads);

        assertThat(vergeter.get(120, TimeUnit.SECONDS)).isEqualTo(40);
        List<Sleutel> gemaakt = maker.get(120, TimeUnit.SECONDS);

        Map<UUID, Sleutel> nu = sleutelring.sleutels(gemaakt.stream().map(Sleutel::id).toList());
        assertThat(nu).hasSize(4_000);
        gemaakt.forEach(sleutel -> assertThat(nu.get(sleutel.id())).isEqualTo(sleutel));
        assertThat(sleutelring.onderhoud()).isEqualTo(new Sleutelring.Onderhoud(0, 0));
    }

    @Test
    void tweeInstallatiesMetEenKekMap_rakenElkaarsKeksNietAan() {
        DataSource andereDatabase = TestDatabase.nieuweDatabase();
        Sleutelring andere = new Sleutelring(andereDatabase, kekMap, true);
        Sleutel hier = sleutelring.voorKlanten(List.of(klant(1), klant(2))).get(klant(2));
        Sleutel daar = andere.voorKlanten(List.of(klant(1), klant(2))).get(klant(2));

        sleutelring.vergeet(klant(1));
        andere.vergeet(klant(1));

        assertThat(sleutelring.onderhoud()).isEqualTo(new Sleutelring.Onderhoud(0, 0));
        assertThat(andere.onderhoud()).isEqualTo(new Sleutelring.Onderhoud(0, 0));
        assertThat(sleutelring.sleutel(hier.id())).contains(hier);
        assertThat(andere.sleutel(daar.id())).contains(daar);
        assertThat(installatie(jdbc)).isNotEqualTo(installatie(new JdbcTemplate(andereDatabase)));
    }

    private static String installatie(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select installatie::text from kek_installatie", String.class);
    }

    /** Counts the statements prepared through this DataSource; a batch is one statement. */
    private static DataSource telStatements(DataSource echt, AtomicInteger teller) {
        return (DataSource) Proxy.newProxyInstance(SleutelringTest.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, methode, argumenten) -> {
                    Object resultaat = roep(echt, methode, argumenten);
                    if (!(resultaat instanceof Connection verbinding)) {
                        return resultaat;
                    }
                    return Proxy.newProxyInstance(SleutelringTest.class.getClassLoader(),
                            new Class<?>[] {Connection.class}, (p, m, a) -> {
                                if (m.getName().startsWith("prepare") || m.getName().equals("createStatement")) {
                                    teller.incrementAndGet();
                                }
                                return roep(verbinding, m, a);
                            });
                });
    }

    private static Object roep(Object doel, java.lang.reflect.Method methode, Object[] argumenten) throws Throwable {
        try {
            return methode.invoke(doel, argumenten);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void wacht(CyclicBarrier barriere) {
        try {
            barriere.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void wacht(CountDownLatch signaal) {
        try {
            signaal.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void slaap(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
