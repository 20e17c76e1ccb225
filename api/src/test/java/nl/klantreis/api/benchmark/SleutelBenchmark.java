package nl.klantreis.api.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.infrastructuur.opslag.IngebeddePostgres;
import nl.klantreis.infrastructuur.privacy.Sleutel;
import nl.klantreis.infrastructuur.privacy.Sleutelring;

/**
 * What wrapping keys under KEKs (ADR 0011) costs, side by side in one run on one embedded
 * PostgreSQL with fsync on, as the engine runs it:
 * <ul>
 * <li>the ingestion key path: batches of new klant keys, and batches of existing ones, made and
 * read by {@link Sleutelring} (wrapped, KEK files read per call) against the algorithm of before
 * V8 (the same statements on a copy of the V2 table, raw material), in alternating rounds;</li>
 * <li>one forget with the table at {@code --sleutels} keys: delete, rotation of the KEK, its
 * re-wrapped rows, destruction of the old KEK, with and without the VACUUM after it, against the
 * plain delete of before.</li>
 * </ul>
 * Run: {@code java -cp ... nl.klantreis.api.benchmark.SleutelBenchmark [--sleutels 100000]
 * [--batch 1000] [--rondes 5] [--batches 10] [--vergeten 30]} (docs/benchmarks.md).
 */
public final class SleutelBenchmark {
    private static final SecureRandom RANDOM = new SecureRandom();

    private SleutelBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, Integer> opties = opties(args);
        int sleutels = opties.getOrDefault("sleutels", 100_000);
        int batch = opties.getOrDefault("batch", 1_000);
        int rondes = opties.getOrDefault("rondes", 5);
        int batches = opties.getOrDefault("batches", 10);
        int vergeten = opties.getOrDefault("vergeten", 30);
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");

