package nl.klantreis.opstelling.benchmark;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.klantreis.opstelling.Knooppunt;

/**
 * Clients in a closed loop over several nodes, as channel systems and citizens' apps behind a load
 * balancer: client {@code i} starts on node {@code i mod n}; any answer that is not 2xx, and any
 * failed connection or timeout, is an error (whatever the engine's 503 handling or redirects do:
 * redirects are not followed), after which the client moves on to the next node. A task that must
 * be delivered (a batch) is sent again there after a short pause, until it is answered 2xx or the
 * load is stopped; a read is not repeated (the next one goes to the next node).
 *
 * <p>Every attempt is recorded with its time, so a fault's window can be cut out afterwards.
 */
final class Last {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request to make; {@code bezorgen}: repeat it until it is answered 2xx (a batch). */
    record Taak(Function<Knooppunt, HttpRequest> verzoek, boolean bezorgen) {
    }

    /**
     * One attempt: start and end (ns on {@link System#nanoTime}), the node, the HTTP status (or -1 for
     * no answer, with the exception's kind), for a 2xx batch its counts, and whether it was a retry.
     */
    record Poging(long startNs, long eindNs, String knooppunt, int status, String fout, boolean opnieuw,
                  long accepted, long duplicate, long rejected, long taakStartNs) {
        boolean goed() {
            return status >= 200 && status < 300;
        }

        double ms() {
            return (eindNs - startNs) / 1e6;
        }

        /** For a delivered task: from its first attempt to this answer. */
        double taakMs() {
            return (eindNs - taakStartNs) / 1e6;
        }

        String soort() {
            return status >= 0 ? "HTTP " + status : fout;
        }
    }

    private final HttpClient http;
    private final List<Knooppunt> knooppunten;
    private final List<Poging> pogingen = Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean stoppen = new AtomicBoolean();
    private final Duration pauzeNaFout;
    private volatile String afwijzing;
    private final List<Future<?>> lopend = new ArrayList<>();

