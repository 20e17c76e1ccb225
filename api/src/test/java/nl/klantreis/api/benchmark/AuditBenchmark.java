package nl.klantreis.api.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import nl.klantreis.api.audit.Auditschrijvers;
import nl.klantreis.api.audit.Tracecontext;
import nl.klantreis.api.audit.Verwerkingslog;
import nl.klantreis.api.audit.Verwerkingsverslag;
import nl.klantreis.api.beveiliging.Gebruiker;
import nl.klantreis.api.beveiliging.Rol;
import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.infrastructuur.audit.Integriteitscontrole;
import nl.klantreis.infrastructuur.opslag.IngebeddePostgres;

/**
 * The audit writer alone (ADR 0029), without HTTP and reads around it: {@code --gelijktijdig}
 * callers in a closed loop, each storing the verslag of one MijnZaken read (one betrokkene, a
 * burger) and waiting for its commit, as a read does; per number of chains in {@code --ketens}
 * (e.g. {@code 1,2,4}), alternating in every round so that a busy machine favours none. On one
 * embedded PostgreSQL with fsync on, the engine's pool settings (12 connections, batched inserts).
 * Reports verslagen/s, latency of leg() p50/p99, verslagen per transaction, CPU of this JVM and of
 * PostgreSQL per 1,000 verslagen, and the CPU of other processes; at the end the whole log's
 * integrity check.
 *
 * <p>Run: {@code java -cp ... nl.klantreis.api.benchmark.AuditBenchmark [--ketens 1,4]
 * [--gelijktijdig 64] [--duur 10] [--opwarmen 3] [--rondes 3]} (docs/benchmarks.md, "Audit in ketens").
 */
public final class AuditBenchmark {
    private static final Gebruiker BURGER = new Gebruiker("burger-pseudoniem", Rol.BURGER, "999990019", null);

