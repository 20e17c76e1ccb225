package nl.klantreis.api.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.deadletter.InMemorySequencedDeadLetterQueue;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.node.ObjectNode;

import nl.klantreis.projecties.leesmodel.Documentlezer;
import nl.klantreis.projecties.leesmodel.Projectiebeheer;
import nl.klantreis.infrastructuur.opslag.IngebeddePostgres;
import nl.klantreis.simulatie.Simulatie;

/**
 * How fast the read models rebuild, next to how fast the same events can be read from the event
 * store at all, in one run on one PostgreSQL. A program that prints figures, not a test (see
 * docs/benchmarks.md):
 *
 * <pre>
 * mvn -q -o install -DskipTests &amp;&amp; mvn -q -o -pl api exec:java \
 *     -Dexec.mainClass=nl.klantreis.api.benchmark.HerbouwBenchmark -Dexec.classpathScope=test \
 *     -Dexec.args="--events 1000000"
 * </pre>
 *
 * <ol>
 * <li>One embedded PostgreSQL (fsync on, the engine's own settings), the application in-process
 * on it, filled with at least {@code --events} events through {@code POST /api/v1/events}
 * (a simulated municipality, faults included) by concurrent senders. Not measured.</li>
 * <li>(a) Reading every event from the event store: plain JDBC (a lower bound of the I/O), and
 * Axon's {@code EventStorageEngine.readEvents} without and with deserialising the payloads
 * (what any processor must at least do). Before and after the rebuilds.</li>
 * <li>(b) {@code Projectiebeheer.herbouw} of every read model at once, timed until each new
 * generation has taken over; progress, heap and CPU sampled while it runs; the rebuilt read
 * models compared with the live ones by their digest.</li>
 * <li>Not in the figures: a rebuild with stack and session sampling (where the time goes), and
 * (c) the read models' own {@code Documentprojectie} driven by a plain loop over
 * {@code readEvents} in large transactions, without Axon's pooled processor (what the projection
 * itself costs).</li>
 * </ol>
 */
public final class HerbouwBenchmark {
    private static final double DOEL_EVENTS_PER_SECONDE = 50_000;
    private static final long ZAAD = 7_000_001L;
    /** Messages generated and posted per portion while filling (generated just before they are sent). */
    private static final int PORTIE = 20_000;
    private static final double[] KWARTEN = {0.25, 0.50, 0.75, 1.00};
    /** Seconds after the last write before measuring: Axon's default gap timeout (60 s) and a margin. */
    private static final double GATEN_RUST = 75;
    /** Messages sent by one sender after the filling (see {@link #vul}). */
    private static final int STAART = 5_000;

    private HerbouwBenchmark() {
    }