        Path map = Files.createTempDirectory("klantreis-sleutelbenchmark");
        try (IngebeddePostgres postgres = IngebeddePostgres.start(map.resolve("postgres"), 0);
             HikariDataSource database = pool(postgres)) {
            Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();
            JdbcTemplate jdbc = new JdbcTemplate(database);
            maakOudeTabel(jdbc);
            if (opties.getOrDefault("zonder-kek-index", 0) == 1) {
                // Only to see what the index that rotation uses costs on the insert path.
                jdbc.execute("drop index sleutel_kek_id");
            }
            TransactionTemplate transactie = new TransactionTemplate(new DataSourceTransactionManager(database));
            Sleutelring ring = new Sleutelring(database, map.resolve("sleutels"), true);
            Sleutelring ringZonderVacuum = new Sleutelring(database, map.resolve("sleutels"), false);

            System.out.printf("Sleutelbenchmark: batch %d, %d rondes van %d batches, daarna vergeten bij %,d sleutels%n",
                    batch, rondes, batches, sleutels);
            int volgnummer = 0;
            double[][] nieuw = new double[2][rondes];
            double[][] bestaand = new double[2][rondes];
            // Warm-up: the JIT and the first KEK of every bucket, not measured.
            for (int i = 0; i < 5; i++) {
                List<KlantId> klanten = klanten(volgnummer, batch);
                volgnummer += batch;
                transactie.executeWithoutResult(s -> ring.voorKlanten(klanten));
                transactie.executeWithoutResult(s -> oudeVoorKlanten(jdbc, klanten));
            }
            for (int ronde = 0; ronde < rondes; ronde++) {
                List<List<KlantId>> werk = new ArrayList<>();
                for (int b = 0; b < batches; b++) {
                    werk.add(klanten(volgnummer, batch));
                    volgnummer += batch;
                }
                // Alternating which goes first, so a drift in the machine's load hits both alike.
                for (int welke : ronde % 2 == 0 ? new int[] {0, 1} : new int[] {1, 0}) {
                    // The first pass makes the keys, the second finds them.
                    nieuw[welke][ronde] = perSeconde(werk, welke, transactie, jdbc, ring);
                    bestaand[welke][ronde] = perSeconde(werk, welke, transactie, jdbc, ring);
                }
            }
            // The KEKs of this database are in its installation's subfolder (ADR 0011).
            Path kekMap = map.resolve("sleutels").resolve(
                    jdbc.queryForObject("select installatie::text from kek_installatie", String.class));
            System.out.println();
            System.out.println("Sleutelpad van de ingestie (sleutels/s, mediaan over de rondes, [min-max]):");
            System.out.printf("  %-34s %22s %22s%n", "", "voor V8 (ruw)", "met KEK's (gewikkeld)");
            System.out.printf("  %-34s %22s %22s%n", "nieuwe sleutels, batch " + batch, figuur(nieuw[0]), figuur(nieuw[1]));
            System.out.printf("  %-34s %22s %22s%n", "bestaande sleutels, batch " + batch, figuur(bestaand[0]),
                    figuur(bestaand[1]));
            System.out.printf("  KEK-bestand lezen: %.1f µs per bestand (%d bestanden); AES-GCM wikkelen + ontwikkelen"
                    + " van een sleutel: %.1f µs (steeds dezelfde KEK), %.1f µs (telkens een andere)%n",
                    kekLezen(kekMap), aantalBestanden(kekMap), wikkelen(1), wikkelen(256));

            // Fill both tables to the wanted size.
            while (jdbc.queryForObject("select count(*) from sleutel", Integer.class) < sleutels) {
                List<KlantId> klanten = klanten(volgnummer, batch);
                volgnummer += batch;
                transactie.executeWithoutResult(s -> ring.voorKlanten(klanten));
                transactie.executeWithoutResult(s -> oudeVoorKlanten(jdbc, klanten));
            }
            jdbc.execute("vacuum analyze sleutel");
            jdbc.execute("vacuum analyze benchmark_sleutel");
            int totaal = jdbc.queryForObject("select count(*) from sleutel", Integer.class);
            double perKek = jdbc.queryForObject(
                    "select avg(n) from (select count(*) n from sleutel group by kek_id) t", Double.class);

            double[] oud = new double[vergeten];
            double[] zonderVacuum = new double[vergeten];
            double[] metVacuum = new double[vergeten];
            int klant = 0;
            for (int i = 0; i < vergeten; i++) {
                KlantId a = new KlantId(String.format("k-benchmark%08d", klant++));
                long start = System.nanoTime();
                transactie.executeWithoutResult(s -> jdbc.update("delete from benchmark_sleutel where klant_id = ?",
                        a.waarde()));
                oud[i] = (System.nanoTime() - start) / 1e6;
                KlantId b = new KlantId(String.format("k-benchmark%08d", klant++));
                start = System.nanoTime();
                ringZonderVacuum.vergeet(b);
                zonderVacuum[i] = (System.nanoTime() - start) / 1e6;
                KlantId c = new KlantId(String.format("k-benchmark%08d", klant++));
                start = System.nanoTime();
                ring.vergeet(c);
                metVacuum[i] = (System.nanoTime() - start) / 1e6;
            }
            System.out.println();
            System.out.printf("Een klant vergeten bij %,d sleutels (%.0f per KEK), %d keer (ms: mediaan, p90, max):%n",
                    totaal, perKek, vergeten);
            System.out.printf("  %-52s %s%n", "voor V8: delete", ms(oud));
            System.out.printf("  %-52s %s%n", "met KEK's: delete + rotatie + vernietigen", ms(zonderVacuum));
            System.out.printf("  %-52s %s%n", "met KEK's: delete + rotatie + vernietigen + VACUUM", ms(metVacuum));
        }
    }

    /** The key path as it was before V8: select, batched insert of raw keys, re-select. */
    private static Map<KlantId, byte[]> oudeVoorKlanten(JdbcTemplate jdbc, List<KlantId> klanten) {
        String[] ids = klanten.stream().map(KlantId::waarde).sorted().toArray(String[]::new);
        Map<KlantId, byte[]> gevonden = new HashMap<>();
        zoekOud(jdbc, ids, gevonden);
        if (gevonden.size() == ids.length) {
            return gevonden;
        }
        List<String> ontbrekend = Arrays.stream(ids).filter(id -> !gevonden.containsKey(new KlantId(id))).toList();
        jdbc.batchUpdate("insert into benchmark_sleutel (sleutel_id, klant_id, materiaal) values (?, ?, ?)"
                        + " on conflict (klant_id) where zaak_id is null do nothing", ontbrekend, ontbrekend.size(),
                (ps, id) -> {
                    byte[] materiaal = new byte[32];
                    RANDOM.nextBytes(materiaal);
                    ps.setObject(1, UUID.randomUUID());
                    ps.setString(2, id);
                    ps.setBytes(3, materiaal);
                });
        zoekOud(jdbc, ontbrekend.toArray(String[]::new), gevonden);
        return gevonden;
    }

    private static void zoekOud(JdbcTemplate jdbc, String[] ids, Map<KlantId, byte[]> gevonden) {
        jdbc.query("select sleutel_id, klant_id, materiaal from benchmark_sleutel where klant_id = any(?)"
                        + " and zaak_id is null",
                ps -> ps.setArray(1, ps.getConnection().createArrayOf("text", ids)),
                (org.springframework.jdbc.core.RowCallbackHandler) rs -> gevonden.put(
                        new KlantId(rs.getString("klant_id")),
                        new Sleutel(rs.getObject("sleutel_id", UUID.class), rs.getBytes("materiaal")).materiaal()));
    }

    /** A copy of the key table as V2 made it. */
    private static void maakOudeTabel(JdbcTemplate jdbc) {
        jdbc.execute("""
                create table benchmark_sleutel (
                    sleutel_id    uuid        primary key,
                    klant_id      text        null,
                    zaak_id       uuid        null,
                    materiaal     bytea       not null check (octet_length(materiaal) = 32),
                    aangemaakt_op timestamptz not null default now(),
                    check (klant_id is not null or zaak_id is not null))""");
        jdbc.execute("create index on benchmark_sleutel (klant_id)");
        jdbc.execute("create unique index on benchmark_sleutel (zaak_id) where zaak_id is not null");
        jdbc.execute("create unique index on benchmark_sleutel (klant_id) where zaak_id is null");
    }

    private static double kekLezen(Path map) throws Exception {
        List<Path> bestanden;
        try (Stream<Path> lijst = Files.list(map)) {
            bestanden = lijst.filter(p -> p.getFileName().toString().startsWith("kek-")).toList();
        }
        long start = System.nanoTime();
        int keer = 0;
        for (int r = 0; r < 20; r++) {
            for (Path bestand : bestanden) {
                Files.readAllBytes(bestand);
                keer++;
            }
        }
        return (System.nanoTime() - start) / 1e3 / keer;
    }

    /**
     * The crypto alone, as Sleutelkluis does it (one cipher reused, initialised per key), with one
     * KEK or cycling through several: the AES implementation re-expands a key only when it changes.
     */
    private static double wikkelen(int aantalKeks) throws Exception {
        javax.crypto.Cipher cipher = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
        byte[][] keks = new byte[aantalKeks][32];
        for (byte[] k : keks) {
            RANDOM.nextBytes(k);
        }
        byte[] dek = new byte[32];
        byte[] iv = new byte[12];
        byte[] aad = UUID.randomUUID().toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        int keer = 200_000;
        long start = 0;
        for (int i = 0; i < keer * 2; i++) {
            if (i == keer) {
                start = System.nanoTime();
            }
            byte[] kek = keks[i % aantalKeks];
            RANDOM.nextBytes(iv);
            cipher.init(javax.crypto.Cipher.ENCRYPT_MODE, new javax.crypto.spec.SecretKeySpec(kek, "AES"),
                    new javax.crypto.spec.GCMParameterSpec(128, iv));
            cipher.updateAAD(aad);
            byte[] gewikkeld = cipher.doFinal(dek);
            cipher.init(javax.crypto.Cipher.DECRYPT_MODE, new javax.crypto.spec.SecretKeySpec(kek, "AES"),
                    new javax.crypto.spec.GCMParameterSpec(128, iv));
            cipher.updateAAD(aad);
            cipher.doFinal(gewikkeld);
        }
        return (System.nanoTime() - start) / 1e3 / keer;
    }

    private static long aantalBestanden(Path map) throws Exception {
        try (Stream<Path> lijst = Files.list(map)) {
            return lijst.filter(p -> p.getFileName().toString().startsWith("kek-")).count();
        }
    }

    private static List<KlantId> klanten(int vanaf, int aantal) {
        return IntStream.range(vanaf, vanaf + aantal).mapToObj(i -> new KlantId(String.format("k-benchmark%08d", i)))
                .toList();
    }

    /** Keys per second of one pass over {@code werk}, the old way ({@code welke} 0) or with the key ring. */
    private static double perSeconde(List<List<KlantId>> werk, int welke, TransactionTemplate transactie,
                                     JdbcTemplate jdbc, Sleutelring ring) {
        long sleutels = werk.stream().mapToLong(List::size).sum();
        long start = System.nanoTime();
        for (List<KlantId> klanten : werk) {
            transactie.executeWithoutResult(s -> {
                if (welke == 0) {
                    oudeVoorKlanten(jdbc, klanten);
                } else {
                    ring.voorKlanten(klanten);
                }
            });
        }
        return sleutels / ((System.nanoTime() - start) / 1e9);
    }

    private static HikariDataSource pool(IngebeddePostgres postgres) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.jdbcUrl());
        config.setUsername("postgres");
        config.setPassword("postgres");
        config.setMaximumPoolSize(4);
        // As the engine: one round trip for a batch of inserts.
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        return new HikariDataSource(config);
    }

    private static String figuur(double[] waarden) {
        double[] s = waarden.clone();
        Arrays.sort(s);
        return String.format("%,.0f [%,.0f-%,.0f]", s[s.length / 2], s[0], s[s.length - 1]);
    }

    private static String ms(double[] waarden) {
        double[] s = waarden.clone();
        Arrays.sort(s);
        return String.format("%7.1f %7.1f %7.1f", s[s.length / 2], s[(int) Math.min(s.length - 1, s.length * 0.9)],
                s[s.length - 1]);
    }

    private static Map<String, Integer> opties(String[] args) {
        Map<String, Integer> opties = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opties.put(args[i].replaceFirst("^--", ""), Integer.parseInt(args[i + 1]));
        }
        return opties;
    }
}
