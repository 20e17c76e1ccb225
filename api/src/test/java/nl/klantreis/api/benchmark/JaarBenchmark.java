package nl.klantreis.api.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.deadletter.InMemorySequencedDeadLetterQueue;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.node.ObjectNode;

import nl.klantreis.projecties.leesmodel.Documentlezer;
import nl.klantreis.projecties.leesmodel.Projectiebeheer;
import nl.klantreis.simulatie.Simulatie;

/**
 * A G4 city's year (issue 14), at a stated fraction: how long ingesting it takes through the
 * HTTP API, how long a rebuild of every read model takes, and whether memory stays flat, with the
 * raw baselines of the same run and the projection to the whole year. A program that prints
 * figures, not a test (docs/benchmarks.md, "Een G4-jaar"):
 *
 * <pre>
 * java -cp "$(cat cp.txt)" nl.klantreis.api.benchmark.JaarBenchmark --deel 100
 * </pre>
 *
 * <p>The year: a G4 city has about 26 million klantcontacten a year. A Simulatie klant gets the
 * same number of messages whatever the period (measured: 4.09 klantcontacten and 12.4 messages
 * per klant, with zaken, statuses and faults), so the year is {@value #KLANTCONTACTEN_PER_JAAR}
 * klantcontacten / 4.09 = about 6.35 million klanten over one year (2025), and 1/{@code deel} of it
 * is 1/{@code deel} of those klanten over the same year. A fraction by klanten, not by months,
 * keeps every klant's own history as long as in the whole year: the Klant aggregate re-derives its
 * klantreizen per fact, so per-klant cost grows with his contacts, and this fraction does not
 * shrink that cost.
 *
 * <ol>
 * <li>Ingest: messages generated portion by portion just before they are sent (generation not
 * timed), batches of {@code --batch}, {@code --afzenders} concurrent senders; the rate per tenth,
 * heap after every GC (highest per tenth) and after a full GC at every tenth.</li>
 * <li>The live read models catch up (timed). With {@code --historie} the load went through a node that
 * only stores, and a whole node started after it catches up in bulk (ADR 0035); then, side by side, the
 * same catch-up by the pooled processors alone (tables put back, {@code inhalen-vanaf=0}), whose tables
 * must equal the bulk's.</li>
 * <li>Raw baselines: every event read by plain JDBC and by Axon's {@code readEvents} (as
 * HerbouwBenchmark); as many events, with their dedup rows, stored raw into empty tables made like the
 * engine's, by JDBC batch inserts and by binary COPY (the machine's ceiling for the ingest).</li>
 * <li>A rebuild of every read model at once, until every new generation took over, compared with
 * the live tables (HerbouwBenchmark's round), in {@code --herbouwrondes} alternating pairs: once
 * {@code Projectiebeheer.herbouw} per read model (each bulk fill reads the store itself), once
 * {@code Projectiebeheer.herbouwAlle} (one shared reader); with {@code --bemonsteren} one more
 * {@code herbouwAlle} with stack sampling (where the time goes).</li>
 * <li>With {@code --direct} (c): the read models' own projection in a plain loop, once with one reader per
 * read model and once with one shared reader that deserialises each event once for all read
 * models: the ceiling of the shared read as a lever, side by side.</li>
 * </ol>
 */
public final class JaarBenchmark {
    static final long KLANTCONTACTEN_PER_JAAR = 26_000_000L;
    /** Measured on Simulatie seed 7,000,001 with faults, 20,000 klanten, a year and a half year alike. */
    static final double KLANTCONTACTEN_PER_KLANT = 81_848 / 20_000.0;
    private static final long ZAAD = 7_000_001L;
    private static final int PORTIE = 10_000;
    private static final LocalDate VAN = LocalDate.of(2025, 1, 1);
    private static final LocalDate TOT = LocalDate.of(2026, 1, 1);
    /** Seconds after the last write before rebuilding: Axon's gap timeout and a margin (as HerbouwBenchmark). */
    private static final double GATEN_RUST = 75;

    private JaarBenchmark() {
    }

