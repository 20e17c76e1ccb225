package nl.klantreis.api.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.klantreis.infrastructuur.opslag.IngebeddePostgres;

/**
 * Reading a zaak as a portal would, from outside the JVM: {@code wrk} with a Lua script
 * ({@code benchmark/mijnzaken.lua} among the test resources) that spreads {@code GET
 * /api/v1/mijnzaken/{zaakId}} over every (zaak, burger token) pair. A program that prints figures,
 * not a test (see docs/benchmarks.md, "Lezen van buitenaf met wrk"); needs {@code wrk} on the path
 * (Debian: {@code apt-get install wrk}):
 *
 * <pre>
 * java -cp "$(cat cp.txt)" nl.klantreis.api.benchmark.LeesWrkBenchmark --klanten 2000 --duur 15 \
 *     [--variant eigenschap=waarde] [--app eigenschap=waarde] [--jfr /tmp/leeswrk]
 * </pre>
 *
 * <ol>
 * <li>As {@link LeesBenchmark}: one embedded PostgreSQL, engine nodes in this JVM on it: "aan"
 * (audit on) and "uit" (audit off), and with {@code --variant} two more, started after the
 * filling: "aan-0", audit on as "aan" (the control), and "aan-v": audit on with
 * those settings, so that a change of the read path is measured against the engine without it in
 * the same run. Filled through the ingest API with a simulated municipality; the pairs are those
 * {@link LeesBenchmark} reads, checked to give 200 on every node.</li>
 * <li>Per repetition, in a rotating order: wrk on each node, and wrk without a token on node "aan"
 * (with a variant: on "aan-0" and "aan-v" instead) (the 401 path: HTTP, the security chain and the security log of refusals, no
 * read). Each wrk run
 * is {@code --opwarmen} s not counted, then {@code --duur} s counted, {@code --verbindingen}
 * connections on {@code --draden} threads; medians over {@code --herhalingen}.</li>
 * <li>CPU of the engine's JVM (by thread group), of PostgreSQL, of wrk itself (the time of the
 * children of the shell that runs it) and of the rest of the machine, per measured wrk run.</li>
 * <li>With {@code --jfr}: afterwards, a CPU profile of the JVM per node while wrk loads it.</li>
 * </ol>
 */
public final class LeesWrkBenchmark {
    private static final double DOEL_LEZINGEN_PER_SECONDE = 2_500;
    private static final double DOEL_P99_MS = 50;
    private static final double DOEL_AUDITKOSTEN = 0.15;
    private static final String ZONDER_TOKEN = "401 (zonder token)";
    private static final String ZONDER_TOKEN_CONTROLE = "401 aan-0";
    private static final String ZONDER_TOKEN_VARIANT = "401 aan-v";
    private static final Pattern UITSLAG = Pattern.compile("WRK-UITSLAG (.*)");
    /** Clock ticks per second of {@code /proc}. */
    private static final double TICKS = 100.0;

    private LeesWrkBenchmark() {
    }

