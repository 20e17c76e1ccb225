package nl.klantreis.api.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;

import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import nl.klantreis.domein.gedeeld.Identificatiesoort;
import nl.klantreis.infrastructuur.beveiliging.LokaleSleutel;
import nl.klantreis.infrastructuur.beveiliging.Tokenmaker;
import nl.klantreis.projecties.leesmodel.Documentprojectie;
import nl.klantreis.projecties.leesmodel.Projectiebeheer;
import nl.klantreis.projecties.mijnzaken.MijnZakenLeesregels;
import nl.klantreis.infrastructuur.opslag.IngebeddePostgres;
import nl.klantreis.infrastructuur.privacy.Pseudoniemen;
import nl.klantreis.simulatie.Simulatie;

/**
 * Reading a zaak and its live push, with audit on and with audit off, in one run on one
 * PostgreSQL. A program that prints figures, not a test (see docs/benchmarks.md):
 *
 * <pre>
 * mvn -q -o install -DskipTests &amp;&amp; mvn -q -o -pl api exec:java \
 *     -Dexec.mainClass=nl.klantreis.api.benchmark.LeesBenchmark -Dexec.classpathScope=test \
 *     -Dexec.args="--klanten 2000 --duur 20 --verbindingen 64 --jfr /tmp/leesbenchmark"
 * </pre>
 *
 * <ol>
 * <li>One embedded PostgreSQL (fsync and synchronous_commit on, the engine's own settings), two
 * instances of the application in this JVM on it, side by side: node "aan" (audit on, as in
 * production) and node "uit" ({@code klantreis.audit.aan=false}); same database, same key.</li>
 * <li>Filled once through {@code POST /api/v1/events} of node "aan" with a simulated
 * municipality (faults included), until every read model has caught up. The (zaak, BSN) pairs are
 * the zaken of the MijnZaken read model whose owner is the pseudonym of the BSN that registered
 * them in the simulation; each BSN gets a burger token.</li>
 * <li>Reads: {@code --verbindingen} connections in a closed loop, {@code GET
 * /api/v1/mijnzaken/{zaakId}} for random pairs; first {@code --vooraf} s per node for the JIT,
 * then per measurement {@code --opwarmen} s not counted and {@code --duur} s counted; "aan" and
 * "uit" alternately, {@code --herhalingen} times; medians. Apart from the figures: a JFR CPU
 * profile ({@code --jfr}), stack and pg_stat_activity sampling, and plain JDBC of the same query.</li>
 * <li>Push: a burger follows one zaak over SSE on both nodes; new statuses of that zaak are
 * posted to node "aan" one after another; from the ingest answer to each follower's receipt.
 * Without other load, and while node "aan" serves the read load.</li>
 * </ol>
 */
public final class LeesBenchmark {
    private static final double DOEL_LEZINGEN_PER_SECONDE = 2_000;
    private static final double DOEL_P99_MS = 50;
    private static final double DOEL_AUDITKOSTEN = 0.20;
    private static final double DOEL_PUSH_P99_MS = 250;
    private static final long ZAAD = 4_000_001L;
    private static final String ZAAK_GEREGISTREERD = "nl.overheid.zaken.zaak-geregistreerd";
    private static final String STATUS_GEZET = "nl.overheid.zaken.status-gezet";
    private static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> GROEPEN = List.of("engine: netty-http (webflux-http-*)",
            "engine: lezers (lezer-*: query, JDBC, JSON)", "engine: audit (auditschrijver, parallel-*)",
            "engine: overig (projecties, Axon, Hikari, ...)", "benchmark: http-client (lees-client-*)");

    private LeesBenchmark() {
    }

