package nl.klantreis.opstelling.benchmark;

import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nl.klantreis.opstelling.Knooppunt;
import nl.klantreis.opstelling.Opstelling;
import nl.klantreis.simulatie.Simulatie;

/**
 * Scale figures of the deployment as plain processes (issue 12, item 4): one node against two on
 * the same Debian PostgreSQL server, in one run, and what clients see during faults.
 *
 * <ol>
 * <li><b>Rounds</b>, one node (A) and two nodes (B) by turns, A B A B: in an A round all clients go
 * to node 1 and node 2 runs idle (warm; with {@code --tweede-stoppen} it is stopped for an A round
 * and started again for a B round). Per round: a warm-up, then ingestion (the
 * simulator's realistic mix with faults, batches of 500, {@code --afzenders} senders spread over
 * the nodes, each waiting for its answer), then MijnZaken reads ({@code GET
 * /api/v1/mijnzaken/{zaakId}} with the owner's burger token, random over many citizens, audit on
 * as in production) at each connection count, spread over the nodes.</li>
 * <li><b>Node loss</b>: both nodes run; senders and readers on both; the node owning most of the read
 * models' segments (node 1, unless it lost them) is killed (SIGKILL) in the middle. The clients retry
 * on the other node; the token store is polled until the survivor owns every segment.</li>
 * <li><b>Database restart</b>: a new node replaces the dead one; under the same load PostgreSQL is
 * stopped ({@code pg_ctl -m fast}) and started again.</li>
 * </ol>
 * Every answer that is not 2xx counts as an error, whatever its status; redirects are not followed.
 * A program that prints figures, not a test: nothing is asserted about time.
 */
