package nl.klantreis.api.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.node.ObjectNode;

import nl.klantreis.infrastructuur.opslag.IngebeddePostgres;
import nl.klantreis.simulatie.Simulatie;

/**
 * Ingestion throughput of the real engine next to the raw speed of the same PostgreSQL, in one
 * run on one server. A program that prints figures, not a test (see docs/benchmarks.md):
 *
 * <pre>
 * mvn -q -o install -DskipTests &amp;&amp; mvn -q -o -pl api exec:java \
 *     -Dexec.mainClass=nl.klantreis.api.benchmark.IngestieBenchmark -Dexec.classpathScope=test \
 *     -Dexec.args="--berichten 100000"
 * </pre>
 *
 * <ol>
 * <li>One embedded PostgreSQL (fsync and synchronous_commit on, the engine's own settings) on a
 * fresh temporary data directory.</li>
 * <li>(a) The application in-process on it; a simulated municipality (faults included: resends,
 * statuses before their zaak, late contacts) posted in batches to {@code POST /api/v1/events}
 * by 1 and by 4 concurrent senders, after a warm-up on other klanten. Every answer must have
 * rejected = 0.</li>
 * <li>(b) Plain JDBC batch inserts of rows of the measured average size into a copy of
 * {@code domainevententry}, in transactions of the same number of rows, from 1 and 4
 * connections; converted to messages with the measured events per message.</li>
 * </ol>
 * Each figure is the median of the repetitions; every repetition uses klanten of its own.
 */
public final class IngestieBenchmark {
    private static final double DOEL_BERICHTEN_PER_SECONDE = 10_000;
    private static final double DOEL_VERHOUDING = 0.05;

    private IngestieBenchmark() {
    }