    record Instellingen(long events, int afzenders, int batch, int herhalingen, int leesHerhalingen,
                        boolean bemonsteren, boolean gc, boolean asynchroon, boolean direct, int portie,
                        List<String> app) {
        static Instellingen lees(String[] args) {
            long events = 1_000_000;
            int afzenders = 4;
            int batch = 500;
            int herhalingen = 3;
            int leesHerhalingen = 2;
            boolean bemonsteren = true;
            boolean gc = true;
            boolean asynchroon = false;
            boolean direct = true;
            int portie = 5_000;
            List<String> app = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--events" -> events = Long.parseLong(args[++i].replace("_", ""));
                    case "--afzenders" -> afzenders = Integer.parseInt(args[++i]);
                    case "--batch" -> batch = Integer.parseInt(args[++i]);
                    case "--herhalingen" -> herhalingen = Integer.parseInt(args[++i]);
                    case "--lees-herhalingen" -> leesHerhalingen = Integer.parseInt(args[++i]);
                    case "--zonder-bemonstering" -> bemonsteren = false;
                    case "--zonder-gc" -> gc = false;
                    case "--ook-asynchroon" -> asynchroon = true;
                    case "--zonder-direct" -> direct = false;
                    case "--portie" -> portie = Integer.parseInt(args[++i]);
                    case "--app" -> app.add("--" + args[++i]);
                    default -> throw new IllegalArgumentException("onbekende optie " + args[i]
                            + "; bekend: --events N --afzenders N --batch N --herhalingen N --lees-herhalingen N"
                            + " --zonder-bemonstering --zonder-gc --ook-asynchroon --zonder-direct --portie N"
                            + " --app eigenschap=waarde");
                }
            }
            return new Instellingen(events, afzenders, batch, herhalingen, leesHerhalingen, bemonsteren, gc, asynchroon,
                    direct, portie, List.copyOf(app));
        }
    }

    /** What the store holds once filled: the same for every measurement. */
    record Opslag(long events, long eersteIndex, long kop, long[] kwartIndex, double payload, double metadata,
                  long bytes, long berichten, double vulSeconden, double bijwerkSeconden, String eersteTijd,
                  String laatsteTijd, long gevuldOp, double heapNaVullen, double heapNaStaart) {
        /** Global indexes that hold no event: taken by transactions that rolled back. */
        long gaten() {
            return kop - eersteIndex + 1 - events;
        }
    }

    /** One read of all events. */
    record Leesronde(String soort, int ronde, long events, long bytes, double seconden, Cpumeting.Stand cpu) {
        double eventsPerSeconde() {
            return events / seconden;
        }
    }

    /** A read model as the live processors left it before a rebuild. */
    record Levend(String naam, String tabel, long documenten, long bytes, String controlegetal, double seconden) {
    }

    /** One rebuild of every read model at once. */
    record Herbouwronde(int ronde, String soort, Map<String, Integer> generatie, Map<String, Double> overname,
                        Map<String, Double> kop, Map<String, double[]> kwartTijden, Map<String, Double> cpuKlaar,
                        double seconden, Cpumeting.Stand cpu, Map<String, Double> draadgroepen,
                        List<double[]> geheugen, double[] heapNaGcKwart, double[] gcKwartTijd, double gcPauzes,
                        double naGcMax, int gcs, double heapVooraf, long walBytes, long commits, long tokens,
                        Map<String, Long> geschreven,
                        Map<String, String> controle, boolean gelijk) {
        double heapMax() {
            return geheugen.stream().mapToDouble(m -> m[1]).max().orElse(Double.NaN);
        }

        double rssMax() {
            return geheugen.stream().mapToDouble(m -> m[2]).max().orElse(Double.NaN);
        }

        double langzaamste() {
            return overname.values().stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        }
    }

    public static void main(String[] args) throws Exception {
        Instellingen instellingen = Instellingen.lees(args);
        Benchmarkomgeving.inEigenJvm(HerbouwBenchmark.class, args);
        System.out.printf("Herbouwbenchmark: ten minste %,d events, vullen met %d afzenders in batches van %d;"
                        + " %d gemeten herbouwrondes, leesmetingen %d keer voor en na%n", instellingen.events(),
                instellingen.afzenders(), instellingen.batch(), instellingen.herhalingen(), instellingen.leesHerhalingen());
        Benchmarkomgeving.draai("herbouwbenchmark", instellingen.app(), "de engine", werkmap -> {
            try (ConfigurableApplicationContext app = werkmap.startEngine(List.of(), instellingen.app())) {
                return meet(instellingen, app, werkmap.postgres(), werkmap.pgMap(), Benchmarkomgeving.poort(app),
                        werkmap.bronToken());
            }
        });
    }

    private static int meet(Instellingen instellingen, ConfigurableApplicationContext app, IngebeddePostgres postgres,
                            Path pgMap, int poort, String token) throws Exception {
        RuweOpslag db = new RuweOpslag(postgres.jdbcUrl(), "postgres", "postgres");
        Cpumeting cpu = new Cpumeting(pgMap);
        Projectiebeheer beheer = app.getBean(Projectiebeheer.class);
        DataSource database = app.getBean(DataSource.class);
        EventStorageEngine opslagmachine = app.getBean(EventStorageEngine.class);
        List<String> namen = beheer.namen();
        System.out.println("Leesmodellen: " + namen);

        double anderenVooraf = Benchmarkomgeving.anderen(cpu);

        // ---------------------------------------------------------------- fill (not measured)
        Opslag opslag = vul(instellingen, db, beheer, namen, new Afzenders(poort, token));
        if (opslag == null) {
            return 1;
        }

        Map<String, Levend> levend = new LinkedHashMap<>();
        for (String naam : namen) {
            Documentlezer<?> lezer = new Documentlezer<>(beheer, naam, database);
            String tabel = beheer.actieveTabel(naam);
            long t0 = System.nanoTime();
            String controlegetal = controlegetal(lezer, db, tabel);
            double seconden = (System.nanoTime() - t0) / 1e9;
            levend.put(naam, new Levend(naam, tabel, lezer.aantal(), tabelgrootte(db, tabel), controlegetal, seconden));
            System.out.printf(Locale.ROOT, "  levend leesmodel %-10s %s: %,d documenten, %,d MiB, controlegetal %s (%.1f s)%n",
                    naam, tabel, lezer.aantal(), tabelgrootte(db, tabel) >> 20, controlegetal, seconden);
        }

        // Axon keeps the gaps in the global index (transactions that rolled back) in every token as long as
        // the event after them is younger than its gap timeout (Axon's default a minute, the engine's
        // 15 s): a rebuild of a store written just now pays for them. The measurements are of a store
        // at rest, as after deploying a changed read model.
        double sindsVullen = (System.nanoTime() - opslag.gevuldOp()) / 1e9;
        if (sindsVullen < GATEN_RUST) {
            System.out.printf(Locale.ROOT, "%nWacht %.0f s: de laatste events zijn dan ouder dan Axons gap timeout (60 s)%n",
                    GATEN_RUST - sindsVullen);
            Thread.sleep((long) ((GATEN_RUST - sindsVullen) * 1000));
        }

        // ---------------------------------------------------------------- (a) raw reads, before
        List<Leesronde> lezen = new ArrayList<>();
        System.out.printf("%nLezen van alle %,d events uit de event store (ronde 1, voor het herbouwen):%n", opslag.events());
        for (int r = 1; r <= instellingen.leesHerhalingen(); r++) {
            lezen.addAll(leesAlles(db, opslagmachine, cpu, opslag, r));
        }

        // ---------------------------------------------------------------- (b) rebuilds
        List<Herbouwronde> rondes = new ArrayList<>();
        boolean alles = true;
        for (int r = 1; r <= instellingen.herhalingen(); r++) {
            wachtOpOpruimen(db);
            Herbouwronde ronde = herbouw(r, "gemeten", instellingen, beheer, database, db, cpu, opslag, namen, levend);
            rondes.add(ronde);
            alles &= ronde.gelijk();
        }

        // ---------------------------------------------------------------- (a) raw reads, after
        System.out.printf("%nLezen van alle %,d events uit de event store (ronde 2, na het herbouwen):%n", opslag.events());
        for (int r = 1; r <= instellingen.leesHerhalingen(); r++) {
            lezen.addAll(leesAlles(db, opslagmachine, cpu, opslag, instellingen.leesHerhalingen() + r));
        }

        List<Herbouwronde> extra = new ArrayList<>();
        int volgende = instellingen.herhalingen() + 1;
        if (instellingen.bemonsteren()) {
            wachtOpOpruimen(db);
            Herbouwronde bemonsterd = herbouw(volgende++, "bemonsterd", instellingen, beheer, database, db, cpu, opslag,
                    namen, levend);
            extra.add(bemonsterd);
            alles &= bemonsterd.gelijk();
        }
        if (instellingen.asynchroon()) {
            // An experiment: the same rebuild with asynchronous commit for every session of the engine
            // (PostgreSQL's asynchronous commit; consistent, loses at most the last fraction of a second
            // of commits in a crash). Since 039cce2 the engine commits a rebuild's batches asynchronously
            // itself, so this now only shows that the live processors' commits do not matter.
            wachtOpOpruimen(db);
            zetSynchroonCommit(db, database, false);
            try {
                Herbouwronde asynchroon = herbouw(volgende++, "synchronous_commit=off", instellingen, beheer, database,
                        db, cpu, opslag, namen, levend);
                extra.add(asynchroon);
                alles &= asynchroon.gelijk();
            } finally {
                zetSynchroonCommit(db, database, true);
            }
        }

        Directronde direct = null;
        if (instellingen.direct()) {
            direct = direct(instellingen, app, beheer, database, db, cpu, opslag, namen, levend);
            alles &= direct.gelijk();
        }

        rapport(instellingen, db, opslag, anderenVooraf, levend, lezen, rondes, extra, direct, namen);
        if (!alles) {
            System.out.println("\nLET OP: een herbouwd leesmodel wijkt af van het levende; de cijfers zijn niet bruikbaar.");
            return 1;
        }
        return 0;
    }

    // ---------------------------------------------------------------- fill

    private static Opslag vul(Instellingen instellingen, RuweOpslag db, Projectiebeheer beheer, List<String> namen,
                              Afzenders afzenders) throws Exception {
        System.out.printf("%nVullen (niet gemeten): Simulatie seed %d met fouten, klant na klant, batches van %d,"
                + " %d afzenders, tot er ten minste %,d events zijn ...%n", ZAAD, instellingen.batch(),
                instellingen.afzenders(), instellingen.events());
        Iterator<ObjectNode> berichten = Simulatie.metSeed(ZAAD).klanten(Simulatie.MEESTE_KLANTEN).metFouten(true)
                .berichten().iterator();
        long start = System.nanoTime();
        long verzonden = 0;
        long accepted = 0;
        long duplicate = 0;
        long events = db.aantalRijen("domainevententry");
        long gemeld = 0;
        while (events < instellingen.events()) {
            long ontbrekend = instellingen.events() - events;
            // About 2.2 events per message: half the missing events in messages overshoots by little.
            int portie = (int) Math.max(100, Math.min(PORTIE, (ontbrekend + 1) / 2));
            List<byte[]> batches = Afzenders.batches(Stream.generate(berichten::next).limit(portie), instellingen.batch());
            Afzenders.Antwoorden antwoorden = afzenders.verstuur(batches, instellingen.afzenders());
            verzonden += portie;
            accepted += antwoorden.accepted();
            duplicate += antwoorden.duplicate();
            if (antwoorden.rejected() > 0) {
                System.out.println("  AFGEWEZEN: " + antwoorden.rejected() + "; eerste: " + antwoorden.eersteProbleem());
                return null;
            }
            events = db.aantalRijen("domainevententry");
            if (events - gemeld >= 100_000 || events >= instellingen.events()) {
                double s = (System.nanoTime() - start) / 1e9;
                System.out.printf(Locale.ROOT, "  %,9d berichten, %,9d events na %5.0f s (%,.0f berichten/s)%n",
                        verzonden, events, s, verzonden / s);
                gemeld = events;
            }
        }
        long gevuldOp = System.nanoTime();
        double vulSeconden = (gevuldOp - start) / 1e9;
        System.out.printf(Locale.ROOT, "Gevuld in %.0f s: %,d berichten verzonden (%,d accepted, %,d duplicate, 0 rejected),"
                + " %,d events; wachten tot de levende leesmodellen bij zijn ...%n", vulSeconden, verzonden, accepted,
                duplicate, events);
        long t0 = System.nanoTime();
        if (!bijgewerkt(beheer, namen)) {
            return null;
        }
        double bijwerkSeconden = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "Levende leesmodellen bij na nog %.1f s (achterstand 0)%n", bijwerkSeconden);

        // The event store's shared stream (EmbeddedEventStore) caches the last events for the
        // processors that follow the head, each with its own tracking token; written by concurrent
        // batches, each such token can hold thousands of gaps as a tree of its own: heap that belongs
        // to ingestion, not to a rebuild (1.1 GB with the engine of 17:00; the engine now keeps
        // 1,000 events and one ingestion worker). A tail of events from one sender, written after the
        // gap timeout, replaces that cache, so the heap measured below is the rebuild's.
        double heapNaVullen = heapNaVolledigeGc();
        histogram("Klassen met de meeste heap na het vullen");
        double rust = 65 - (System.nanoTime() - gevuldOp) / 1e9;
        System.out.printf(Locale.ROOT, "Heap na volledige GC na het vullen: %.0f MiB; wacht %.0f s (gap timeout) en stuur"
                + " een staart van %,d berichten met 1 afzender ...%n", heapNaVullen, Math.max(0, rust), STAART);
        if (rust > 0) {
            Thread.sleep((long) (rust * 1000));
        }
        Afzenders.Antwoorden staart = afzenders.verstuur(Afzenders.batches(
                Stream.generate(berichten::next).limit(STAART), instellingen.batch()), 1);
        verzonden += STAART;
        if (staart.rejected() > 0) {
            System.out.println("  AFGEWEZEN: " + staart.rejected() + "; eerste: " + staart.eersteProbleem());
            return null;
        }
        gevuldOp = System.nanoTime();
        if (!bijgewerkt(beheer, namen)) {
            return null;
        }
        double heapNaStaart = heapNaVolledigeGc();
        System.out.printf(Locale.ROOT, "Heap na volledige GC na de staart: %.0f MiB%n", heapNaStaart);
        histogram("Klassen met de meeste heap na de staart");

        return beschrijf(db, verzonden, vulSeconden, bijwerkSeconden, gevuldOp, heapNaVullen, heapNaStaart);
    }

    /** What the filled store holds: counts, quarter positions, sizes (also for {@link JaarBenchmark}). */
    static Opslag beschrijf(RuweOpslag db, long verzonden, double vulSeconden, double bijwerkSeconden, long gevuldOp,
                            double heapNaVullen, double heapNaStaart) throws SQLException {
        try (Connection c = db.verbinding(); Statement s = c.createStatement()) {
            long aantal;
            long eerste;
            long kop;
            double payload;
            double metadata;
            String eersteTijd;
            String laatsteTijd;
            try (ResultSet r = s.executeQuery("select count(*), min(globalindex), max(globalindex),"
                    + " avg(octet_length(payload)), avg(octet_length(metadata)), min(timestamp), max(timestamp)"
                    + " from domainevententry")) {
                r.next();
                aantal = r.getLong(1);
                eerste = r.getLong(2);
                kop = r.getLong(3);
                payload = r.getDouble(4);
                metadata = r.getDouble(5);
                eersteTijd = r.getString(6);
                laatsteTijd = r.getString(7);
            }
            long[] kwart = new long[KWARTEN.length];
            for (int k = 0; k < KWARTEN.length; k++) {
                long offset = Math.max(0, Math.round(KWARTEN[k] * aantal) - 1);
                try (ResultSet r = s.executeQuery("select globalindex from domainevententry order by globalindex"
                        + " offset " + offset + " limit 1")) {
                    r.next();
                    kwart[k] = r.getLong(1);
                }
            }
            long bytes = tabelgrootte(db, "domainevententry");
            Opslag opslag = new Opslag(aantal, eerste, kop, kwart, payload, metadata, bytes, verzonden, vulSeconden,
                    bijwerkSeconden, eersteTijd, laatsteTijd, gevuldOp, heapNaVullen, heapNaStaart);
            System.out.printf(Locale.ROOT, "Event store: %,d events, globalindex %,d..%,d (%,d gaten: %.1f%%), payload gem."
                            + " %.0f B, metadata %.0f B, tabel met indexen %,d MiB, tijdstempels %s .. %s%n", aantal, eerste,
                    kop, opslag.gaten(), 100.0 * opslag.gaten() / (kop - eerste + 1), payload, metadata, bytes >> 20,
                    eersteTijd, laatsteTijd);
            return opslag;
        }
    }

    static boolean bijgewerkt(Projectiebeheer beheer, List<String> namen) {
        for (String naam : namen) {
            if (!beheer.wachtTotBijgewerkt(naam, Duration.ofMinutes(60))) {
                System.out.println("  leesmodel " + naam + " is niet bijgewerkt: " + beheer.voortgang(naam));
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- (a) raw reads

    static List<Leesronde> leesAlles(RuweOpslag db, EventStorageEngine opslagmachine, Cpumeting cpu,
                                             Opslag opslag, int ronde) throws SQLException {
        List<Leesronde> uitkomst = new ArrayList<>();
        uitkomst.add(leesJdbc(db, cpu, ronde, "JDBC: globalindex, payload",
                "select globalindex, payload from domainevententry order by globalindex", false));
        uitkomst.add(leesJdbc(db, cpu, ronde, "JDBC: alle kolommen die Axon leest",
                "select globalindex, type, aggregateidentifier, sequencenumber, eventidentifier, timestamp, payloadtype,"
                        + " payloadrevision, payload, metadata from domainevententry order by globalindex", true));
        uitkomst.add(leesAxon(opslagmachine, cpu, ronde, false));
        uitkomst.add(leesAxon(opslagmachine, cpu, ronde, true));
        for (Leesronde l : uitkomst) {
            if (l.events() != opslag.events()) {
                throw new IllegalStateException(l.soort() + " las " + l.events() + " events, verwacht " + opslag.events());
            }
            System.out.printf(Locale.ROOT, "  %-55s %,10.0f events/s  (%.1f s; JVM %.2f, PostgreSQL %.2f, anderen %.2f cores)%n",
                    l.soort(), l.eventsPerSeconde(), l.seconden(), l.cpu().jvm() / l.seconden(),
                    l.cpu().postgres() / l.seconden(),
                    (l.cpu().machineBezet() - l.cpu().jvm() - l.cpu().postgres()) / l.seconden());
        }
        return uitkomst;
    }

    /** A lower bound of the I/O: one cursor, rows fetched 1,000 at a time, nothing done with them. */
    private static Leesronde leesJdbc(RuweOpslag db, Cpumeting cpu, int ronde, String soort, String sql,
                                      boolean alleKolommen) throws SQLException {
        try (Connection c = db.verbinding()) {
            // PostgreSQL streams with a cursor only inside a transaction.
            c.setAutoCommit(false);
            try (PreparedStatement vraag = c.prepareStatement(sql)) {
                vraag.setFetchSize(1_000);
                Cpumeting.Stand voor = cpu.nu();
                long t0 = System.nanoTime();
                long aantal = 0;
                long bytes = 0;
                long som = 0;
                try (ResultSet rijen = vraag.executeQuery()) {
                    while (rijen.next()) {
                        som += rijen.getLong(1);
                        if (alleKolommen) {
                            som += rijen.getString(2).length() + rijen.getString(3).length() + rijen.getLong(4)
                                    + rijen.getString(5).length() + rijen.getString(6).length()
                                    + rijen.getString(7).length();
                            String revisie = rijen.getString(8);
                            som += revisie == null ? 0 : revisie.length();
                            bytes += rijen.getBytes(9).length;
                            byte[] metadata = rijen.getBytes(10);
                            som += metadata == null ? 0 : metadata.length;
                        } else {
                            bytes += rijen.getBytes(2).length;
                        }
                        aantal++;
                    }
                }
                double seconden = (System.nanoTime() - t0) / 1e9;
                Cpumeting.Stand na = cpu.nu();
                c.rollback();
                if (som == 42) {
                    System.out.print("");
                }
                return new Leesronde(soort, ronde, aantal, bytes, seconden, na.minus(voor));
            }
        }
    }

    /**
     * Axon's own read of the whole store, as a processor's event stream does when it is far
     * behind (EmbeddedEventStore's private stream: {@code readEvents(token, false)}, batches of the
     * engine's batch size); with {@code payloads}, every payload deserialised as a processor needs it.
     */
    private static Leesronde leesAxon(EventStorageEngine opslagmachine, Cpumeting cpu, int ronde, boolean payloads) {
        Cpumeting.Stand voor = cpu.nu();
        long t0 = System.nanoTime();
        long aantal = 0;
        long som = 0;
        try (Stream<? extends TrackedEventMessage<?>> stroom = opslagmachine.readEvents(null, false)) {
            Iterator<? extends TrackedEventMessage<?>> events = stroom.iterator();
            while (events.hasNext()) {
                TrackedEventMessage<?> event = events.next();
                som += event.trackingToken().position().orElse(0);
                if (payloads) {
                    som += System.identityHashCode(event.getPayload());
                }
                aantal++;
            }
        }
        double seconden = (System.nanoTime() - t0) / 1e9;
        if (som == 42) {
            System.out.print("");
        }
        return new Leesronde(payloads ? "Axon readEvents, payloads gedeserialiseerd" : "Axon readEvents, zonder payloads",
                ronde, aantal, 0, seconden, cpu.nu().minus(voor));
    }

    // ---------------------------------------------------------------- (b) rebuild

    static Herbouwronde herbouw(int ronde, String soort, Instellingen instellingen, Projectiebeheer beheer,
                                        DataSource database, RuweOpslag db, Cpumeting cpu, Opslag opslag,
                                        List<String> namen, Map<String, Levend> levend) throws Exception {
        boolean bemonsteren = soort.endsWith("bemonsterd");
        System.out.printf("%nHerbouw ronde %d%s: alle leesmodellen tegelijk over %,d events ...%n", ronde,
                bemonsteren ? " (" + soort + ", met stapel- en sessiebemonstering, niet in de cijfers)"
                        : soort.equals("gemeten") ? "" : soort.equals("herbouwAlle") ? " (herbouwAlle: één gedeelde lezer)"
                        : " (" + soort + ", niet in de cijfers)", opslag.events());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Integer> generatie = new LinkedHashMap<>();
        Map<String, Double> overname = new LinkedHashMap<>();
        Map<String, Double> kop = new LinkedHashMap<>();
        Map<String, List<double[]>> voortgang = new LinkedHashMap<>();
        Map<String, List<double[]>> cpuReeks = new LinkedHashMap<>();
        List<double[]> geheugen = new ArrayList<>();
        double[] heapNaGcKwart = new double[KWARTEN.length];
        double[] gcKwartTijd = new double[KWARTEN.length];
        Arrays.fill(heapNaGcKwart, Double.NaN);
        Arrays.fill(gcKwartTijd, Double.NaN);
        namen.forEach(n -> {
            voortgang.put(n, new ArrayList<>());
            cpuReeks.put(n, new ArrayList<>());
        });

        // The live read models as they are now (no events arrive during the benchmark), for the check
        // afterwards; different from the first digest means the live model changed after it had caught up.
        Map<String, String> voorDigest = new LinkedHashMap<>();
        for (String naam : namen) {
            String digest = controlegetal(new Documentlezer<>(beheer, naam, database), db, beheer.actieveTabel(naam));
            voorDigest.put(naam, digest);
            if (!digest.equals(levend.get(naam).controlegetal())) {
                System.out.printf("  LET OP: levend leesmodel %s is veranderd sinds het bij was: %s, eerst %s%n", naam,
                        digest, levend.get(naam).controlegetal());
            }
        }
        // What the heap holds before the rebuild starts: the baseline for the figures during it.
        double heapVooraf = heapNaVolledigeGc();
        HerbouwGeheugen naGc = new HerbouwGeheugen();
        Map<Long, Double> draadVoor = draadCpu(threads);
        Map<String, Long> pgVoor = pgStand(db);
        double gcPauzesVoor = gcPauzes();
        HerbouwStapels stapels = null;
        Postgresbemonstering sessies = null;
        Cpumeting.Stand cpuVoor = cpu.nu();
        long start = System.nanoTime();
        if (soort.startsWith("herbouwAlle")) {
            // One call for every read model: their bulk fills share one reader of the event store.
            generatie.putAll(beheer.herbouwAlle());
        } else {
            for (String naam : namen) {
                generatie.put(naam, beheer.herbouw(naam));
            }
        }
        if (bemonsteren) {
            Predicate<String> nieuw = draad -> generatie.entrySet().stream()
                    .anyMatch(e -> draad.endsWith("-" + e.getKey() + "-g" + e.getValue()));
            stapels = new HerbouwStapels(5, draad -> draad.startsWith("coordinator-") && nieuw.test(draad),
                    draad -> (draad.startsWith("werker-") || draad.startsWith("voorlader-")) && nieuw.test(draad));
            sessies = new Postgresbemonstering(db, 10);
        }
        Map<String, Double> modelCpuVorige = new HashMap<>();
        double volgendMonster = 0;
        int kwart = 0;
        double einde;
        while (true) {
            double t = (System.nanoTime() - start) / 1e9;
            for (String naam : namen) {
                if (overname.containsKey(naam)) {
                    continue;
                }
                Projectiebeheer.Voortgang v = beheer.voortgang(naam);
                if (v.actieveGeneratie() == generatie.get(naam)) {
                    overname.put(naam, t);
                    kop.putIfAbsent(naam, t);
                    System.out.printf(Locale.ROOT, "  %-10s generatie %d neemt het over na %6.1f s (%,.0f events/s)%n",
                            naam, generatie.get(naam), t, opslag.events() / t);
                } else if (v.herbouwPositie() != null) {
                    voortgang.get(naam).add(new double[] {t, v.herbouwPositie()});
                    if (v.herbouwPositie() >= opslag.kop()) {
                        kop.putIfAbsent(naam, t);
                    }
                }
            }
            if (overname.size() == namen.size()) {
                einde = t;
                break;
            }
            if (t >= volgendMonster) {
                // Every second: heap in use (garbage included), resident size, CPU of each rebuild's threads.
                Runtime rt = Runtime.getRuntime();
                geheugen.add(new double[] {t, (rt.totalMemory() - rt.freeMemory()) / 1048576.0, rss() / 1048576.0,
                        minimaleVoortgang(namen, overname, voortgang, opslag)});
                Map<String, Double> perModel = modelCpu(threads, generatie);
                for (String naam : namen) {
                    double nu = perModel.getOrDefault(naam, 0.0);
                    cpuReeks.get(naam).add(new double[] {t, nu - modelCpuVorige.getOrDefault(naam, 0.0)});
                    modelCpuVorige.put(naam, nu);
                }
                volgendMonster += 1.0;
            }
            double minimaal = minimaleVoortgang(namen, overname, voortgang, opslag);
            while (kwart < KWARTEN.length - 1 && minimaal >= opslag.kwartIndex()[kwart]) {
                // The live set at this point of the slowest rebuild (a full collection: about a few hundred ms).
                gcKwartTijd[kwart] = t;
                heapNaGcKwart[kwart] = instellingen.gc() ? heapNaVolledigeGc() : Double.NaN;
                kwart++;
            }
            if (t > 3_600) {
                throw new IllegalStateException("herbouw na een uur niet klaar: " + namen.stream().map(beheer::voortgang).toList());
            }
            Thread.sleep(200);
        }
        Cpumeting.Stand cpuNa = cpu.nu();
        Map<Long, Double> draadNa = draadCpu(threads);
        // PostgreSQL's statistics arrive up to half a second after a commit.
        Thread.sleep(1_500);
        Map<String, Long> pgNa = pgStand(db);
        Map<String, Long> geschreven = new LinkedHashMap<>();
        for (String naam : namen) {
            geschreven.put(naam, rijenGeschreven(db, "leesmodel_" + naam.replace('-', '_') + "_g" + generatie.get(naam)));
        }
        double gcPauzes = gcPauzes() - gcPauzesVoor;
        if (stapels != null) {
            stapels.close();
            sessies.close();
        }
        gcKwartTijd[KWARTEN.length - 1] = einde;
        heapNaGcKwart[KWARTEN.length - 1] = instellingen.gc() ? heapNaVolledigeGc() : Double.NaN;
        naGc.close();

        Map<String, double[]> kwartTijden = new LinkedHashMap<>();
        Map<String, Double> cpuKlaar = new LinkedHashMap<>();
        for (String naam : namen) {
            double[] tijden = new double[KWARTEN.length];
            for (int k = 0; k < KWARTEN.length; k++) {
                tijden[k] = tijdOp(voortgang.get(naam), opslag.kwartIndex()[k], kop.get(naam));
            }
            kwartTijden.put(naam, tijden);
            // The end of the last second in which this rebuild's threads still used a tenth of a core.
            cpuKlaar.put(naam, cpuReeks.get(naam).stream().filter(m -> m[1] > 0.1).mapToDouble(m -> m[0])
                    .max().orElse(Double.NaN));
        }
        Map<String, Double> groepen = draadgroepen(threads, draadVoor, draadNa, generatie);

        // The rebuilt read models against the replaced (live) ones: the replaced table stays a minute
        // after the switch; when it is gone, against the live table's digest taken just before this round.
        Map<String, String> controle = new LinkedHashMap<>();
        boolean gelijk = true;
        for (String naam : namen) {
            Documentlezer<?> lezer = new Documentlezer<>(beheer, naam, database);
            String nieuweTabel = "leesmodel_" + naam.replace('-', '_') + "_g" + generatie.get(naam);
            String nieuw = controlegetal(lezer, db, nieuweTabel);
            String vorige = "leesmodel_" + naam.replace('-', '_') + "_g" + (generatie.get(naam) - 1);
            String oud = bestaat(db, vorige) ? controlegetal(lezer, db, vorige) : null;
            String referentie = oud != null ? oud : voorDigest.get(naam);
            boolean zelfde = nieuw.equals(referentie);
            gelijk &= zelfde;
            controle.put(naam, String.format("%s %s %s: %s, %,d documenten%s", nieuweTabel,
                    zelfde ? "GELIJK aan" : "WIJKT AF van", oud != null ? "de vervangen tabel " + vorige
                            : "het levende leesmodel voor de ronde (vervangen tabel al opgeruimd)", nieuw,
                    aantal(db, nieuweTabel), zelfde ? "" : "; " + verschil(db, oud != null ? vorige : null, nieuweTabel)));
            System.out.println("  controle " + naam + ": " + controle.get(naam));
        }
        Herbouwronde uitkomst = new Herbouwronde(ronde, soort, generatie, overname, kop, kwartTijden, cpuKlaar,
                einde, cpuNa.minus(cpuVoor), groepen, geheugen, heapNaGcKwart, gcKwartTijd, gcPauzes, naGc.max(),
                naGc.aantal(), heapVooraf, pgNa.get("wal") - pgVoor.get("wal"), pgNa.get("commits") - pgVoor.get("commits"),
                pgNa.get("tokens") - pgVoor.get("tokens"), geschreven, controle, gelijk);
        System.out.printf(Locale.ROOT, "  ronde %d: langzaamste na %.1f s = %,.0f events/s per leesmodel,"
                        + " %,.0f events/s alle leesmodellen samen; heap max %.0f MiB, na GC vooraf %.0f, dan %s MiB%n",
                ronde, einde, opslag.events() / einde, opslag.events() * namen.size() / einde, uitkomst.heapMax(),
                heapVooraf,
                Arrays.stream(heapNaGcKwart).mapToObj(h -> String.format(Locale.ROOT, "%.0f", h)).toList());
        if (stapels != null) {
            stapels.druk(String.format(Locale.ROOT, "%nWaar de herbouwdraden hun tijd laten (stapelbemonstering elke 5 ms,"
                    + " %,.0f events/s per leesmodel in deze ronde)", opslag.events() / einde));
            sessies.druk("PostgreSQL-sessies tijdens het herbouwen (pg_stat_activity, elke 10 ms)");
        }
        return uitkomst;
    }

    /** The experiment (c): the read models' own projection, driven by a plain loop instead of Axon's processor. */
    record Directronde(int portie, Map<String, Double> seconden, double langzaamste, Cpumeting.Stand cpu,
                       double heapMax, double heapVooraf, double heapNa, Map<String, String> controle, boolean gelijk) {
    }

    /**
     * (c) What the same {@code Documentprojectie} (the same rules, the same reads and writes of
     * documents, in transactions) does without Axon's pooled streaming processor in between: per
     * read model one thread reads {@code readEvents} and hands every {@code portie} events to the
     * projection's handler in one unit of work and one transaction. No tracking token is written
     * (the processor writes one small row per transaction). Into a table of its own, compared with
     * the live read model and dropped.
     */
    static Directronde direct(Instellingen instellingen, ConfigurableApplicationContext app,
                                      Projectiebeheer beheer, DataSource database, RuweOpslag db, Cpumeting cpu,
                                      Opslag opslag, List<String> namen, Map<String, Levend> levend) throws Exception {
        int portie = instellingen.portie();
        System.out.printf("%n(c) Dezelfde Documentprojectie zonder Axons pooled processor: per leesmodel een draad die"
                + " readEvents leest, %,d events per transactie, alle leesmodellen tegelijk (niet in de cijfers) ...%n", portie);
        EventStorageEngine opslagmachine = app.getBean(EventStorageEngine.class);
        TransactionManager transacties = app.getBean(TransactionManager.class);
        Map<String, String> tabellen = new LinkedHashMap<>();
        for (String naam : namen) {
            String tabel = "leesmodel_" + naam.replace('-', '_') + "_direct";
            try (Connection c = db.verbinding(); PreparedStatement s = c.prepareStatement("select leesmodel_maak_tabel(?)::text")) {
                s.setString(1, tabel);
                s.execute();
            }
            tabellen.put(naam, tabel);
        }
        double heapVooraf = heapNaVolledigeGc();
        Map<String, Double> seconden = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.concurrent.ExecutorService draden = java.util.concurrent.Executors.newFixedThreadPool(namen.size(),
                taak -> new Thread(taak, "direct-herbouw"));
        Cpumeting.Stand voor = cpu.nu();
        long start = System.nanoTime();
        List<java.util.concurrent.Future<?>> klaar = new ArrayList<>();
        for (String naam : namen) {
            EventMessageHandler handler = beheer.projectie(naam).handler(tabellen.get(naam),
                    InMemorySequencedDeadLetterQueue.defaultQueue(), "herbouwbenchmark-direct-" + naam, () -> false);
            klaar.add(draden.submit(() -> {
                try (Stream<? extends TrackedEventMessage<?>> stroom = opslagmachine.readEvents(null, false)) {
                    Iterator<? extends TrackedEventMessage<?>> events = stroom.iterator();
                    List<TrackedEventMessage<?>> deel = new ArrayList<>(portie);
                    while (events.hasNext()) {
                        deel.add(events.next());
                        if (deel.size() == portie || !events.hasNext()) {
                            BatchingUnitOfWork<TrackedEventMessage<?>> werk = new BatchingUnitOfWork<>(deel);
                            werk.attachTransaction(transacties);
                            ResultMessage<?> uitkomst = werk.executeWithResult(() -> handler.handle(werk.getMessage()),
                                    RollbackConfigurationType.ANY_THROWABLE);
                            if (uitkomst.isExceptional()) {
                                throw new IllegalStateException("directe herbouw van " + naam + " mislukt",
                                        uitkomst.exceptionResult());
                            }
                            deel = new ArrayList<>(portie);
                        }
                    }
                }
                seconden.put(naam, (System.nanoTime() - start) / 1e9);
                return null;
            }));
        }
        double heapMax = 0;
        while (klaar.stream().anyMatch(f -> !f.isDone())) {
            Runtime rt = Runtime.getRuntime();
            heapMax = Math.max(heapMax, (rt.totalMemory() - rt.freeMemory()) / 1048576.0);
            Thread.sleep(200);
        }
        Cpumeting.Stand na = cpu.nu();
        double langzaamste = (System.nanoTime() - start) / 1e9;
        draden.shutdown();
        for (java.util.concurrent.Future<?> f : klaar) {
            f.get();
        }
        double heapNa = heapNaVolledigeGc();
        Thread.sleep(1_500);
        Map<String, String> controle = new LinkedHashMap<>();
        boolean gelijk = true;
        for (String naam : namen) {
            Documentlezer<?> lezer = new Documentlezer<>(beheer, naam, database);
            String digest = controlegetal(lezer, db, tabellen.get(naam));
            String actief = beheer.actieveTabel(naam);
            boolean zelfde = digest.equals(controlegetal(lezer, db, actief));
            gelijk &= zelfde;
            long documenten = aantal(db, tabellen.get(naam));
            controle.put(naam, String.format(Locale.ROOT, "%s %s %s: %s, %,d documenten, %.2f keer geschreven per document%s",
                    tabellen.get(naam), zelfde ? "GELIJK aan" : "WIJKT AF van", actief, digest, documenten,
                    (double) rijenGeschreven(db, tabellen.get(naam)) / documenten,
                    zelfde ? "" : "; " + verschil(db, actief, tabellen.get(naam))));
            System.out.printf(Locale.ROOT, "  %-10s klaar na %6.1f s (%,.0f events/s); controle: %s%n", naam,
                    seconden.get(naam), opslag.events() / seconden.get(naam), controle.get(naam));
            try (Connection c = db.verbinding(); Statement s = c.createStatement()) {
                s.execute("drop table " + tabellen.get(naam));
            }
        }
        Directronde ronde = new Directronde(portie, seconden, langzaamste, na.minus(voor), heapMax, heapVooraf, heapNa,
                controle, gelijk);
        System.out.printf(Locale.ROOT, "  langzaamste na %.1f s = %,.0f events/s per leesmodel, %,.0f events/s samen;"
                        + " JVM %.2f, PostgreSQL %.2f cores; heap na GC %.0f -> %.0f MiB, max %.0f MiB%n", langzaamste,
                opslag.events() / langzaamste, opslag.events() * namen.size() / langzaamste,
                ronde.cpu().jvm() / langzaamste, ronde.cpu().postgres() / langzaamste, heapVooraf, heapNa, heapMax);
        return ronde;
    }

    /** The position the slowest rebuild has reached (a rebuild that took over counts as at the head). */
    private static double minimaleVoortgang(List<String> namen, Map<String, Double> overname,
                                            Map<String, List<double[]>> voortgang, Opslag opslag) {
        double minimaal = Double.MAX_VALUE;
        for (String naam : namen) {
            if (overname.containsKey(naam)) {
                minimaal = Math.min(minimaal, opslag.kop());
                continue;
            }
            List<double[]> reeks = voortgang.get(naam);
            minimaal = Math.min(minimaal, reeks.isEmpty() ? -1 : reeks.get(reeks.size() - 1)[1]);
        }
        return minimaal;
    }

    /** When the stored position first reached {@code index}, interpolated between two samples. */
    private static double tijdOp(List<double[]> reeks, long index, double kopTijd) {
        double[] vorige = {0, 0};
        for (double[] monster : reeks) {
            if (monster[1] >= index) {
                double deel = monster[1] == vorige[1] ? 1 : (index - vorige[1]) / (monster[1] - vorige[1]);
                return vorige[0] + deel * (monster[0] - vorige[0]);
            }
            vorige = monster;
        }
        return kopTijd;
    }

    /** The JVM's class histogram (jcmd GC.class_histogram): the largest classes and the tokens. */
    private static void histogram(String kop) {
        try {
            String tekst = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
            String[] regels = tekst.split("\n");
            System.out.println(kop + " (jcmd GC.class_histogram):");
            for (int i = 0; i < regels.length; i++) {
                if (i < 8 || regels[i].contains("TrackingToken") || regels[i].contains("TreeMap ")
                        || regels[i].contains("Total")) {
                    System.out.println("    " + regels[i].trim());
                }
            }
        } catch (Exception e) {
            System.out.println(kop + ": geen histogram (" + e + ")");
        }
    }

    static double heapNaVolledigeGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0;
    }

    private static double gcPauzes() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(g -> Math.max(0, g.getCollectionTime())).sum() / 1e3;
    }

    private static long rss() {
        try {
            for (String regel : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (regel.startsWith("VmRSS:")) {
                    return Long.parseLong(regel.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not on Linux.
        }
        return 0;
    }

    private static Map<Long, Double> draadCpu(ThreadMXBean threads) {
        Map<Long, Double> cpu = new HashMap<>();
        for (long id : threads.getAllThreadIds()) {
            long ns = threads.getThreadCpuTime(id);
            if (ns >= 0) {
                cpu.put(id, ns / 1e9);
            }
        }
        return cpu;
    }

    /** CPU seconds so far of the threads of each read model's rebuilding processor. */
    private static Map<String, Double> modelCpu(ThreadMXBean threads, Map<String, Integer> generatie) {
        Map<String, Double> perModel = new HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            for (Map.Entry<String, Integer> e : generatie.entrySet()) {
                if (info.getThreadName().endsWith("-" + e.getKey() + "-g" + e.getValue())) {
                    long ns = threads.getThreadCpuTime(info.getThreadId());
                    if (ns > 0) {
                        perModel.merge(e.getKey(), ns / 1e9, Double::sum);
                    }
                }
            }
        }
        return perModel;
    }

    /** CPU seconds per group of JVM threads between two snapshots (threads that ended in between are lost). */
    private static Map<String, Double> draadgroepen(ThreadMXBean threads, Map<Long, Double> voor, Map<Long, Double> na,
                                                    Map<String, Integer> generatie) {
        Map<String, Double> groepen = new LinkedHashMap<>();
        for (String g : List.of("herbouw: bulkvulling", "herbouw: coordinatoren", "herbouw: werkers", "levende processors",
                "overig")) {
            groepen.put(g, 0.0);
        }
        for (ThreadInfo info : threads.getThreadInfo(na.keySet().stream().mapToLong(Long::longValue).toArray())) {
            if (info == null) {
                continue;
            }
            String naam = info.getThreadName();
            boolean herbouw = generatie.entrySet().stream()
                    .anyMatch(e -> naam.endsWith("-" + e.getKey() + "-g" + e.getValue()));
            String groep;
            if (herbouw && naam.startsWith("voorlader-")) {
                groep = "herbouw: bulkvulling";
            } else if (herbouw && naam.startsWith("coordinator-")) {
                groep = "herbouw: coordinatoren";
            } else if (herbouw && naam.startsWith("werker-")) {
                groep = "herbouw: werkers";
            } else if (naam.startsWith("coordinator-") || naam.startsWith("werker-")) {
                groep = "levende processors";
            } else {
                groep = "overig";
            }
            double verschil = na.get(info.getThreadId()) - voor.getOrDefault(info.getThreadId(), 0.0);
            groepen.merge(groep, verschil, Double::sum);
        }
        return groepen;
    }

    /** WAL bytes written, transactions committed and tokens stored so far in this PostgreSQL. */
    private static Map<String, Long> pgStand(RuweOpslag db) throws SQLException {
        try (Connection c = db.verbinding(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint,"
                     + " (select sum(xact_commit) from pg_stat_database)::bigint,"
                     + " (select coalesce(sum(n_tup_upd), 0) from pg_stat_user_tables where relname = 'tokenentry')::bigint")) {
            r.next();
            // Every batch of a processor's worker stores its segment's token: token updates count them.
            return Map.of("wal", r.getLong(1), "commits", r.getLong(2), "tokens", r.getLong(3));
        }
    }

    /**
     * {@link Documentlezer#controlegetal(String)}; when the read model is too large for it (it
     * aggregates every document into one text value, and PostgreSQL's limit is 1 GB), the same
     * digest over each row's md5 instead, marked with a {@code *}.
     */
    static String controlegetal(Documentlezer<?> lezer, RuweOpslag db, String tabel) throws SQLException {
        try {
            return lezer.controlegetal(tabel);
        } catch (RuntimeException e) {
            try (Connection c = db.verbinding(); Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("select coalesce(md5(string_agg(md5(sleutel || ':' || document::text),"
                         + " '|' order by sleutel)), '') from " + tabel)) {
                r.next();
                return "*" + r.getString(1);
            }
        }
    }

    /** Which documents differ between two tables of a read model, and the first few of them. */
    private static String verschil(RuweOpslag db, String oud, String nieuw) throws SQLException {
        if (oud == null) {
            return "(geen tabel om mee te vergelijken)";
        }
        StringBuilder tekst = new StringBuilder();
        try (Connection c = db.verbinding(); Statement s = c.createStatement()) {
            String bron = " from " + oud + " o full join " + nieuw + " n using (sleutel)"
                    + " where o.document is distinct from n.document";
            try (ResultSet r = s.executeQuery("select count(*)" + bron)) {
                r.next();
                tekst.append(r.getLong(1)).append(" documenten verschillen");
            }
            try (ResultSet r = s.executeQuery("select sleutel, o.positie, n.positie, length(o.document::text),"
                    + " length(n.document::text)" + bron + " order by sleutel limit 3")) {
                while (r.next()) {
                    tekst.append(String.format(Locale.ROOT, "; %s positie %s/%s lengte %s/%s (oud/nieuw)", r.getString(1),
                            r.getString(2), r.getString(3), r.getString(4), r.getString(5)));
                }
            }
        }
        return tekst.toString();
    }

    /** Rows inserted and updated in a table so far: each write of a document counts once. */
    private static long rijenGeschreven(RuweOpslag db, String tabel) throws SQLException {
        try (Connection c = db.verbinding(); PreparedStatement s = c.prepareStatement(
                "select coalesce(sum(n_tup_ins + n_tup_upd), 0) from pg_stat_user_tables where relname = ?")) {
            s.setString(1, tabel);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static boolean bestaat(RuweOpslag db, String tabel) throws SQLException {
        try (Connection c = db.verbinding(); PreparedStatement s = c.prepareStatement("select to_regclass(?) is not null")) {
            s.setString(1, tabel);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getBoolean(1);
            }
        }
    }

    private static long aantal(RuweOpslag db, String tabel) throws SQLException {
        return db.aantalRijen(tabel);
    }

    static long tabelgrootte(RuweOpslag db, String tabel) throws SQLException {
        try (Connection c = db.verbinding(); PreparedStatement s = c.prepareStatement("select pg_total_relation_size(?)")) {
            s.setString(1, tabel);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /**
     * Asynchronous commit for every new session of this database (the server's own setting, given
     * on its command line, stays {@code on}); the engine's pool is renewed so its sessions take it.
     */
    private static void zetSynchroonCommit(RuweOpslag db, DataSource database, boolean aan) throws SQLException {
        try (Connection c = db.verbinding(); Statement s = c.createStatement()) {
            String naam;
            try (ResultSet r = s.executeQuery("select current_database()")) {
                r.next();
                naam = r.getString(1);
            }
            s.execute("alter database \"" + naam + "\" " + (aan ? "reset synchronous_commit" : "set synchronous_commit = off"));
        }
        database.unwrap(com.zaxxer.hikari.HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();
        System.out.println("  synchronous_commit voor nieuwe sessies van de engine: " + (aan ? "on (standaard)" : "off"));
    }

    /** Replaced generations are dropped a minute after the switch; not in the middle of the next measurement. */
    static void wachtOpOpruimen(RuweOpslag db) throws Exception {
        long t0 = System.nanoTime();
        while (true) {
            try (Connection c = db.verbinding(); Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("select count(*) from leesmodel_generatie where toestand <> 'actief'")) {
                r.next();
                if (r.getLong(1) == 0) {
                    break;
                }
            }
            if (System.nanoTime() - t0 > 300e9) {
                throw new IllegalStateException("vervangen generaties na 5 minuten niet opgeruimd");
            }
            Thread.sleep(1_000);
        }
        if (System.nanoTime() - t0 > 1e9) {
            System.out.printf(Locale.ROOT, "%n(%.0f s gewacht tot de vervangen generaties waren opgeruimd)%n",
                    (System.nanoTime() - t0) / 1e9);
        }
        // Let PostgreSQL's background writer and checkpointer settle a little.
        Thread.sleep(3_000);
    }

    // ---------------------------------------------------------------- report

    private static void rapport(Instellingen instellingen, RuweOpslag db, Opslag opslag, double anderenVooraf,
                                Map<String, Levend> levend, List<Leesronde> lezen, List<Herbouwronde> rondes,
                                List<Herbouwronde> extra, Directronde direct, List<String> namen) throws SQLException {
        Runtime runtime = Runtime.getRuntime();
        long n = opslag.events();
        Benchmarkomgeving.kop("Herbouw van de leesmodellen tegenover het lezen van dezelfde events");
        System.out.printf("Machine        %d cores (%s), %s %s; andere processen vooraf %.2f cores%n",
                runtime.availableProcessors(), Benchmarkomgeving.cpuModel(), System.getProperty("os.name"),
                System.getProperty("os.version"), anderenVooraf);
        System.out.printf("JVM            %s %s, max heap %,d MiB, GC %s, opties %s%n",
                System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
                runtime.maxMemory() >> 20, Benchmarkomgeving.gcNamen(), Benchmarkomgeving.jvmOpties());
        Benchmarkomgeving.postgresEnEngine(db, instellingen.app());
        System.out.printf(Locale.ROOT, "Event store    %,d events (%,d berichten verzonden, %.2f events/bericht), payload gem."
                        + " %.0f B, metadata %.0f B, %,d MiB met indexen%n", n, opslag.berichten(),
                (double) n / opslag.berichten(), opslag.payload(), opslag.metadata(), opslag.bytes() >> 20);
        System.out.printf(Locale.ROOT, "               globalindex %,d..%,d: %,d gaten (%.1f%%, teruggedraaide transacties)%n",
                opslag.eersteIndex(), opslag.kop(), opslag.gaten(),
                100.0 * opslag.gaten() / (opslag.kop() - opslag.eersteIndex() + 1));
        System.out.printf(Locale.ROOT, "Heap na GC     %.0f MiB na het vullen (%d afzenders), %.0f MiB na een staart van %,d"
                        + " berichten van 1 afzender na de gap timeout%n", opslag.heapNaVullen(), instellingen.afzenders(),
                opslag.heapNaStaart(), STAART);
        System.out.printf(Locale.ROOT, "Vullen         %.0f s via de API (%,.0f berichten/s, %d afzenders; niet het gemeten"
                        + " cijfer), levende leesmodellen daarna nog %.1f s tot achterstand 0%n", opslag.vulSeconden(),
                opslag.berichten() / opslag.vulSeconden(), instellingen.afzenders(), opslag.bijwerkSeconden());
        for (Levend l : levend.values()) {
            System.out.printf(Locale.ROOT, "Leesmodel      %-10s %,9d documenten, %,5d MiB%n", l.naam(), l.documenten(),
                    l.bytes() >> 20);
        }
        System.out.println();

        System.out.println("(a) Alle events lezen (events/s; elke meting, dan de mediaan):");
        Map<String, Double> leesMediaan = new LinkedHashMap<>();
        for (String soort : lezen.stream().map(Leesronde::soort).distinct().toList()) {
            List<Leesronde> van = lezen.stream().filter(l -> l.soort().equals(soort)).toList();
            double med = mediaan(van, Leesronde::eventsPerSeconde);
            leesMediaan.put(soort, med);
            System.out.printf(Locale.ROOT, "  %-48s %s  mediaan %,9.0f; JVM %.2f, PostgreSQL %.2f cores%n", soort,
                    van.stream().map(l -> String.format(Locale.ROOT, "%,9.0f", l.eventsPerSeconde())).toList(), med,
                    mediaan(van, l -> l.cpu().jvm() / l.seconden()), mediaan(van, l -> l.cpu().postgres() / l.seconden()));
        }
        double axon = leesMediaan.get("Axon readEvents, payloads gedeserialiseerd");
        System.out.println();

        System.out.printf("(b) Herbouw van alle %d leesmodellen tegelijk (elke gemeten ronde; mediaan)%s:%n", namen.size(),
                extra.isEmpty() ? "" : "; daarna, niet in de mediaan, " + extra.stream().map(r -> "ronde " + r.ronde()
                        + " = " + r.soort()).toList());
        System.out.printf("%-58s", "");
        rondes.forEach(r -> System.out.printf("%14s", "ronde " + r.ronde()));
        System.out.printf("%14s", "mediaan");
        extra.forEach(r -> System.out.printf("%14s", "(ronde " + r.ronde() + ")"));
        System.out.println();
        for (String naam : namen) {
            regel(rondes, extra, "  " + naam + ": overname na (s)", r -> r.overname().get(naam), "%,14.1f");
            regel(rondes, extra, "  " + naam + ": events/s tot de overname", r -> n / r.overname().get(naam), "%,14.0f");
            regel(rondes, extra, "  " + naam + ": events/s tot de kop (opgeslagen tokens)", r -> n / r.kop().get(naam), "%,14.0f");
            regel(rondes, extra, "  " + naam + ": events/s tot de draden stil vallen (~1 s)",
                    r -> n / r.cpuKlaar().get(naam), "%,14.0f");
            regel(rondes, extra, "  " + naam + ": events/s eerste helft", r -> n * 0.5 / r.kwartTijden().get(naam)[1], "%,14.0f");
            regel(rondes, extra, "  " + naam + ": events/s tweede helft (tot de kop)", r -> n * 0.5
                    / (r.kwartTijden().get(naam)[3] - r.kwartTijden().get(naam)[1]), "%,14.0f");
        }
        regel(rondes, extra, "langzaamste leesmodel: seconden", Herbouwronde::langzaamste, "%,14.1f");
        regel(rondes, extra, "langzaamste leesmodel: events/s (wandklok)", r -> n / r.langzaamste(), "%,14.0f");
        regel(rondes, extra, "ALLE leesmodellen samen: events/s", r -> n * namen.size() / r.langzaamste(), "%,14.0f");
        regel(rondes, extra, "verhouding herbouw (langzaamste) / Axon-lezen", r -> n / r.langzaamste() / axon, "%14.2f");
        regel(rondes, extra, "verhouding herbouw (samen) / Axon-lezen", r -> n * namen.size() / r.langzaamste() / axon, "%14.2f");
        System.out.println();
        System.out.println("Geheugen (MiB) tijdens het herbouwen");
        regel(rondes, extra, "  heap na volledige GC vlak voor de start", Herbouwronde::heapVooraf, "%,14.0f");
        regel(rondes, extra, "  heap in gebruik, max (elke seconde, incl. afval)", Herbouwronde::heapMax, "%,14.0f");
        regel(rondes, extra, "  heap na elke GC, max (GC-meldingen)", Herbouwronde::naGcMax, "%,14.0f");
        for (int k = 0; k < KWARTEN.length; k++) {
            int kk = k;
            regel(rondes, extra, String.format(Locale.ROOT, "  heap na volledige GC bij %3.0f%% van de events", KWARTEN[k] * 100),
                    r -> r.heapNaGcKwart()[kk], "%,14.0f");
        }
        regel(rondes, extra, "  resident (RSS) van de JVM, max", Herbouwronde::rssMax, "%,14.0f");
        regel(rondes, extra, "  aantal GC's (incl. de volledige)", r -> r.gcs(), "%,14.0f");
        regel(rondes, extra, "  GC-pauzes (s, incl. de 4 volledige)", Herbouwronde::gcPauzes, "%,14.1f");
        System.out.println();
        System.out.println("CPU tijdens het herbouwen (cores bezet = CPU-seconden / wandtijd)");
        regel(rondes, extra, "  machine totaal", r -> r.cpu().machineBezet() / r.seconden(), "%14.2f");
        regel(rondes, extra, "  JVM", r -> r.cpu().jvm() / r.seconden(), "%14.2f");
        for (String groep : List.of("herbouw: bulkvulling", "herbouw: coordinatoren", "herbouw: werkers",
                "levende processors", "overig")) {
            regel(rondes, extra, "    " + groep, r -> r.draadgroepen().get(groep) / r.seconden(), "%14.2f");
        }
        regel(rondes, extra, "    GC, JIT, beeindigde threads", r -> (r.cpu().jvm() - r.draadgroepen().values().stream()
                .mapToDouble(Double::doubleValue).sum()) / r.seconden(), "%14.2f");
        regel(rondes, extra, "  PostgreSQL", r -> r.cpu().postgres() / r.seconden(), "%14.2f");
        regel(rondes, extra, "  andere processen op de machine", r -> (r.cpu().machineBezet() - r.cpu().jvm()
                - r.cpu().postgres()) / r.seconden(), "%14.2f");
        regel(rondes, extra, "  CPU-ms per 1000 events per leesmodel (JVM+PG)", r -> (r.cpu().jvm() + r.cpu().postgres())
                * 1e6 / (n * namen.size()), "%14.1f");
        regel(rondes, extra, "  WAL geschreven (MiB)", r -> r.walBytes() / 1048576.0, "%,14.0f");
        regel(rondes, extra, "  transacties (commits)", r -> r.commits(), "%,14.0f");
        regel(rondes, extra, "  batches van de werkers (tokens opgeslagen)", r -> r.tokens(), "%,14.0f");
        regel(rondes, extra, "  events per batch (events x leesmodellen / batches)", r -> (double) n * namen.size()
                / r.tokens(), "%,14.1f");
        for (String naam : namen) {
            regel(rondes, extra, "  " + naam + ": documenten geschreven per document", r -> (double) r.geschreven()
                    .get(naam) / levend.get(naam).documenten(), "%,14.2f");
        }
        System.out.println();
        System.out.println("Voortgang per ronde (s na de start bij 25/50/75/100% van de events; opgeslagen tokens):");
        for (Herbouwronde r : Stream.concat(rondes.stream(), extra.stream()).toList()) {
            for (String naam : namen) {
                System.out.printf(Locale.ROOT, "  ronde %d %-10s %s, overname %.1f%n", r.ronde(), naam,
                        Arrays.stream(r.kwartTijden().get(naam)).mapToObj(t -> String.format(Locale.ROOT, "%.1f", t))
                                .toList(), r.overname().get(naam));
            }
            System.out.printf(Locale.ROOT, "  ronde %d heap (MiB, t s / gebruikt / RSS / positie langzaamste): %s%n",
                    r.ronde(), r.geheugen().stream().filter(m -> Math.round(m[0]) % 5 == 0)
                            .map(m -> String.format(Locale.ROOT, "%.0f/%.0f/%.0f/%.0f", m[0], m[1], m[2], m[3])).toList());
        }
        System.out.println();
        System.out.println("Controle (digest van herbouwd tegen levend leesmodel):");
        for (Herbouwronde r : Stream.concat(rondes.stream(), extra.stream()).toList()) {
            r.controle().forEach((naam, tekst) -> System.out.printf("  ronde %d (%s) %-10s %s%n", r.ronde(), r.soort(),
                    naam, tekst));
        }
        if (direct != null) {
            System.out.printf(Locale.ROOT, "(c) Zelfde projectie zonder pooled processor, %,d events per transactie: %s;"
                            + " langzaamste %,.0f events/s, samen %,.0f events/s; JVM %.2f, PostgreSQL %.2f, anderen %.2f"
                            + " cores; heap na GC %.0f -> %.0f MiB, max %.0f MiB%n", direct.portie(),
                    direct.seconden().entrySet().stream().map(e -> String.format(Locale.ROOT, "%s %,.0f events/s", e.getKey(),
                            n / e.getValue())).toList(), n / direct.langzaamste(), n * namen.size() / direct.langzaamste(),
                    direct.cpu().jvm() / direct.langzaamste(), direct.cpu().postgres() / direct.langzaamste(),
                    (direct.cpu().machineBezet() - direct.cpu().jvm() - direct.cpu().postgres()) / direct.langzaamste(),
                    direct.heapVooraf(), direct.heapNa(), direct.heapMax());
            direct.controle().forEach((naam, tekst) -> System.out.printf("  (c) %-10s %s%n", naam, tekst));
        }
        System.out.println();
        double samen = mediaan(rondes, r -> n * namen.size() / r.langzaamste());
        double langzaamste = mediaan(rondes, r -> n / r.langzaamste());
        double groei = mediaan(rondes, r -> r.heapNaGcKwart()[3] - r.heapNaGcKwart()[0]);
        System.out.printf(Locale.ROOT, "Doel           >= %,.0f events/s: alle leesmodellen samen %,.0f (%s); elk leesmodel"
                        + " over alle events (wandklok) %,.0f (%s)%n", DOEL_EVENTS_PER_SECONDE, samen,
                samen >= DOEL_EVENTS_PER_SECONDE ? "gehaald" : "NIET gehaald", langzaamste,
                langzaamste >= DOEL_EVENTS_PER_SECONDE ? "gehaald" : "NIET gehaald");
        System.out.printf(Locale.ROOT, "               geheugen na GC van 25%% naar 100%% van de events: %+.0f MiB (%s)%n", groei,
                Math.abs(groei) < 64 ? "vlak" : "GROEIT");
    }

    private static void regel(List<Herbouwronde> rondes, List<Herbouwronde> extra, String naam,
                              ToDoubleFunction<Herbouwronde> waarde, String formaat) {
        System.out.printf("%-58s", naam);
        for (Herbouwronde r : rondes) {
            System.out.printf(Locale.ROOT, formaat, waarde.applyAsDouble(r));
        }
        System.out.printf(Locale.ROOT, formaat, mediaan(rondes, waarde));
        for (Herbouwronde r : extra) {
            System.out.printf(Locale.ROOT, formaat, waarde.applyAsDouble(r));
        }
        System.out.println();
    }

    private static <T> double mediaan(List<T> waarden, ToDoubleFunction<T> functie) {
        return Benchmarkomgeving.mediaan(waarden.stream().mapToDouble(functie));
    }
}