    private AuditBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> ketens = new ArrayList<>(List.of(1, 4));
        int gelijktijdig = 64;
        int duur = 10;
        int opwarmen = 3;
        int rondes = 3;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--ketens" -> ketens = Arrays.stream(args[++i].split(",")).map(Integer::valueOf).toList();
                case "--gelijktijdig" -> gelijktijdig = Integer.parseInt(args[++i]);
                case "--duur" -> duur = Integer.parseInt(args[++i]);
                case "--opwarmen" -> opwarmen = Integer.parseInt(args[++i]);
                case "--rondes" -> rondes = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("onbekende optie " + args[i]
                        + "; bekend: --ketens 1,4 --gelijktijdig N --duur S --opwarmen S --rondes N");
            }
        }
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        Path map = Files.createTempDirectory("klantreis-auditbenchmark");
        try (IngebeddePostgres postgres = IngebeddePostgres.start(map.resolve("postgres"), 0);
             HikariDataSource database = pool(postgres)) {
            Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();
            Cpumeting cpu = new Cpumeting(map.resolve("postgres"));
            Cpumeting.Stand vooraf = cpu.nu();
            Thread.sleep(2_000);
            Cpumeting.Stand rust = cpu.nu().minus(vooraf);
            System.out.printf(Locale.ROOT, "Auditbenchmark: ketens %s, %d gelijktijdig, %d s opwarmen + %d s meten, %d rondes;"
                    + " andere processen vooraf %.2f cores%n", ketens, gelijktijdig, opwarmen, duur, rondes,
                    anderen(rust) / 2.0);
            Map<Integer, List<Uitslag>> uitslagen = new LinkedHashMap<>();
            ketens.forEach(k -> uitslagen.put(k, new ArrayList<>()));
            for (int ronde = 1; ronde <= rondes; ronde++) {
                List<Integer> volgorde = new ArrayList<>(ketens);
                if (ronde % 2 == 0) {
                    java.util.Collections.reverse(volgorde);
                }
                for (int k : volgorde) {
                    Uitslag uitslag = meet(database, cpu, k, gelijktijdig, opwarmen, duur);
                    uitslagen.get(k).add(uitslag);
                    System.out.printf(Locale.ROOT, "ronde %d, ketens %2d: %s%n", ronde, k, uitslag);
                }
            }
            System.out.println();
            System.out.println("Mediaan per aantal ketens (verslagen/s, p50/p99 ms, verslagen per transactie,"
                    + " CPU ms per 1000 verslagen JVM+PG, andere processen cores):");
            for (Map.Entry<Integer, List<Uitslag>> e : uitslagen.entrySet()) {
                List<Uitslag> lijst = new ArrayList<>(e.getValue());
                lijst.sort(java.util.Comparator.comparingDouble(Uitslag::perSeconde));
                Uitslag midden = lijst.get(lijst.size() / 2);
                System.out.printf(Locale.ROOT, "  ketens %2d: %s%n", e.getKey(), midden);
            }
            long begin = System.nanoTime();
            var rapport = new Integriteitscontrole(database).controleer();
            System.out.printf(Locale.ROOT, "Integriteit na afloop: %s, %,d records in %d ketens, %.1f s%n",
                    rapport.intact() ? "intact" : "GEBROKEN " + rapport.eersteBreuk(), rapport.records(),
                    rapport.ketens().size(), (System.nanoTime() - begin) / 1e9);
            System.out.println("uptime: " + new String(new ProcessBuilder("uptime").start().getInputStream().readAllBytes()).trim());
        } finally {
            verwijder(map);
        }
    }

    private static Uitslag meet(HikariDataSource database, Cpumeting cpu, int ketens, int gelijktijdig, int opwarmen,
                                int duur) throws InterruptedException {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Verwerkingslog log = Auditschrijvers.maak(database, registry, 500, ketens);
        AtomicBoolean meten = new AtomicBoolean(false);
        AtomicBoolean stoppen = new AtomicBoolean(false);
        long[][] latenties = new long[gelijktijdig][];
        int[] aantallen = new int[gelijktijdig];
        List<Thread> bellers = new ArrayList<>();
        for (int b = 0; b < gelijktijdig; b++) {
            int eigen = b;
            latenties[b] = new long[1 << 16];
            Thread draad = new Thread(() -> {
                while (!stoppen.get()) {
                    long begin = System.nanoTime();
                    log.leg(verslag()).block();
                    long tijd = System.nanoTime() - begin;
                    if (meten.get() && !stoppen.get()) {
                        if (aantallen[eigen] == latenties[eigen].length) {
                            latenties[eigen] = Arrays.copyOf(latenties[eigen], latenties[eigen].length * 2);
                        }
                        latenties[eigen][aantallen[eigen]++] = tijd;
                    }
                }
            }, "audit-beller-" + b);
            draad.setDaemon(true);
            bellers.add(draad);
        }
        bellers.forEach(Thread::start);
        Thread.sleep(opwarmen * 1000L);
        double groepenVooraf = registry.get("klantreis.audit.batch").timer().count();
        Cpumeting.Stand begin = cpu.nu();
        long start = System.nanoTime();
        meten.set(true);
        Thread.sleep(duur * 1000L);
        stoppen.set(true);
        double seconden = (System.nanoTime() - start) / 1e9;
        Cpumeting.Stand gebruik = cpu.nu().minus(begin);
        double groepen = registry.get("klantreis.audit.batch").timer().count() - groepenVooraf;
        for (Thread draad : bellers) {
            draad.join();
        }
        Auditschrijvers.stop(log);
        int totaal = Arrays.stream(aantallen).sum();
        long[] alle = new long[totaal];
        int plek = 0;
        for (int b = 0; b < gelijktijdig; b++) {
            System.arraycopy(latenties[b], 0, alle, plek, aantallen[b]);
            plek += aantallen[b];
        }
        Arrays.sort(alle);
        return new Uitslag(totaal / seconden, percentiel(alle, 0.50), percentiel(alle, 0.99),
                groepen == 0 ? 0 : totaal / groepen, (gebruik.jvm() + gebruik.postgres()) * 1000 / Math.max(1, totaal) * 1000,
                anderen(gebruik) / seconden);
    }

    /** CPU seconds of the machine not used by this JVM or PostgreSQL. */
    private static double anderen(Cpumeting.Stand gebruik) {
        return Math.max(0, gebruik.machineBezet() - gebruik.jvm() - gebruik.postgres());
    }

    private static double percentiel(long[] gesorteerd, double p) {
        if (gesorteerd.length == 0) {
            return Double.NaN;
        }
        int plek = (int) Math.ceil(p * gesorteerd.length) - 1;
        return gesorteerd[Math.max(0, plek)] / 1e6;
    }

    private static Verwerkingsverslag verslag() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        byte[] trace = new byte[16];
        byte[] span = new byte[8];
        random.nextBytes(trace);
        random.nextBytes(span);
        return new Verwerkingsverslag(BURGER, new Tracecontext(HexFormat.of().formatHex(trace),
                HexFormat.of().formatHex(span)), "mijnzaken-zaak-inzien", "dienstverlening aan de burger",
                "AVG art. 6 lid 1 sub e (publieke taak)", List.of(new KlantId(String.format("k-%08d", random.nextInt(1_000_000)))),
                "getoond");
    }

    private static HikariDataSource pool(IngebeddePostgres postgres) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.jdbcUrl());
        config.setUsername("postgres");
        config.setPassword("postgres");
        // As the engine: its default pool, and one round trip for a batch of inserts.
        config.setMaximumPoolSize(12);
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        return new HikariDataSource(config);
    }

    private static void verwijder(Path map) {
        try (var paden = Files.walk(map)) {
            paden.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            System.err.println("kon " + map + " niet opruimen: " + e.getMessage());
        }
    }

    private record Uitslag(double perSeconde, double p50, double p99, double perTransactie, double cpuPerDuizend,
                           double anderen) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%,8.0f verslagen/s, p50 %6.1f ms, p99 %6.1f ms, %5.1f per transactie,"
                    + " CPU %5.0f ms per 1000, andere processen %.2f cores", perSeconde, p50, p99, perTransactie,
                    cpuPerDuizend, anderen);
        }
    }
}