    record Instellingen(int klanten, int duur, int opwarmen, int verbindingen, int herhalingen, int pushes,
                        int pushInterval, boolean pushOnderLast, boolean bemonsteren, boolean ruw, List<String> app,
                        Path jfr, int vooraf) {
        static Instellingen lees(String[] args) {
            int klanten = 2_000;
            int duur = 20;
            int opwarmen = 5;
            int verbindingen = 64;
            int herhalingen = 3;
            int pushes = 50;
            int pushInterval = 200;
            boolean pushOnderLast = true;
            boolean bemonsteren = true;
            boolean ruw = true;
            List<String> app = new ArrayList<>();
            Path jfr = null;
            int vooraf = 60;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--jfr" -> jfr = Path.of(args[++i]).toAbsolutePath();
                    case "--vooraf" -> vooraf = Integer.parseInt(args[++i]);
                    case "--klanten" -> klanten = Integer.parseInt(args[++i]);
                    case "--duur" -> duur = Integer.parseInt(args[++i]);
                    case "--opwarmen" -> opwarmen = Integer.parseInt(args[++i]);
                    case "--verbindingen" -> verbindingen = Integer.parseInt(args[++i]);
                    case "--herhalingen" -> herhalingen = Integer.parseInt(args[++i]);
                    case "--pushes" -> pushes = Integer.parseInt(args[++i]);
                    case "--push-interval" -> pushInterval = Integer.parseInt(args[++i]);
                    case "--zonder-push-onder-last" -> pushOnderLast = false;
                    case "--zonder-bemonstering" -> bemonsteren = false;
                    case "--zonder-ruw" -> ruw = false;
                    case "--app" -> app.add("--" + args[++i]);
                    default -> throw new IllegalArgumentException("onbekende optie " + args[i]
                            + "; bekend: --klanten N --duur S --opwarmen S --verbindingen N --herhalingen N"
                            + " --pushes N --push-interval MS --zonder-push-onder-last --zonder-bemonstering"
                            + " --zonder-ruw --vooraf S --app eigenschap=waarde --jfr voorvoegsel");
                }
            }
            return new Instellingen(klanten, duur, opwarmen, verbindingen, herhalingen, pushes, pushInterval,
                    pushOnderLast, bemonsteren, ruw, List.copyOf(app), jfr, vooraf);
        }
    }

    /** One instance of the engine. */
    record Node(String naam, boolean audit, ConfigurableApplicationContext app, int poort) {
        MeterRegistry meters() {
            return app.getBean(MeterRegistry.class);
        }
    }

    /** What the simulation sent that the measurements need. */
    record Gevuld(long berichten, long accepted, long events, Map<String, String> bsnVanZaak,
                  Map<String, ObjectNode> statusVanZaak, double seconden) {
    }

    /** A (zaak, burger) pair and the request that reads it. */
    record Paar(String zaakId, String bsn, LeesLast.Verzoek verzoek) {
    }

    /** Audit's own meters of a node at one moment. */
    record Auditstand(double records, long groepen, double groepSeconden, long verslagen, double verslagenSom,
                      long wachten, double wachtSeconden) {
        static Auditstand van(MeterRegistry meters) {
            Timer batch = meters.find("klantreis.audit.batch").timer();
            DistributionSummary groep = meters.find("klantreis.audit.batch.verslagen").summary();
            Timer wacht = meters.find("klantreis.audit.wachttijd").timer();
            double records = meters.find("klantreis.audit.records").counters().stream()
                    .mapToDouble(c -> c.count()).sum();
            return new Auditstand(records,
                    batch == null ? 0 : batch.count(), batch == null ? 0 : batch.totalTime(java.util.concurrent.TimeUnit.SECONDS),
                    groep == null ? 0 : groep.count(), groep == null ? 0 : groep.totalAmount(),
                    wacht == null ? 0 : wacht.count(), wacht == null ? 0 : wacht.totalTime(java.util.concurrent.TimeUnit.SECONDS));
        }

        Auditstand minus(Auditstand eerder) {
            return new Auditstand(records - eerder.records, groepen - eerder.groepen, groepSeconden - eerder.groepSeconden,
                    verslagen - eerder.verslagen, verslagenSom - eerder.verslagenSom, wachten - eerder.wachten,
                    wachtSeconden - eerder.wachtSeconden);
        }

        double groepsgrootte() {
            return verslagen == 0 ? Double.NaN : verslagenSom / verslagen;
        }

        double groepMs() {
            return groepen == 0 ? Double.NaN : groepSeconden * 1e3 / groepen;
        }

        double wachtMs() {
            return wachten == 0 ? Double.NaN : wachtSeconden * 1e3 / wachten;
        }
    }

    /** One measured read run on one node. */
    record Leesronde(String node, int herhaling, LeesLast.Venster venster, long foutenTotaal, String eersteFout,
                     Cpumeting.Stand cpu, Map<String, Double> draden, Auditstand audit) {
        double cores(double cpuSeconden) {
            return cpuSeconden / venster.seconden();
        }

        double client() {
            return draden.getOrDefault(GROEPEN.get(4), 0.0);
        }

        /** Engine CPU (JVM without the benchmark's client, plus PostgreSQL) per 1,000 reads, in ms. */
        double engineMsPer1000() {
            return (cpu.jvm() - client() + cpu.postgres()) * 1e6 / venster.duurNs().length;
        }
    }

    public static void main(String[] args) throws Exception {
        Instellingen instellingen = Instellingen.lees(args);
        Benchmarkomgeving.inEigenJvm(LeesBenchmark.class, args);
        System.out.printf("Leesbenchmark: %,d klanten, %d verbindingen, %d s opwarmen + %d s meten, %d herhalingen"
                        + " per node; %d pushes om de %d ms%n", instellingen.klanten(), instellingen.verbindingen(),
                instellingen.opwarmen(), instellingen.duur(), instellingen.herhalingen(), instellingen.pushes(),
                instellingen.pushInterval());
        Benchmarkomgeving.draai("leesbenchmark", instellingen.app(), "beide nodes", werkmap -> {
            IngebeddePostgres postgres = werkmap.postgres();
            List<Node> nodes = new ArrayList<>();
            try {
                Node aan = start("aan", true, werkmap, instellingen);
                nodes.add(aan);
                String bronToken = werkmap.bronToken();
                RuweOpslag db = new RuweOpslag(postgres.jdbcUrl(), "postgres", "postgres");
                Cpumeting cpu = new Cpumeting(werkmap.pgMap());
                double anderenVooraf = Benchmarkomgeving.anderen(cpu);
                Gevuld gevuld = vul(instellingen, aan, bronToken, db);
                Node uit = start("uit", false, werkmap, instellingen);
                nodes.add(uit);
                return meet(instellingen, aan, uit, postgres, db, cpu, werkmap.dataMap(), bronToken, gevuld,
                        anderenVooraf);
            } finally {
                for (int i = nodes.size() - 1; i >= 0; i--) {
                    nodes.get(i).app().close();
                }
            }
        });
    }

    static Node start(String naam, boolean audit, Benchmarkomgeving.Werkmap werkmap,
                              Instellingen instellingen) {
        long t0 = System.nanoTime();
        // Both nodes on one data directory: one token key, as nodes of one municipality share it.
        ConfigurableApplicationContext app = werkmap.startEngine(List.of(
                "--klantreis.audit.aan=" + audit,
                "--logging.level.nl.klantreis.api.configuratie.Probleemafhandeling=OFF",
                "--logging.level.org.axonframework.modelling.command.AbstractRepository=ERROR"), instellingen.app());
        int poort = Benchmarkomgeving.poort(app);
        System.out.printf(Locale.ROOT, "Node %s (audit %s) gestart op poort %d in %.1f s%n", naam, audit ? "aan" : "UIT",
                poort, (System.nanoTime() - t0) / 1e9);
        return new Node(naam, audit, app, poort);
    }

    // ---------------------------------------------------------------- fill

    static Gevuld vul(Instellingen instellingen, Node aan, String bronToken, RuweOpslag db) throws Exception {
        System.out.printf("%nVullen (niet gemeten): Simulatie seed %d, %,d klanten, met fouten, batches van 500,"
                + " 4 afzenders ...%n", ZAAD, instellingen.klanten());
        List<ObjectNode> berichten = Simulatie.metSeed(ZAAD).klanten(instellingen.klanten()).metFouten(true)
                .berichten().toList();
        Map<String, String> bsnVanZaak = new HashMap<>();
        Map<String, ObjectNode> statusVanZaak = new HashMap<>();
        for (ObjectNode bericht : berichten) {
            String type = bericht.path("type").asText();
            JsonNode data = bericht.path("data");
            if (ZAAK_GEREGISTREERD.equals(type) && data.path("initiator").hasNonNull("bsn")) {
                bsnVanZaak.put(data.path("zaakId").asText(), data.path("initiator").path("bsn").asText());
            } else if (STATUS_GEZET.equals(type)) {
                statusVanZaak.putIfAbsent(data.path("zaakId").asText(), bericht.deepCopy());
            }
        }
        long t0 = System.nanoTime();
        Afzenders.Antwoorden antwoorden = new Afzenders(aan.poort(), bronToken)
                .verstuur(Afzenders.batches(berichten.stream(), 500), 4);
        if (antwoorden.rejected() > 0) {
            throw new IllegalStateException("afgewezen bij het vullen: " + antwoorden.rejected() + "; eerste: "
                    + antwoorden.eersteProbleem());
        }
        Projectiebeheer beheer = aan.app().getBean(Projectiebeheer.class);
        for (String naam : beheer.namen()) {
            if (!beheer.wachtTotBijgewerkt(naam, Duration.ofMinutes(30))) {
                throw new IllegalStateException("leesmodel " + naam + " is niet bijgewerkt: " + beheer.voortgang(naam));
            }
        }
        double seconden = (System.nanoTime() - t0) / 1e9;
        long events = db.aantalRijen("domainevententry");
        System.out.printf(Locale.ROOT, "Gevuld in %.0f s (leesmodellen bij): %,d berichten (%,d accepted, %,d duplicate,"
                        + " 0 rejected), %,d events; %,d zaken met een BSN als initiator%n", seconden, berichten.size(),
                antwoorden.accepted(), antwoorden.duplicate(), events, bsnVanZaak.size());
        return new Gevuld(berichten.size(), antwoorden.accepted(), events, bsnVanZaak, statusVanZaak, seconden);
    }

    /** The (zaak, BSN) pairs: zaken in the read model whose owner is the pseudonym of the BSN that registered them. */
    static List<Paar> paren(Node aan, RuweOpslag db, Gevuld gevuld, Path dataMap) throws SQLException {
        String tabel = aan.app().getBean(Projectiebeheer.class).actieveTabel(MijnZakenLeesregels.NAAM);
        Pseudoniemen pseudoniemen = aan.app().getBean(Pseudoniemen.class);
        Tokenmaker tokens = new Tokenmaker(LokaleSleutel.laad(dataMap));
        Map<String, String> tokenVanBsn = new HashMap<>();
        List<Paar> paren = new ArrayList<>();
        long rijen = 0;
        long zonderBsn = 0;
        long anderEigenaar = 0;
        try (Connection c = db.verbinding(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select sleutel, eigenaar from " + tabel
                     + " where eigenaar is not null order by sleutel")) {
            while (r.next()) {
                rijen++;
                String zaak = r.getString(1);
                String bsn = gevuld.bsnVanZaak().get(zaak);
                if (bsn == null) {
                    zonderBsn++;
                    continue;
                }
                if (!pseudoniemen.voor(Identificatiesoort.BSN, bsn).waarde().equals(r.getString(2))) {
                    anderEigenaar++;
                    continue;
                }
                String token = tokenVanBsn.computeIfAbsent(bsn,
                        b -> tokens.maak("burger-" + tokenVanBsn.size(), Tokenmaker.ROL_BURGER, b, null));
                paren.add(new Paar(zaak, bsn, new LeesLast.Verzoek("/api/v1/mijnzaken/" + zaak, "Bearer " + token)));
            }
        }
        System.out.printf("Leesmodel %s: %,d zaken met een eigenaar; %,d paren (zaak, BSN) met %,d burgertokens"
                        + " (%,d zaken van een KVK-initiator, %,d met een andere eigenaar: niet gebruikt)%n", tabel, rijen,
                paren.size(), tokenVanBsn.size(), zonderBsn, anderEigenaar);
        return paren;
    }

    /** Reads every pair once on the node (warm-up too); only pairs answered 200 on every node are kept. */
    static List<Paar> controleer(List<Paar> paren, List<Node> nodes) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Map<String, Integer> afwijkend = new LinkedHashMap<>();
        List<Paar> goed = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<List<Future<HttpResponse<byte[]>>>> perPaar = new ArrayList<>();
            for (Paar paar : paren) {
                List<Future<HttpResponse<byte[]>>> antwoorden = new ArrayList<>();
                for (Node node : nodes) {
                    HttpRequest verzoek = HttpRequest.newBuilder(URI.create("http://localhost:" + node.poort()
                                    + paar.verzoek().pad())).header("Authorization", paar.verzoek().autorisatie())
                            .header("Accept", "application/json").GET().build();
                    antwoorden.add(pool.submit(() -> http.send(verzoek, HttpResponse.BodyHandlers.ofByteArray())));
                }
                perPaar.add(antwoorden);
            }
            for (int i = 0; i < paren.size(); i++) {
                boolean ok = true;
                for (Future<HttpResponse<byte[]>> antwoord : perPaar.get(i)) {
                    int code = antwoord.get().statusCode();
                    if (code != 200) {
                        ok = false;
                        afwijkend.merge("HTTP " + code, 1, Integer::sum);
                    }
                }
                if (ok) {
                    goed.add(paren.get(i));
                }
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.printf("Elk paar eenmaal gelezen op elke node: %,d van %,d gaven 200%s%n", goed.size(), paren.size(),
                afwijkend.isEmpty() ? "" : "; afwijkend: " + afwijkend);
        return goed;
    }

    // ---------------------------------------------------------------- measure

    /**
     * The first recording in a JVM instruments JDK classes, which throws away compiled code that
     * depends on them: made before the JIT warms up, not in the middle of the sampled seconds.
     */
    static void eersteOpname() throws InterruptedException {
        try (jdk.jfr.Recording eerste = new jdk.jfr.Recording()) {
            eerste.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            eerste.start();
            Thread.sleep(200);
            eerste.stop();
        }
    }

    private static int meet(Instellingen instellingen, Node aan, Node uit, IngebeddePostgres postgres, RuweOpslag db,
                            Cpumeting cpu, Path dataMap, String bronToken, Gevuld gevuld, double anderenVooraf)
            throws Exception {
        if (instellingen.jfr() != null) {
            eersteOpname();
        }
        List<Paar> paren = controleer(paren(aan, db, gevuld, dataMap), List.of(aan, uit));
        if (paren.isEmpty()) {
            System.out.println("Geen bruikbare paren: niets te meten.");
            return 1;
        }
        List<LeesLast.Verzoek> verzoeken = paren.stream().map(Paar::verzoek).toList();
        boolean alles = true;
        List<Leesronde> rondes = new ArrayList<>();
        try (LeesLast last = new LeesLast(instellingen.verbindingen())) {
            System.out.printf("%nLezen: %d verbindingen, GET /api/v1/mijnzaken/{zaakId}, willekeurige paren; %d s opwarmen,"
                    + " %d s meten; aan en uit om beurten%n", instellingen.verbindingen(), instellingen.opwarmen(),
                    instellingen.duur());
            // The JIT compiles the read path while it runs: first a while on each node, not counted.
            for (Node node : List.of(aan, uit)) {
                LeesLast.Uitslag warm = last.draai(node.poort(), verzoeken,
                        System.nanoTime() + instellingen.vooraf() * 1_000_000_000L);
                System.out.printf(Locale.ROOT, "  vooraf opwarmen audit %s: %d s, %,d verzoeken, %d fouten%n", node.naam(),
                        instellingen.vooraf(), warm.aantal(), warm.fouten());
                alles &= warm.fouten() == 0;
            }
            for (int herhaling = 1; herhaling <= instellingen.herhalingen(); herhaling++) {
                // Alternating which goes first, so that a drift of the machine does not favour one.
                List<Node> volgorde = herhaling % 2 == 1 ? List.of(aan, uit) : List.of(uit, aan);
                for (Node node : volgorde) {
                    Leesronde ronde = leesronde(instellingen, last, node, verzoeken, cpu, herhaling);
                    rondes.add(ronde);
                    alles &= ronde.foutenTotaal() == 0;
                }
            }

            if (instellingen.bemonsteren()) {
                int seconden = Math.max(5, instellingen.duur() / 2);
                System.out.printf("%nWaar de tijd gaat (apart, niet in de cijfers), per node: %s%d s stapels van de"
                        + " engine-draden en pg_stat_activity, elke 10 ms%n", instellingen.jfr() == null ? ""
                        : seconden + " s JFR (alleen CPU-monsters, elke 10 ms), dan ", seconden);
                for (Node node : List.of(aan, uit)) {
                    bemonster(instellingen, last, node, verzoeken, db, seconden);
                }
            }

            double ruw = Double.NaN;
            Cpumeting.Stand ruwCpu = null;
            int ruwDraden = 8;
            if (instellingen.ruw()) {
                String tabel = aan.app().getBean(Projectiebeheer.class).actieveTabel(MijnZakenLeesregels.NAAM);
                Cpumeting.Stand voor = cpu.nu();
                double[] uitkomst = ruwLezen(db, tabel, paren, ruwDraden, instellingen.duur());
                ruwCpu = cpu.nu().minus(voor);
                ruw = uitkomst[0];
                System.out.printf(Locale.ROOT, "%nRuwe JDBC (zelfde SELECT document, positie ... WHERE sleutel = ?,"
                                + " %d verbindingen, %d s): %,.0f lezingen/s; PostgreSQL %.2f cores, JVM %.2f cores%n",
                        ruwDraden, instellingen.duur(), ruw, ruwCpu.postgres() / uitkomst[1], ruwCpu.jvm() / uitkomst[1]);
            }

            // ---------------------------------------------------------------- push
            Pushuitkomst push = push(instellingen, aan, uit, last, paren, verzoeken, gevuld, postgres, bronToken, dataMap);
            alles &= push != null && push.gemist() == 0;
            rapport(instellingen, db, gevuld, paren, rondes, anderenVooraf, ruw, ruwDraden, push);
        }
        if (!alles) {
            System.out.println("\nLET OP: niet elk verzoek gaf 200, of een push kwam niet aan; de cijfers zijn niet bruikbaar.");
            return 1;
        }
        return 0;
    }

    private static Leesronde leesronde(Instellingen instellingen, LeesLast last, Node node, List<LeesLast.Verzoek> verzoeken,
                                       Cpumeting cpu, int herhaling) throws Exception {
        Thread.sleep(2_000);
        long start = System.nanoTime();
        long van = start + instellingen.opwarmen() * 1_000_000_000L;
        long tot = van + instellingen.duur() * 1_000_000_000L;
        Object[] voor = new Object[3];
        Object[] na = new Object[3];
        Thread meter = new Thread(() -> {
            try {
                slaapTot(van);
                voor[0] = cpu.nu();
                voor[1] = draadCpu();
                voor[2] = Auditstand.van(node.meters());
                slaapTot(tot);
                na[0] = cpu.nu();
                na[1] = draadCpu();
                na[2] = Auditstand.van(node.meters());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "lees-meter");
        meter.start();
        LeesLast.Uitslag uitslag = last.draai(node.poort(), verzoeken, tot);
        meter.join();
        LeesLast.Venster venster = uitslag.venster(van, tot);
        @SuppressWarnings("unchecked")
        Map<String, Double> draden = verschil((Map<String, Double>) na[1], (Map<String, Double>) voor[1]);
        Leesronde ronde = new Leesronde(node.naam(), herhaling, venster, uitslag.fouten(), uitslag.eersteFout,
                ((Cpumeting.Stand) na[0]).minus((Cpumeting.Stand) voor[0]), draden,
                ((Auditstand) na[2]).minus((Auditstand) voor[2]));
        System.out.printf(Locale.ROOT, "  herhaling %d, audit %-3s: %,7.0f lezingen/s, p50 %6.1f ms, p99 %6.1f ms, max %6.0f ms,"
                        + " fouten %d (van %,d verzoeken); cores: JVM %.2f (client %.2f), PostgreSQL %.2f, anderen %.2f;"
                        + " audit: %,.0f records, %.1f verslagen per transactie%n",
                herhaling, node.naam(), venster.perSeconde(), venster.percentielMs(50), venster.percentielMs(99),
                venster.maxMs(), uitslag.fouten(), uitslag.aantal(), ronde.cores(ronde.cpu().jvm()),
                ronde.cores(ronde.client()), ronde.cores(ronde.cpu().postgres()),
                ronde.cores(ronde.cpu().machineBezet() - ronde.cpu().jvm() - ronde.cpu().postgres()),
                ronde.audit().records(), ronde.audit().groepsgrootte());
        if (uitslag.eersteFout != null) {
            System.out.println("    eerste fout: " + uitslag.eersteFout);
        }
        System.out.println("    draden met de meeste CPU (cores): " + draden.entrySet().stream()
                .filter(e -> e.getKey().startsWith("draad "))
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(8)
                .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey().substring(6), ronde.cores(e.getValue())))
                .toList());
        return ronde;
    }

    /**
     * Load as in a measured run, with (with --jfr) first a flight recording of only CPU samples
     * (no safepoints, little overhead), then stack sampling of the engine's threads and
     * pg_stat_activity (which say what threads wait on, but cost throughput themselves).
     */
    private static void bemonster(Instellingen instellingen, LeesLast last, Node node, List<LeesLast.Verzoek> verzoeken,
                                  RuweOpslag db, int seconden) throws Exception {
        Thread.sleep(2_000);
        long van = System.nanoTime() + instellingen.opwarmen() * 1_000_000_000L;
        long midden = instellingen.jfr() == null ? van : van + seconden * 1_000_000_000L;
        long tot = midden + seconden * 1_000_000_000L;
        LeesStapels[] stapels = new LeesStapels[1];
        Path[] profiel = new Path[1];
        Postgresbemonstering[] sessies = new Postgresbemonstering[1];
        Thread starter = new Thread(() -> {
            try {
                if (instellingen.jfr() != null) {
                    slaapTot(van);
                    Path bestand = Path.of(instellingen.jfr() + "-" + node.naam() + ".jfr");
                    try (jdk.jfr.Recording opname = new jdk.jfr.Recording()) {
                        opname.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
                        opname.start();
                        slaapTot(midden);
                        opname.stop();
                        opname.dump(bestand);
                    }
                    profiel[0] = bestand;
                }
                slaapTot(midden);
                stapels[0] = new LeesStapels(10);
                sessies[0] = new Postgresbemonstering(db, 10);
                slaapTot(tot);
                stapels[0].close();
                sessies[0].close();
            } catch (Exception e) {
                System.out.println("  bemonstering mislukt: " + e);
            }
        }, "lees-bemonstering");
        starter.start();
        LeesLast.Uitslag uitslag = last.draai(node.poort(), verzoeken, tot);
        starter.join();
        if (profiel[0] != null) {
            LeesLast.Venster venster = uitslag.venster(van, midden);
            LeesProfiel.druk(profiel[0], String.format(Locale.ROOT, "%naudit %s: %,.0f lezingen/s, p99 %.1f ms tijdens"
                    + " de JFR-opname %s", node.naam(), venster.perSeconde(), venster.percentielMs(99), profiel[0]));
        }
        LeesLast.Venster venster = uitslag.venster(midden, tot);
        if (stapels[0] != null) {
            stapels[0].druk(String.format(Locale.ROOT, "%naudit %s: %,.0f lezingen/s, p99 %.1f ms tijdens de"
                    + " stapelbemonstering", node.naam(), venster.perSeconde(), venster.percentielMs(99)));
        }
        if (sessies[0] != null) {
            sessies[0].druk("PostgreSQL-sessies (pg_stat_activity, elke 10 ms), audit " + node.naam());
        }
    }

    /** The same query as the read path, by plain JDBC: what PostgreSQL alone gives. Returns {reads/s, seconds}. */
    private static double[] ruwLezen(RuweOpslag db, String tabel, List<Paar> paren, int draden, int seconden)
            throws Exception {
        String sql = "SELECT document, positie FROM " + tabel + " WHERE sleutel = ?";
        AtomicLong gelezen = new AtomicLong();
        AtomicLong tekens = new AtomicLong();
        long start = System.nanoTime();
        long van = start + 2_000_000_000L;
        long tot = van + seconden * 1_000_000_000L;
        long[] bijVan = new long[1];
        ExecutorService pool = Executors.newFixedThreadPool(draden);
        try {
            List<Future<?>> klaar = new ArrayList<>();
            for (int d = 0; d < draden; d++) {
                klaar.add(pool.submit(() -> {
                    try (Connection c = db.verbinding(); PreparedStatement vraag = c.prepareStatement(sql)) {
                        while (System.nanoTime() < tot) {
                            vraag.setString(1, paren.get(ThreadLocalRandom.current().nextInt(paren.size())).zaakId());
                            try (ResultSet r = vraag.executeQuery()) {
                                while (r.next()) {
                                    tekens.addAndGet(r.getString(1).length() + r.getLong(2) % 2);
                                }
                            }
                            gelezen.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            slaapTot(van);
            bijVan[0] = gelezen.get();
            for (Future<?> f : klaar) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double s = (System.nanoTime() - van) / 1e9;
        return new double[] {(gelezen.get() - bijVan[0]) / s, s};
    }

    // ---------------------------------------------------------------- push

    /** The push series: per phase, per follower, latencies in ms. */
    record Pushuitkomst(String zaakId, int statussenVooraf, List<String> fasen, List<LeesPush.Reeks> reeksen,
                        List<double[]> internGemiddeldMs, LeesLast.Venster leesOnderPush, int gemist) {
    }

    private static Pushuitkomst push(Instellingen instellingen, Node aan, Node uit, LeesLast last, List<Paar> paren,
                                     List<LeesLast.Verzoek> verzoeken, Gevuld gevuld, IngebeddePostgres postgres,
                                     String bronToken, Path dataMap) throws Exception {
        if (instellingen.pushes() <= 0) {
            return null;
        }
        // A zaak of a burger with a status in the simulation (its statustype is valid for the zaaktype),
        // whose detail shows its statuses (not above zaakvertrouwelijk).
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Paar gekozen = null;
        int statussen = 0;
        for (Paar paar : paren) {
            if (!gevuld.statusVanZaak().containsKey(paar.zaakId())) {
                continue;
            }
            HttpResponse<byte[]> antwoord = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + aan.poort()
                            + paar.verzoek().pad())).header("Authorization", paar.verzoek().autorisatie()).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            JsonNode detail = JSON.readTree(antwoord.body());
            if (antwoord.statusCode() == 200 && detail.path("statussen").size() > 0) {
                gekozen = paar;
                statussen = detail.path("statussen").size();
                break;
            }
        }
        if (gekozen == null) {
            System.out.println("Geen zaak gevonden om pushes op te meten.");
            return null;
        }
        ObjectNode sjabloon = gevuld.statusVanZaak().get(gekozen.zaakId());
        String burgerToken = gekozen.verzoek().autorisatie().substring("Bearer ".length());
        // Every status a moment of its own, in the past, after everything the simulation set: a new fact each.
        Instant basis = Instant.now().minus(6, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        System.out.printf("%nPush: zaak %s (%d statussen), statustype %s; volgers op node aan (ingestie op dezelfde node)"
                        + " en op node uit (andere node); %d nieuwe statussen per fase, %d ms na elke ontvangst%n",
                gekozen.zaakId(), statussen, sjabloon.path("data").path("statustype").asText(), instellingen.pushes(),
                instellingen.pushInterval());

        List<String> fasen = new ArrayList<>();
        List<LeesPush.Reeks> reeksen = new ArrayList<>();
        List<double[]> intern = new ArrayList<>();
        LeesLast.Venster onderPush = null;
        int gemist = 0;
        try (LeesPush meter = new LeesPush(aan.poort(), bronToken, postgres.jdbcUrl(),
                Documentprojectie.kanaal(MijnZakenLeesregels.NAAM))) {
            // Warm-up of the push path: not counted.
            try (LeesPush.Volger a = meter.volg("aan", aan.poort(), gekozen.zaakId(), burgerToken);
                 LeesPush.Volger u = meter.volg("uit", uit.poort(), gekozen.zaakId(), burgerToken)) {
                meter.meet(sjabloon, "opwarmen", 0, basis, Math.min(10, instellingen.pushes()),
                        instellingen.pushInterval(), List.of(a, u));
            }
            int volgnummer = 1_000;
            String[] namen = instellingen.pushOnderLast() ? new String[] {"rust", "onder leeslast"} : new String[] {"rust"};
            for (String fase : namen) {
                boolean metLast = fase.equals("onder leeslast");
                AtomicBoolean doorgaan = new AtomicBoolean(true);
                LeesLast.Uitslag[] lastUitslag = new LeesLast.Uitslag[1];
                Thread lezer = null;
                long lastVan = 0;
                if (metLast) {
                    lezer = new Thread(() -> lastUitslag[0] = last.draai(aan.poort(), verzoeken, doorgaan::get),
                            "lees-last-onder-push");
                    lezer.start();
                    Thread.sleep(instellingen.opwarmen() * 1_000L);
                    lastVan = System.nanoTime();
                }
                double[] internVoor = {pushTimer(aan)[0], pushTimer(aan)[1], pushTimer(uit)[0], pushTimer(uit)[1]};
                LeesPush.Reeks reeks;
                long lastTot;
                try (LeesPush.Volger a = meter.volg("aan", aan.poort(), gekozen.zaakId(), burgerToken);
                     LeesPush.Volger u = meter.volg("uit", uit.poort(), gekozen.zaakId(), burgerToken)) {
                    reeks = meter.meet(sjabloon, fase.replace(' ', '-'), volgnummer, basis, instellingen.pushes(),
                            instellingen.pushInterval(), List.of(a, u));
                } finally {
                    lastTot = System.nanoTime();
                    doorgaan.set(false);
                    if (lezer != null) {
                        lezer.join();
                    }
                }
                volgnummer += 1_000;
                double[] internNa = {pushTimer(aan)[0], pushTimer(aan)[1], pushTimer(uit)[0], pushTimer(uit)[1]};
                intern.add(new double[] {(internNa[1] - internVoor[1]) / Math.max(1, internNa[0] - internVoor[0]),
                        (internNa[3] - internVoor[3]) / Math.max(1, internNa[2] - internVoor[2])});
                fasen.add(fase);
                reeksen.add(reeks);
                gemist += reeks.gemist();
                if (metLast) {
                    onderPush = lastUitslag[0].venster(lastVan, lastTot);
                }
                druk(fase, reeks, intern.get(intern.size() - 1), metLast ? onderPush : null);
            }
        }
        return new Pushuitkomst(gekozen.zaakId(), statussen, fasen, reeksen, intern, onderPush, gemist);
    }

    /** {count, total ms} of the node's own push timer (notification received to event handed to the connection). */
    private static double[] pushTimer(Node node) {
        Timer timer = node.meters().find("klantreis.live.pushlatentie").timer();
        return timer == null ? new double[] {0, 0}
                : new double[] {timer.count(), timer.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS)};
    }

    private static void druk(String fase, LeesPush.Reeks reeks, double[] intern, LeesLast.Venster last) {
        System.out.printf(Locale.ROOT, "  fase %-15s ingestie-antwoord p50 %.0f ms; antwoord tot commit-melding p50 %.0f"
                        + " p99 %.0f ms%s%n", fase, LeesPush.percentiel(reeks.ingestMs(), 50),
                LeesPush.percentiel(reeks.totMeldingMs(), 50), LeesPush.percentiel(reeks.totMeldingMs(), 99),
                last == null ? "" : String.format(Locale.ROOT, "; leeslast ernaast %,.0f/s p99 %.1f ms",
                        last.perSeconde(), last.percentielMs(99)));
        for (int v = 0; v < reeks.volgers().size(); v++) {
            double[] l = reeks.latentie(v);
            System.out.printf(Locale.ROOT, "    volger op node %-3s: push p50 %5.0f ms, p99 %5.0f ms, max %5.0f ms (n=%d);"
                            + " engine intern melding->verzonden gemiddeld %.1f ms%n", reeks.volgers().get(v),
                    LeesPush.percentiel(l, 50), LeesPush.percentiel(l, 99), LeesPush.max(l), l.length, intern[v]);
        }
    }

    // ---------------------------------------------------------------- threads

    private static String groep(String naam) {
        if (naam.startsWith("webflux-http") || naam.startsWith("reactor-http")) {
            return GROEPEN.get(0);
        }
        if (naam.startsWith("lezer")) {
            return GROEPEN.get(1);
        }
        if (naam.startsWith("auditschrijver") || naam.startsWith("parallel-")) {
            return GROEPEN.get(2);
        }
        if (naam.startsWith(LeesLast.DRADEN)) {
            return GROEPEN.get(4);
        }
        return GROEPEN.get(3);
    }

    /** CPU seconds per group, and (key prefixed with "draad ") per thread name with its numbers as '#'. */
    static Map<String, Double> draadCpu() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Double> groepen = new HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long cpu = threads.getThreadCpuTime(info.getThreadId());
            if (cpu >= 0) {
                groepen.merge(groep(info.getThreadName()), cpu / 1e9, Double::sum);
                groepen.merge("draad " + info.getThreadName().replaceAll("[0-9]+", "#"), cpu / 1e9, Double::sum);
            }
        }
        return groepen;
    }

    static Map<String, Double> verschil(Map<String, Double> na, Map<String, Double> voor) {
        Map<String, Double> uit = new LinkedHashMap<>();
        for (String groep : GROEPEN) {
            uit.put(groep, na.getOrDefault(groep, 0.0) - voor.getOrDefault(groep, 0.0));
        }
        na.keySet().stream().filter(k -> k.startsWith("draad ")).forEach(k -> {
            double d = na.get(k) - voor.getOrDefault(k, 0.0);
            if (d > 0) {
                uit.put(k, d);
            }
        });
        return uit;
    }

    private static void slaapTot(long nanoTime) throws InterruptedException {
        long over;
        while ((over = nanoTime - System.nanoTime()) > 0) {
            Thread.sleep(Math.max(1, over / 1_000_000), 0);
        }
    }

    // ---------------------------------------------------------------- report

    private static void rapport(Instellingen instellingen, RuweOpslag db, Gevuld gevuld, List<Paar> paren,
                                List<Leesronde> rondes, double anderenVooraf, double ruw, int ruwDraden,
                                Pushuitkomst push) throws SQLException {
        Runtime runtime = Runtime.getRuntime();
        Benchmarkomgeving.kop("Lezen (GET /api/v1/mijnzaken/{zaakId}) met en zonder audit, en live push");
        System.out.printf("Machine        %d cores (%s), %s %s%n", runtime.availableProcessors(),
                Benchmarkomgeving.cpuModel(), System.getProperty("os.name"), System.getProperty("os.version"));
        System.out.printf("JVM            %s %s, max heap %,d MiB, opties %s; beide nodes, de client en de pushmeter"
                        + " in deze JVM%n", System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
                runtime.maxMemory() >> 20, Benchmarkomgeving.jvmOpties());
        Benchmarkomgeving.postgresVersie(db);
        System.out.printf("               fsync=%s synchronous_commit=%s shared_buffers=%s%n", db.instelling("fsync"),
                db.instelling("synchronous_commit"), db.instelling("shared_buffers"));
        if (!instellingen.app().isEmpty()) {
            System.out.printf("Engine-opties  %s%n", instellingen.app());
        }
        System.out.printf("Gegevens       %,d klanten (Simulatie seed %d, met fouten): %,d berichten, %,d events;"
                        + " %,d paren (zaak, BSN) gelezen%n", instellingen.klanten(), ZAAD, gevuld.berichten(),
                gevuld.events(), paren.size());
        System.out.printf("Last           %d verbindingen, gesloten lus, %d s opwarmen + %d s meten, %d herhalingen per"
                        + " node (mediaan), aan/uit om beurten%n", instellingen.verbindingen(), instellingen.opwarmen(),
                instellingen.duur(), instellingen.herhalingen());
        System.out.printf(Locale.ROOT, "Andere processen vooraf: %.2f cores%n", anderenVooraf);
        System.out.println();

        System.out.printf("%-52s%16s%16s%n", "", "audit aan", "audit uit");
        regel("lezingen/s", rondes, r -> r.venster().perSeconde(), "%,16.0f");
        regel("latentie p50 (ms)", rondes, r -> r.venster().percentielMs(50), "%16.1f");
        regel("latentie p99 (ms)", rondes, r -> r.venster().percentielMs(99), "%16.1f");
        regel("latentie gemiddeld (ms)", rondes, r -> r.venster().gemiddeldeMs(), "%16.1f");
        regel("latentie max (ms)", rondes, r -> r.venster().maxMs(), "%16.0f");
        System.out.printf("%-52s%16d%16d%n", "fouten (niet-200, alle herhalingen, opwarmen ook)",
                rondes.stream().filter(r -> r.node().equals("aan")).mapToLong(Leesronde::foutenTotaal).sum(),
                rondes.stream().filter(r -> r.node().equals("uit")).mapToLong(Leesronde::foutenTotaal).sum());
        regel("auditrecords per lezing", rondes, r -> r.audit().records() / r.venster().duurNs().length, "%16.2f");
        regel("audit: verslagen per transactie", rondes, r -> r.audit().groepsgrootte(), "%16.1f");
        regel("audit: transactie (ms, gemiddeld)", rondes, r -> r.audit().groepMs(), "%16.2f");
        regel("audit: wachttijd van een verzoek (ms, gemiddeld)", rondes, r -> r.audit().wachtMs(), "%16.2f");
        System.out.println();
        System.out.println("CPU tijdens de meting (cores bezet = CPU-seconden / wandtijd; mediaan)");
        regel("  machine totaal", rondes, r -> r.cores(r.cpu().machineBezet()), "%16.2f");
        regel("  JVM (beide nodes + client)", rondes, r -> r.cores(r.cpu().jvm()), "%16.2f");
        for (String groep : GROEPEN) {
            regel("    " + groep, rondes, r -> r.cores(r.draden().get(groep)), "%16.2f");
        }
        regel("    GC, JIT, beeindigde draden", rondes, r -> r.cores(r.cpu().jvm()
                - GROEPEN.stream().mapToDouble(g -> r.draden().get(g)).sum()), "%16.2f");
        regel("  PostgreSQL", rondes, r -> r.cores(r.cpu().postgres()), "%16.2f");
        regel("  andere processen op de machine", rondes, r -> r.cores(r.cpu().machineBezet() - r.cpu().jvm()
                - r.cpu().postgres()), "%16.2f");
        regel("  engine-CPU per 1000 lezingen (ms; JVM - client + PG)", rondes, Leesronde::engineMsPer1000, "%16.0f");
        System.out.println();

        double aan = mediaan(rondes, "aan", r -> r.venster().perSeconde());
        double uit = mediaan(rondes, "uit", r -> r.venster().perSeconde());
        double kosten = 1 - aan / uit;
        System.out.printf(Locale.ROOT, "Verhouding aan/uit (doorvoer): %.3f  => audit kost %.1f%% van de doorvoer"
                + " (mediaan van elk)%n", aan / uit, 100 * kosten);
        double[] perHerhaling = new double[instellingen.herhalingen()];
        for (int h = 1; h <= instellingen.herhalingen(); h++) {
            int herhaling = h;
            double a = rondes.stream().filter(r -> r.herhaling() == herhaling && r.node().equals("aan"))
                    .mapToDouble(r -> r.venster().perSeconde()).findFirst().orElse(Double.NaN);
            double u = rondes.stream().filter(r -> r.herhaling() == herhaling && r.node().equals("uit"))
                    .mapToDouble(r -> r.venster().perSeconde()).findFirst().orElse(Double.NaN);
            perHerhaling[h - 1] = a / u;
        }
        System.out.printf(Locale.ROOT, "  per herhaling (aan/uit): %s%n", Arrays.stream(perHerhaling)
                .mapToObj(v -> String.format(Locale.ROOT, "%.3f", v)).toList());
        for (String node : List.of("aan", "uit")) {
            System.out.printf(Locale.ROOT, "  alle herhalingen audit %s: %s%n", node, rondes.stream()
                    .filter(r -> r.node().equals(node)).map(r -> String.format(Locale.ROOT, "%,.0f/s p50 %.1f p99 %.1f ms",
                            r.venster().perSeconde(), r.venster().percentielMs(50), r.venster().percentielMs(99))).toList());
        }
        if (!Double.isNaN(ruw)) {
            System.out.printf(Locale.ROOT, "Ruwe JDBC, zelfde query, %d verbindingen: %,.0f lezingen/s%n", ruwDraden, ruw);
        }
        System.out.println();

        double pushP99 = Double.NaN;
        if (push != null) {
            System.out.printf("Push (zaak %s): van het ingestie-antwoord tot de ontvangst van de zaak-gebeurtenis (ms)%n",
                    push.zaakId());
            System.out.printf("%-48s%7s%7s%7s%5s%8s%16s%13s%n", "", "p50", "p99", "max", "n", "gemist",
                    "POST p50/p99", "melding p50");
            for (int f = 0; f < push.fasen().size(); f++) {
                LeesPush.Reeks reeks = push.reeksen().get(f);
                for (int v = 0; v < reeks.volgers().size(); v++) {
                    double[] l = reeks.latentie(v);
                    String naam = push.fasen().get(f) + ", volger op node " + reeks.volgers().get(v)
                            + (reeks.volgers().get(v).equals("aan") ? " (audit aan)" : " (audit uit)");
                    double[] vanafPost = reeks.vanafVerzenden(v);
                    System.out.printf(Locale.ROOT, "%-48s%7.0f%7.0f%7.0f%5d%8d%16s%13.0f%n", naam,
                            LeesPush.percentiel(l, 50), LeesPush.percentiel(l, 99), LeesPush.max(l),
                            Arrays.stream(l).filter(x -> !Double.isNaN(x)).count(),
                            Arrays.stream(l).filter(Double::isNaN).count(),
                            String.format(Locale.ROOT, "%.0f / %.0f", LeesPush.percentiel(vanafPost, 50),
                                    LeesPush.percentiel(vanafPost, 99)),
                            LeesPush.percentiel(reeks.totMeldingMs(), 50));
                    if (f == 0 && reeks.volgers().get(v).equals("aan")) {
                        pushP99 = LeesPush.percentiel(l, 99);
                    }
                }
            }
            System.out.println("  (POST: vanaf het verzenden van de status in plaats van vanaf het antwoord; melding: van het"
                    + " ingestie-antwoord tot de commit-melding van de projectie, gehoord door een eigen LISTEN-verbinding;"
                    + " negatief: de melding kwam voor het antwoord)");
            System.out.println();
        }

        double p99 = mediaan(rondes, "aan", r -> r.venster().percentielMs(99));
        System.out.printf(Locale.ROOT, "Doel  >= %,.0f lezingen/s met audit: %s (%,.0f/s); p99 < %.0f ms: %s (%.1f ms);"
                        + " audit < %.0f%% van de doorvoer: %s (%.1f%%); push p99 < %.0f ms: %s (%.0f ms, rust, audit aan)%n",
                DOEL_LEZINGEN_PER_SECONDE, aan >= DOEL_LEZINGEN_PER_SECONDE ? "gehaald" : "NIET gehaald", aan,
                DOEL_P99_MS, p99 < DOEL_P99_MS ? "gehaald" : "NIET gehaald", p99, 100 * DOEL_AUDITKOSTEN,
                kosten < DOEL_AUDITKOSTEN ? "gehaald" : "NIET gehaald", 100 * kosten, DOEL_PUSH_P99_MS,
                pushP99 < DOEL_PUSH_P99_MS ? "gehaald" : "NIET gehaald", pushP99);
    }

    private static void regel(String naam, List<Leesronde> rondes, ToDoubleFunction<Leesronde> waarde, String formaat) {
        System.out.printf("%-52s", naam);
        for (String node : List.of("aan", "uit")) {
            System.out.printf(Locale.ROOT, formaat, mediaan(rondes, node, waarde));
        }
        System.out.println();
    }

    private static double mediaan(List<Leesronde> rondes, String node, ToDoubleFunction<Leesronde> waarde) {
        return Benchmarkomgeving.mediaan(rondes.stream().filter(r -> r.node().equals(node)).mapToDouble(waarde));
    }
}