    Last(List<Knooppunt> knooppunten, Duration pauzeNaFout) {
        this.knooppunten = List.copyOf(knooppunten);
        this.pauzeNaFout = pauzeNaFout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(2)).build();
    }

    /**
     * Starts {@code clients} clients that take tasks from {@code taken} until it returns null or the
     * load is stopped; returns at once ({@link #wacht}, {@link #stop}).
     */
    synchronized Last start(int clients, String naam, Supplier<Taak> taken) {
        AtomicInteger nummer = new AtomicInteger();
        ExecutorService nieuw = Executors.newFixedThreadPool(clients, r -> {
            Thread draad = new Thread(r, naam + "-" + nummer.incrementAndGet());
            draad.setDaemon(true);
            return draad;
        });
        for (int c = 0; c < clients; c++) {
            int eerste = c % knooppunten.size();
            lopend.add(nieuw.submit(() -> {
                client(eerste, taken);
                return null;
            }));
        }
        // No new tasks for this pool; its threads end when the clients do.
        nieuw.shutdown();
        return this;
    }

    private void client(int eerste, Supplier<Taak> taken) throws InterruptedException {
        int knooppunt = eerste;
        for (Taak taak = taken.get(); taak != null && !stoppen.get(); taak = taken.get()) {
            long taakStart = System.nanoTime();
            boolean opnieuw = false;
            int fouten = 0;
            while (!stoppen.get()) {
                Knooppunt doel = knooppunten.get(knooppunt);
                Poging poging = probeer(doel, taak.verzoek().apply(doel), opnieuw, taakStart);
                pogingen.add(poging);
                if (poging.goed()) {
                    break;
                }
                fouten++;
                knooppunt = (knooppunt + 1) % knooppunten.size();
                if (!taak.bezorgen()) {
                    break;
                }
                opnieuw = true;
                // As a channel system backs off: a little longer each time, never more than 2 s.
                Thread.sleep(Math.min(2_000, pauzeNaFout.toMillis() * fouten));
            }
        }
    }

    private Poging probeer(Knooppunt doel, HttpRequest verzoek, boolean opnieuw, long taakStart) {
        long start = System.nanoTime();
        try {
            HttpResponse<byte[]> antwoord = http.send(verzoek, HttpResponse.BodyHandlers.ofByteArray());
            long eind = System.nanoTime();
            long accepted = 0;
            long duplicate = 0;
            long rejected = 0;
            int status = antwoord.statusCode();
            if (status >= 200 && status < 300 && verzoek.method().equals("POST")) {
                JsonNode samenvatting = JSON.readTree(antwoord.body());
                accepted = samenvatting.path("accepted").asLong();
                duplicate = samenvatting.path("duplicate").asLong();
                rejected = samenvatting.path("rejected").asLong();
                if (rejected > 0) {
                    eersteAfwijzing(new String(antwoord.body(), StandardCharsets.UTF_8));
                }
            }
            return new Poging(start, eind, doel.naam(), status, null, opnieuw, accepted, duplicate, rejected, taakStart);
        } catch (HttpTimeoutException e) {
            return new Poging(start, System.nanoTime(), doel.naam(), -1, "time-out", opnieuw, 0, 0, 0, taakStart);
        } catch (IOException e) {
            String soort = e.getClass().getSimpleName();
            return new Poging(start, System.nanoTime(), doel.naam(), -1, "geen antwoord (" + soort + ")", opnieuw,
                    0, 0, 0, taakStart);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Poging(start, System.nanoTime(), doel.naam(), -1, "onderbroken", opnieuw, 0, 0, 0, taakStart);
        }
    }

    private void eersteAfwijzing(String tekst) {
        if (afwijzing == null) {
            afwijzing = tekst.length() > 500 ? tekst.substring(0, 500) : tekst;
        }
    }

    String eersteAfwijzing() {
        return afwijzing;
    }

    /** Waits until every client has run out of tasks (at most {@code binnen}; then stops them). */
    void wacht(Duration binnen) throws Exception {
        long tot = System.nanoTime() + binnen.toNanos();
        List<Future<?>> alle;
        synchronized (this) {
            alle = List.copyOf(lopend);
        }
        for (Future<?> f : alle) {
            long over = tot - System.nanoTime();
            try {
                f.get(Math.max(1, over), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                stop();
                throw new IllegalStateException("de last was niet klaar binnen " + binnen);
            }
        }
    }

    /** Stops every client after its current attempt. */
    void stop() throws InterruptedException {
        stoppen.set(true);
        List<Future<?>> alle;
        synchronized (this) {
            alle = List.copyOf(lopend);
        }
        for (Future<?> f : alle) {
            try {
                f.get(2, TimeUnit.MINUTES);
            } catch (Exception e) {
                // a client that failed has recorded what it saw; the figures say the rest
            }
        }
    }

    /** The attempts that started in {@code [vanNs, totNs)}, in order of their start. */
    List<Poging> pogingen(long vanNs, long totNs) {
        List<Poging> kopie;
        synchronized (pogingen) {
            kopie = new ArrayList<>(pogingen);
        }
        return kopie.stream().filter(p -> p.startNs() >= vanNs && p.startNs() < totNs)
                .sorted(Comparator.comparingLong(Poging::startNs)).toList();
    }

    List<Poging> pogingen() {
        return pogingen(Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /** How many attempts ended in each kind of error. */
    static Map<String, Long> foutsoorten(List<Poging> pogingen) {
        Map<String, Long> soorten = new TreeMap<>();
        pogingen.stream().filter(p -> !p.goed()).forEach(p -> soorten.merge(p.soort(), 1L, Long::sum));
        return soorten;
    }

    /** The longest time, in ms, between two consecutive 2xx answers (over all clients). */
    static double langsteGatMs(List<Poging> pogingen) {
        long[] einden = pogingen.stream().filter(Poging::goed).mapToLong(Poging::eindNs).sorted().toArray();
        long langste = 0;
        for (int i = 1; i < einden.length; i++) {
            langste = Math.max(langste, einden[i] - einden[i - 1]);
        }
        return langste / 1e6;
    }

    /** Nearest-rank percentile of the values. */
    static double percentiel(double[] waarden, double p) {
        if (waarden.length == 0) {
            return Double.NaN;
        }
        double[] gesorteerd = waarden.clone();
        Arrays.sort(gesorteerd);
        int rang = (int) Math.ceil(p / 100.0 * gesorteerd.length);
        return gesorteerd[Math.max(0, rang - 1)];
    }
}
