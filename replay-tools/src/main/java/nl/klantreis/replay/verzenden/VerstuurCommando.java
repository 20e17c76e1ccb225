package nl.klantreis.replay.verzenden;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.klantreis.infrastructuur.beveiliging.LokaleSleutel;
import nl.klantreis.infrastructuur.beveiliging.Tokenmaker;
import nl.klantreis.replay.commandoregel.Verslagopties;
import nl.klantreis.replay.commandoregel.Voortgangsteller;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Sends an NDJSON file of CloudEvents to the ingestion API ({@code POST /api/v1/events}) in
 * batches, from {@code --parallel} senders at once, and reports what the engine answered.
 *
 * <p>The file is read as it is sent, never whole: one thread cuts it into batches (the lines joined
 * into a JSON array as bytes, unparsed) and a short queue feeds the senders, so memory stays at a
 * few batches per sender whatever the file's size. Each sender waits for its answer before it
 * takes the next batch, as a channel system that may forget messages only after a 2xx.
 *
 * <p>A 503 means the engine stored nothing and asks to try again: the sender does, after a pause.
 * An answer that no later batch could improve on (401, 403, 404, 413) stops the run.
 */
@Command(name = "verstuur", mixinStandardHelpOptions = true,
        description = {"Stuurt een NDJSON-bestand met CloudEvents in batches naar de ingestie-API en meldt "
                + "berichten/s, dubbele en afgewezen berichten.",
                "Exitcode 1 als er een bericht is afgewezen of een verzoek mislukte."})
public final class VerstuurCommando implements Callable<Integer> {
    static final String BATCH = "application/cloudevents-batch+json";
    static final String PAD = "/api/v1/events";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int POGINGEN = 10;
    private static final int GETOONDE_PROBLEMEN = 5;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<bestand>", description = "NDJSON, één CloudEvent per regel; '-' voor stdin")
    String bestand;

    @Option(names = "--url", defaultValue = "http://localhost:8080",
            description = "de engine (of het volledige adres van " + PAD + "), standaard ${DEFAULT-VALUE}")
    String url;

    @Option(names = "--batch", defaultValue = "500", description = "berichten per verzoek, standaard ${DEFAULT-VALUE}")
    int batch;

    @Option(names = "--parallel", defaultValue = "4", description = "gelijktijdige afzenders, standaard ${DEFAULT-VALUE}")
    int parallel;

    @Option(names = "--token", description = "bearer-token met rol bron; standaard gemaakt met de lokale sleutel van --data-map")
    String token;

    @Option(names = "--data-map", defaultValue = "${env:KLANTREIS_DATA_MAP:-./data}",
            description = "de datamap van de engine (voor de lokale sleutel), standaard ${DEFAULT-VALUE}")
    Path dataMap;

    @Mixin
    Verslagopties opties;

