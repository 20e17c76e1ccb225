package nl.klantreis.api.benchmark;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.netty.handler.codec.http.HttpHeaderNames;
import nl.klantreis.api.testondersteuning.Voorbeelden;
import nl.klantreis.infrastructuur.beveiliging.LokaleSleutel;
import nl.klantreis.infrastructuur.beveiliging.Tokenmaker;
import nl.klantreis.projecties.leesmodel.Projectiebeheer;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * The MijnZaken pages against the JSON API for the same data, and the live status on an open zaak
 * page (issue 11; docs/benchmarks.md, "MijnZaken-pagina's"). A program that prints figures, not a
 * test:
 *
 * <pre>
 * java -cp "$(cat /tmp/cp.txt)" nl.klantreis.api.benchmark.MijnZakenPaginaBenchmark --burgers 200 --duur 15
 * </pre>
 *
 * <ol>
 * <li>One engine (audit on, as in production) on an embedded PostgreSQL, filled through {@code POST
 * /api/v1/events} with {@code --burgers} copies of the dakkapel example, each with a BSN of its own.
 * Each burger logs in on the persona page (a session cookie, as a browser) and gets a bearer token
 * with the same BSN (as an app).</li>
 * <li>Rendered per second: {@code --verbindingen} connections in a closed loop, random burgers;
 * {@code GET /mijnzaken} (HTML, session) against {@code GET /api/v1/mijnzaken} (JSON, bearer), and
 * {@code GET /mijnzaken/{zaakId}} against {@code GET /api/v1/mijnzaken/{zaakId}}; per pair page
 * and API by turns, {@code --herhalingen} times, {@code --opwarmen} s not counted and {@code
 * --duur} s counted each; medians. Both sides read the same query and store the same processing
 * record before answering, so the difference is the rendering (Thymeleaf against Jackson) and the
 * session.</li>
 * <li>Live: one burger's zaak page stream ({@code GET /mijnzaken/{zaakId}/updates}, the page's own
 * SSE with the session cookie, as live.js opens it); {@code --updates} new statuses of his zaak are
 * posted one after another ({@code --interval} ms after the previous one arrived), and the time
 * from the ingest answer to the arrival of the {@code status} event with the new status rendered in
 * it is taken: p50, p99, max.</li>
 * </ol>
 */
public final class MijnZakenPaginaBenchmark {
    private static final double DOEL_VERHOUDING = 0.5;
    private static final double DOEL_LIVE_MS = 2_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern SESSIE = Pattern.compile("KLANTREIS_SESSIE=([^;]+)");
    private static final String STAP = "<li class=\"denhaag-process-steps__step\"";

    private MijnZakenPaginaBenchmark() {
    }