    record Instellingen(int klanten, int duur, int opwarmen, int verbindingen, int draden, int herhalingen,
                        int vooraf, List<String> app, List<String> variant, Path jfr) {
        static Instellingen lees(String[] args) {
            int klanten = 2_000;
            int duur = 15;
            int opwarmen = 5;
            int verbindingen = 64;
            int draden = 2;
            int herhalingen = 3;
            int vooraf = 30;
            List<String> app = new ArrayList<>();
            List<String> variant = new ArrayList<>();
            Path jfr = null;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--klanten" -> klanten = Integer.parseInt(args[++i]);
                    case "--duur" -> duur = Integer.parseInt(args[++i]);
                    case "--opwarmen" -> opwarmen = Integer.parseInt(args[++i]);
                    case "--verbindingen" -> verbindingen = Integer.parseInt(args[++i]);
                    case "--draden" -> draden = Integer.parseInt(args[++i]);
                    case "--herhalingen" -> herhalingen = Integer.parseInt(args[++i]);
                    case "--vooraf" -> vooraf = Integer.parseInt(args[++i]);
                    case "--app" -> app.add("--" + args[++i]);
                    case "--variant" -> variant.add("--" + args[++i]);
                    case "--jfr" -> jfr = Path.of(args[++i]).toAbsolutePath();
                    default -> throw new IllegalArgumentException("onbekende optie " + args[i]
                            + "; bekend: --klanten N --duur S --opwarmen S --verbindingen N --draden N --herhalingen N"
                            + " --vooraf S --app eigenschap=waarde --variant eigenschap=waarde --jfr voorvoegsel");
                }
            }
            if (duur < 1 || opwarmen < 1 || verbindingen < draden || herhalingen < 1) {
                throw new IllegalArgumentException("duur en opwarmen >= 1 s, verbindingen >= draden, herhalingen >= 1");
            }
            return new Instellingen(klanten, duur, opwarmen, verbindingen, draden, herhalingen, vooraf, List.copyOf(app),
                    List.copyOf(variant), jfr);
        }

        /** What {@link LeesBenchmark}'s start and fill need, with these engine settings. */
        LeesBenchmark.Instellingen voorLeesBenchmark(List<String> engine) {
            return new LeesBenchmark.Instellingen(klanten, duur, opwarmen, verbindingen, herhalingen, 0, 0, false, false,
                    false, engine, null, vooraf);
        }
    }

    /** What wrk's done() reported; times in microseconds. */
    record Wrkuitslag(long verzoeken, long duurUs, long p50Us, long p90Us, long p99Us, long maxUs, double gemiddeldUs,
                      long niet2xx, long socketfouten, double cpuSeconden) {
        double perSeconde() {
            return verzoeken * 1e6 / duurUs;
        }

        static Wrkuitslag van(String regel, double cpuSeconden) {
            Map<String, String> velden = new LinkedHashMap<>();
            for (String veld : regel.trim().split(" ")) {
                int is = veld.indexOf('=');
                velden.put(veld.substring(0, is), veld.substring(is + 1));
            }
            return new Wrkuitslag(Long.parseLong(velden.get("verzoeken")), Long.parseLong(velden.get("duur_us")),
                    Long.parseLong(velden.get("p50_us")), Long.parseLong(velden.get("p90_us")),
                    Long.parseLong(velden.get("p99_us")), Long.parseLong(velden.get("max_us")),
                    Double.parseDouble(velden.get("gemiddeld_us")), Long.parseLong(velden.get("niet2xx")),
                    Long.parseLong(velden.get("connect")) + Long.parseLong(velden.get("read"))
                            + Long.parseLong(velden.get("write")) + Long.parseLong(velden.get("timeout")),
                    cpuSeconden);
        }
    }

    /** One measured wrk run. {@code wandtijd}: seconds between the CPU snapshots (wrk's start-up included). */
    record Ronde(String naam, int herhaling, Wrkuitslag wrk, Cpumeting.Stand cpu, Map<String, Double> draden,
                 double wandtijd) {
        double cores(double seconden) {
            return seconden / wandtijd;
        }

        /** JVM (both nodes; no client in it) plus PostgreSQL, per request, in ms. */
        double engineMsPerVerzoek() {
            return (cpu.jvm() + cpu.postgres()) * 1e3 / (wrk.perSeconde() * wandtijd);
        }

        double anderen() {
            return cpu.machineBezet() - cpu.jvm() - cpu.postgres() - wrk.cpuSeconden();
        }
    }

    public static void main(String[] args) throws Exception {
        Instellingen instellingen = Instellingen.lees(args);
        Benchmarkomgeving.inEigenJvm(LeesWrkBenchmark.class, args);
        String wrkVersie = wrkVersie();
        System.out.printf("Leesbenchmark met wrk (%s): %,d klanten, %d verbindingen op %d draden, %d s opwarmen + %d s"
                        + " meten, %d herhalingen%n", wrkVersie, instellingen.klanten(), instellingen.verbindingen(),
                instellingen.draden(), instellingen.opwarmen(), instellingen.duur(), instellingen.herhalingen());
        Benchmarkomgeving.draai("leeswrk", instellingen.app(), "alle nodes", werkmap -> {
            IngebeddePostgres postgres = werkmap.postgres();
            List<LeesBenchmark.Node> nodes = new ArrayList<>();
            try {
                LeesBenchmark.Instellingen gewoon = instellingen.voorLeesBenchmark(instellingen.app());
                LeesBenchmark.Node aan = LeesBenchmark.start("aan", true, werkmap, gewoon);
                nodes.add(aan);
                RuweOpslag db = new RuweOpslag(postgres.jdbcUrl(), "postgres", "postgres");
                Cpumeting cpu = new Cpumeting(werkmap.pgMap());
                double anderenVooraf = Benchmarkomgeving.anderen(cpu);
                LeesBenchmark.Gevuld gevuld = LeesBenchmark.vul(gewoon, aan, werkmap.bronToken(), db);
                nodes.add(LeesBenchmark.start("uit", false, werkmap, gewoon));
                if (!instellingen.variant().isEmpty()) {
                    List<String> metVariant = new ArrayList<>(instellingen.app());
                    metVariant.addAll(instellingen.variant());
                    // The control is started as the variant is, after the filling: node aan, which
                    // ingested everything first, is not a fair comparison (an A/A trial had an equal
                    // node started later up to twice as fast, docs/benchmarks.md).
                    nodes.add(LeesBenchmark.start("aan-0", true, werkmap, gewoon));
                    nodes.add(LeesBenchmark.start("aan-v", true, werkmap, instellingen.voorLeesBenchmark(metVariant)));
                }
                return meet(instellingen, nodes, db, cpu, werkmap.dataMap(), gevuld, anderenVooraf, wrkVersie);
            } finally {
                for (int i = nodes.size() - 1; i >= 0; i--) {
                    nodes.get(i).app().close();
                }
            }
        });
    }

    private static int meet(Instellingen instellingen, List<LeesBenchmark.Node> nodes, RuweOpslag db, Cpumeting cpu,
                            Path dataMap, LeesBenchmark.Gevuld gevuld, double anderenVooraf, String wrkVersie)
            throws Exception {
        if (instellingen.jfr() != null) {
            LeesBenchmark.eersteOpname();
        }
        LeesBenchmark.Node aan = nodes.get(0);
        List<LeesBenchmark.Paar> paren = LeesBenchmark.controleer(LeesBenchmark.paren(aan, db, gevuld, dataMap), nodes);
        if (paren.isEmpty()) {
            System.out.println("Geen bruikbare paren: niets te meten.");
            return 1;
        }
        Path map = Files.createTempDirectory("klantreis-leeswrk");
        try {
            Path bestand = map.resolve("paren.txt");
            StringBuilder regels = new StringBuilder();
            long tokens = paren.stream().map(LeesBenchmark.Paar::bsn).distinct().count();
            for (LeesBenchmark.Paar paar : paren) {
                regels.append(paar.zaakId()).append(' ')
                        .append(paar.verzoek().autorisatie().substring("Bearer ".length())).append('\n');
            }
            Files.writeString(bestand, regels);
            Path script = map.resolve("mijnzaken.lua");
            try (InputStream in = LeesWrkBenchmark.class.getResourceAsStream("/benchmark/mijnzaken.lua")) {
                if (in == null) {
                    throw new IllegalStateException("benchmark/mijnzaken.lua niet op het classpath");
                }
                Files.copy(in, script);
            }
            System.out.printf("%nwrk: %,d paren (zaak, token) van %,d burgers in %s%n", paren.size(), tokens, bestand);

            // What is measured: each node with tokens, and the 401 path on node aan (and on the variant).
            Map<String, LeesBenchmark.Node> doelen = new LinkedHashMap<>();
            nodes.forEach(node -> doelen.put(node.naam(), node));
            if (doelen.containsKey("aan-v")) {
                doelen.put(ZONDER_TOKEN_CONTROLE, doelen.get("aan-0"));
                doelen.put(ZONDER_TOKEN_VARIANT, doelen.get("aan-v"));
            } else {
                doelen.put(ZONDER_TOKEN, aan);
            }
            List<String> namen = List.copyOf(doelen.keySet());
            boolean alles = true;
            // The JIT compiles the read path while it runs: first a while on each node, not counted.
            for (LeesBenchmark.Node node : nodes) {
                Wrkuitslag warm = wrk(instellingen, script, bestand, node.poort(), false, instellingen.vooraf());
                System.out.printf(Locale.ROOT, "  vooraf opwarmen %-5s: %d s, %,.0f/s, niet-2xx %d, socketfouten %d%n",
                        node.naam(), instellingen.vooraf(), warm.perSeconde(), warm.niet2xx(), warm.socketfouten());
                alles &= warm.niet2xx() == 0 && warm.socketfouten() == 0;
            }
            for (String naam : namen) {
                if (zonderToken(naam)) {
                    wrk(instellingen, script, bestand, doelen.get(naam).poort(), true, Math.max(5, instellingen.vooraf() / 3));
                }
            }

            List<Ronde> rondes = new ArrayList<>();
            for (int herhaling = 1; herhaling <= instellingen.herhalingen(); herhaling++) {
                // A rotating order, reversed every other repetition, so that a drift of the machine
                // favours none and no round always directly follows the one it is compared with.
                List<String> volgorde = new ArrayList<>(namen);
                java.util.Collections.rotate(volgorde, -(herhaling - 1));
                if (herhaling % 2 == 0) {
                    java.util.Collections.reverse(volgorde);
                }
                for (String naam : volgorde) {
                    boolean zonderToken = zonderToken(naam);
                    LeesBenchmark.Node node = doelen.get(naam);
                    Ronde ronde = ronde(instellingen, script, bestand, node, naam, zonderToken, herhaling, cpu);
                    rondes.add(ronde);
                    alles &= ronde.wrk().socketfouten() == 0
                            && (zonderToken ? ronde.wrk().niet2xx() == ronde.wrk().verzoeken() : ronde.wrk().niet2xx() == 0);
                }
            }
            if (instellingen.jfr() != null) {
                int seconden = Math.max(10, instellingen.duur());
                System.out.printf("%nWaar de tijd gaat (apart, niet in de cijfers): per node %d s JFR (alleen"
                        + " CPU-monsters, elke 10 ms) terwijl wrk laadt%n", seconden);
                for (String naam : namen) {
                    profiel(instellingen, script, bestand, doelen.get(naam), naam, zonderToken(naam), seconden);
                }
            }
            rapport(instellingen, db, gevuld, paren.size(), tokens, namen, rondes, anderenVooraf, wrkVersie);
            if (!alles) {
                System.out.println("\nLET OP: niet elk verzoek gaf het verwachte antwoord (200, of 401 zonder token), of"
                        + " er waren socketfouten; de cijfers zijn niet bruikbaar.");
                return 1;
            }
            return 0;
        } finally {
            try (var paden = Files.list(map)) {
                for (Path pad : (Iterable<Path>) paden::iterator) {
                    Files.deleteIfExists(pad);
                }
            }
            Files.deleteIfExists(map);
        }
    }

    private static boolean zonderToken(String naam) {
        return naam.equals(ZONDER_TOKEN) || naam.equals(ZONDER_TOKEN_CONTROLE) || naam.equals(ZONDER_TOKEN_VARIANT);
    }

    private static Ronde ronde(Instellingen instellingen, Path script, Path bestand, LeesBenchmark.Node node,
                               String naam, boolean zonderToken, int herhaling, Cpumeting cpu) throws Exception {
        Thread.sleep(2_000);
        wrk(instellingen, script, bestand, node.poort(), zonderToken, instellingen.opwarmen());
        Cpumeting.Stand voor = cpu.nu();
        Map<String, Double> dradenVoor = LeesBenchmark.draadCpu();
        long t0 = System.nanoTime();
        Wrkuitslag wrk = wrk(instellingen, script, bestand, node.poort(), zonderToken, instellingen.duur());
        double wandtijd = (System.nanoTime() - t0) / 1e9;
        Cpumeting.Stand stand = cpu.nu().minus(voor);
        Map<String, Double> draden = LeesBenchmark.verschil(LeesBenchmark.draadCpu(), dradenVoor);
        Ronde ronde = new Ronde(naam, herhaling, wrk, stand, draden, wandtijd);
        System.out.printf(Locale.ROOT, "  herhaling %d, %-18s: %,7.0f/s, p50 %6.1f ms, p99 %6.1f ms, max %6.0f ms,"
                        + " niet-2xx %,d van %,d, socketfouten %d; cores: JVM %.2f, PostgreSQL %.2f, wrk %.2f, anderen %.2f%n",
                herhaling, naam, wrk.perSeconde(), wrk.p50Us() / 1e3, wrk.p99Us() / 1e3, wrk.maxUs() / 1e3,
                wrk.niet2xx(), wrk.verzoeken(), wrk.socketfouten(), ronde.cores(stand.jvm()),
                ronde.cores(stand.postgres()), ronde.cores(wrk.cpuSeconden()), ronde.cores(ronde.anderen()));
        return ronde;
    }

    private static void profiel(Instellingen instellingen, Path script, Path bestand, LeesBenchmark.Node node,
                                String naam, boolean zonderToken, int seconden) throws Exception {
        Thread.sleep(2_000);
        wrk(instellingen, script, bestand, node.poort(), zonderToken, instellingen.opwarmen());
        Path opname = Path.of(instellingen.jfr() + "-" + naam.replaceAll("[^a-z0-9-]+", "") + ".jfr");
        Wrkuitslag wrk;
        try (jdk.jfr.Recording recording = new jdk.jfr.Recording()) {
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            recording.start();
            wrk = wrk(instellingen, script, bestand, node.poort(), zonderToken, seconden);
            recording.stop();
            recording.dump(opname);
        }
        LeesProfiel.druk(opname, String.format(Locale.ROOT, "%n%s: %,.0f/s, p99 %.1f ms tijdens de JFR-opname %s", naam,
                wrk.perSeconde(), wrk.p99Us() / 1e3, opname));
    }

    /**
     * Runs wrk against 127.0.0.1 for {@code seconden} and returns what its script reported. It runs
     * under a shell that prints its own /proc stat afterwards: the children's CPU time (cutime,
     * cstime) of a shell that waited for wrk is wrk's CPU time, threads and all.
     */
    private static Wrkuitslag wrk(Instellingen instellingen, Path script, Path bestand, int poort, boolean zonderToken,
                                  int seconden) throws IOException, InterruptedException {
        List<String> opdracht = new ArrayList<>(List.of("sh", "-c", "wrk \"$@\" && cat /proc/$$/stat", "sh",
                "-t" + instellingen.draden(), "-c" + instellingen.verbindingen(), "-d" + seconden + "s",
                "--timeout", "10s", "-s", script.toString(), "http://127.0.0.1:" + poort, "--", bestand.toString()));
        if (zonderToken) {
            opdracht.add("zonder-token");
        }
        Process proces = new ProcessBuilder(opdracht).redirectErrorStream(true).start();
        String uitvoer = new String(proces.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = proces.waitFor();
        Matcher uitslag = UITSLAG.matcher(uitvoer);
        String[] regels = uitvoer.strip().split("\n");
        if (status != 0 || !uitslag.find()) {
            throw new IllegalStateException("wrk gaf status " + status + ":\n" + uitvoer);
        }
        String stat = regels[regels.length - 1];
        String[] velden = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // After ')': state is field 3 of proc(5), so cutime (16) and cstime (17) are at 13 and 14.
        double cpu = (Long.parseLong(velden[13]) + Long.parseLong(velden[14])) / TICKS;
        return Wrkuitslag.van(uitslag.group(1), cpu);
    }

    private static String wrkVersie() {
        try {
            Process proces = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
            String uitvoer = new String(proces.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            proces.waitFor();
            return uitvoer.lines().findFirst().orElse("wrk").replaceAll(" \\[.*", "").trim();
        } catch (IOException e) {
            throw new IllegalStateException("wrk niet gevonden; installeer het (Debian: apt-get install wrk)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- report

    private static void rapport(Instellingen instellingen, RuweOpslag db, LeesBenchmark.Gevuld gevuld, int paren,
                                long tokens, List<String> namen, List<Ronde> rondes, double anderenVooraf,
                                String wrkVersie) throws Exception {
        Runtime runtime = Runtime.getRuntime();
        Benchmarkomgeving.kop("Lezen van buitenaf met wrk (GET /api/v1/mijnzaken/{zaakId})");
        System.out.printf("Machine        %d cores (%s), %s %s%n", runtime.availableProcessors(),
                Benchmarkomgeving.cpuModel(), System.getProperty("os.name"), System.getProperty("os.version"));
        System.out.printf("JVM            %s %s, max heap %,d MiB, opties %s; de engine-nodes in deze JVM, geen client%n",
                System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"), runtime.maxMemory() >> 20,
                Benchmarkomgeving.jvmOpties());
        Benchmarkomgeving.postgresEnEngine(db, instellingen.app());
        if (!instellingen.variant().isEmpty()) {
            System.out.printf("Node aan-0     audit aan, als aan maar na het vullen gestart (de controle); node aan-v"
                    + " ook, met %s%n", instellingen.variant());
        }
        System.out.printf("Gegevens       %,d klanten (Simulatie, met fouten): %,d berichten, %,d events; %,d paren"
                + " (zaak, token) van %,d burgers%n", instellingen.klanten(), gevuld.berichten(), gevuld.events(), paren,
                tokens);
        System.out.printf("Last           %s, %d verbindingen op %d draden, 127.0.0.1, %d s opwarmen + %d s meten per"
                        + " ronde, %d herhalingen (mediaan), volgorde wisselend%n", wrkVersie, instellingen.verbindingen(),
                instellingen.draden(), instellingen.opwarmen(), instellingen.duur(), instellingen.herhalingen());
        System.out.printf(Locale.ROOT, "Andere processen vooraf: %.2f cores%n%n", anderenVooraf);

        System.out.printf("%-48s", "");
        namen.forEach(n -> System.out.printf("%20s", n));
        System.out.println();
        regel(namen, "verzoeken/s", rondes, r -> r.wrk().perSeconde(), "%,20.0f");
        regel(namen, "latentie p50 (ms)", rondes, r -> r.wrk().p50Us() / 1e3, "%20.1f");
        regel(namen, "latentie p90 (ms)", rondes, r -> r.wrk().p90Us() / 1e3, "%20.1f");
        regel(namen, "latentie p99 (ms)", rondes, r -> r.wrk().p99Us() / 1e3, "%20.1f");
        regel(namen, "latentie max (ms)", rondes, r -> r.wrk().maxUs() / 1e3, "%20.0f");
        System.out.printf("%-48s", "niet-2xx (alle herhalingen)");
        namen.forEach(n -> System.out.printf("%,20d", rondes.stream().filter(r -> r.naam().equals(n))
                .mapToLong(r -> r.wrk().niet2xx()).sum()));
        System.out.println();
        System.out.printf("%-48s", "socketfouten (alle herhalingen)");
        namen.forEach(n -> System.out.printf("%,20d", rondes.stream().filter(r -> r.naam().equals(n))
                .mapToLong(r -> r.wrk().socketfouten()).sum()));
        System.out.println();
        System.out.println("CPU tijdens de meting (cores = CPU-seconden / wandtijd; mediaan)");
        regel(namen, "  machine totaal", rondes, r -> r.cores(r.cpu().machineBezet()), "%20.2f");
        regel(namen, "  JVM van de engine (alle nodes)", rondes, r -> r.cores(r.cpu().jvm()), "%20.2f");
        for (String groep : LeesBenchmark.GROEPEN.subList(0, 4)) {
            regel(namen, "    " + groep.replace("engine: ", ""), rondes, r -> r.cores(r.draden().get(groep)), "%20.2f");
        }
        regel(namen, "    GC, JIT, beeindigde draden", rondes, r -> r.cores(r.cpu().jvm()
                - LeesBenchmark.GROEPEN.subList(0, 4).stream().mapToDouble(g -> r.draden().get(g)).sum()), "%20.2f");
        regel(namen, "  PostgreSQL", rondes, r -> r.cores(r.cpu().postgres()), "%20.2f");
        regel(namen, "  wrk", rondes, r -> r.cores(r.wrk().cpuSeconden()), "%20.2f");
        regel(namen, "  andere processen", rondes, r -> r.cores(r.anderen()), "%20.2f");
        regel(namen, "  engine-CPU per verzoek (ms; JVM + PG)", rondes, Ronde::engineMsPerVerzoek, "%20.3f");
        regel(namen, "  wrk-CPU per verzoek (ms)", rondes, r -> r.wrk().cpuSeconden() * 1e3 / r.wrk().verzoeken(),
                "%20.3f");
        System.out.println();
        for (String naam : namen) {
            System.out.printf(Locale.ROOT, "  alle herhalingen %-18s: %s%n", naam, rondes.stream()
                    .filter(r -> r.naam().equals(naam)).map(r -> String.format(Locale.ROOT, "%,.0f/s p50 %.1f p99 %.1f ms",
                            r.wrk().perSeconde(), r.wrk().p50Us() / 1e3, r.wrk().p99Us() / 1e3)).toList());
        }
        double aan = mediaan(rondes, "aan", r -> r.wrk().perSeconde());
        double uit = mediaan(rondes, "uit", r -> r.wrk().perSeconde());
        double kosten = 1 - aan / uit;
        double[] perHerhaling = new double[instellingen.herhalingen()];
        for (int h = 1; h <= instellingen.herhalingen(); h++) {
            perHerhaling[h - 1] = waarde(rondes, "aan", h) / waarde(rondes, "uit", h);
        }
        System.out.printf(Locale.ROOT, "%nVerhouding aan/uit (doorvoer): %.3f => audit kost %.1f%% (mediaan van elk);"
                + " per herhaling %s%n", aan / uit, 100 * kosten, Arrays.stream(perHerhaling)
                .mapToObj(v -> String.format(Locale.ROOT, "%.3f", v)).toList());
        if (namen.contains("aan-v")) {
            double variant = mediaan(rondes, "aan-v", r -> r.wrk().perSeconde());
            double controle = mediaan(rondes, "aan-0", r -> r.wrk().perSeconde());
            System.out.printf(Locale.ROOT, "Variant aan-v tegen controle aan-0 (doorvoer): %.3f (mediaan van elk); per herhaling %s%n",
                    variant / controle, java.util.stream.IntStream.rangeClosed(1, instellingen.herhalingen())
                            .mapToObj(h -> String.format(Locale.ROOT, "%.3f",
                                    waarde(rondes, "aan-v", h) / waarde(rondes, "aan-0", h))).toList());
            double weigeringen = mediaan(rondes, ZONDER_TOKEN_CONTROLE, r -> r.wrk().perSeconde());
            double weigeringenVariant = mediaan(rondes, ZONDER_TOKEN_VARIANT, r -> r.wrk().perSeconde());
            System.out.printf(Locale.ROOT, "401-pad op aan-v tegen aan-0 (doorvoer): %.3f (mediaan van elk); per herhaling %s%n",
                    weigeringenVariant / weigeringen, java.util.stream.IntStream.rangeClosed(1, instellingen.herhalingen())
                            .mapToObj(h -> String.format(Locale.ROOT, "%.3f",
                                    waarde(rondes, ZONDER_TOKEN_VARIANT, h) / waarde(rondes, ZONDER_TOKEN_CONTROLE, h))).toList());
            // Less sensitive to how much of the machine a round happened to get than reads/s.
            System.out.printf(Locale.ROOT, "Engine-CPU per verzoek aan-v / aan-0: lezen %.3f, 401-pad %.3f (mediaan van elk)%n",
                    mediaan(rondes, "aan-v", Ronde::engineMsPerVerzoek) / mediaan(rondes, "aan-0", Ronde::engineMsPerVerzoek),
                    mediaan(rondes, ZONDER_TOKEN_VARIANT, Ronde::engineMsPerVerzoek)
                            / mediaan(rondes, ZONDER_TOKEN_CONTROLE, Ronde::engineMsPerVerzoek));
        }
        double p99 = mediaan(rondes, "aan", r -> r.wrk().p99Us() / 1e3);
        System.out.printf(Locale.ROOT, "Doel  >= %,.0f lezingen/s met audit: %s (%,.0f/s); p99 < %.0f ms: %s (%.1f ms);"
                        + " audit < %.0f%% van de doorvoer: %s (%.1f%%)%n", DOEL_LEZINGEN_PER_SECONDE,
                aan >= DOEL_LEZINGEN_PER_SECONDE ? "gehaald" : "NIET gehaald", aan, DOEL_P99_MS,
                p99 < DOEL_P99_MS ? "gehaald" : "NIET gehaald", p99, 100 * DOEL_AUDITKOSTEN,
                kosten < DOEL_AUDITKOSTEN ? "gehaald" : "NIET gehaald", 100 * kosten);
    }

    private static double waarde(List<Ronde> rondes, String naam, int herhaling) {
        return rondes.stream().filter(r -> r.herhaling() == herhaling && r.naam().equals(naam))
                .mapToDouble(r -> r.wrk().perSeconde()).findFirst().orElse(Double.NaN);
    }

    private static void regel(List<String> namen, String kop, List<Ronde> rondes, ToDoubleFunction<Ronde> waarde,
                              String formaat) {
        System.out.printf("%-48s", kop);
        for (String naam : namen) {
            System.out.printf(Locale.ROOT, formaat, mediaan(rondes, naam, waarde));
        }
        System.out.println();
    }

    private static double mediaan(List<Ronde> rondes, String naam, ToDoubleFunction<Ronde> waarde) {
        return Benchmarkomgeving.mediaan(rondes.stream().filter(r -> r.naam().equals(naam)).mapToDouble(waarde));
    }
}