    record Instellingen(int deel, int afzenders, int batch, boolean bemonsteren, boolean direct, int portie,
                        int herbouwrondes, boolean historie, List<String> app) {
        static Instellingen lees(String[] args) {
            int deel = 100;
            int afzenders = 4;
            int batch = 500;
            boolean bemonsteren = false;
            boolean direct = false;
            int portie = 5_000;
            int herbouwrondes = 2;
            boolean historie = false;
            List<String> app = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--deel" -> deel = Integer.parseInt(args[++i]);
                    case "--afzenders" -> afzenders = Integer.parseInt(args[++i]);
                    case "--batch" -> batch = Integer.parseInt(args[++i]);
                    case "--bemonsteren" -> bemonsteren = true;
                    case "--direct" -> direct = true;
                    case "--portie" -> portie = Integer.parseInt(args[++i]);
                    case "--herbouwrondes" -> herbouwrondes = Integer.parseInt(args[++i]);
                    case "--historie" -> historie = true;
                    case "--app" -> app.add("--" + args[++i]);
                    default -> throw new IllegalArgumentException("onbekende optie " + args[i]
                            + "; bekend: --deel N (1/N van het jaar) --afzenders N --batch N --bemonsteren"
                            + " --direct --portie N --herbouwrondes N --historie --app eigenschap=waarde");
                }
            }
            return new Instellingen(deel, afzenders, batch, bemonsteren, direct, portie, herbouwrondes, historie,
                    List.copyOf(app));
        }

        int klanten() {
            return (int) Math.round(KLANTCONTACTEN_PER_JAAR / KLANTCONTACTEN_PER_KLANT / deel);
        }
    }

    /** One tenth of the ingest. */
    record Tiende(long berichten, long events, double seconden, double berichtenPerSeconde, double heapNaGcMax,
                  double heapNaVolledigeGc) {
    }

    public static void main(String[] args) throws Exception {
        Instellingen instellingen = Instellingen.lees(args);
        Benchmarkomgeving.inEigenJvm(JaarBenchmark.class, args);
        System.out.printf(Locale.ROOT, "Jaarbenchmark: 1/%d van een G4-jaar (%,d klantcontacten per jaar / %.2f per klant"
                        + " = %,d klanten in het hele jaar; hier %,d klanten, %s..%s, met fouten), %d afzenders,"
                        + " batches van %d%n", instellingen.deel(), KLANTCONTACTEN_PER_JAAR, KLANTCONTACTEN_PER_KLANT,
                Math.round(KLANTCONTACTEN_PER_JAAR / KLANTCONTACTEN_PER_KLANT), instellingen.klanten(), VAN, TOT,
                instellingen.afzenders(), instellingen.batch());
        Benchmarkomgeving.draai("jaarbenchmark", instellingen.app(), "de engine", werkmap -> {
            // --historie: a history load as docs/bronnen.md describes it: a node that only stores
            // (no read-model processors) takes the whole load, and a node started after it brings the
            // read models up to date.
            try (Engines engines = new Engines(werkmap, instellingen.app(), instellingen.historie()
                    ? List.of("--klantreis.projecties.verwerken=false") : List.of())) {
                return meet(instellingen, engines, werkmap);
            }
        });
    }

    /** The engine of the run; with --historie first a storing-only node, then a whole one. */
    static final class Engines implements AutoCloseable {
        private final Benchmarkomgeving.Werkmap werkmap;
        private final List<String> app;
        private ConfigurableApplicationContext huidig;

        Engines(Benchmarkomgeving.Werkmap werkmap, List<String> app, List<String> eerste) {
            this.werkmap = werkmap;
            this.app = app;
            this.huidig = werkmap.startEngine(eerste, app);
        }

        ConfigurableApplicationContext huidig() {
            return huidig;
        }

        /** Stops the node and starts a whole one on the same database. */
        void herstartMetLeesmodellen() {
            herstartMetLeesmodellen(List.of(), () -> { });
        }

        /** Stops the node, does {@code tussendoor} while none runs, and starts a whole one with these options. */
        void herstartMetLeesmodellen(List<String> eigen, Runnable tussendoor) {
            huidig.close();
            tussendoor.run();
            huidig = werkmap.startEngine(eigen, app);
        }

        @Override
        public void close() {
            huidig.close();
        }
    }

    private static int meet(Instellingen instellingen, Engines engines, Benchmarkomgeving.Werkmap werkmap)
            throws Exception {
        ConfigurableApplicationContext app = engines.huidig();
        RuweOpslag db = new RuweOpslag(werkmap.postgres().jdbcUrl(), "postgres", "postgres");
        Cpumeting cpu = new Cpumeting(werkmap.pgMap());
        Projectiebeheer beheer = app.getBean(Projectiebeheer.class);
        DataSource database = app.getBean(DataSource.class);
        EventStorageEngine opslagmachine = app.getBean(EventStorageEngine.class);
        List<String> namen = beheer.namen();
        Benchmarkomgeving.kop("Een G4-jaar, 1/" + instellingen.deel());
        Benchmarkomgeving.postgresEnEngine(db, instellingen.app());
        System.out.println("JVM            " + Benchmarkomgeving.jvmOpties() + ", " + Benchmarkomgeving.gcNamen()
                + ", " + Benchmarkomgeving.cpuModel());
        System.out.println("Leesmodellen   " + namen);
        double anderenVooraf = Benchmarkomgeving.anderen(cpu);
        System.out.printf(Locale.ROOT, "Andere processen vooraf: %.2f cores; %s%n", anderenVooraf, uptime());

        // ---------------------------------------------------------------- 1. ingest
        double heapVooraf = HerbouwBenchmark.heapNaVolledigeGc();
        Simulatie simulatie = Simulatie.metSeed(ZAAD).klanten(instellingen.klanten()).periode(VAN, TOT).metFouten(true);
        Iterator<ObjectNode> berichten = simulatie.berichten().iterator();
        // The expected number of messages, for the tenths: 12.4 per klant (measured alongside KLANTCONTACTEN_PER_KLANT).
        long verwacht = Math.round(instellingen.klanten() * (247_946 / 20_000.0));
        Afzenders afzenders = new Afzenders(Benchmarkomgeving.poort(app), werkmap.bronToken());
        List<Tiende> tienden = new ArrayList<>();
        long verzonden = 0;
        long accepted = 0;
        long duplicate = 0;
        long opnieuwVerzonden = 0;
        double verzendSeconden = 0;
        double tiendeBegin = 0;
        long tiendeBerichten = 0;
        Cpumeting.Stand cpuVoor = cpu.nu();
        long start = System.nanoTime();
        HerbouwGeheugen naGc = new HerbouwGeheugen();
        System.out.printf(Locale.ROOT, "%nIngestie: ongeveer %,d berichten (heap na volledige GC vooraf %.0f MiB) ...%n",
                verwacht, heapVooraf);
        System.out.println("  tiende   berichten      events   seconden  berichten/s (dit tiende)  heap na GC max | na volledige GC (MiB)");
        while (berichten.hasNext()) {
            List<ObjectNode> portie = new ArrayList<>(PORTIE);
            while (portie.size() < PORTIE && berichten.hasNext()) {
                portie.add(berichten.next());
            }
            List<byte[]> batches = Afzenders.batches(portie.stream(), instellingen.batch());
            Afzenders.Antwoorden antwoorden = afzenders.verstuur(batches, instellingen.afzenders());
            verzendSeconden += antwoorden.seconden();
            // 503 after Afzenders' own retries: nothing of that batch was stored; a channel system sends
            // again, here the whole portion (what was stored comes back as duplicate), in the time measured.
            for (int poging = 1; antwoorden.rejected() > 0 && antwoorden.eersteProbleem() != null
                    && antwoorden.eersteProbleem().startsWith("HTTP 503") && poging <= 5; poging++) {
                opnieuwVerzonden += portie.size();
                accepted += antwoorden.accepted();
                duplicate += antwoorden.duplicate();
                Thread.sleep(1_000);
                antwoorden = afzenders.verstuur(batches, instellingen.afzenders());
                verzendSeconden += antwoorden.seconden() + 1;
            }
            verzonden += portie.size();
            accepted += antwoorden.accepted();
            duplicate += antwoorden.duplicate();
            if (antwoorden.rejected() > 0) {
                System.out.println("  AFGEWEZEN: " + antwoorden.rejected() + "; eerste: " + antwoorden.eersteProbleem());
                return 1;
            }
            boolean laatste = !berichten.hasNext();
            if (laatste || verzonden >= (tienden.size() + 1) * verwacht / 10) {
                double nu = (System.nanoTime() - start) / 1e9;
                double max = naGc.max();
                naGc.close();
                double volledig = HerbouwBenchmark.heapNaVolledigeGc();
                naGc = new HerbouwGeheugen();
                long events = db.aantalRijen("domainevententry");
                Tiende tiende = new Tiende(verzonden, events, nu, (verzonden - tiendeBerichten) / (verzendSeconden - tiendeBegin),
                        max, volledig);
                tienden.add(tiende);
                System.out.printf(Locale.ROOT, "  %6d %,11d %,11d %10.0f %26.0f %15.0f | %.0f%n", tienden.size(), verzonden,
                        events, nu, tiende.berichtenPerSeconde(), max, volledig);
                tiendeBegin = verzendSeconden;
                tiendeBerichten = verzonden;
            }
        }
        naGc.close();
        double ingestSeconden = (System.nanoTime() - start) / 1e9;
        Cpumeting.Stand ingestCpu = cpu.nu().minus(cpuVoor);
        long gevuldOp = System.nanoTime();
        System.out.printf(Locale.ROOT, "Ingestie klaar: %,d berichten in %.0f s wandklok (%.0f s verzenden): %,.0f berichten/s"
                        + " over het verzenden, %,.0f over de wandklok (met het genereren); %,d accepted, %,d duplicate, %,d opnieuw"
                        + " verzonden na 503; JVM %.2f, PostgreSQL %.2f, anderen %.2f cores%n", verzonden, ingestSeconden, verzendSeconden,
                verzonden / verzendSeconden, verzonden / ingestSeconden, accepted, duplicate, opnieuwVerzonden,
                ingestCpu.jvm() / ingestSeconden, ingestCpu.postgres() / ingestSeconden,
                (ingestCpu.machineBezet() - ingestCpu.jvm() - ingestCpu.postgres()) / ingestSeconden);

        // ---------------------------------------------------------------- 2. live read models catch up
        double herstartSeconden = 0;
        if (instellingen.historie()) {
            long h0 = System.nanoTime();
            engines.herstartMetLeesmodellen();
            herstartSeconden = (System.nanoTime() - h0) / 1e9;
            app = engines.huidig();
            beheer = app.getBean(Projectiebeheer.class);
            database = app.getBean(DataSource.class);
            opslagmachine = app.getBean(EventStorageEngine.class);
            System.out.printf(Locale.ROOT, "Historie: de opslaande node gestopt, een hele node gestart in %.1f s;"
                    + " zijn leesmodellen beginnen bij het begin%n", herstartSeconden);
        }
        Inhaalslag eerste = haalIn(beheer, namen, cpu);
        if (eerste == null) {
            return 1;
        }
        double bijwerkSeconden = eerste.seconden();
        Cpumeting.Stand bijwerkCpu = eerste.cpu();
        System.out.printf(Locale.ROOT, "Levende leesmodellen bij na nog %.1f s (JVM %.2f, PostgreSQL %.2f cores)%n",
                bijwerkSeconden, bijwerkCpu.jvm() / bijwerkSeconden, bijwerkCpu.postgres() / bijwerkSeconden);
        double processorSeconden = 0;
        double bulkWarmSeconden = 0;
        if (instellingen.historie()) {
            // The same catch-up by the pooled processors alone (as before ADR 0035), and then in bulk
            // again on a JVM that has run the projections (the first bulk catch-up ran them cold),
            // side by side: each time the serving generations put back where the history load left
            // them and a whole node started, its tables compared with those of the first catch-up.
            Map<String, String> naBulk = new LinkedHashMap<>();
            for (String naam : namen) {
                naBulk.put(naam, HerbouwBenchmark.controlegetal(new Documentlezer<>(beheer, naam, database), db,
                        beheer.actieveTabel(naam)));
            }
            long events = db.aantalRijen("domainevententry");
            for (String inhalenVanaf : List.of("0", "50000")) {
                engines.herstartMetLeesmodellen(List.of("--klantreis.projecties.inhalen-vanaf=" + inhalenVanaf),
                        () -> zetTerug(db));
                app = engines.huidig();
                beheer = app.getBean(Projectiebeheer.class);
                database = app.getBean(DataSource.class);
                opslagmachine = app.getBean(EventStorageEngine.class);
                Inhaalslag inhaalslag = haalIn(beheer, namen, cpu);
                if (inhaalslag == null) {
                    return 1;
                }
                double seconden = inhaalslag.seconden();
                Cpumeting.Stand verbruik = inhaalslag.cpu();
                boolean gelijk = true;
                for (String naam : namen) {
                    gelijk &= naBulk.get(naam).equals(HerbouwBenchmark.controlegetal(
                            new Documentlezer<>(beheer, naam, database), db, beheer.actieveTabel(naam)));
                }
                boolean processors = inhalenVanaf.equals("0");
                System.out.printf(Locale.ROOT, "Dezelfde inhaalslag %s (inhalen-vanaf=%s): %.1f s = %,.0f events/s (JVM %.2f,"
                                + " PostgreSQL %.2f cores); tabellen gelijk aan die van de eerste: %s%n",
                        processors ? "door de processors alleen" : "weer in bulk, warm", inhalenVanaf, seconden,
                        events / seconden, verbruik.jvm() / seconden, verbruik.postgres() / seconden, gelijk);
                if (!gelijk) {
                    System.out.println("LET OP: de inhaalslagen maken niet dezelfde tabellen.");
                    return 1;
                }
                if (processors) {
                    processorSeconden = seconden;
                } else {
                    bulkWarmSeconden = seconden;
                }
            }
            System.out.printf(Locale.ROOT, "Inhalen in bulk %.2f keer (koud) en %.2f keer (warm) zo snel als door de"
                    + " processors alleen%n", processorSeconden / bijwerkSeconden, processorSeconden / bulkWarmSeconden);
        }
        double heapNaIngestie = HerbouwBenchmark.heapNaVolledigeGc();
        HerbouwBenchmark.Opslag opslag = HerbouwBenchmark.beschrijf(db, verzonden, ingestSeconden, bijwerkSeconden, gevuldOp,
                heapNaIngestie, heapNaIngestie);

        Map<String, HerbouwBenchmark.Levend> levend = new LinkedHashMap<>();
        for (String naam : namen) {
            Documentlezer<?> lezer = new Documentlezer<>(beheer, naam, database);
            String tabel = beheer.actieveTabel(naam);
            String controlegetal = HerbouwBenchmark.controlegetal(lezer, db, tabel);
            levend.put(naam, new HerbouwBenchmark.Levend(naam, tabel, lezer.aantal(), HerbouwBenchmark.tabelgrootte(db, tabel),
                    controlegetal, 0));
            System.out.printf(Locale.ROOT, "  levend leesmodel %-10s %s: %,d documenten, %,d MiB%n", naam, tabel,
                    lezer.aantal(), HerbouwBenchmark.tabelgrootte(db, tabel) >> 20);
        }
        double sindsVullen = (System.nanoTime() - gevuldOp) / 1e9;
        if (sindsVullen < GATEN_RUST) {
            System.out.printf(Locale.ROOT, "%nWacht %.0f s: de laatste events zijn dan ouder dan Axons gap timeout%n",
                    GATEN_RUST - sindsVullen);
            Thread.sleep((long) ((GATEN_RUST - sindsVullen) * 1000));
        }

        // ---------------------------------------------------------------- 3. raw baselines
        System.out.printf("%nLezen van alle %,d events uit de event store (ruwe basis):%n", opslag.events());
        List<HerbouwBenchmark.Leesronde> lezen = HerbouwBenchmark.leesAlles(db, opslagmachine, cpu, opslag, 1);
        int perTransactie = (int) Math.max(1, Math.round(instellingen.batch() * (double) opslag.events() / verzonden));
        List<Plafond> plafonds = opslagplafond(db, cpu, opslag.events(), perTransactie);

        // ---------------------------------------------------------------- 4. rebuild of every read model
        // Alternating, so that a change in the machine's load falls on both: herbouw per read model (each
        // bulk fill its own reader) and herbouwAlle (one shared reader).
        HerbouwBenchmark.Instellingen herbouwInstellingen = HerbouwBenchmark.Instellingen.lees(new String[0]);
        List<HerbouwBenchmark.Herbouwronde> perLeesmodel = new ArrayList<>();
        List<HerbouwBenchmark.Herbouwronde> samen = new ArrayList<>();
        boolean alles = true;
        int nummer = 1;
        for (int r = 0; r < instellingen.herbouwrondes(); r++) {
            HerbouwBenchmark.wachtOpOpruimen(db);
            HerbouwBenchmark.Herbouwronde eigen = HerbouwBenchmark.herbouw(nummer++, "gemeten", herbouwInstellingen, beheer,
                    database, db, cpu, opslag, namen, levend);
            perLeesmodel.add(eigen);
            HerbouwBenchmark.wachtOpOpruimen(db);
            HerbouwBenchmark.Herbouwronde gedeeld = HerbouwBenchmark.herbouw(nummer++, "herbouwAlle", herbouwInstellingen,
                    beheer, database, db, cpu, opslag, namen, levend);
            samen.add(gedeeld);
            alles &= eigen.gelijk() && gedeeld.gelijk();
        }
        if (instellingen.bemonsteren()) {
            HerbouwBenchmark.wachtOpOpruimen(db);
            alles &= HerbouwBenchmark.herbouw(nummer, "herbouwAlle, bemonsterd", herbouwInstellingen, beheer, database, db,
                    cpu, opslag, namen, levend).gelijk();
        }
        HerbouwBenchmark.Herbouwronde ronde = samen.stream()
                .sorted(java.util.Comparator.comparingDouble(HerbouwBenchmark.Herbouwronde::seconden))
                .toList().get(samen.size() / 2);

        // ---------------------------------------------------------------- 5. (c) one reader per read model, or one shared
        List<double[]> directRondes = new ArrayList<>();
        if (instellingen.direct()) {
            HerbouwBenchmark.Instellingen direct = HerbouwBenchmark.Instellingen.lees(
                    new String[] {"--portie", Integer.toString(instellingen.portie())});
            for (int r = 1; r <= 2; r++) {
                // Alternating, so that a change in the machine's load falls on both.
                HerbouwBenchmark.Directronde eigen = HerbouwBenchmark.direct(direct, app, beheer, database, db, cpu, opslag,
                        namen, levend);
                Gedeeld gedeeld = gedeeld(instellingen.portie(), app, beheer, database, db, cpu, opslag, namen);
                alles &= eigen.gelijk() && gedeeld.gelijk();
                directRondes.add(new double[] {eigen.langzaamste(), gedeeld.seconden(),
                        (eigen.cpu().jvm() + eigen.cpu().postgres()) / eigen.langzaamste(),
                        (gedeeld.cpu().jvm() + gedeeld.cpu().postgres()) / gedeeld.seconden()});
            }
        }

        // ---------------------------------------------------------------- report
        double heapEind = HerbouwBenchmark.heapNaVolledigeGc();
        Benchmarkomgeving.kop("Een G4-jaar, 1/" + instellingen.deel() + ": uitkomst");
        System.out.printf(Locale.ROOT, "Andere processen vooraf %.2f cores; nu %s%n", anderenVooraf, uptime());
        System.out.printf(Locale.ROOT, "Gegevens: %,d klanten, %,d berichten (%,d accepted, %,d duplicate), %,d events"
                        + " (%.2f per bericht), tabel met indexen %,d MiB%n", instellingen.klanten(), verzonden, accepted,
                duplicate, opslag.events(), (double) opslag.events() / verzonden, opslag.bytes() >> 20);
        double berichtenPerSeconde = verzonden / verzendSeconden;
        System.out.printf(Locale.ROOT, "Ingestie: %,.0f berichten/s (%.0f s verzenden); eerste tiende %,.0f, laatste %,.0f"
                        + " berichten/s (verhouding %.2f: 1 = lineair)%n", berichtenPerSeconde, verzendSeconden,
                tienden.get(0).berichtenPerSeconde(), tienden.get(tienden.size() - 1).berichtenPerSeconde(),
                tienden.get(tienden.size() - 1).berichtenPerSeconde() / tienden.get(0).berichtenPerSeconde());
        System.out.print("Heap na volledige GC per tiende (MiB):");
        tienden.forEach(t -> System.out.printf(Locale.ROOT, " %.0f", t.heapNaVolledigeGc()));
        System.out.printf(Locale.ROOT, "; vooraf %.0f, na het bijwerken %.0f, aan het eind %.0f%n", heapVooraf,
                heapNaIngestie, heapEind);
        System.out.print("Heap na GC, hoogste per tiende (MiB):");
        tienden.forEach(t -> System.out.printf(Locale.ROOT, " %.0f", t.heapNaGcMax()));
        System.out.println();
        for (HerbouwBenchmark.Leesronde l : lezen) {
            System.out.printf(Locale.ROOT, "Ruw: %-55s %,10.0f events/s%n", l.soort(), l.eventsPerSeconde());
        }
        for (Plafond p : plafonds) {
            System.out.printf(Locale.ROOT, "Ruw: %-55s %,10.0f events/s (JVM %.2f, PostgreSQL %.2f cores)%n",
                    p.soort() + ", " + p.verbindingen() + " verbinding(en)", p.rijenPerSeconde(),
                    p.cpu().jvm() / p.seconden(), p.cpu().postgres() / p.seconden());
        }
        for (int r = 0; r < perLeesmodel.size(); r++) {
            HerbouwBenchmark.Herbouwronde a = perLeesmodel.get(r);
            HerbouwBenchmark.Herbouwronde b = samen.get(r);
            System.out.printf(Locale.ROOT, "Herbouw paar %d: herbouw per leesmodel %.1f s (%,.0f events/s van de store; JVM %.2f,"
                            + " PostgreSQL %.2f cores), herbouwAlle %.1f s (%,.0f events/s; JVM %.2f, PostgreSQL %.2f cores):"
                            + " %.2f keer zo snel%n", r + 1, a.seconden(), opslag.events() / a.seconden(),
                    a.cpu().jvm() / a.seconden(), a.cpu().postgres() / a.seconden(), b.seconden(),
                    opslag.events() / b.seconden(), b.cpu().jvm() / b.seconden(), b.cpu().postgres() / b.seconden(),
                    a.seconden() / b.seconden());
        }
        double herbouwSeconden = ronde.seconden();
        System.out.printf(Locale.ROOT, "Herbouw van alle %d leesmodellen samen (herbouwAlle, mediaan): %.1f s tot de laatste nieuwe generatie het"
                        + " overnam = %,.0f events van de store/s (%,.0f events/s alle leesmodellen samen); per kwart %s;"
                        + " heap na volledige GC per kwart %s MiB; gelijk aan de levende: %s%n", namen.size(), herbouwSeconden,
                opslag.events() / herbouwSeconden, opslag.events() * namen.size() / herbouwSeconden,
                kwartTijden(ronde), java.util.Arrays.toString(ronde.heapNaGcKwart()), ronde.gelijk());
        for (double[] d : directRondes) {
            System.out.printf(Locale.ROOT, "(c) eigen lezer per leesmodel %.1f s (%,.0f events/s, %.2f cores), één gedeelde"
                            + " lezer %.1f s (%,.0f events/s, %.2f cores): %.2f keer zo snel%n", d[0], opslag.events() / d[0], d[2],
                    d[1], opslag.events() / d[1], d[3], d[0] / d[1]);
        }
        double jaarBerichten = (double) verzonden * instellingen.deel();
        double jaarEvents = (double) opslag.events() * instellingen.deel();
        System.out.printf(Locale.ROOT, "%nProjectie naar het hele jaar (x %d, lineair in klanten: ieder klant heeft hier even"
                        + " veel contacten als in het hele jaar):%n", instellingen.deel());
        System.out.printf(Locale.ROOT, "  %,.0f berichten, %,.0f events; ingestie bij %,.0f berichten/s: %.0f min (doel 30)%n",
                jaarBerichten, jaarEvents, berichtenPerSeconde, jaarBerichten / berichtenPerSeconde / 60);
        System.out.printf(Locale.ROOT, "  herbouw van alle leesmodellen bij %,.0f events/s: %.0f min (doel 10); nodig: %,.0f"
                        + " events/s van de store%n", opslag.events() / herbouwSeconden,
                jaarEvents / (opslag.events() / herbouwSeconden) / 60, jaarEvents / 600);
        System.out.printf(Locale.ROOT, "  nodig voor de ingestie: %,.0f berichten/s%n", jaarBerichten / 1800);
        Plafond snelste = plafonds.stream().max(java.util.Comparator.comparingDouble(Plafond::rijenPerSeconde)).orElseThrow();
        double snelstLezen = lezen.stream().mapToDouble(HerbouwBenchmark.Leesronde::eventsPerSeconde).max().orElseThrow();
        System.out.printf(Locale.ROOT, "  plafond van deze machine: alleen de %,.0f events van het jaar ruw opslaan (%s,"
                        + " %d verbinding(en), %,.0f events/s met hun ontdubbelrijen; zonder keuring, sleutels of leesmodellen):"
                        + " %.0f min (doel 30 voor de hele ingestie); alleen ze ruw lezen (%,.0f events/s): %.1f min"
                        + " (doel 10 voor de hele herbouw)%n", jaarEvents, snelste.soort(), snelste.verbindingen(),
                snelste.rijenPerSeconde(), jaarEvents / snelste.rijenPerSeconde() / 60, snelstLezen,
                jaarEvents / snelstLezen / 60);
        if (instellingen.historie()) {
            double bijwerkPerEvent = Math.min(bijwerkSeconden, bulkWarmSeconden) / opslag.events();
            System.out.printf(Locale.ROOT, "  historie: opslaan zonder leesmodellen %.0f min, dan de levende leesmodellen"
                            + " in bulk bij in %.0f min (%,.0f events/s; door de processors alleen %.0f min, %,.0f events/s)"
                            + " of herbouwAlle in %.0f min; samen %.0f min (doel: 30 + 10)%n",
                    jaarBerichten / berichtenPerSeconde / 60, jaarEvents * bijwerkPerEvent / 60,
                    1 / bijwerkPerEvent, jaarEvents * processorSeconden / opslag.events() / 60,
                    opslag.events() / processorSeconden, jaarEvents / (opslag.events() / herbouwSeconden) / 60,
                    (jaarBerichten / berichtenPerSeconde + jaarEvents * Math.min(bijwerkPerEvent,
                            herbouwSeconden / opslag.events())) / 60);
        }
        if (!alles) {
            System.out.println("\nLET OP: een herbouwd leesmodel wijkt af van het levende; de cijfers zijn niet bruikbaar.");
            return 1;
        }
        return 0;
    }

    /** One raw way of storing the run's events, without the engine: the machine's ceiling for the ingest. */
    record Plafond(String soort, int verbindingen, long rijen, double seconden, Cpumeting.Stand cpu) {
        double rijenPerSeconde() {
            return rijen / seconden;
        }
    }

    /**
     * The run's number of events stored raw into empty tables made like the engine's
     * ({@link RuweOpslag#maakTabel}; rows of the sizes measured from the engine's own),
     * each transaction as large as one ingest batch's and with the dedup rows its messages leave in
     * {@code ontvangen_bericht} (as many per event as the engine stored): by JDBC batch inserts (the
     * yardstick of IngestieBenchmark) and by binary COPY (PostgreSQL's fastest), from 1 and 4
     * connections. No validation, keys, encryption, klantreis rules or read models: what the
     * engine's ingest cannot beat on this machine.
     */
    private static List<Plafond> opslagplafond(RuweOpslag db, Cpumeting cpu, long rijen, int perTransactie)
            throws Exception {
        RuweOpslag.Rijvorm vorm = db.meet("domainevententry");
        RuweOpslag.Berichtvorm berichten = db.meetOntvangen();
        System.out.printf(Locale.ROOT, "%nRuw opslaan van %,d events met %,d ontdubbelrijen (het plafond: lege tabellen als"
                        + " domainevententry en ontvangen_bericht, %d events per transactie met hun ontdubbelrijen, payload"
                        + " gemiddeld %.0f bytes):%n", rijen, Math.round(rijen * berichten.perEvent()), perTransactie,
                vorm.payload());
        db.maakTabel();
        db.voegIn(Math.min(rijen, 20_000), perTransactie, 4, vorm, berichten, 1);
        db.kopieer(Math.min(rijen, 20_000), perTransactie, 4, vorm, berichten, 2);
        List<Plafond> uitkomst = new ArrayList<>();
        long zaad = 3;
        for (int verbindingen : new int[] {1, 4}) {
            for (boolean copy : new boolean[] {false, true}) {
                db.maakTabel();
                Cpumeting.Stand voor = cpu.nu();
                double seconden = copy ? db.kopieer(rijen, perTransactie, verbindingen, vorm, berichten, zaad++)
                        : db.voegIn(rijen, perTransactie, verbindingen, vorm, berichten, zaad++);
                long opgeslagen = db.aantalRijen(RuweOpslag.TABEL);
                long ontdubbeld = db.aantalRijen(RuweOpslag.ONTVANGEN);
                if (opgeslagen != rijen || Math.abs(ontdubbeld - rijen * berichten.perEvent()) > 4 * verbindingen) {
                    throw new IllegalStateException("ruw opgeslagen " + opgeslagen + " events en " + ontdubbeld
                            + " ontdubbelrijen, verwacht " + rijen + " en " + Math.round(rijen * berichten.perEvent()));
                }
                Plafond plafond = new Plafond(copy ? "COPY (binair)" : "JDBC batch-insert", verbindingen, rijen, seconden,
                        cpu.nu().minus(voor));
                uitkomst.add(plafond);
                System.out.printf(Locale.ROOT, "  %-18s %d verbinding(en): %,10.0f events/s met hun ontdubbelrijen%n",
                        plafond.soort(), verbindingen, plafond.rijenPerSeconde());
            }
        }
        db.maakTabel();
        return uitkomst;
    }

    /** How long the live read models took to process every event stored, and the CPU they used. */
    record Inhaalslag(double seconden, Cpumeting.Stand cpu) {
    }

    /** Waits until every read model has caught up; null (and said why) when one does not within the hour. */
    private static Inhaalslag haalIn(Projectiebeheer beheer, List<String> namen, Cpumeting cpu) {
        Cpumeting.Stand voor = cpu.nu();
        long begin = System.nanoTime();
        if (!HerbouwBenchmark.bijgewerkt(beheer, namen)) {
            return null;
        }
        return new Inhaalslag((System.nanoTime() - begin) / 1e9, cpu.nu().minus(voor));
    }

    /**
     * With no node running: the serving generations back to where a history load leaves them (no
     * tokens, no dead letters, empty tables), the store untouched.
     */
    private static void zetTerug(RuweOpslag db) {
        try (Connection c = db.verbinding(); Statement s = c.createStatement()) {
            List<String> tabellen = new ArrayList<>();
            try (ResultSet r = s.executeQuery("select tabel from leesmodel_generatie where toestand = 'actief'")) {
                while (r.next()) {
                    tabellen.add(r.getString(1));
                }
            }
            s.executeUpdate("delete from tokenentry where processorname in (select processor from leesmodel_generatie)");
            s.executeUpdate("delete from deadletterentry where processinggroup in (select processor from leesmodel_generatie)");
            for (String tabel : tabellen) {
                s.executeUpdate("truncate " + tabel);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("leesmodellen niet teruggezet", e);
        }
    }

    private static String kwartTijden(HerbouwBenchmark.Herbouwronde ronde) {
        StringBuilder uit = new StringBuilder();
        ronde.kwartTijden().forEach((naam, tijden) -> {
            uit.append(naam).append(' ');
            for (double t : tijden) {
                uit.append(String.format(Locale.ROOT, "%.1f/", t));
            }
            uit.setLength(uit.length() - 1);
            uit.append(" s; ");
        });
        return uit.toString();
    }

    private static String uptime() {
        try {
            return "load average " + java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "load average onbekend";
        }
    }

    record Gedeeld(double seconden, Cpumeting.Stand cpu, boolean gelijk) {
    }

    /**
     * (c) with one shared reader: one thread reads {@code readEvents} once and deserialises every
     * payload once; each read model's thread applies the same batches through its own
     * {@code Documentprojectie} handler, {@code portie} events per unit of work and transaction,
     * into a table of its own, compared with the live read model and dropped. What a rebuild of
     * every read model at once could gain by reading the store once instead of once per read model.
     */
    static Gedeeld gedeeld(int portie, ConfigurableApplicationContext app, Projectiebeheer beheer, DataSource database,
                           RuweOpslag db, Cpumeting cpu, HerbouwBenchmark.Opslag opslag, List<String> namen) throws Exception {
        System.out.printf("%n(c) Eén gedeelde lezer voor alle leesmodellen, %,d events per transactie ...%n", portie);
        EventStorageEngine opslagmachine = app.getBean(EventStorageEngine.class);
        TransactionManager transacties = app.getBean(TransactionManager.class);
        Map<String, String> tabellen = new LinkedHashMap<>();
        Map<String, BlockingQueue<List<TrackedEventMessage<?>>>> rijen = new LinkedHashMap<>();
        for (String naam : namen) {
            String tabel = "leesmodel_" + naam.replace('-', '_') + "_gedeeld";
            try (Connection c = db.verbinding(); PreparedStatement s = c.prepareStatement("select leesmodel_maak_tabel(?)::text")) {
                s.setString(1, tabel);
                s.execute();
            }
            tabellen.put(naam, tabel);
            rijen.put(naam, new ArrayBlockingQueue<>(4));
        }
        List<TrackedEventMessage<?>> einde = List.of();
        ExecutorService draden = Executors.newFixedThreadPool(namen.size() + 1, taak -> new Thread(taak, "gedeeld-herbouw"));
        Cpumeting.Stand voor = cpu.nu();
        long start = System.nanoTime();
        List<Future<?>> klaar = new ArrayList<>();
        klaar.add(draden.submit(() -> {
            try (Stream<? extends TrackedEventMessage<?>> stroom = opslagmachine.readEvents(null, false)) {
                Iterator<? extends TrackedEventMessage<?>> events = stroom.iterator();
                List<TrackedEventMessage<?>> deel = new ArrayList<>(portie);
                while (events.hasNext()) {
                    TrackedEventMessage<?> event = events.next();
                    // Deserialised here, once; the message keeps its payload for every read model.
                    event.getPayload();
                    deel.add(event);
                    if (deel.size() == portie || !events.hasNext()) {
                        for (BlockingQueue<List<TrackedEventMessage<?>>> rij : rijen.values()) {
                            rij.put(deel);
                        }
                        deel = new ArrayList<>(portie);
                    }
                }
            } finally {
                for (BlockingQueue<List<TrackedEventMessage<?>>> rij : rijen.values()) {
                    rij.put(einde);
                }
            }
            return null;
        }));
        for (String naam : namen) {
            EventMessageHandler handler = beheer.projectie(naam).handler(tabellen.get(naam),
                    InMemorySequencedDeadLetterQueue.defaultQueue(), "jaarbenchmark-gedeeld-" + naam, () -> false);
            BlockingQueue<List<TrackedEventMessage<?>>> rij = rijen.get(naam);
            klaar.add(draden.submit(() -> {
                while (true) {
                    List<TrackedEventMessage<?>> deel = rij.take();
                    if (deel == einde) {
                        return null;
                    }
                    BatchingUnitOfWork<TrackedEventMessage<?>> werk = new BatchingUnitOfWork<>(deel);
                    werk.attachTransaction(transacties);
                    ResultMessage<?> uitkomst = werk.executeWithResult(() -> handler.handle(werk.getMessage()),
                            RollbackConfigurationType.ANY_THROWABLE);
                    if (uitkomst.isExceptional()) {
                        throw new IllegalStateException("gedeelde herbouw van " + naam + " mislukt", uitkomst.exceptionResult());
                    }
                }
            }));
        }
        for (Future<?> f : klaar) {
            f.get();
        }
        double seconden = (System.nanoTime() - start) / 1e9;
        Cpumeting.Stand na = cpu.nu();
        draden.shutdown();
        Thread.sleep(1_500);
        boolean gelijk = true;
        for (String naam : namen) {
            Documentlezer<?> lezer = new Documentlezer<>(beheer, naam, database);
            String digest = HerbouwBenchmark.controlegetal(lezer, db, tabellen.get(naam));
            String actief = beheer.actieveTabel(naam);
            boolean zelfde = digest.equals(HerbouwBenchmark.controlegetal(lezer, db, actief));
            gelijk &= zelfde;
            System.out.printf("  %-10s %s %s %s%n", naam, tabellen.get(naam), zelfde ? "GELIJK aan" : "WIJKT AF van", actief);
            try (Connection c = db.verbinding(); Statement s = c.createStatement()) {
                s.execute("drop table " + tabellen.get(naam));
            }
        }
        Cpumeting.Stand verbruik = na.minus(voor);
        System.out.printf(Locale.ROOT, "  klaar na %.1f s = %,.0f events/s per leesmodel, %,.0f samen; JVM %.2f, PostgreSQL %.2f"
                        + " cores%n", seconden, opslag.events() / seconden, opslag.events() * namen.size() / seconden,
                verbruik.jvm() / seconden, verbruik.postgres() / seconden);
        return new Gedeeld(seconden, verbruik, gelijk);
    }
}