    record Instellingen(int burgers, int verbindingen, int duur, int opwarmen, int herhalingen, int updates,
                        int interval, List<String> app) {
        static Instellingen lees(String[] args) {
            int burgers = 200;
            int verbindingen = 16;
            int duur = 15;
            int opwarmen = 5;
            int herhalingen = 3;
            int updates = 200;
            int interval = 100;
            List<String> app = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--burgers" -> burgers = Integer.parseInt(args[++i]);
                    case "--verbindingen" -> verbindingen = Integer.parseInt(args[++i]);
                    case "--duur" -> duur = Integer.parseInt(args[++i]);
                    case "--opwarmen" -> opwarmen = Integer.parseInt(args[++i]);
                    case "--herhalingen" -> herhalingen = Integer.parseInt(args[++i]);
                    case "--updates" -> updates = Integer.parseInt(args[++i]);
                    case "--interval" -> interval = Integer.parseInt(args[++i]);
                    case "--app" -> app.add("--" + args[++i]);
                    default -> throw new IllegalArgumentException("onbekende optie " + args[i] + "; bekend: --burgers N"
                            + " --verbindingen N --duur S --opwarmen S --herhalingen N --updates N --interval MS"
                            + " --app eigenschap=waarde");
                }
            }
            return new Instellingen(burgers, verbindingen, duur, opwarmen, herhalingen, updates, interval,
                    List.copyOf(app));
        }
    }

    /** One burger: his zaak, his session (pages) and his token (API). */
    record Burger(String bsn, String zaakId, String sessie, String token) {
    }

    /** A request of the closed loop: a path and the one header that authorises it. */
    record Verzoek(String pad, String kop, String waarde, String accepteer) {
    }

    public static void main(String[] args) throws Exception {
        Instellingen instellingen = Instellingen.lees(args);
        Benchmarkomgeving.inEigenJvm(MijnZakenPaginaBenchmark.class, args);
        Benchmarkomgeving.draai("mijnzaken-pagina", instellingen.app(), "de engine", werkmap -> {
            ConfigurableApplicationContext app = werkmap.startEngine(List.of(), instellingen.app());
            try {
                return meet(instellingen, werkmap, Benchmarkomgeving.poort(app), app);
            } finally {
                app.close();
            }
        });
    }

    private static int meet(Instellingen instellingen, Benchmarkomgeving.Werkmap werkmap, int poort,
                            ConfigurableApplicationContext app) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        String bronToken = werkmap.bronToken();
        Cpumeting cpu = new Cpumeting(werkmap.pgMap());
        double anderen = Benchmarkomgeving.anderen(cpu);

        // Fill: a dakkapel zaak per burger; the last burger's zaak stays at stap 3 for the live part.
        long t0 = System.nanoTime();
        Tokenmaker tokens = new Tokenmaker(LokaleSleutel.laad(werkmap.dataMap()));
        List<Burger> burgers = new ArrayList<>();
        List<ObjectNode> batch = new ArrayList<>();
        Voorbeelden.Kopie live = null;
        for (int i = 0; i < instellingen.burgers(); i++) {
            Voorbeelden.Kopie kopie = Voorbeelden.kopie(Voorbeelden.DAKKAPEL, "pagina-benchmark-" + i);
            boolean laatste = i == instellingen.burgers() - 1;
            for (ObjectNode bericht : kopie.berichten()) {
                String id = bericht.path("id").asText();
                if (!laatste || !(id.startsWith("zs-status-4") || id.startsWith("zs-afgesloten-1"))) {
                    batch.add(bericht);
                }
            }
            if (laatste) {
                live = kopie;
            }
            if (batch.size() >= 480 || laatste) {
                post(http, poort, bronToken, batch);
                batch = new ArrayList<>();
            }
        }
        Projectiebeheer beheer = app.getBean(Projectiebeheer.class);
        for (String naam : beheer.namen()) {
            if (!beheer.wachtTotBijgewerkt(naam, Duration.ofMinutes(10))) {
                throw new IllegalStateException("leesmodel " + naam + " is niet bijgewerkt");
            }
        }
        for (int i = 0; i < instellingen.burgers(); i++) {
            Voorbeelden.Kopie kopie = Voorbeelden.kopie(Voorbeelden.DAKKAPEL, "pagina-benchmark-" + i);
            burgers.add(new Burger(kopie.bsn(), kopie.zaakId().toString(), inloggen(http, poort, kopie.bsn()),
                    tokens.maak("burger-" + i, Tokenmaker.ROL_BURGER, kopie.bsn(), null)));
        }
        System.out.printf(Locale.ROOT, "Gevuld en ingelogd in %.0f s: %d burgers, elk met een dakkapelzaak (12 berichten)"
                + ", een sessie en een token%n", (System.nanoTime() - t0) / 1e9, burgers.size());

        Benchmarkomgeving.kop("MijnZaken-pagina's tegen de JSON-API (issue 11)");
        System.out.printf("Machine        %s, %d cores; JVM %s %s, %s%n", Benchmarkomgeving.cpuModel(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Benchmarkomgeving.jvmOpties(), Benchmarkomgeving.gcNamen());
        System.out.printf(Locale.ROOT, "Belasting      andere processen vooraf %.2f cores; load average %.1f%n", anderen,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf("Lezen          %d verbindingen, gesloten lus, willekeurige burgers; %d s opwarmen + %d s meten,"
                        + " %d herhalingen, pagina en API om beurten%n", instellingen.verbindingen(), instellingen.opwarmen(),
                instellingen.duur(), instellingen.herhalingen());

        boolean gehaald = true;
        try (Last last = new Last(instellingen.verbindingen())) {
            List<Verzoek> lijstPagina = burgers.stream().map(b -> new Verzoek("/mijnzaken", "Cookie",
                    "KLANTREIS_SESSIE=" + b.sessie(), "text/html")).toList();
            List<Verzoek> lijstApi = burgers.stream().map(b -> new Verzoek("/api/v1/mijnzaken", "Authorization",
                    "Bearer " + b.token(), "application/json")).toList();
            List<Verzoek> zaakPagina = burgers.stream().map(b -> new Verzoek("/mijnzaken/" + b.zaakId(), "Cookie",
                    "KLANTREIS_SESSIE=" + b.sessie(), "text/html")).toList();
            List<Verzoek> zaakApi = burgers.stream().map(b -> new Verzoek("/api/v1/mijnzaken/" + b.zaakId(),
                    "Authorization", "Bearer " + b.token(), "application/json")).toList();
            System.out.println();
            System.out.println("                                         per seconde (mediaan [min-max])   p50 ms   p99 ms"
                    + "   bytes  fouten");
            gehaald &= paar(instellingen, last, poort, "lijst", lijstPagina, lijstApi);
            gehaald &= paar(instellingen, last, poort, "zaak", zaakPagina, zaakApi);
        }

        gehaald &= live(instellingen, http, poort, bronToken, live,
                burgers.get(burgers.size() - 1).sessie());
        return gehaald ? 0 : 1;
    }

    /** Page and API by turns; prints both and their ratio; true when the page reaches the goal. */
    private static boolean paar(Instellingen instellingen, Last last, int poort, String naam, List<Verzoek> pagina,
                                List<Verzoek> api) {
        // The JIT first, on both, not counted.
        last.draai(poort, pagina, instellingen.opwarmen() * 2);
        last.draai(poort, api, instellingen.opwarmen() * 2);
        List<Last.Uitslag> paginas = new ArrayList<>();
        List<Last.Uitslag> apis = new ArrayList<>();
        for (int h = 0; h < instellingen.herhalingen(); h++) {
            boolean paginaEerst = h % 2 == 0;
            for (int kant = 0; kant < 2; kant++) {
                boolean isPagina = (kant == 0) == paginaEerst;
                last.draai(poort, isPagina ? pagina : api, instellingen.opwarmen());
                Last.Uitslag uitslag = last.draai(poort, isPagina ? pagina : api, instellingen.duur());
                (isPagina ? paginas : apis).add(uitslag);
            }
        }
        double p = regel(naam + ": pagina " + pagina.get(0).pad().replaceAll("/[0-9a-f-]{36}", "/{zaakId}"), paginas);
        double a = regel(naam + ": API    " + api.get(0).pad().replaceAll("/[0-9a-f-]{36}", "/{zaakId}"), apis);
        double verhouding = p / a;
        System.out.printf(Locale.ROOT, "  %-39s %.2f (doel >= %.2f)%s%n", naam + ": pagina / API", verhouding,
                DOEL_VERHOUDING, verhouding >= DOEL_VERHOUDING ? "" : "  -- DOEL NIET GEHAALD");
        return verhouding >= DOEL_VERHOUDING;
    }

    private static double regel(String naam, List<Last.Uitslag> uitslagen) {
        double[] rates = uitslagen.stream().mapToDouble(Last.Uitslag::perSeconde).toArray();
        double mediaan = Benchmarkomgeving.mediaan(Arrays.stream(rates));
        long[] alle = uitslagen.stream().flatMapToLong(u -> Arrays.stream(u.duurNs)).sorted().toArray();
        long fouten = uitslagen.stream().mapToLong(u -> u.fouten).sum();
        long bytes = uitslagen.get(0).bytes;
        System.out.printf(Locale.ROOT, "  %-39s %8.0f [%.0f-%.0f]  %14.1f %8.1f %7d %7d%s%n", naam, mediaan,
                Arrays.stream(rates).min().orElse(0), Arrays.stream(rates).max().orElse(0),
                percentiel(alle, 50) / 1e6, percentiel(alle, 99) / 1e6, bytes, fouten,
                fouten == 0 ? "" : "  eerste fout: " + uitslagen.stream().map(u -> u.eersteFout)
                        .filter(f -> f != null).findFirst().orElse(""));
        return mediaan;
    }

    /**
     * The live part: the zaak page's stream open, statuses posted one after another; from each
     * ingest answer to the status event that shows one step more.
     */
    private static boolean live(Instellingen instellingen, HttpClient http, int poort, String bronToken,
                                Voorbeelden.Kopie kopie, String sessie) throws Exception {
        ObjectNode sjabloon = kopie.berichten().stream().filter(b -> b.path("id").asText().startsWith("zs-status-3"))
                .findFirst().orElseThrow();
        BlockingQueue<long[]> ontvangen = new LinkedBlockingQueue<>();
        LoopResources lussen = LoopResources.create("pagina-sse", 1, true);
        ConnectionProvider verbinding = ConnectionProvider.newConnection();
        WebClient web = WebClient.builder()
                .clientConnector(new ReactorClientHttpConnector(
                        reactor.netty.http.client.HttpClient.create(verbinding).runOn(lussen)))
                .codecs(c -> c.defaultCodecs().maxInMemorySize(4 * 1024 * 1024))
                .build();
        Disposable stroom = web.get().uri("http://localhost:" + poort + "/mijnzaken/{id}/updates", kopie.zaakId())
                .accept(MediaType.TEXT_EVENT_STREAM)
                .header(HttpHeaders.COOKIE, "KLANTREIS_SESSIE=" + sessie)
                .retrieve().bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<String>>() {
                })
                .filter(e -> "status".equals(e.event()))
                .subscribe(e -> ontvangen.add(new long[] {System.nanoTime(), stappen(e.data())}),
                        fout -> System.out.println("  LET OP: stroom afgebroken: " + fout));
        double[] latenties = new double[instellingen.updates()];
        int gemist = 0;
        try {
            long[] eerste = ontvangen.poll(30, TimeUnit.SECONDS);
            if (eerste == null) {
                throw new IllegalStateException("geen eerste status-gebeurtenis op de paginastroom");
            }
            long stappen = eerste[1];
            Instant basis = Instant.parse("2026-03-20T00:00:00Z");
            for (int i = 0; i < instellingen.updates(); i++) {
                Thread.sleep(instellingen.interval());
                ObjectNode bericht = sjabloon.deepCopy();
                bericht.put("id", "pagina-live-" + i);
                ObjectNode data = (ObjectNode) bericht.path("data");
                data.put("datumStatusGezet", basis.plusSeconds(i).toString());
                post(http, poort, bronToken, List.of(bericht));
                long beantwoord = System.nanoTime();
                long[] o;
                do {
                    o = ontvangen.poll(15, TimeUnit.SECONDS);
                } while (o != null && o[1] <= stappen);
                if (o == null) {
                    latenties[i] = Double.NaN;
                    gemist++;
                    continue;
                }
                stappen = o[1];
                latenties[i] = (o[0] - beantwoord) / 1e6;
            }
        } finally {
            stroom.dispose();
            verbinding.disposeLater().block(Duration.ofSeconds(5));
            lussen.disposeLater().block(Duration.ofSeconds(5));
        }
        double[] geldig = Arrays.stream(latenties).filter(l -> !Double.isNaN(l)).sorted().toArray();
        double p50 = percentiel(geldig, 50);
        double p99 = percentiel(geldig, 99);
        double max = geldig.length == 0 ? Double.NaN : geldig[geldig.length - 1];
        System.out.println();
        System.out.printf(Locale.ROOT, "Live: %d nieuwe statussen, %d ms na elkaar, via de stroom van de zaakpagina"
                        + " (/mijnzaken/{zaakId}/updates, sessie)%n", instellingen.updates(), instellingen.interval());
        System.out.printf(Locale.ROOT, "  ingestie-antwoord -> status-gebeurtenis met de nieuwe status (HTML) ontvangen:"
                + " p50 %.1f ms, p99 %.1f ms, max %.1f ms; gemist %d (doel: binnen %.0f ms)%s%n", p50, p99, max, gemist,
                DOEL_LIVE_MS, gemist == 0 && max < DOEL_LIVE_MS ? "" : "  -- DOEL NIET GEHAALD");
        return gemist == 0 && max < DOEL_LIVE_MS;
    }

    private static long stappen(String html) {
        if (html == null) {
            return -1;
        }
        long n = 0;
        for (int i = html.indexOf(STAP); i >= 0; i = html.indexOf(STAP, i + 1)) {
            n++;
        }
        return n;
    }

    private static double percentiel(double[] gesorteerd, double p) {
        if (gesorteerd.length == 0) {
            return Double.NaN;
        }
        return gesorteerd[Math.max(0, (int) Math.ceil(p / 100.0 * gesorteerd.length) - 1)];
    }

    private static double percentiel(long[] gesorteerd, double p) {
        if (gesorteerd.length == 0) {
            return Double.NaN;
        }
        return gesorteerd[Math.max(0, (int) Math.ceil(p / 100.0 * gesorteerd.length) - 1)];
    }

    private static void post(HttpClient http, int poort, String bronToken, List<ObjectNode> berichten)
            throws Exception {
        HttpRequest verzoek = HttpRequest.newBuilder(URI.create("http://localhost:" + poort + "/api/v1/events"))
                .timeout(Duration.ofMinutes(2))
                .header("Content-Type", Afzenders.BATCH).header("Accept", "application/json")
                .header("Authorization", "Bearer " + bronToken)
                .POST(HttpRequest.BodyPublishers.ofString(Voorbeelden.alsBatch(berichten))).build();
        HttpResponse<String> antwoord = http.send(verzoek, HttpResponse.BodyHandlers.ofString());
        if (antwoord.statusCode() != 200 || JSON.readTree(antwoord.body()).path("rejected").asLong() != 0) {
            throw new IllegalStateException("ingestie: HTTP " + antwoord.statusCode() + " " + antwoord.body());
        }
    }

    /** The persona page, as a browser: its form with the CSRF token, then the session cookie after login. */
    private static String inloggen(HttpClient http, int poort, String bsn) throws Exception {
        String basis = "http://localhost:" + poort;
        HttpResponse<String> pagina = http.send(HttpRequest.newBuilder(URI.create(basis + "/inloggen")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = cookie(pagina);
        Matcher csrf = CSRF.matcher(pagina.body());
        if (cookie == null || !csrf.find()) {
            throw new IllegalStateException("personapagina zonder sessie of CSRF-veld");
        }
        String formulier = "rol=burger&bsn=" + bsn + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> ingelogd = http.send(HttpRequest.newBuilder(URI.create(basis + "/inloggen"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "KLANTREIS_SESSIE=" + cookie)
                .POST(HttpRequest.BodyPublishers.ofString(formulier)).build(), HttpResponse.BodyHandlers.ofString());
        String nieuw = cookie(ingelogd);
        if (ingelogd.statusCode() != 303 || nieuw == null) {
            throw new IllegalStateException("inloggen mislukt: HTTP " + ingelogd.statusCode());
        }
        return nieuw;
    }

    private static String cookie(HttpResponse<?> antwoord) {
        for (String waarde : antwoord.headers().allValues("Set-Cookie")) {
            Matcher m = SESSIE.matcher(waarde);
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }

    /**
     * A closed loop of {@code n} connections on event loops of their own (as {@link LeesLast}, but
     * with the header of one's choice: a page is authorised by its session cookie, not a token).
     */
    private static final class Last implements AutoCloseable {
        private final LoopResources lussen = LoopResources.create("pagina-client", 2, true);
        private final ConnectionProvider pool;
        private final reactor.netty.http.client.HttpClient basis;
        private final int verbindingen;

        Last(int verbindingen) {
            this.verbindingen = verbindingen;
            this.pool = ConnectionProvider.builder("pagina-benchmark").maxConnections(verbindingen)
                    .pendingAcquireMaxCount(-1).pendingAcquireTimeout(Duration.ofMinutes(1)).build();
            this.basis = reactor.netty.http.client.HttpClient.create(pool).runOn(lussen).keepAlive(true)
                    .compress(false).responseTimeout(Duration.ofSeconds(60));
        }

        record Uitslag(long[] duurNs, double seconden, long fouten, long bytes, String eersteFout) {
            double perSeconde() {
                return duurNs.length / seconden;
            }
        }

        Uitslag draai(int poort, List<Verzoek> verzoeken, int seconden) {
            reactor.netty.http.client.HttpClient client = basis.baseUrl("http://localhost:" + poort);
            long begin = System.nanoTime();
            long tot = begin + TimeUnit.SECONDS.toNanos(seconden);
            long[] fouten = new long[1];
            long[] bytes = new long[1];
            String[] eersteFout = new String[1];
            List<Long> duur = java.util.Collections.synchronizedList(new ArrayList<>());
            Flux.range(0, verbindingen)
                    .flatMap(n -> Mono.defer(() -> {
                        Verzoek verzoek = verzoeken.get(ThreadLocalRandom.current().nextInt(verzoeken.size()));
                        long start = System.nanoTime();
                        return client.headers(h -> h.set(verzoek.kop(), verzoek.waarde())
                                        .set(HttpHeaderNames.ACCEPT, verzoek.accepteer()))
                                .get().uri(verzoek.pad())
                                .responseSingle((antwoord, inhoud) -> inhoud.asByteArray().defaultIfEmpty(new byte[0])
                                        .map(b -> {
                                            if (antwoord.status().code() != 200) {
                                                synchronized (fouten) {
                                                    fouten[0]++;
                                                    if (eersteFout[0] == null) {
                                                        eersteFout[0] = "HTTP " + antwoord.status().code() + " op "
                                                                + verzoek.pad();
                                                    }
                                                }
                                            }
                                            bytes[0] = b.length;
                                            return System.nanoTime() - start;
                                        }))
                                .doOnNext(duur::add);
                    }).repeat(() -> System.nanoTime() < tot), verbindingen)
                    .blockLast(Duration.ofMinutes(10));
            double verstreken = (System.nanoTime() - begin) / 1e9;
            long[] alle = duur.stream().mapToLong(Long::longValue).sorted().toArray();
            return new Uitslag(alle, verstreken, fouten[0], bytes[0], eersteFout[0]);
        }

        @Override
        public void close() {
            pool.disposeLater().block(Duration.ofSeconds(10));
            lussen.disposeLater().block(Duration.ofSeconds(10));
        }
    }
}
