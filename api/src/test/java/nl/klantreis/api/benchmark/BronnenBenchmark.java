package nl.klantreis.api.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.Lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nl.klantreis.api.testondersteuning.Voorbeelden;
import nl.klantreis.bronnen.Bronconfiguratie;
import nl.klantreis.bronnen.Inlezer;
import nl.klantreis.bronnen.Melding;
import nl.klantreis.bronnen.Meldingenopslag;
import nl.klantreis.bronnen.Resultaat;
import nl.klantreis.bronnen.Synchronisatie;
import nl.klantreis.bronnen.Synchronisaties;
import nl.klantreis.bronnen.nabootsing.Nabootsing;
import nl.klantreis.bronnen.nabootsing.Zgwwereld;
import nl.klantreis.domein.referentie.Catalogus;
import nl.klantreis.domein.referentie.Kanalen;
import nl.klantreis.infrastructuur.opslag.IngebeddePostgres;

/**
 * The backfill from the sources against the batch endpoint (issue 13; docs/benchmarks.md, "Inlezen uit de
 * bronnen"). A program that prints figures, not a test:
 *
 * <pre>
 * java -cp "$(cat /tmp/cp.txt)" nl.klantreis.api.benchmark.BronnenBenchmark --zaken 10000 --werkers 2,4
 * </pre>
 *
 * <ol>
 * <li>The stand-in of Open Zaak and Open Klant ({@link Nabootsing}, in this JVM) generates {@code --zaken} zaken
 * of three zaaktypen; a bronnen YAML maps them by identificatie to the engine's omgevingsvergunning,
 * bijstandsaanvraag and melding-openbare-ruimte.</li>
 * <li>Baseline: the adapter's {@link Synchronisaties} reads every zaak once, outside the timing, and the CloudEvents
 * it makes are posted to a fresh engine on {@code POST /api/v1/events} in batches of {@code --batch}; timed from
 * the first post to the last answer (an answer means stored).</li>
 * <li>Per {@code --werkers} value, a fresh engine (its own embedded PostgreSQL) with the bronnen YAML: its source
 * workers held, the backfill's walk ({@link Inlezer#zaken}) queues a melding per zaak on the engine's queue as
 * {@code klantreis bronnen inlezen} does (timed: zaken listed per second); then the workers run until no melding
 * waits (timed: zaken, source requests and accepted messages per second). Every melding must end
 * {@code verwerkt} and every message of the baseline must be accepted, else the run fails.</li>
 * </ol>
 * CPU: of the one JVM (stand-in, engine and walk together, split by thread group), of PostgreSQL and of the
 * machine; the stand-in's check of its answers against the specifications is estimated apart
 * ({@link Controlekosten}). {@code --stapels} samples where the stand-in's threads and the source workers are
 * during each drain ({@link Bronstapels}); {@code --nagle} leaves the stand-in's server as the JDK makes it.
 */
public final class BronnenBenchmark {
    private static final String GEHEIM = "benchmark-geheim-van-de-zaakapplicatie";
    private static final String TOKEN = "benchmark-open-klant-token-0123456789";
    private static final String AUTORISATIE = "Bearer benchmark-notificaties-0123456789abcdef";
    private static final ObjectMapper JSON = new ObjectMapper();

    private BronnenBenchmark() {
    }

