package nl.klantreis.api.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Channel systems posting batches to {@code POST /api/v1/events}: {@code n} threads take the
 * next batch from a shared list until none is left, each waiting for its answer before it sends
 * the next (as a real sender that needs the 2xx before it may forget the messages).
 */
final class Afzenders {
    static final String BATCH = "application/cloudevents-batch+json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int POGINGEN_BIJ_503 = 10;

    private final HttpClient http;
    private final URI adres;
    private final String token;

    Afzenders(int poort, String token) {
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        this.adres = URI.create("http://localhost:" + poort + "/api/v1/events");
        this.token = token;
    }

    /** Batches as the bytes a sender posts; made before the clock starts. */
    static List<byte[]> batches(Stream<ObjectNode> berichten, int grootte) throws IOException {
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

    /** What the engine answered over one run, and how long each batch took. */
    record Antwoorden(long accepted, long duplicate, long rejected, long opnieuw, double seconden,
                      double[] latentiesMs, String eersteProbleem) {
        double gemiddeldeMs() {
            return Arrays.stream(latentiesMs).average().orElse(Double.NaN);
        }

        /** Nearest-rank percentile. */
        double percentielMs(double p) {
            if (latentiesMs.length == 0) {
                return Double.NaN;
            }
            double[] gesorteerd = latentiesMs.clone();
            Arrays.sort(gesorteerd);
            int rang = (int) Math.ceil(p / 100.0 * gesorteerd.length);
            return gesorteerd[Math.max(0, rang - 1)];
        }
    }

    Antwoorden verstuur(List<byte[]> batches, int afzenders) throws Exception {
        AtomicInteger volgende = new AtomicInteger();
        AtomicLong accepted = new AtomicLong();
        AtomicLong duplicate = new AtomicLong();
        AtomicLong rejected = new AtomicLong();
        AtomicLong opnieuw = new AtomicLong();
        AtomicReference<String> probleem = new AtomicReference<>();
        List<Double> latenties = Collections.synchronizedList(new ArrayList<>(batches.size()));
        AtomicInteger draadnummer = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(afzenders, taak -> {
            Thread draad = new Thread(taak, "afzender-" + draadnummer.incrementAndGet());
            draad.setDaemon(true);
            return draad;
        });
        long start = System.nanoTime();
        try {
            List<Future<?>> klaar = new ArrayList<>();
            for (int a = 0; a < afzenders; a++) {
                klaar.add(pool.submit(() -> {
                    for (int i = volgende.getAndIncrement(); i < batches.size(); i = volgende.getAndIncrement()) {
                        HttpRequest verzoek = HttpRequest.newBuilder(adres).timeout(Duration.ofMinutes(5))
                                .header("Content-Type", BATCH).header("Accept", "application/json")
                                .header("Authorization", "Bearer " + token)
                                .POST(HttpRequest.BodyPublishers.ofByteArray(batches.get(i))).build();
                        long t0 = System.nanoTime();
                        HttpResponse<byte[]> antwoord = http.send(verzoek, HttpResponse.BodyHandlers.ofByteArray());
                        // 503 means nothing was stored and "try again": a channel system does, after a pause.
                        for (int poging = 1; antwoord.statusCode() == 503 && poging <= POGINGEN_BIJ_503; poging++) {
                            opnieuw.incrementAndGet();
                            Thread.sleep(50L * poging);
                            antwoord = http.send(verzoek, HttpResponse.BodyHandlers.ofByteArray());
                        }
                        latenties.add((System.nanoTime() - t0) / 1e6);
                        if (antwoord.statusCode() != 200) {
                            probleem.compareAndSet(null, "HTTP " + antwoord.statusCode() + ": "
                                    + new String(antwoord.body(), java.nio.charset.StandardCharsets.UTF_8));
                            rejected.addAndGet(aantal(batches.get(i)));
                            continue;
                        }
                        JsonNode samenvatting = JSON.readTree(antwoord.body());
                        accepted.addAndGet(samenvatting.path("accepted").asLong());
                        duplicate.addAndGet(samenvatting.path("duplicate").asLong());
                        long afgewezen = samenvatting.path("rejected").asLong();
                        if (afgewezen > 0) {
                            rejected.addAndGet(afgewezen);
                            for (JsonNode regel : samenvatting.path("resultaten")) {
                                if ("rejected".equals(regel.path("resultaat").asText())) {
                                    probleem.compareAndSet(null, regel.toString());
                                    break;
                                }
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
            pool.shutdownNow();
        }
        double seconden = (System.nanoTime() - start) / 1e9;
        double[] ms = latenties.stream().mapToDouble(Double::doubleValue).toArray();
        return new Antwoorden(accepted.get(), duplicate.get(), rejected.get(), opnieuw.get(), seconden, ms,
                probleem.get());
    }

    private static int aantal(byte[] batch) throws IOException {
        return JSON.readTree(batch).size();
    }
}