    /** The report: what the engine said about the messages, and how fast. */
    record Verslag(String bestand, String adres, long berichten, long batches, long accepted, long duplicate,
                   long rejected, long mislukt, long nietVerstuurd, long opnieuw, double seconden,
                   double berichtenPerSeconde, List<String> problemen) {
        boolean geslaagd() {
            return rejected == 0 && mislukt == 0 && nietVerstuurd == 0;
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter fout = spec.commandLine().getErr();
        if (batch < 1 || batch > 10_000) {
            return verkeerdGebruik("--batch moet tussen 1 en 10000 liggen");
        }
        if (parallel < 1 || parallel > 256) {
            return verkeerdGebruik("--parallel moet tussen 1 en 256 liggen");
        }
        URI adres;
        try {
            adres = adres(url);
        } catch (IllegalArgumentException e) {
            return verkeerdGebruik("--url is geen http(s)-adres: " + url);
        }
        boolean stdin = "-".equals(bestand);
        Path pad = stdin ? null : Path.of(bestand);
        if (pad != null && !Files.isReadable(pad)) {
            fout.println("verstuur: " + bestand + " bestaat niet of is niet leesbaar");
            return 1;
        }
        String bearer = token;
        if (bearer == null) {
            if (!Files.exists(LokaleSleutel.bestand(dataMap))) {
                fout.println("verstuur: geen --token en geen sleutel in " + dataMap.toAbsolutePath()
                        + ": start de engine eerst (die maakt de sleutel), of geef --data-map of --token op.");
                return 1;
            }
            bearer = new Tokenmaker(LokaleSleutel.laad(dataMap))
                    .maak("klantreis-verstuur", "bron", null, null, Duration.ofHours(24));
        }
        long totaal = pad == null || opties.stil() ? 0 : VerstuurLezer.telRegels(pad);
        Verslag verslag;
        try (InputStream invoer = stdin ? System.in : Files.newInputStream(pad)) {
            verslag = new Afzenden(adres, bearer, fout, totaal).voerUit(invoer);
        }
        schrijfVerslag(verslag);
        return verslag.geslaagd() ? 0 : 1;
    }

    static URI adres(String url) {
        URI basis = URI.create(url.strip());
        if (basis.getScheme() == null || !basis.getScheme().startsWith("http") || basis.getHost() == null) {
            throw new IllegalArgumentException(url);
        }
        String tekst = basis.toString();
        if (tekst.endsWith(PAD)) {
            return basis;
        }
        return URI.create(tekst.replaceAll("/+$", "") + PAD);
    }

    private void schrijfVerslag(Verslag v) throws IOException {
        PrintWriter uit = spec.commandLine().getOut();
        if (opties.json()) {
            Map<String, Object> uitkomst = new LinkedHashMap<>();
            uitkomst.put("bestand", v.bestand());
            uitkomst.put("url", v.adres());
            uitkomst.put("berichten", v.berichten());
            uitkomst.put("batches", v.batches());
            uitkomst.put("accepted", v.accepted());
            uitkomst.put("duplicate", v.duplicate());
            uitkomst.put("rejected", v.rejected());
            uitkomst.put("mislukt", v.mislukt());
            uitkomst.put("nietVerstuurd", v.nietVerstuurd());
            uitkomst.put("opnieuw", v.opnieuw());
            uitkomst.put("seconden", Math.round(v.seconden() * 1000) / 1000.0);
            uitkomst.put("berichtenPerSeconde", Math.round(v.berichtenPerSeconde() * 10) / 10.0);
            uitkomst.put("geslaagd", v.geslaagd());
            uitkomst.put("problemen", v.problemen());
            uit.println(JSON.writeValueAsString(uitkomst));
        } else {
            uit.println(Voortgangsteller.getal(v.berichten()) + " berichten in " + Voortgangsteller.getal(v.batches())
                    + " batches naar " + v.adres() + " in " + Voortgangsteller.duur(v.seconden()) + " ("
                    + Voortgangsteller.getal(Math.round(v.berichtenPerSeconde())) + " berichten/s, " + parallel
                    + " afzenders)");
            uit.printf("  %-15s %12s%n", "accepted", Voortgangsteller.getal(v.accepted()));
            uit.printf("  %-15s %12s%n", "duplicate", Voortgangsteller.getal(v.duplicate()));
            uit.printf("  %-15s %12s%n", "rejected", Voortgangsteller.getal(v.rejected()));
            uit.printf("  %-15s %12s%n", "mislukt", Voortgangsteller.getal(v.mislukt()));
            if (v.nietVerstuurd() > 0) {
                uit.printf("  %-15s %12s%n", "niet verstuurd", Voortgangsteller.getal(v.nietVerstuurd()));
            }
            if (v.opnieuw() > 0) {
                uit.printf("  %-15s %12s%n", "opnieuw (503)", Voortgangsteller.getal(v.opnieuw()));
            }
            for (String probleem : v.problemen()) {
                uit.println("  probleem: " + probleem);
            }
        }
        uit.flush();
    }

    private int verkeerdGebruik(String uitleg) {
        spec.commandLine().getErr().println("verstuur: " + uitleg);
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    /** One run: a reader that cuts batches, {@code parallel} senders, and the counters they share. */
    private final class Afzenden {
        private final URI adres;
        private final String bearer;
        private final PrintWriter fout;
        private final long totaal;
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        private final BlockingQueue<Batch> wachtrij;
        private final AtomicLong accepted = new AtomicLong();
        private final AtomicLong duplicate = new AtomicLong();
        private final AtomicLong rejected = new AtomicLong();
        private final AtomicLong mislukt = new AtomicLong();
        private final AtomicLong nietVerstuurd = new AtomicLong();
        private final AtomicLong opnieuw = new AtomicLong();
        private final AtomicLong batches = new AtomicLong();
        private final AtomicReference<String> stop = new AtomicReference<>();
        private final List<String> problemen = new ArrayList<>();

        Afzenden(URI adres, String bearer, PrintWriter fout, long totaal) {
            this.adres = adres;
            this.bearer = bearer;
            this.fout = fout;
            this.totaal = totaal;
            this.wachtrij = new ArrayBlockingQueue<>(parallel * 2);
        }

        Verslag voerUit(InputStream invoer) throws Exception {
            AtomicInteger nummer = new AtomicInteger();
            ExecutorService afzenders = Executors.newFixedThreadPool(parallel, taak -> {
                Thread draad = new Thread(taak, "afzender-" + nummer.incrementAndGet());
                draad.setDaemon(true);
                return draad;
            });
            long berichten = 0;
            double seconden;
            // Stopped with Ctrl-C or kill: say what the engine had answered so far, so nobody has to guess.
            Thread onderbroken = new Thread(() -> {
                fout.println();
                fout.println("verstuur: onderbroken na " + batches.get() + " batches; accepted " + accepted.get()
                        + ", duplicate " + duplicate.get() + ", rejected " + rejected.get() + ", mislukt "
                        + mislukt.get());
                fout.flush();
            }, "verstuur-onderbroken");
            Runtime.getRuntime().addShutdownHook(onderbroken);
            try (Voortgangsteller voortgang = Voortgangsteller.start(fout, !opties.stil(), "berichten", totaal, false,
                    () -> "dubbel " + Voortgangsteller.getal(duplicate.get()) + ", afgewezen "
                            + Voortgangsteller.getal(rejected.get() + mislukt.get()))) {
                List<Future<?>> klaar = new ArrayList<>();
                for (int i = 0; i < parallel; i++) {
                    klaar.add(afzenders.submit(() -> {
                        zend(voortgang);
                        return null;
                    }));
                }
                try {
                    VerstuurLezer lezer = new VerstuurLezer(invoer, batch);
                    for (Batch volgende = lezer.volgende(); volgende != null; volgende = lezer.volgende()) {
                        berichten += volgende.aantal();
                        if (stop.get() != null) {
                            nietVerstuurd.addAndGet(volgende.aantal());
                        } else {
                            wachtrij.put(volgende);
                        }
                    }
                } finally {
                    for (int i = 0; i < parallel; i++) {
                        wachtrij.put(Batch.EINDE);
                    }
                }
                for (Future<?> f : klaar) {
                    f.get();
                }
                seconden = voortgang.seconden();
            } finally {
                afzenders.shutdownNow();
                try {
                    Runtime.getRuntime().removeShutdownHook(onderbroken);
                } catch (IllegalStateException e) {
                    // The JVM is already shutting down: the hook runs and reports.
                }
            }
            if (stop.get() != null) {
                probleem("gestopt: " + stop.get());
            }
            long verstuurd = berichten - nietVerstuurd.get();
            return new Verslag(bestand, adres.toString(), berichten, batches.get(), accepted.get(), duplicate.get(),
                    rejected.get(), mislukt.get(), nietVerstuurd.get(), opnieuw.get(), seconden,
                    seconden > 0 ? verstuurd / seconden : 0, List.copyOf(problemen));
        }

        private void zend(Voortgangsteller voortgang) throws InterruptedException {
            for (Batch b = wachtrij.take(); b != Batch.EINDE; b = wachtrij.take()) {
                if (stop.get() != null) {
                    nietVerstuurd.addAndGet(b.aantal());
                    continue;
                }
                batches.incrementAndGet();
                try {
                    verwerk(b, verstuur(b));
                } catch (RuntimeException e) {
                    // A sender that died would leave the reader waiting on a full queue for ever.
                    mislukt.addAndGet(b.aantal());
                    probleem(b.regelbereik() + ": " + e);
                }
                voortgang.tel(b.aantal());
            }
        }

        /** The answer to one batch, after the retries a 503 or a lost connection ask for; null if none came. */
        private HttpResponse<byte[]> verstuur(Batch b) throws InterruptedException {
            HttpRequest verzoek = HttpRequest.newBuilder(adres).timeout(Duration.ofMinutes(5))
                    .header("Content-Type", BATCH).header("Accept", "application/json")
                    .header("Authorization", "Bearer " + bearer)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(b.inhoud())).build();
            String laatsteFout = null;
            for (int poging = 0; poging <= POGINGEN; poging++) {
                if (poging > 0) {
                    opnieuw.incrementAndGet();
                    Thread.sleep(Math.min(5_000L, 100L * (1L << Math.min(poging, 6))));
                }
                try {
                    HttpResponse<byte[]> antwoord = http.send(verzoek, HttpResponse.BodyHandlers.ofByteArray());
                    if (antwoord.statusCode() != 503) {
                        return antwoord;
                    }
                    laatsteFout = "HTTP 503";
                } catch (IOException e) {
                    laatsteFout = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
                }
            }
            mislukt.addAndGet(b.aantal());
            probleem(b.regelbereik() + ": geen antwoord na "
                    + POGINGEN + " pogingen (" + laatsteFout + ")");
            return null;
        }

        private void verwerk(Batch b, HttpResponse<byte[]> antwoord) {
            if (antwoord == null) {
                return;
            }
            int status = antwoord.statusCode();
            JsonNode inhoud = leesJson(antwoord.body());
            // A 400 "batch afgewezen" is an answer per message all the same: every one rejected.
            boolean perBericht = status == 200 || (status == 400 && inhoud.has("rejected") && inhoud.has("resultaten"));
            if (!perBericht) {
                mislukt.addAndGet(b.aantal());
                String tekst = "HTTP " + status + ": " + kort(new String(antwoord.body(), StandardCharsets.UTF_8));
                probleem(b.regelbereik() + ": " + tekst);
                if (status == 401 || status == 403 || status == 404 || status == 413) {
                    stop.compareAndSet(null, tekst);
                }
                return;
            }
            accepted.addAndGet(inhoud.path("accepted").asLong());
            duplicate.addAndGet(inhoud.path("duplicate").asLong());
            long afgewezen = inhoud.path("rejected").asLong();
            rejected.addAndGet(afgewezen);
            if (afgewezen > 0) {
                for (JsonNode regel : inhoud.path("resultaten")) {
                    if ("rejected".equals(regel.path("resultaat").asText())) {
                        probleem("regel " + b.regel(regel.path("positie").asInt(-1)) + " afgewezen ("
                                + regel.path("source").asText() + " " + regel.path("id").asText() + "): "
                                + kort(regel.path("errors").toString()));
                    }
                }
            }
        }

        private synchronized void probleem(String tekst) {
            if (problemen.size() < GETOONDE_PROBLEMEN) {
                problemen.add(tekst);
            }
        }
    }

    private static JsonNode leesJson(byte[] inhoud) {
        try {
            JsonNode boom = JSON.readTree(inhoud);
            return boom == null ? JSON.missingNode() : boom;
        } catch (IOException e) {
            return JSON.missingNode();
        }
    }

    private static String kort(String tekst) {
        String eenRegel = tekst.replaceAll("\\s+", " ").strip();
        return eenRegel.length() > 300 ? eenRegel.substring(0, 300) + "…" : eenRegel;
    }
}