    record Instellingen(int berichten, int opwarmen, int herhalingen, int batch, List<Integer> afzenders,
                        boolean fouten, boolean bemonsteren, List<String> app, boolean geschud) {
        static Instellingen lees(String[] args) {
            int berichten = 100_000;
            int opwarmen = 10_000;
            int herhalingen = 3;
            int batch = 500;
            List<Integer> afzenders = List.of(1, 4);
            boolean fouten = true;
            boolean bemonsteren = true;
            List<String> app = new ArrayList<>();
            boolean geschud = false;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--berichten" -> berichten = Integer.parseInt(args[++i]);
                    case "--opwarmen" -> opwarmen = Integer.parseInt(args[++i]);
                    case "--herhalingen" -> herhalingen = Integer.parseInt(args[++i]);
                    case "--batch" -> batch = Integer.parseInt(args[++i]);
                    case "--afzenders" -> afzenders = Arrays.stream(args[++i].split(","))
                            .map(String::trim).map(Integer::parseInt).toList();
                    case "--zonder-fouten" -> fouten = false;
                    case "--zonder-bemonstering" -> bemonsteren = false;
                    case "--app" -> app.add("--" + args[++i]);
                    case "--geschud" -> geschud = true;
                    default -> throw new IllegalArgumentException("onbekende optie " + args[i]
                            + "; bekend: --berichten N --opwarmen N --herhalingen N --batch N --afzenders 1,4"
                            + " --zonder-fouten --zonder-bemonstering --app eigenschap=waarde --geschud");
                }
            }
            return new Instellingen(berichten, opwarmen, herhalingen, batch, afzenders, fouten, bemonsteren,
                    List.copyOf(app), geschud);
        }
    }

    /** One measured repetition of the engine. */
    record Engineronde(int afzenders, int berichten, Afzenders.Antwoorden antwoorden, long events,
                       Cpumeting.Stand cpu, long heapNaGc) {
        double berichtenPerSeconde() {
            return berichten / antwoorden.seconden();
        }

        double eventsPerSeconde() {
            return events / antwoorden.seconden();
        }
    }

    /** One repetition of the raw inserts. */
    record Ruweronde(int verbindingen, long rijen, double seconden, Cpumeting.Stand cpu) {
        double rijenPerSeconde() {
            return rijen / seconden;
        }
    }

    public static void main(String[] args) throws Exception {
        Instellingen instellingen = Instellingen.lees(args);
        Benchmarkomgeving.inEigenJvm(IngestieBenchmark.class, args);
        System.out.printf("Ingestiebenchmark: %,d berichten per meting, %d herhalingen, batches van %d, afzenders %s%n",
                instellingen.berichten(), instellingen.herhalingen(), instellingen.batch(), instellingen.afzenders());
        // Variants of the engine's configuration to compare, e.g. --app axon.timeout.enabled=false
        Benchmarkomgeving.draai("ingestiebenchmark", instellingen.app(), "de engine", werkmap -> {
            // A 503 (retried by the senders and counted) would otherwise print a stack trace with a
            // whole SQL batch in it.
            try (ConfigurableApplicationContext app = werkmap.startEngine(List.of(
                    "--logging.level.nl.klantreis.api.configuratie.Probleemafhandeling=OFF",
                    "--logging.level.org.axonframework.modelling.command.AbstractRepository=ERROR"), instellingen.app())) {
                return meet(instellingen, werkmap.postgres(), werkmap.pgMap(), Benchmarkomgeving.poort(app),
                        werkmap.bronToken());
            }
        });
    }

    private static int meet(Instellingen instellingen, IngebeddePostgres postgres, Path pgMap, int poort, String token)
            throws Exception {
        RuweOpslag db = new RuweOpslag(postgres.jdbcUrl(), "postgres", "postgres");
        Cpumeting cpu = new Cpumeting(pgMap);
        Afzenders afzenders = new Afzenders(poort, token);
        boolean alles = true;

        double anderen = Benchmarkomgeving.anderen(cpu);

        // ---------------------------------------------------------------- (a) the engine
        System.out.printf("%nOpwarmen: %,d berichten van andere klanten, 4 afzenders ...%n", instellingen.opwarmen());
        List<byte[]> opwarm = Afzenders.batches(simulatie(instellingen, 1_000_003L, instellingen.opwarmen()),
                instellingen.batch());
        Afzenders.Antwoorden warm = afzenders.verstuur(opwarm, 4);
        System.out.printf("  %,d accepted, %,d duplicate, %,d rejected, %,d keer 503 en opnieuw, in %.1f s%n",
                warm.accepted(), warm.duplicate(), warm.rejected(), warm.opnieuw(), warm.seconden());
        alles &= controleer(warm);

        List<Engineronde> engine = new ArrayList<>();
        for (int herhaling = 1; herhaling <= instellingen.herhalingen(); herhaling++) {
            for (int aantal : instellingen.afzenders()) {
                long zaad = 2_000_000L + herhaling * 100L + aantal;
                List<byte[]> batches = Afzenders.batches(simulatie(instellingen, zaad, instellingen.berichten()),
                        instellingen.batch());
                long eventsVoor = db.aantalRijen("domainevententry");
                Cpumeting.Stand cpuVoor = cpu.nu();
                Afzenders.Antwoorden antwoorden = afzenders.verstuur(batches, aantal);
                Cpumeting.Stand cpuNa = cpu.nu();
                long events = db.aantalRijen("domainevententry") - eventsVoor;
                // Outside the timing: a heap that grows from round to round is a leak, not load.
                long heap = heapNaGc().getUsed();
                Engineronde ronde = new Engineronde(aantal, instellingen.berichten(), antwoorden, events,
                        cpuNa.minus(cpuVoor), heap);
                engine.add(ronde);
                System.out.printf(Locale.ROOT, "  engine  herhaling %d, %d afzender(s): %,8.0f berichten/s, %,8.0f events/s,"
                                + " batch gem %.0f ms p99 %.0f ms (accepted %,d, duplicate %,d, rejected %,d,"
                                + " 503 opnieuw %,d); heap na GC %,d MiB%n",
                        herhaling, aantal, ronde.berichtenPerSeconde(), ronde.eventsPerSeconde(),
                        antwoorden.gemiddeldeMs(), antwoorden.percentielMs(99), antwoorden.accepted(),
                        antwoorden.duplicate(), antwoorden.rejected(), antwoorden.opnieuw(), ronde.heapNaGc() >> 20);
                alles &= controleer(antwoorden);
            }
        }
        MemoryUsage heapNaEngine = heapNaGc();

        if (instellingen.bemonsteren()) {
            // Apart from the measured runs: sampling stacks costs a little CPU itself.
            int aantalBemonsterd = Math.max(10_000, instellingen.berichten() / 4);
            System.out.printf("%nWaar de ingestiewerkers hun tijd laten (stapelbemonstering, elke 5 ms, %,d berichten,"
                    + " niet in de cijfers hierboven):%n", aantalBemonsterd);
            for (int aantal : instellingen.afzenders()) {
                List<byte[]> batches = Afzenders.batches(simulatie(instellingen, 3_000_000L + aantal, aantalBemonsterd),
                        instellingen.batch());
                Afzenders.Antwoorden antwoorden;
                try (Stapelbemonstering stapels = new Stapelbemonstering(5);
                     Postgresbemonstering sessies = new Postgresbemonstering(db, 10)) {
                    antwoorden = afzenders.verstuur(batches, aantal);
                    stapels.druk(String.format(Locale.ROOT, "%n%d afzender(s), %,.0f berichten/s; ingestiewerkers",
                            aantal, aantalBemonsterd / antwoorden.seconden()));
                    sessies.druk("PostgreSQL-sessies (pg_stat_activity, elke 10 ms)");
                }
                alles &= controleer(antwoorden);
            }
        }

        RuweOpslag.Rijvorm vorm = db.meet("domainevententry");
        long verzonden = engine.stream().mapToLong(Engineronde::berichten).sum();
        long accepted = engine.stream().mapToLong(r -> r.antwoorden().accepted()).sum();
        long opgeslagen = engine.stream().mapToLong(Engineronde::events).sum();
        // Per message sent, resends included: the engine's messages/s counts those too.
        double eventsPerBericht = (double) opgeslagen / verzonden;
        long ontvangen = db.aantalRijen("ontvangen_bericht");

        // ---------------------------------------------------------------- (b) raw inserts
        db.maakTabel();
        long rijen = Math.round(instellingen.berichten() * eventsPerBericht);
        System.out.printf("%nRuwe JDBC-invoeging: %,d rijen per meting (= %,d berichten x %.2f events/bericht),"
                + " %d rijen per transactie%n", rijen, instellingen.berichten(), eventsPerBericht, instellingen.batch());
        db.voegIn(Math.min(rijen, 20_000), instellingen.batch(), 4, vorm, 1);
        List<Ruweronde> ruw = new ArrayList<>();
        for (int herhaling = 1; herhaling <= instellingen.herhalingen(); herhaling++) {
            for (int aantal : instellingen.afzenders()) {
                Cpumeting.Stand cpuVoor = cpu.nu();
                double seconden = db.voegIn(rijen, instellingen.batch(), aantal, vorm, herhaling * 10L + aantal);
                Ruweronde ronde = new Ruweronde(aantal, rijen, seconden, cpu.nu().minus(cpuVoor));
                ruw.add(ronde);
                System.out.printf(Locale.ROOT, "  ruw     herhaling %d, %d verbinding(en): %,10.0f rijen/s%n", herhaling,
                        aantal, ronde.rijenPerSeconde());
            }
        }

        rapport(instellingen, db, vorm, eventsPerBericht, opgeslagen, accepted, verzonden, ontvangen, engine, ruw,
                heapNaEngine);
        if (!alles) {
            System.out.println("\nLET OP: niet elk bericht is geaccepteerd; de cijfers hierboven zijn niet bruikbaar.");
            return 1;
        }
        return 0;
    }

    private static Stream<ObjectNode> simulatie(Instellingen instellingen, long zaad, int berichten) {
        Stream<ObjectNode> stroom = Simulatie.metSeed(zaad).klanten(Simulatie.MEESTE_KLANTEN)
                .metFouten(instellingen.fouten()).berichten().limit(berichten);
        // Klant by klant is how the simulator makes them; shuffled, every batch holds hundreds of
        // klanten, as when many systems deliver at once.
        return instellingen.geschud() ? Simulatie.geschud(stroom.toList(), zaad) : stroom;
    }

    private static boolean controleer(Afzenders.Antwoorden antwoorden) {
        if (antwoorden.rejected() == 0) {
            return true;
        }
        System.out.println("  AFGEWEZEN: " + antwoorden.rejected() + "; eerste: " + antwoorden.eersteProbleem());
        return false;
    }

    // ---------------------------------------------------------------- report

    private static void rapport(Instellingen instellingen, RuweOpslag db, RuweOpslag.Rijvorm vorm,
                                double eventsPerBericht, long opgeslagen, long accepted, long verzonden,
                                long ontvangen, List<Engineronde> engine, List<Ruweronde> ruw, MemoryUsage heap)
            throws SQLException {
        Runtime runtime = Runtime.getRuntime();
        Benchmarkomgeving.kop("Ingestie: engine tegenover ruwe JDBC op dezelfde PostgreSQL");
        System.out.printf("Machine        %d cores (%s), %s %s%n", runtime.availableProcessors(),
                Benchmarkomgeving.cpuModel(), System.getProperty("os.name"), System.getProperty("os.version"));
        System.out.printf("JVM            %s %s, max heap %,d MiB, GC %s, opties %s%n",
                System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
                runtime.maxMemory() >> 20, Benchmarkomgeving.gcNamen(), Benchmarkomgeving.jvmOpties());
        Benchmarkomgeving.postgresEnEngine(db, instellingen.app());
        System.out.printf("Berichten      %,d per meting, batches van %d, %s, %d herhalingen (mediaan)%n",
                instellingen.berichten(), instellingen.batch(), (instellingen.fouten()
                        ? "met fouten (ca. 2% dubbel, statussen voor zaak, late contacten)" : "zonder fouten")
                        + (instellingen.geschud() ? ", geschud" : ", klant na klant"),
                instellingen.herhalingen());
        System.out.printf(Locale.ROOT, "Opgeslagen     in de metingen %,d events uit %,d verzonden berichten (%,d accepted)"
                        + " = %.2f events per verzonden bericht; in totaal %,d events, %,d ontvangstregels%n",
                opgeslagen, verzonden, accepted, eventsPerBericht, vorm.rijen(), ontvangen);
        System.out.printf(Locale.ROOT, "Rijvorm        payload gem. %.0f B, metadata %.0f B, aggregaat-id %.0f tekens,"
                        + " payloadtype %.0f tekens, %.1f events per aggregaat%n", vorm.payload(), vorm.metadata(),
                vorm.aggregaatId(), vorm.payloadType(), vorm.eventsPerAggregaat());
        System.out.println();

        System.out.printf("%-40s", "");
        for (int aantal : instellingen.afzenders()) {
            System.out.printf("%22s", aantal + (aantal == 1 ? " afzender" : " afzenders"));
        }
        System.out.println();
        Map<Integer, Double> engineMediaan = new LinkedHashMap<>();
        Map<Integer, Double> ruwMediaan = new LinkedHashMap<>();
        for (int aantal : instellingen.afzenders()) {
            engineMediaan.put(aantal, mediaan(engine, aantal, Engineronde::berichtenPerSeconde));
            ruwMediaan.put(aantal, mediaan(ruw, aantal, Ruweronde::rijenPerSeconde) / eventsPerBericht);
        }
        regel("engine berichten/s", instellingen, a -> engineMediaan.get(a), "%,22.0f");
        regel("engine events/s", instellingen, a -> mediaan(engine, a, Engineronde::eventsPerSeconde), "%,22.0f");
        regel("engine batch gemiddeld (ms)", instellingen,
                a -> mediaan(engine, a, r -> r.antwoorden().gemiddeldeMs()), "%,22.0f");
        regel("engine batch p99 (ms)", instellingen,
                a -> mediaan(engine, a, r -> r.antwoorden().percentielMs(99)), "%,22.0f");
        regel("engine 503 en opnieuw verstuurd", instellingen,
                a -> mediaan(engine, a, r -> r.antwoorden().opnieuw()), "%,22.0f");
        System.out.println();
        regel("ruw rijen/s", instellingen, a -> mediaan(ruw, a, Ruweronde::rijenPerSeconde), "%,22.0f");
        regel("ruw berichten-equivalent/s", instellingen, a -> ruwMediaan.get(a), "%,22.0f");
        System.out.println();
        regel("verhouding engine / ruw", instellingen, a -> engineMediaan.get(a) / ruwMediaan.get(a), "%22.4f");
        int eerste = instellingen.afzenders().get(0);
        regel("verhouding engine / ruw(" + eerste + ")", instellingen,
                a -> engineMediaan.get(a) / ruwMediaan.get(eerste), "%22.4f");
        System.out.println();

        System.out.println("CPU tijdens de meting (cores bezet = CPU-seconden / wandtijd; mediaan)");
        regel("  machine totaal", instellingen, a -> mediaan(engine, a, r -> r.cpu().machineBezet()
                / r.antwoorden().seconden()), "%22.2f");
        regel("  JVM (engine + afzenders + GC)", instellingen, a -> mediaan(engine, a, r -> r.cpu().jvm()
                / r.antwoorden().seconden()), "%22.2f");
        for (String groep : List.of("engine: ingestiewerkers", "engine: netty http", "benchmark: afzenders + http-client",
                "overig")) {
            regel("    " + groep, instellingen, a -> mediaan(engine, a, r -> r.cpu().perGroep().getOrDefault(groep, 0.0)
                    / r.antwoorden().seconden()), "%22.2f");
        }
        regel("    GC, JIT, beeindigde threads", instellingen, a -> mediaan(engine, a, r -> (r.cpu().jvm()
                - r.cpu().perGroep().values().stream().mapToDouble(Double::doubleValue).sum())
                / r.antwoorden().seconden()), "%22.2f");
        regel("  (GC-pauzes, aandeel wandtijd)", instellingen, a -> mediaan(engine, a, r -> r.cpu().gc()
                / r.antwoorden().seconden()), "%22.2f");
        regel("  PostgreSQL", instellingen, a -> mediaan(engine, a, r -> r.cpu().postgres()
                / r.antwoorden().seconden()), "%22.2f");
        regel("  andere processen op de machine", instellingen, a -> mediaan(engine, a, r -> (r.cpu().machineBezet()
                - r.cpu().jvm() - r.cpu().postgres()) / r.antwoorden().seconden()), "%22.2f");
        regel("  ruw: machine totaal", instellingen, a -> mediaan(ruw, a, r -> r.cpu().machineBezet()
                / r.seconden()), "%22.2f");
        regel("  ruw: PostgreSQL", instellingen, a -> mediaan(ruw, a, r -> r.cpu().postgres() / r.seconden()),
                "%22.2f");
        regel("  ruw: JVM (afzenders)", instellingen, a -> mediaan(ruw, a, r -> r.cpu().jvm() / r.seconden()),
                "%22.2f");
        regel("  engine: CPU-ms per 1000 berichten", instellingen, a -> mediaan(engine, a,
                r -> (r.cpu().jvm() + r.cpu().postgres()) * 1e6 / r.berichten()), "%22.0f");
        System.out.println();

        System.out.println("Alle herhalingen (berichten/s):");
        for (int aantal : instellingen.afzenders()) {
            System.out.printf(Locale.ROOT, "  engine %d afzender(s): %s%n", aantal, engine.stream()
                    .filter(r -> r.afzenders() == aantal).map(r -> String.format(Locale.ROOT, "%.0f",
                            r.berichtenPerSeconde())).toList());
            System.out.printf(Locale.ROOT, "  ruw    %d verbinding(en): %s (berichten-equivalent)%n", aantal, ruw.stream()
                    .filter(r -> r.verbindingen() == aantal).map(r -> String.format(Locale.ROOT, "%.0f",
                            r.rijenPerSeconde() / eventsPerBericht)).toList());
        }
        System.out.printf("Geheugen       heap in gebruik na GC (na de engine-metingen): %,d MiB van %,d MiB max%n",
                heap.getUsed() >> 20, heap.getMax() >> 20);
        double beste = engineMediaan.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double besteVerhouding = instellingen.afzenders().stream()
                .mapToDouble(a -> engineMediaan.get(a) / ruwMediaan.get(a)).max().orElse(0);
        System.out.printf(Locale.ROOT, "Doel           >= %,.0f berichten/s: %s (beste %,.0f); verhouding >= %.2f: %s"
                        + " (beste %.4f)%n", DOEL_BERICHTEN_PER_SECONDE,
                beste >= DOEL_BERICHTEN_PER_SECONDE ? "gehaald" : "NIET gehaald", beste, DOEL_VERHOUDING,
                besteVerhouding >= DOEL_VERHOUDING ? "gehaald" : "NIET gehaald", besteVerhouding);
    }

    private interface PerAfzenders {
        double waarde(int afzenders);
    }

    private static void regel(String naam, Instellingen instellingen, PerAfzenders waarde, String formaat) {
        System.out.printf("%-40s", naam);
        for (int aantal : instellingen.afzenders()) {
            System.out.printf(Locale.ROOT, formaat, waarde.waarde(aantal));
        }
        System.out.println();
    }

    private static <T> double mediaan(List<T> rondes, int afzenders, ToDoubleFunction<T> waarde) {
        return Benchmarkomgeving.mediaan(rondes.stream().filter(r -> afzendersVan(r) == afzenders).mapToDouble(waarde));
    }

    private static int afzendersVan(Object ronde) {
        if (ronde instanceof Engineronde e) {
            return e.afzenders();
        }
        return ((Ruweronde) ronde).verbindingen();
    }

    private static MemoryUsage heapNaGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    }
}
