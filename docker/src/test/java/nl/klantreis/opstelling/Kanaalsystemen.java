package nl.klantreis.opstelling;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
 * Channel systems posting to {@code POST /api/v1/events} of several nodes, as a real one with a
 * fail-over list does: each sender starts on a node of its own; when a request fails (connection
 * refused or reset, no answer, 5xx) nothing was acknowledged, so it sends the same messages again to
 * the next node and stays there. Counts what a client sees of a fault (failed requests) and keeps
 * the engine's answer per message: only {@code accepted} and {@code duplicate} in a 2xx answer
 * are acknowledged (the contract: then they are durably stored).
 */
public final class Kanaalsystemen {
    public static final String EEN = "application/cloudevents+json";
    public static final String BATCH = "application/cloudevents-batch+json";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How long one shipment may keep failing over before the sender gives up (a test failure). */
    private static final Duration OPGEVEN_NA = Duration.ofMinutes(2);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Knooppunt> knooppunten;
    private final String token;
    private final AtomicInteger klaar = new AtomicInteger();
    private final AtomicLong mislukt = new AtomicLong();
    private final AtomicReference<String> eersteFout = new AtomicReference<>();
    private final Map<String, String> resultaten = new ConcurrentHashMap<>();

    /**
     * @param token a token with the role {@code bron}
     */
    public Kanaalsystemen(List<Knooppunt> knooppunten, String token) {
        this.knooppunten = List.copyOf(knooppunten);
        this.token = token;
    }

    /** What one request carries: one message in structured mode, or a batch. */
    public record Zending(List<ObjectNode> berichten, boolean alsBatch) {
        byte[] inhoud() throws IOException {
            if (!alsBatch) {
                return JSON.writeValueAsBytes(berichten.get(0));
            }
            ArrayNode batch = JsonNodeFactory.instance.arrayNode();
            berichten.forEach(batch::add);
            return JSON.writeValueAsBytes(batch);
        }
    }

    /**
     * Cuts the messages, in their order, into batches of {@code batch}; every {@code elkeEnkel}-th
     * shipment is instead one message on its own (channel systems that post each message).
     */
    public static List<Zending> zendingen(Stream<ObjectNode> berichten, int batch, int elkeEnkel) {
        List<Zending> zendingen = new ArrayList<>();
        List<ObjectNode> deel = new ArrayList<>();
        for (ObjectNode bericht : (Iterable<ObjectNode>) berichten::iterator) {
            if (deel.isEmpty() && elkeEnkel > 0 && zendingen.size() % elkeEnkel == elkeEnkel - 1) {
                zendingen.add(new Zending(List.of(bericht), false));
                continue;
            }
            deel.add(bericht);
            if (deel.size() == batch) {
                zendingen.add(new Zending(List.copyOf(deel), true));
                deel.clear();
            }
        }
        if (!deel.isEmpty()) {
            zendingen.add(new Zending(List.copyOf(deel), true));
        }
        return zendingen;
    }

    /** The (source, id) of a message, as one string. */
    public static String sleutel(JsonNode bericht) {
        return bericht.path("source").asText() + "|" + bericht.path("id").asText();
    }

    /**
     * Sends every shipment, {@code afzenders} at a time (each sender waits for its answer before it
     * takes the next shipment); returns when all are answered. Sender {@code i} starts on node
     * {@code i mod n}.
     */
    public void verstuur(List<Zending> zendingen, int afzenders) throws Exception {
        AtomicInteger volgende = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(afzenders);
        try {
            List<Future<?>> klaarMetAlles = new ArrayList<>();
            for (int a = 0; a < afzenders; a++) {
                int begin = a % knooppunten.size();
                klaarMetAlles.add(pool.submit(() -> {
                    int knooppunt = begin;
                    for (int i = volgende.getAndIncrement(); i < zendingen.size(); i = volgende.getAndIncrement()) {
                        knooppunt = zend(zendingen.get(i), knooppunt);
                        klaar.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> f : klaarMetAlles) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Sends one shipment until a node answers it; returns the node the sender now stays on. */
    private int zend(Zending zending, int knooppunt) throws IOException, InterruptedException {
        byte[] inhoud = zending.inhoud();
        Instant opgeven = Instant.now().plus(OPGEVEN_NA);
        while (true) {
            Knooppunt doel = knooppunten.get(knooppunt);
            HttpRequest verzoek = HttpRequest.newBuilder(doel.adres("/api/v1/events")).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", zending.alsBatch() ? BATCH : EEN).header("Accept", "application/json")
                    .header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(inhoud)).build();
            String fout;
            try {
                HttpResponse<byte[]> antwoord = http.send(verzoek, HttpResponse.BodyHandlers.ofByteArray());
                if (antwoord.statusCode() < 500) {
                    verwerk(zending, antwoord);
                    return knooppunt;
                }
                fout = doel.naam() + ": HTTP " + antwoord.statusCode();
            } catch (IOException e) {
                fout = doel.naam() + ": " + e;
            }
            mislukt.incrementAndGet();
            eersteFout.compareAndSet(null, fout);
            if (Instant.now().isAfter(opgeven)) {
                throw new IllegalStateException("geen knooppunt nam de zending aan binnen " + OPGEVEN_NA + "; " + fout);
            }
            // Nothing was acknowledged: the same messages to the next node on the list, after a pause.
            knooppunt = (knooppunt + 1) % knooppunten.size();
            Thread.sleep(100);
        }
    }

    private void verwerk(Zending zending, HttpResponse<byte[]> antwoord) throws IOException {
        JsonNode inhoud = JSON.readTree(antwoord.body());
        if (antwoord.statusCode() == 200 && !zending.alsBatch()) {
            resultaten.put(sleutel(inhoud), inhoud.path("resultaat").asText());
        } else if (antwoord.statusCode() == 200 || (antwoord.statusCode() == 400 && inhoud.has("resultaten"))) {
            for (JsonNode regel : inhoud.path("resultaten")) {
                resultaten.put(sleutel(regel), regel.path("resultaat").asText());
            }
        } else if (antwoord.statusCode() == 400 && !zending.alsBatch()) {
            resultaten.put(sleutel(zending.berichten().get(0)), "rejected");
        } else {
            throw new IllegalStateException("onverwacht antwoord " + antwoord.statusCode() + ": "
                    + new String(antwoord.body(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /** Shipments answered so far. */
    public int klaar() {
        return klaar.get();
    }

    /** Requests that failed as a client sees it (connection refused or reset, no answer, 5xx); each was sent again. */
    public long mislukteVerzoeken() {
        return mislukt.get();
    }

    /** The first failed request, for the report; null when none failed. */
    public String eersteFout() {
        return eersteFout.get();
    }

    /** Per message ({@link #sleutel}), the engine's last answer: accepted, duplicate or rejected. */
    public Map<String, String> resultaten() {
        return Map.copyOf(resultaten);
    }

    /** The messages acknowledged: answered accepted or duplicate. */
    public List<String> bevestigd() {
        return resultaten.entrySet().stream()
                .filter(e -> e.getValue().equals("accepted") || e.getValue().equals("duplicate"))
                .map(Map.Entry::getKey).sorted().toList();
    }
}