    record Instellingen(int zaken, long zaad, List<Integer> werkers, int batch, int afzenders, int duur,
                        int steekproef, boolean nagle, boolean stapels, List<String> app) {
        static Instellingen lees(String[] args) {
            int zaken = 10_000;
            long zaad = 13;
            List<Integer> werkers = List.of(2, 4);
            int batch = 500;
            int afzenders = 1;
            int duur = 1_800;
            int steekproef = 300;
            boolean nagle = false;
            boolean stapels = false;
            List<String> app = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--zaken" -> zaken = Integer.parseInt(args[++i]);
                    case "--zaad" -> zaad = Long.parseLong(args[++i]);
                    case "--werkers" -> werkers = Arrays.stream(args[++i].split(",")).map(String::trim)
                            .map(Integer::valueOf).toList();
                    case "--batch" -> batch = Integer.parseInt(args[++i]);
                    case "--afzenders" -> afzenders = Integer.parseInt(args[++i]);
                    case "--duur" -> duur = Integer.parseInt(args[++i]);
                    case "--steekproef" -> steekproef = Integer.parseInt(args[++i]);
                    case "--nagle" -> nagle = true;
                    case "--stapels" -> stapels = true;
                    case "--app" -> app.add("--" + args[++i]);
                    default -> throw new IllegalArgumentException("onbekende optie " + args[i] + "; bekend: --zaken N"
                            + " --zaad N --werkers N[,N...] --batch N --afzenders N --duur S (per fase)"
                            + " --steekproef N --nagle --stapels --app eigenschap=waarde");
                }
            }
            return new Instellingen(zaken, zaad, werkers, batch, afzenders, duur, steekproef, nagle, stapels, List.copyOf(app));
        }
    }

    /** One side of the table: a phase's duration, its counts and where the CPU went. */
    record Ronde(String naam, double seconden, long zaken, long verzoeken, long berichten, Cpumeting.Stand cpu,
                 Map<String, Double> groepen, String wandeling) {
        double perSeconde(long n) {
            return n / seconden;
        }
    }

    public static void main(String[] args) throws Exception {
        Instellingen instellingen = Instellingen.lees(args);
        Benchmarkomgeving.inEigenJvm(BronnenBenchmark.class, args);
        if (!instellingen.nagle()) {
            // The JDK's HTTP server (the stand-in) writes an answer's head and body apart and leaves Nagle on: each
            // body then waits for the client's delayed ACK, some 40 ms per request on Linux, which no real Open Zaak
            // behind gunicorn/nginx costs. Read once, when the server's configuration class loads.
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        Benchmarkomgeving.draai("bronnen", instellingen.app(), "de engines",
                werkmap -> meet(instellingen, werkmap));
    }

    private static int meet(Instellingen instellingen, Benchmarkomgeving.Werkmap werkmap) throws Exception {
        try (Nabootsing bron = Nabootsing.start().zgwClient("klantreis", GEHEIM).token(TOKEN)) {
            long t0 = System.nanoTime();
            List<String> zaken = bron.wereld().genereer(instellingen.zaken(), instellingen.zaad());
            System.out.printf(Locale.ROOT, "Nabootsing: %d zaken gegenereerd in %.1f s (zaaktypen ZT-GEN-A/B/C-%d)%n",
                    zaken.size(), (System.nanoTime() - t0) / 1e9, instellingen.zaad());
            Map<String, String> plaatshouders = Map.of("NABOOTSING", bron.basis(), "ZGW_SECRET", GEHEIM,
                    "OPENKLANT_TOKEN", TOKEN, "NOTIFICATIES_AUTORISATIE", AUTORISATIE);
            Cpumeting machine = new Cpumeting(werkmap.pgMap());
            double anderen = Benchmarkomgeving.anderen(machine);

            List<Ronde> rondes = new ArrayList<>();
            boolean goed = true;
            Ronde basis = batchRonde(instellingen, werkmap, bron, zaken, plaatshouders);
            goed &= basis != null;
            if (basis != null) {
                rondes.add(basis);
            }
            for (int werkers : instellingen.werkers()) {
                Ronde r = adapterRonde(instellingen, werkmap.map().resolve("werkers-" + werkers), werkers, bron,
                        zaken.size(), plaatshouders);
                goed &= r != null;
                if (r != null) {
                    rondes.add(r);
                }
            }

            Controlekosten.Schatting controle = Controlekosten.schat(bron.wereld(), zaken, instellingen.steekproef());
            rapport(instellingen, anderen, rondes, controle);
            bron.controleerGeenAfwijkingen();
            return goed ? 0 : 1;
        }
    }

    /**
     * The baseline: the same facts as CloudEvents straight to the batch endpoint of a fresh engine. Null when an
     * answer refused anything or not every message was accepted.
     */
    private static Ronde batchRonde(Instellingen instellingen, Benchmarkomgeving.Werkmap werkmap, Nabootsing bron,
                                    List<String> zaken, Map<String, String> plaatshouders) throws Exception {
        ConfigurableApplicationContext app = werkmap.startEngine(List.of(), instellingen.app());
        try {
            Path yaml = configuratie(werkmap.map(), instellingen.zaad(), 1);
            Bronconfiguratie configuratie = Bronconfiguratie.lees(yaml, Bronconfiguratie.uit(plaatshouders),
                    app.getBean(Catalogus.class), app.getBean(Kanalen.class));
            // Outside the timing: the adapter reads every zaak once, in order, and keeps the CloudEvents it makes.
            long t0 = System.nanoTime();
            int verzoekenVoor = bron.verzoeken();
            Synchronisatie synchronisatie = Synchronisaties.voor(configuratie, Clock.systemUTC());
            List<ObjectNode> berichten = new ArrayList<>();
            Map<Resultaat.Uitkomst, Integer> uitkomsten = new LinkedHashMap<>();
            long id = 0;
            for (String url : zaken) {
                Resultaat r = synchronisatie.synchroniseer(new Melding(++id, Melding.Soort.ZAAK, url, "zaken", "inlezen",
                        "inlezen", null, 0));
                uitkomsten.merge(r.uitkomst(), 1, Integer::sum);
                berichten.addAll(r.berichten());
            }
            double lezen = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "Basislijn: de adapter las %d zaken na elkaar in %.1f s (%d verzoeken aan de"
                            + " bron, %.0f zaken/s met één draad): %d berichten; uitkomsten %s%n", zaken.size(), lezen,
                    bron.verzoeken() - verzoekenVoor, zaken.size() / lezen, berichten.size(), uitkomsten);
            if (uitkomsten.getOrDefault(Resultaat.Uitkomst.BERICHTEN, 0) != zaken.size()) {
                System.out.println("  FOUT: niet elke zaak gaf berichten");
                return null;
            }
            List<String> batches = new ArrayList<>();
            for (int i = 0; i < berichten.size(); i += instellingen.batch()) {
                batches.add(Voorbeelden.alsBatch(berichten.subList(i, Math.min(berichten.size(), i + instellingen.batch()))));
            }
            int totaal = berichten.size();
            berichten = null;

            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            String token = werkmap.bronToken();
            URI doel = URI.create("http://127.0.0.1:" + Benchmarkomgeving.poort(app) + "/api/v1/events");
            Cpumeting cpu = new Cpumeting(werkmap.pgMap());
            Draadtijd draden = new Draadtijd();
            Cpumeting.Stand cpuVoor = cpu.nu();
            Map<String, Double> groepenVoor = draden.nu();
            long begin = System.nanoTime();
            long eind = begin + Duration.ofSeconds(instellingen.duur()).toNanos();
            AtomicInteger volgende = new AtomicInteger();
            AtomicInteger geweigerd = new AtomicInteger();
            ExecutorService afzenders = Executors.newFixedThreadPool(instellingen.afzenders(), r -> {
                Thread t = new Thread(r, "afzender");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<?>> klaar = new ArrayList<>();
                for (int a = 0; a < instellingen.afzenders(); a++) {
                    klaar.add(afzenders.submit(() -> {
                        for (int i = volgende.getAndIncrement(); i < batches.size(); i = volgende.getAndIncrement()) {
                            if (System.nanoTime() > eind) {
                                throw new IllegalStateException("--duur " + instellingen.duur() + " s verstreken");
                            }
                            HttpResponse<String> antwoord = http.send(HttpRequest.newBuilder(doel)
                                    .timeout(Duration.ofMinutes(5)).header("Content-Type", Afzenders.BATCH)
                                    .header("Accept", "application/json").header("Authorization", "Bearer " + token)
                                    .POST(HttpRequest.BodyPublishers.ofString(batches.get(i))).build(),
                                    HttpResponse.BodyHandlers.ofString());
                            JsonNode inhoud = antwoord.statusCode() == 200 ? JSON.readTree(antwoord.body()) : null;
                            if (inhoud == null || inhoud.path("rejected").asLong() != 0) {
                                if (geweigerd.getAndIncrement() == 0) {
                                    System.out.println("  FOUT: batch " + i + ": HTTP " + antwoord.statusCode() + " "
                                            + antwoord.body().substring(0, Math.min(500, antwoord.body().length())));
                                }
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : klaar) {
                    f.get();
                }
            } finally {
                afzenders.shutdownNow();
            }
            double seconden = (System.nanoTime() - begin) / 1e9;
            Cpumeting.Stand gebruikt = cpu.nu().minus(cpuVoor);
            Map<String, Double> groepen = Draadtijd.verschil(draden.nu(), groepenVoor);
            long aanvaard = aanvaard(werkmap);
            System.out.printf(Locale.ROOT, "Basislijn: %d batches van <= %d berichten in %.1f s; aanvaard %d van %d%n",
                    batches.size(), instellingen.batch(), seconden, aanvaard, totaal);
            if (geweigerd.get() > 0 || aanvaard != totaal) {
                System.out.println("  FOUT: " + geweigerd.get() + " batch(es) met weigeringen; aanvaard " + aanvaard
                        + " van " + totaal);
                return null;
            }
            return new Ronde("batch (POST /events)", seconden, zaken.size(), 0, aanvaard, gebruikt, groepen, null);
        } finally {
            app.close();
        }
    }

    /** The adapter with {@code werkers} workers on a fresh engine and database. Null when not every melding ended verwerkt. */
    private static Ronde adapterRonde(Instellingen instellingen, Path map, int werkers, Nabootsing bron, int zaken,
                                      Map<String, String> plaatshouders) throws Exception {
        Files.createDirectories(map);
        Path yaml = configuratie(map, instellingen.zaad(), werkers);
        List<String> eigen = new ArrayList<>(List.of("--klantreis.bronnen.configuratie=" + yaml));
        plaatshouders.forEach((naam, waarde) -> eigen.add("--" + naam + "=" + waarde));
        try (IngebeddePostgres postgres = IngebeddePostgres.start(map.resolve("postgres"), 0)) {
            Benchmarkomgeving.Werkmap werkmap = new Benchmarkomgeving.Werkmap(map, postgres);
            ConfigurableApplicationContext app = werkmap.startEngine(eigen, instellingen.app());
            try {
                // Held while the walk queues, so that the walk and the workers are timed apart.
                Lifecycle verwerker = app.getBean("bronverwerker", Lifecycle.class);
                verwerker.stop();
                Meldingenopslag opslag = app.getBean(Meldingenopslag.class);
                Bronconfiguratie configuratie = Bronconfiguratie.lees(yaml, Bronconfiguratie.uit(plaatshouders),
                        app.getBean(Catalogus.class), app.getBean(Kanalen.class));

                int verzoekenVoor = bron.verzoeken();
                long t0 = System.nanoTime();
                Inlezer.Verslag verslag = new Inlezer(configuratie, Clock.systemUTC()).zaken(null, null,
                        (soort, url) -> opslag.voegInleesmeldingToe(soort, url) == Meldingenopslag.Toevoeging.OPGESLAGEN,
                        n -> { });
                double wandelen = (System.nanoTime() - t0) / 1e9;
                String wandeling = String.format(Locale.ROOT, "%d zaken in %.1f s = %.0f zaken/s, %d verzoeken",
                        verslag.gevonden(), wandelen, verslag.gevonden() / wandelen, bron.verzoeken() - verzoekenVoor);
                System.out.printf(Locale.ROOT, "Werkers %d: wandeling %s; klaargezet %d, ongekoppeld %s%n", werkers,
                        wandeling, verslag.klaargezet(), verslag.ongekoppeld());
                if (verslag.klaargezet() != zaken) {
                    System.out.println("  FOUT: niet elke zaak klaargezet");
                    return null;
                }

                Cpumeting cpu = new Cpumeting(werkmap.pgMap());
                Draadtijd draden = new Draadtijd();
                Cpumeting.Stand cpuVoor = cpu.nu();
                Map<String, Double> groepenVoor = draden.nu();
                int verzoekenStart = bron.verzoeken();
                long begin = System.nanoTime();
                long eind = begin + Duration.ofSeconds(instellingen.duur()).toNanos();
                Bronstapels stapels = instellingen.stapels() ? new Bronstapels() : null;
                verwerker.start();
                Map<Meldingenopslag.Toestand, Long> telling = opslag.telling();
                while (telling.get(Meldingenopslag.Toestand.WACHTEND) > 0 && System.nanoTime() < eind) {
                    Thread.sleep(100);
                    telling = opslag.telling();
                }
                double seconden = (System.nanoTime() - begin) / 1e9;
                if (stapels != null) {
                    stapels.close();
                    stapels.druk("Stapels tijdens het leegwerken, " + werkers + " werkers (elke 20 ms):");
                }
                Cpumeting.Stand gebruikt = cpu.nu().minus(cpuVoor);
                Map<String, Double> groepen = Draadtijd.verschil(draden.nu(), groepenVoor);
                long verzoeken = bron.verzoeken() - verzoekenStart;
                verwerker.stop();
                long aanvaard = aanvaard(werkmap);
                long verwerkt = telling.get(Meldingenopslag.Toestand.VERWERKT);
                System.out.printf(Locale.ROOT, "Werkers %d: wachtrij leeg na %.1f s; meldingen %s; aanvaarde berichten %d%n",
                        werkers, seconden, telling, aanvaard);
                if (verwerkt != zaken) {
                    System.out.println("  FOUT: " + (telling.get(Meldingenopslag.Toestand.WACHTEND) > 0
                            ? "--duur " + instellingen.duur() + " s verstreken" : "niet elke melding verwerkt"));
                    for (Meldingenopslag.Toestand t : Meldingenopslag.Toestand.values()) {
                        if (t != Meldingenopslag.Toestand.VERWERKT && t != Meldingenopslag.Toestand.WACHTEND) {
                            opslag.lijst(t, 0, 3).forEach(r -> System.out.println("    " + t + ": " + r.melding().url()
                                    + ": " + r.reden()));
                        }
                    }
                    return null;
                }
                return new Ronde("bronnen, " + werkers + " werkers", seconden, verwerkt, verzoeken, aanvaard, gebruikt,
                        groepen, wandeling);
            } finally {
                app.close();
            }
        }
    }

    /** Messages the engine accepted: its idempotency table has a row for each, written with their events. */
    private static long aanvaard(Benchmarkomgeving.Werkmap werkmap) throws SQLException {
        RuweOpslag db = new RuweOpslag(werkmap.postgres().jdbcUrl(), "postgres", "postgres");
        try (Connection c = db.verbinding(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select count(*) from ontvangen_bericht")) {
            r.next();
            return r.getLong(1);
        }
    }

    /**
     * The bronnen YAML for the generated world: each generated zaaktype (five statustypen by volgnummer; resultaten
     * Verleend/Geweigerd or Afgehandeld) mapped to an engine zaaktype with statustypen of the same meaning; the
     * eindstatus closes the zaak.
     */
    static Path configuratie(Path map, long zaad, int werkers) throws java.io.IOException {
        String yaml = """
                # The source benchmark's mapping of the stand-in's generated world (Zgwwereld.genereer).
                notificaties:
                  autorisatie:
                    - "${NOTIFICATIES_AUTORISATIE}"
                  openNotificaties: "${NABOOTSING}/notificaties/api/v1"
                  authenticatie:
                    clientId: klantreis
                    secret: "${ZGW_SECRET}"
                verwerking:
                  werkers: %d
                  pogingen: 5
                  eersteWacht: PT1S
                  langsteWacht: PT10S
                  klantcontactRust: PT1S
                  tijdslimiet: PT10S
                openZaak:
                  source: "urn:nld:oin:00000001234567890000:systeem:zaaksysteem"
                  zakenApi: "${NABOOTSING}/zaken/api/v1"
                  catalogiApi: "${NABOOTSING}/catalogi/api/v1"
                  authenticatie:
                    clientId: klantreis
                    secret: "${ZGW_SECRET}"
                zaaktypen:
                """.formatted(werkers)
                + Zgwwereld.koppelingVanGegenereerd('A', zaad) + Zgwwereld.koppelingVanGegenereerd('B', zaad)
                + Zgwwereld.koppelingVanGegenereerd('C', zaad);
        Path bestand = map.resolve("bronnen-" + werkers + ".yaml");
        Files.writeString(bestand, yaml);
        return bestand;
    }

    private static void rapport(Instellingen instellingen, double anderen, List<Ronde> rondes,
                                Controlekosten.Schatting controle) {
        Benchmarkomgeving.kop("Inlezen uit de bronnen tegen de batch (issue 13)");
        System.out.printf("Machine        %s, %d cores; JVM %s %s, %s%n", Benchmarkomgeving.cpuModel(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Benchmarkomgeving.jvmOpties(), Benchmarkomgeving.gcNamen());
        System.out.printf(Locale.ROOT, "Belasting      andere processen vooraf %.2f cores; load average %.1f%n", anderen,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf("Opzet          %d zaken (zaad %d); batch: %d berichten per POST, %d afzender(s);"
                        + " elke ronde een verse engine en database; nabootsing met Nagle %s%n", instellingen.zaken(),
                instellingen.zaad(), instellingen.batch(), instellingen.afzenders(), instellingen.nagle() ? "aan" : "uit");
        for (Ronde r : rondes) {
            if (r.wandeling() != null) {
                System.out.printf("Wandeling      %s: %s%n", r.naam(), r.wandeling());
            }
        }
        System.out.println();
        StringBuilder kop = new StringBuilder(String.format("  %-40s", ""));
        rondes.forEach(r -> kop.append(String.format("%24s", r.naam())));
        System.out.println(kop);
        regel(rondes, "duur (s)", r -> String.format(Locale.ROOT, "%.1f", r.seconden()));
        regel(rondes, "zaken/s", r -> String.format(Locale.ROOT, "%.0f", r.perSeconde(r.zaken())));
        regel(rondes, "bronverzoeken (aantal, per zaak)", r -> r.verzoeken() == 0 ? "-"
                : String.format(Locale.ROOT, "%d (%.1f)", r.verzoeken(), (double) r.verzoeken() / r.zaken()));
        regel(rondes, "bronverzoeken/s", r -> r.verzoeken() == 0 ? "-"
                : String.format(Locale.ROOT, "%.0f", r.perSeconde(r.verzoeken())));
        regel(rondes, "aanvaarde berichten (aantal)", r -> Long.toString(r.berichten()));
        regel(rondes, "aanvaarde berichten/s", r -> String.format(Locale.ROOT, "%.0f", r.perSeconde(r.berichten())));
        regel(rondes, "CPU JVM (cores)", r -> String.format(Locale.ROOT, "%.2f", r.cpu().jvm() / r.seconden()));
        TreeSet<String> groepen = new TreeSet<>();
        rondes.forEach(r -> groepen.addAll(r.groepen().keySet()));
        for (String groep : groepen) {
            regel(rondes, "  " + groep, r -> String.format(Locale.ROOT, "%.2f",
                    r.groepen().getOrDefault(groep, 0.0) / r.seconden()));
        }
        regel(rondes, "  JIT, GC en andere niet-Java-draden", r -> String.format(Locale.ROOT, "%.2f",
                (r.cpu().jvm() - r.groepen().values().stream().mapToDouble(Double::doubleValue).sum()) / r.seconden()));
        regel(rondes, "  gc (pauzes, s/s)", r -> String.format(Locale.ROOT, "%.2f", r.cpu().gc() / r.seconden()));
        regel(rondes, "CPU PostgreSQL (cores)", r -> String.format(Locale.ROOT, "%.2f", r.cpu().postgres() / r.seconden()));
        regel(rondes, "CPU machine (cores)", r -> String.format(Locale.ROOT, "%.2f", r.cpu().machineBezet() / r.seconden()));
        regel(rondes, "JVM CPU-ms per zaak", r -> String.format(Locale.ROOT, "%.1f", r.cpu().jvm() * 1e3 / r.zaken()));
        regel(rondes, "specificatiecontrole (geschat, cores)", r -> r.verzoeken() == 0 ? "-"
                : String.format(Locale.ROOT, "%.2f", r.verzoeken() * controle.msPerAntwoord() / 1e3 / r.seconden()));
        if (!rondes.isEmpty() && rondes.get(0).verzoeken() == 0) {
            Ronde basis = rondes.get(0);
            regel(rondes, "zaken/s: bronnen / batch", r -> String.format(Locale.ROOT, "%.2f",
                    r.perSeconde(r.zaken()) / basis.perSeconde(basis.zaken())));
            regel(rondes, "berichten/s: bronnen / batch", r -> String.format(Locale.ROOT, "%.2f",
                    r.perSeconde(r.berichten()) / basis.perSeconde(basis.berichten())));
        }
        System.out.printf(Locale.ROOT, "%nSpecificatiecontrole van de nabootsing (geen schakelaar; geschat op %d nagebouwde"
                        + " antwoorden): %.3f CPU-ms per antwoord%n", controle.antwoorden(), controle.msPerAntwoord());
    }

    private static void regel(List<Ronde> rondes, String naam, Function<Ronde, String> waarde) {
        StringBuilder b = new StringBuilder(String.format("  %-40s", naam));
        rondes.forEach(r -> b.append(String.format("%24s", waarde.apply(r))));
        System.out.println(b);
    }
}