public final class OpstellingBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BATCH = "application/cloudevents-batch+json";
    private static final String ZAAK_GEREGISTREERD = "nl.overheid.zaken.zaak-geregistreerd";
    private static final long ZAAD_VULLEN = 12_000_001L;
    private static final Duration GEZOND_BINNEN = Duration.ofMinutes(3);
    private static final Duration BIJ_BINNEN = Duration.ofMinutes(10);

    private OpstellingBenchmark() {
    }

    record Instellingen(boolean klein, int paren, int berichten, int opwarmen, int afzenders, int batch, int klanten,
                        List<Integer> verbindingen, int leesOpwarmen, int duur, int foutBerichten, int foutLezers,
                        int foutNa, Map<String, String> omgeving, boolean rondes, boolean storingen,
                        boolean tweedeStoppen) {
        static Instellingen lees(String[] args) {
            boolean klein = Arrays.asList(args).contains("--klein");
            int paren = klein ? 1 : 2;
            int berichten = klein ? 3_000 : 20_000;
            int opwarmen = klein ? 1_000 : 5_000;
            int afzenders = 4;
            int batch = 500;
            int klanten = klein ? 200 : 1_000;
            List<Integer> verbindingen = klein ? List.of(32) : List.of(32, 64);
            int leesOpwarmen = klein ? 3 : 5;
            int duur = klein ? 5 : 15;
            int foutBerichten = klein ? 6_000 : 20_000;
            int foutLezers = 8;
            int foutNa = klein ? 3 : 5;
            Map<String, String> omgeving = new LinkedHashMap<>();
            List<String> alleen = List.of("rondes", "fouten");
            boolean tweedeStoppen = false;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--klein" -> { }
                    case "--paren" -> paren = Integer.parseInt(args[++i]);
                    case "--berichten" -> berichten = Integer.parseInt(args[++i]);
                    case "--opwarmen" -> opwarmen = Integer.parseInt(args[++i]);
                    case "--afzenders" -> afzenders = Integer.parseInt(args[++i]);
                    case "--batch" -> batch = Integer.parseInt(args[++i]);
                    case "--klanten" -> klanten = Integer.parseInt(args[++i]);
                    case "--verbindingen" -> verbindingen = Arrays.stream(args[++i].split(","))
                            .map(String::trim).map(Integer::valueOf).toList();
                    case "--lees-opwarmen" -> leesOpwarmen = Integer.parseInt(args[++i]);
                    case "--duur" -> duur = Integer.parseInt(args[++i]);
                    case "--fout-berichten" -> foutBerichten = Integer.parseInt(args[++i]);
                    case "--fout-lezers" -> foutLezers = Integer.parseInt(args[++i]);
                    case "--fout-na" -> foutNa = Integer.parseInt(args[++i]);
                    case "--tweede-stoppen" -> tweedeStoppen = true;
                    case "--alleen" -> alleen = List.of(args[++i].split(","));
                    case "--omgeving" -> {
                        String[] paar = args[++i].split("=", 2);
                        omgeving.put(paar[0], paar.length > 1 ? paar[1] : "");
                    }
                    default -> throw new IllegalArgumentException("onbekende optie " + args[i] + "; bekend: --klein"
                            + " --paren N --berichten N --opwarmen N --afzenders N --batch N --klanten N"
                            + " --verbindingen 32,64 --lees-opwarmen S --duur S --fout-berichten N --fout-lezers N"
                            + " --fout-na S --omgeving NAAM=WAARDE --alleen rondes,fouten --tweede-stoppen");
                }
            }
            return new Instellingen(klein, paren, berichten, opwarmen, afzenders, batch, klanten, verbindingen,
                    leesOpwarmen, duur, foutBerichten, foutLezers, foutNa, Map.copyOf(omgeving),
                    alleen.contains("rondes"), alleen.contains("fouten"), tweedeStoppen);
        }
    }

    /** A (zaak, owner's token) pair to read. */
    record Lezing(String zaakId, String autorisatie) {
    }

    /** The figures of one round. */
    record Ronde(int knooppunten, int nummer, double berichtenPerSeconde, double batchP50, double batchP99,
                 long fouten, long afgewezen, double herhaald, double bijNaSeconden, Map<Integer, Leesuitkomst> lezen, double load) {
    }

    record Leesuitkomst(double perSeconde, double p50, double p99, long fouten, long aantal) {
    }

    public static void main(String[] args) throws Exception {
        Instellingen instellingen = Instellingen.lees(args);
        Instant begin = Instant.now();
        System.out.printf(Locale.ROOT, "OpstellingBenchmark %s; %d cores; load average %.2f; JVM %s%n", begin,
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), System.getProperty("java.version"));
        System.out.println("Instellingen: " + instellingen);
        int status;
        try (Opstelling opstelling = Opstelling.start("schaal", 1, instellingen.omgeving())) {
            System.out.println("Logboeken: " + opstelling.logmap().toAbsolutePath());
            status = draai(instellingen, opstelling);
        }
        System.out.printf(Locale.ROOT, "%nKlaar in %.0f s (%s - %s)%n",
                Duration.between(begin, Instant.now()).toMillis() / 1e3, begin, Instant.now());
        System.exit(status);
    }

    private static int draai(Instellingen instellingen, Opstelling opstelling) throws Exception {
        Knooppunt eerste = opstelling.knooppunt(1);
        String bron = opstelling.token("bron");
        List<Lezing> lezingen = vul(instellingen, opstelling, eerste, bron);

        // Rounds: A (one node) and B (two nodes) by turns.
        List<Ronde> rondes = new ArrayList<>();
        // By default the second node runs idle through the one-node rounds: a node restarted for every
        // two-node round would be measured with a cold JIT on a machine of 2 cores. --tweede-stoppen
        // stops it (SIGTERM) for a one-node round instead.
        Knooppunt tweede = instellingen.tweedeStoppen() ? null : startTweede(opstelling);
        long zaad = 20_000_001L;
        for (int paar = 1; instellingen.rondes() && paar <= instellingen.paren(); paar++) {
            for (int aantal = 1; aantal <= 2; aantal++) {
                if (aantal == 1 && tweede != null && instellingen.tweedeStoppen()) {
                    long t0 = System.nanoTime();
                    tweede.stop(Duration.ofSeconds(60));
                    System.out.printf(Locale.ROOT, "%n%s gestopt (SIGTERM) in %.1f s%n", tweede.naam(),
                            (System.nanoTime() - t0) / 1e9);
                    tweede = null;
                } else if (aantal == 2 && tweede == null) {
                    tweede = startTweede(opstelling);
                }
                List<Knooppunt> actief = aantal == 1 ? List.of(eerste) : List.of(eerste, tweede);
                rondes.add(ronde(instellingen, opstelling, actief, paar, bron, lezingen, zaad));
                zaad += 2;
            }
        }
        if (tweede == null) {
            tweede = opstelling.startKnooppunt().wachtTotGezond(GEZOND_BINNEN);
        }
        String rondesTabel = instellingen.rondes() ? rondetabel(rondes, instellingen) : "";
        System.out.println(rondesTabel);

        // Faults.
        String uitval = "";
        String herstart = "";
        if (instellingen.storingen()) {
            Uitval uitkomst = knooppuntUitval(instellingen, opstelling, eerste, tweede, bron, lezingen, zaad++);
            uitval = uitkomst.tekst();
            Knooppunt derde = opstelling.startKnooppunt().wachtTotGezond(GEZOND_BINNEN);
            herstart = databaseHerstart(instellingen, opstelling, List.of(uitkomst.overlever(), derde), bron, lezingen,
                    zaad);
        }

        System.out.println("\n==================================================================== samenvatting");
        System.out.println(rondesTabel);
        System.out.println(uitval);
        System.out.println(herstart);
        boolean afgewezen = rondes.stream().anyMatch(r -> r.afgewezen() > 0);
        if (afgewezen) {
            System.out.println("LET OP: berichten afgewezen; de ingestiecijfers zijn niet bruikbaar.");
        }
        return afgewezen ? 1 : 0;
    }

    private static Knooppunt startTweede(Opstelling opstelling) {
        long t0 = System.nanoTime();
        Knooppunt tweede = opstelling.startKnooppunt().wachtTotGezond(GEZOND_BINNEN);
        System.out.printf(Locale.ROOT, "%n%s gestart en gezond in %.1f s%n", tweede.naam(), (System.nanoTime() - t0) / 1e9);
        return tweede;
    }

    // ---------------------------------------------------------------- fill

    private static List<Lezing> vul(Instellingen instellingen, Opstelling opstelling, Knooppunt knooppunt, String bron)
            throws Exception {
        List<ObjectNode> berichten = Simulatie.metSeed(ZAAD_VULLEN).klanten(instellingen.klanten()).metFouten(true)
                .berichten().toList();
        Map<String, String> bsnVanZaak = new LinkedHashMap<>();
        for (ObjectNode bericht : berichten) {
            JsonNode data = bericht.path("data");
            if (ZAAK_GEREGISTREERD.equals(bericht.path("type").asText()) && data.path("initiator").hasNonNull("bsn")) {
                bsnVanZaak.put(data.path("zaakId").asText(), data.path("initiator").path("bsn").asText());
            }
        }
        long t0 = System.nanoTime();
        Uitkomst vulling = verstuur(List.of(knooppunt), batches(berichten.stream(), instellingen.batch()), 4, bron);
        double bij = Segmenten.wachtTotBij(knooppunt, BIJ_BINNEN);
        System.out.printf(Locale.ROOT, "%nGevuld (niet gemeten): %,d klanten, %,d berichten (%,d accepted, %,d rejected)"
                        + " in %.0f s, leesmodellen bij na nog %.1f s; %,d zaken met een BSN%n", instellingen.klanten(),
                berichten.size(), vulling.accepted(), vulling.rejected(), (System.nanoTime() - t0) / 1e9, bij,
                bsnVanZaak.size());
        // The pairs a read model holds for their owner: each read once (a warm-up too), only 200s are kept.
        Map<String, String> tokenVanBsn = new HashMap<>();
        List<Lezing> kandidaten = new ArrayList<>();
        bsnVanZaak.forEach((zaak, bsn) -> kandidaten.add(new Lezing(zaak,
                "Bearer " + tokenVanBsn.computeIfAbsent(bsn, opstelling::burgertoken))));
        List<Lezing> goed = leesbaar(kandidaten, knooppunt);
        System.out.printf("Lezingen: %,d paren (zaak, burger) met %,d burgertokens, waarvan %,d met antwoord 200%n",
                kandidaten.size(), tokenVanBsn.size(), goed.size());
        if (goed.isEmpty()) {
            throw new IllegalStateException("geen enkele zaak leesbaar voor zijn burger; zie " + opstelling.logmap());
        }
        return goed;
    }

    // ---------------------------------------------------------------- rounds

    private static Ronde ronde(Instellingen instellingen, Opstelling opstelling, List<Knooppunt> actief, int paar,
                               String bron, List<Lezing> lezingen, long zaad) throws Exception {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        System.out.printf(Locale.ROOT, "%n--- ronde %d, %d knooppunt(en) (%s); load %.2f%n", paar, actief.size(),
                String.join(", ", actief.stream().map(Knooppunt::naam).toList()), load);
        verstuur(actief, batches(simulatie(zaad, instellingen.opwarmen()), instellingen.batch()),
                instellingen.afzenders(), bron);
        Segmenten.wachtTotBij(actief.get(0), BIJ_BINNEN);
        List<byte[]> batches = batches(simulatie(zaad + 1, instellingen.berichten()), instellingen.batch());
        double herhalingenVoor = herhalingen(actief);
        Wachtmeting wachten = Wachtmeting.start(opstelling.database());
        Uitkomst ingestie = verstuur(actief, batches, instellingen.afzenders(), bron);
        wachten.close();
        // Whole batches the engine did again because another node or request wrote the same aggregate first.
        double herhaald = herhalingen(actief) - herhalingenVoor;
        double bij = Segmenten.wachtTotBij(actief.get(0), BIJ_BINNEN);
        System.out.printf(Locale.ROOT, "ingestie: %,d berichten in %.1f s = %,.0f berichten/s; batch p50 %.0f ms,"
                        + " p99 %.0f ms; fouten %d, afgewezen %d; batches in de engine herhaald (conflict) %.0f;"
                        + " leesmodellen bij %.1f s na de laatste batch%n",
                ingestie.berichten(), ingestie.seconden(), ingestie.perSeconde(), ingestie.p50(), ingestie.p99(),
                ingestie.fouten(), ingestie.rejected(), herhaald, bij);
        System.out.print(wachten.samenvatting(5));
        Map<Integer, Leesuitkomst> lezen = new LinkedHashMap<>();
        for (int verbindingen : instellingen.verbindingen()) {
            Wachtmeting leeswachten = Wachtmeting.start(opstelling.database());
            Leesuitkomst uitkomst = lees(actief, lezingen, verbindingen, instellingen.leesOpwarmen(),
                    instellingen.duur());
            leeswachten.close();
            lezen.put(verbindingen, uitkomst);
            System.out.printf(Locale.ROOT, "lezen, %d verbindingen: %,.0f lezingen/s, p50 %.1f ms, p99 %.1f ms,"
                    + " fouten %d van %,d%n", verbindingen, uitkomst.perSeconde(), uitkomst.p50(), uitkomst.p99(),
                    uitkomst.fouten(), uitkomst.aantal());
            System.out.print(leeswachten.samenvatting(5));
        }
        return new Ronde(actief.size(), paar, ingestie.perSeconde(), ingestie.p50(), ingestie.p99(), ingestie.fouten(),
                ingestie.rejected(), herhaald, bij, lezen, load);
    }

    private static double herhalingen(List<Knooppunt> actief) {
        return actief.stream().mapToDouble(k -> Segmenten.meter(k, "klantreis_ingestie_herhalingen_total")).sum();
    }

    private static Leesuitkomst lees(List<Knooppunt> actief, List<Lezing> lezingen, int verbindingen, int opwarmen,
                                     int duur) throws Exception {
        AtomicBoolean klaar = new AtomicBoolean();
        Random toeval = new Random(verbindingen);
        Supplier<Last.Taak> taken = () -> {
            if (klaar.get()) {
                return null;
            }
            Lezing l;
            synchronized (toeval) {
                l = lezingen.get(toeval.nextInt(lezingen.size()));
            }
            return leestaak(l);
        };
        Last last = new Last(actief, Duration.ofMillis(50)).start(verbindingen, "lezer", taken);
        Thread.sleep(opwarmen * 1_000L);
        long van = System.nanoTime();
        Thread.sleep(duur * 1_000L);
        long tot = System.nanoTime();
        klaar.set(true);
        last.wacht(Duration.ofMinutes(2));
        List<Last.Poging> gemeten = last.pogingen(van, tot);
        double[] ms = gemeten.stream().filter(Last.Poging::goed).mapToDouble(Last.Poging::ms).toArray();
        long fouten = gemeten.stream().filter(p -> !p.goed()).count();
        return new Leesuitkomst(ms.length / ((tot - van) / 1e9), Last.percentiel(ms, 50), Last.percentiel(ms, 99),
                fouten, gemeten.size());
    }

    private static Last.Taak leestaak(Lezing l) {
        return new Last.Taak(k -> HttpRequest.newBuilder(k.adres("/api/v1/mijnzaken/" + l.zaakId()))
                .timeout(Duration.ofSeconds(30)).header("Authorization", l.autorisatie())
                .header("Accept", "application/json").GET().build(), false);
    }

    /** The pairs the node answers 200 for (a zaak of a KVK initiator or an alias is not the BSN's own). */
    private static List<Lezing> leesbaar(List<Lezing> kandidaten, Knooppunt knooppunt) throws Exception {
        List<Lezing> goed = Collections.synchronizedList(new ArrayList<>());
        ConcurrentLinkedQueue<Lezing> rij = new ConcurrentLinkedQueue<>(kandidaten);
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1).build();
        List<Thread> draden = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Thread draad = new Thread(() -> {
                for (Lezing l = rij.poll(); l != null; l = rij.poll()) {
                    try {
                        int status = http.send(leestaak(l).verzoek().apply(knooppunt),
                                HttpResponse.BodyHandlers.discarding()).statusCode();
                        if (status == 200) {
                            goed.add(l);
                        }
                    } catch (Exception e) {
                        // not readable now: not used
                    }
                }
            });
            draad.start();
            draden.add(draad);
        }
        for (Thread draad : draden) {
            draad.join();
        }
        return List.copyOf(goed);
    }

    // ---------------------------------------------------------------- ingestion

    private static Stream<ObjectNode> simulatie(long zaad, int berichten) {
        return Simulatie.metSeed(zaad).klanten(Simulatie.MEESTE_KLANTEN).metFouten(true).berichten().limit(berichten);
    }

    /** Batches as the bytes a sender posts; made before the clock starts. */
    static List<byte[]> batches(Stream<ObjectNode> berichten, int grootte) throws Exception {
        List<byte[]> batches = new ArrayList<>();
        ArrayNode batch = JsonNodeFactory.instance.arrayNode();
        for (ObjectNode bericht : (Iterable<ObjectNode>) berichten::iterator) {
            batch.add(bericht);
            if (batch.size() == grootte) {
                batches.add(JSON.writeValueAsBytes(batch));
                batch = JsonNodeFactory.instance.arrayNode();
            }
        }
        if (!batch.isEmpty()) {
            batches.add(JSON.writeValueAsBytes(batch));
        }
        return batches;
    }

    record Uitkomst(long berichten, long accepted, long duplicate, long rejected, long fouten, double seconden,
                    double p50, double p99) {
        double perSeconde() {
            return berichten / seconden;
        }
    }

    private static Supplier<Last.Taak> batchtaken(List<byte[]> batches, String bron) {
        ConcurrentLinkedQueue<byte[]> rij = new ConcurrentLinkedQueue<>(batches);
        return () -> {
            byte[] batch = rij.poll();
            return batch == null ? null : new Last.Taak(k -> HttpRequest.newBuilder(k.adres("/api/v1/events"))
                    .timeout(Duration.ofSeconds(60)).header("Content-Type", BATCH).header("Accept", "application/json")
                    .header("Authorization", "Bearer " + bron).POST(HttpRequest.BodyPublishers.ofByteArray(batch))
                    .build(), true);
        };
    }

    private static Uitkomst verstuur(List<Knooppunt> actief, List<byte[]> batches, int afzenders, String bron)
            throws Exception {
        long start = System.nanoTime();
        Last last = new Last(actief, Duration.ofMillis(50)).start(afzenders, "afzender", batchtaken(batches, bron));
        last.wacht(Duration.ofMinutes(30));
        double seconden = (System.nanoTime() - start) / 1e9;
        List<Last.Poging> pogingen = last.pogingen();
        List<Last.Poging> goed = pogingen.stream().filter(Last.Poging::goed).toList();
        long accepted = goed.stream().mapToLong(Last.Poging::accepted).sum();
        long duplicate = goed.stream().mapToLong(Last.Poging::duplicate).sum();
        long rejected = goed.stream().mapToLong(Last.Poging::rejected).sum();
        if (rejected > 0) {
            System.out.println("afgewezen, eerste: " + last.eersteAfwijzing());
        }
        double[] ms = goed.stream().mapToDouble(Last.Poging::taakMs).toArray();
        return new Uitkomst(accepted + duplicate + rejected, accepted, duplicate, rejected,
                pogingen.size() - goed.size(), seconden, Last.percentiel(ms, 50), Last.percentiel(ms, 99));
    }

    // ---------------------------------------------------------------- faults

    /** What the node loss printed, and the node that survived it. */
    record Uitval(String tekst, Knooppunt overlever) {
    }

    private static Uitval knooppuntUitval(Instellingen instellingen, Opstelling opstelling, Knooppunt eerste,
                                          Knooppunt tweede, String bron, List<Lezing> lezingen, long zaad)
            throws Exception {
        System.out.printf("%n--- knooppuntuitval (SIGKILL) tijdens ingestie en lezen op %s en %s%n", eerste.naam(),
                tweede.naam());
        List<byte[]> batches = batches(simulatie(zaad, instellingen.foutBerichten()), instellingen.batch());
        List<Segmenten.Segment> voor = Segmenten.lees(opstelling.database());
        long vanEerste = voor.stream().filter(s -> Segmenten.van(s.eigenaar(), eerste)).count();
        long vanTweede = voor.stream().filter(s -> Segmenten.van(s.eigenaar(), tweede)).count();
        System.out.printf("segmenten voor de uitval: %d, van %s %d, van %s %d, eigenaars %s%n", voor.size(),
                eerste.naam(), vanEerste, tweede.naam(), vanTweede,
                voor.stream().map(Segmenten.Segment::eigenaar).distinct().toList());
        List<Knooppunt> beide = List.of(eerste, tweede);
        Last afzenders = new Last(beide, Duration.ofMillis(100))
                .start(instellingen.afzenders(), "afzender", batchtaken(batches, bron));
        AtomicBoolean klaar = new AtomicBoolean();
        Last lezers = leeslast(beide, lezingen, instellingen.foutLezers(), klaar);
        long start = System.nanoTime();
        Thread.sleep(instellingen.foutNa() * 1_000L);
        // The node that owns most segments is killed (node 1 usually owns all; a busy node may have lost
        // some to a claim timeout, and a shared segment scheme spreads them): its takeover is what counts.
        List<Segmenten.Segment> bijUitval = Segmenten.lees(opstelling.database());
        Knooppunt slachtoffer = bijUitval.stream().filter(s -> Segmenten.van(s.eigenaar(), eerste)).count()
                >= bijUitval.stream().filter(s -> Segmenten.van(s.eigenaar(), tweede)).count() ? eerste : tweede;
        Knooppunt overlever = slachtoffer == eerste ? tweede : eerste;
        long vanSlachtoffer = bijUitval.stream().filter(s -> Segmenten.van(s.eigenaar(), slachtoffer)).count();
        long dood = System.nanoTime();
        slachtoffer.doodHard();
        double doodMs = (System.nanoTime() - dood) / 1e6;
        // The survivor's takeover: until no segment is the dead node's and every segment is the survivor's.
        double overgenomenS = -1;
        double laatsteVanSlachtofferS = -1;
        long tot = dood + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < tot) {
            List<Segmenten.Segment> nu = Segmenten.lees(opstelling.database());
            boolean nogVanSlachtoffer = nu.stream().anyMatch(s -> Segmenten.van(s.eigenaar(), slachtoffer));
            if (!nogVanSlachtoffer && laatsteVanSlachtofferS < 0) {
                laatsteVanSlachtofferS = (System.nanoTime() - dood) / 1e9;
            }
            if (!nogVanSlachtoffer && nu.stream().allMatch(s -> Segmenten.van(s.eigenaar(), overlever))) {
                overgenomenS = (System.nanoTime() - dood) / 1e9;
                break;
            }
            Thread.sleep(100);
        }
        afzenders.wacht(Duration.ofMinutes(30));
        long eind = System.nanoTime();
        klaar.set(true);
        lezers.wacht(Duration.ofMinutes(2));
        StringBuilder uit = new StringBuilder();
        uit.append(String.format(Locale.ROOT, "%nKnooppuntuitval: %s gedood (SIGKILL, weg na %.0f ms) %d s na de start"
                        + " van de last; %d afzenders (batches van %d, %,d berichten) en %d lezers over 2 knooppunten,"
                        + " na een fout naar het andere knooppunt%n", slachtoffer.naam(), doodMs, instellingen.foutNa(),
                instellingen.afzenders(), instellingen.batch(), instellingen.foutBerichten(), instellingen.foutLezers()));
        uit.append(String.format(Locale.ROOT, "  overname: %s had %d van %d segmenten; geen meer van %s na %s;"
                        + " %s eigenaar van alle segmenten na %s%n", slachtoffer.naam(), vanSlachtoffer, bijUitval.size(),
                slachtoffer.naam(), seconden(laatsteVanSlachtofferS), overlever.naam(), seconden(overgenomenS)));
        String claim = instellingen.omgeving().getOrDefault("AXON_EVENTHANDLING_TOKENSTORE_CLAIMTIMEOUT",
                "standaard 10s");
        uit.append("  (bepaald door Axon's claim-timeout van de JDBC-tokenstore, axon.eventhandling.tokenstore.claim-timeout"
                + " = " + claim + ", geteld vanaf de laatste verlenging van de claim, plus hoogstens de claim-interval"
                + " van de pooled processor, 5 s)\n");
        uit.append(foutregels("afzenders", afzenders.pogingen(), start, eind, dood, true));
        uit.append(foutregels("lezers", lezers.pogingen(), start, eind, dood, false));
        System.out.println(uit);
        return new Uitval(uit.toString(), overlever);
    }

    private static String databaseHerstart(Instellingen instellingen, Opstelling opstelling, List<Knooppunt> actief,
                                           String bron, List<Lezing> lezingen, long zaad) throws Exception {
        System.out.printf("%n--- databaseherstart (pg_ctl stop -m fast, start) tijdens ingestie en lezen op %s%n",
                String.join(", ", actief.stream().map(Knooppunt::naam).toList()));
        List<byte[]> batches = batches(simulatie(zaad, instellingen.foutBerichten()), instellingen.batch());
        Last afzenders = new Last(actief, Duration.ofMillis(100))
                .start(instellingen.afzenders(), "afzender", batchtaken(batches, bron));
        AtomicBoolean klaar = new AtomicBoolean();
        Last lezers = leeslast(actief, lezingen, instellingen.foutLezers(), klaar);
        long start = System.nanoTime();
        Thread.sleep(instellingen.foutNa() * 1_000L);
        long stop = System.nanoTime();
        opstelling.database().stoppen("fast");
        long gestopt = System.nanoTime();
        opstelling.database().starten();
        long gestart = System.nanoTime();
        afzenders.wacht(Duration.ofMinutes(30));
        long eind = System.nanoTime();
        klaar.set(true);
        lezers.wacht(Duration.ofMinutes(2));
        double gezond = -1;
        long t0 = System.nanoTime();
        for (Knooppunt k : actief) {
            k.wachtTotGezond(Duration.ofMinutes(2));
        }
        gezond = (System.nanoTime() - t0) / 1e9;
        StringBuilder uit = new StringBuilder();
        uit.append(String.format(Locale.ROOT, "%nDatabaseherstart: %d s na de start van de last; stoppen (fast) %.1f s,"
                        + " starten %.1f s, database weg %.1f s; %d afzenders (%,d berichten) en %d lezers over %d"
                        + " knooppunten; knooppunten daarna gezond (nog %.1f s)%n", instellingen.foutNa(),
                (gestopt - stop) / 1e9, (gestart - gestopt) / 1e9, (gestart - stop) / 1e9, instellingen.afzenders(),
                instellingen.foutBerichten(), instellingen.foutLezers(), actief.size(), gezond));
        uit.append(foutregels("afzenders", afzenders.pogingen(), start, eind, stop, true));
        uit.append(foutregels("lezers", lezers.pogingen(), start, eind, stop, false));
        System.out.println(uit);
        return uit.toString();
    }

    private static Last leeslast(List<Knooppunt> actief, List<Lezing> lezingen, int lezers, AtomicBoolean klaar) {
        Random toeval = new Random(7);
        return new Last(actief, Duration.ofMillis(100)).start(lezers, "lezer", () -> {
            if (klaar.get()) {
                return null;
            }
            Lezing l;
            synchronized (toeval) {
                l = lezingen.get(toeval.nextInt(lezingen.size()));
            }
            try {
                // A citizen's app, not a load test: a read every 50 ms per reader.
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            return leestaak(l);
        });
    }

    /** What the clients saw from the fault on: errors, their kinds, their span, retries, gaps. */
    private static String foutregels(String wie, List<Last.Poging> alle, long start, long eind, long fout,
                                     boolean bezorgen) {
        // From the fault on: every attempt that had not ended when it came (those in flight included).
        List<Last.Poging> vanaf = alle.stream().filter(p -> p.eindNs() >= fout).toList();
        List<Last.Poging> fouten = vanaf.stream().filter(p -> !p.goed()).toList();
        long voorFout = alle.stream().filter(p -> p.eindNs() < fout && !p.goed()).count();
        // When the clients saw errors: the answer (or failure) of the first and of the last.
        long eersteFout = fouten.stream().mapToLong(Last.Poging::eindNs).min().orElse(0);
        long laatsteFout = fouten.stream().mapToLong(Last.Poging::eindNs).max().orElse(0);
        String span = fouten.isEmpty() ? "-" : String.format(Locale.ROOT, "gezien van %.1f tot %.1f s na de fout (%.1f s)",
                (eersteFout - fout) / 1e9, (laatsteFout - fout) / 1e9, (laatsteFout - eersteFout) / 1e9);
        StringBuilder uit = new StringBuilder(String.format(Locale.ROOT,
                "  %s: %,d verzoeken vanaf de fout (lopende meegeteld; tot het eind %.1f s), niet-2xx of geen"
                        + " antwoord %,d = %.2f%% (%s); fouten %s; fouten voor de fout %d%n", wie, vanaf.size(), (eind - fout) / 1e9, fouten.size(),
                vanaf.isEmpty() ? 0.0 : 100.0 * fouten.size() / vanaf.size(), Last.foutsoorten(fouten), span, voorFout));
        double gat = Last.langsteGatMs(alle.stream().filter(p -> p.eindNs() >= start).toList());
        if (bezorgen) {
            long opnieuw = vanaf.stream().filter(Last.Poging::opnieuw).count();
            long berichten = alle.stream().filter(Last.Poging::goed).mapToLong(p -> p.accepted() + p.duplicate()).sum();
            long duplicate = alle.stream().filter(Last.Poging::goed).mapToLong(Last.Poging::duplicate).sum();
            long afgewezen = alle.stream().filter(Last.Poging::goed).mapToLong(Last.Poging::rejected).sum();
            Last.Poging langste = alle.stream().filter(Last.Poging::goed)
                    .max(Comparator.comparingDouble(Last.Poging::taakMs)).orElse(null);
            double langsteBatch = langste == null ? Double.NaN : langste.taakMs();
            // The attempts of that batch: where its time went (a hanging answer or the retries).
            String verloop = langste == null ? "" : String.join(", ", alle.stream()
                    .filter(p -> p.taakStartNs() == langste.taakStartNs() && p.eindNs() <= langste.eindNs())
                    .map(p -> String.format(Locale.ROOT, "%s %s %.0f ms", p.knooppunt(), p.soort(), p.ms())).toList());
            uit.append(String.format(Locale.ROOT, "    opnieuw verstuurd %,d; bevestigd %,d berichten (waarvan duplicate"
                            + " %,d), afgewezen %d; langste gat tussen twee 2xx-antwoorden %.0f ms; langste batch (eerste"
                            + " poging tot 2xx) %.0f ms: %s%n", opnieuw, berichten, duplicate, afgewezen, gat, langsteBatch,
                    verloop));
        } else {
            uit.append(String.format(Locale.ROOT, "    langste gat tussen twee 2xx-antwoorden %.0f ms%n", gat));
        }
        return uit.toString();
    }

    private static String seconden(double s) {
        return s < 0 ? "niet binnen 3 min" : String.format(Locale.ROOT, "%.1f s", s);
    }

    // ---------------------------------------------------------------- report

    private static String rondetabel(List<Ronde> rondes, Instellingen instellingen) {
        StringBuilder uit = new StringBuilder();
        uit.append(String.format(Locale.ROOT, "%nEen knooppunt (1) tegen twee (2), rondes om en om, %d paar;"
                        + " ingestie %,d berichten per ronde (%d afzenders, batches van %d), lezen %d s per"
                        + " verbindingenaantal; mediaan over de rondes; in rondes met 1 %s%n", instellingen.paren(),
                instellingen.berichten(), instellingen.afzenders(), instellingen.batch(), instellingen.duur(),
                instellingen.tweedeStoppen() ? "is het tweede knooppunt gestopt" : "draait het tweede leeg mee"));
        uit.append(String.format(Locale.ROOT, "  %-42s %-22s %-22s %10s %10s %7s%n", "maat", "1 per ronde",
                "2 per ronde", "mediaan 1", "mediaan 2", "2/1"));
        rij(uit, rondes, "load 1 min bij de start", Ronde::load);
        rij(uit, rondes, "ingestie berichten/s", Ronde::berichtenPerSeconde);
        rij(uit, rondes, "ingestie batch p50 ms", Ronde::batchP50);
        rij(uit, rondes, "ingestie batch p99 ms", Ronde::batchP99);
        rij(uit, rondes, "ingestie fouten (niet-2xx)", r -> r.fouten());
        rij(uit, rondes, "ingestie: batches herhaald in de engine", Ronde::herhaald);
        rij(uit, rondes, "leesmodellen bij na ingestie, s", Ronde::bijNaSeconden);
        for (int v : instellingen.verbindingen()) {
            rij(uit, rondes, "lezen/s, " + v + " verbindingen", r -> r.lezen().get(v).perSeconde());
            rij(uit, rondes, "lezen p50 ms, " + v + " verbindingen", r -> r.lezen().get(v).p50());
            rij(uit, rondes, "lezen p99 ms, " + v + " verbindingen", r -> r.lezen().get(v).p99());
            rij(uit, rondes, "lezen fouten, " + v + " verbindingen", r -> r.lezen().get(v).fouten());
        }
        return uit.toString();
    }

    private static void rij(StringBuilder uit, List<Ronde> rondes, String maat,
                            ToDoubleFunction<Ronde> waarde) {
        double[] een = rondes.stream().filter(r -> r.knooppunten() == 1).mapToDouble(waarde).toArray();
        double[] twee = rondes.stream().filter(r -> r.knooppunten() == 2).mapToDouble(waarde).toArray();
        double m1 = mediaan(een);
        double m2 = mediaan(twee);
        uit.append(String.format(Locale.ROOT, "  %-42s %-22s %-22s %10s %10s %7s%n", maat, reeks(een), reeks(twee),
                getal(m1), getal(m2), m1 == 0 ? "-" : String.format(Locale.ROOT, "%.3f", m2 / m1)));
    }

    private static String reeks(double[] waarden) {
        return String.join(" ", Arrays.stream(waarden).mapToObj(OpstellingBenchmark::getal).toList());
    }

    private static String getal(double w) {
        if (Double.isNaN(w)) {
            return "-";
        }
        return Math.abs(w) >= 100 ? String.format(Locale.ROOT, "%.0f", w) : String.format(Locale.ROOT, "%.2f", w);
    }

    static double mediaan(double[] waarden) {
        if (waarden.length == 0) {
            return Double.NaN;
        }
        double[] s = waarden.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
