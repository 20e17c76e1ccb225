package nl.klantreis.api.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import reactor.core.Disposable;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * Push latency of live track and trace: a burger follows his zaak over SSE ({@code GET
 * /api/v1/mijnzaken/{zaakId}/updates}) on one or more nodes; a channel system posts a new status
 * of that zaak to {@code POST /api/v1/events}, and the time from the moment its answer (2xx: stored)
 * arrives to the moment each follower receives the {@code zaak} event that shows the new status is
 * taken. The next status is posted {@code interval} after the previous one was received everywhere.
 *
 * <p>A LISTEN connection of the benchmark's own hears the projection's commit notification
 * ({@code pg_notify} in the projection's transaction) as the engine's nodes do: that splits the
 * latency into "ingest answer to projection committed" and "notification to received".
 */
final class LeesPush implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE = new ParameterizedTypeReference<>() {
    };

    private final LoopResources lussen = LoopResources.create("lees-sse", 1, true);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String bronToken;
    private final int ingestPoort;
    private final Connection luisteraar;
    private final Map<String, Long> meldingen = new ConcurrentHashMap<>();
    private final Thread oor;
    private volatile boolean luisteren = true;

    LeesPush(int ingestPoort, String bronToken, String jdbcUrl, String kanaal) throws SQLException {
        this.ingestPoort = ingestPoort;
        this.bronToken = bronToken;
        Properties eigenschappen = new Properties();
        eigenschappen.setProperty("user", "postgres");
        eigenschappen.setProperty("password", "postgres");
        this.luisteraar = DriverManager.getConnection(jdbcUrl, eigenschappen);
        try (Statement opdracht = luisteraar.createStatement()) {
            opdracht.execute("LISTEN " + kanaal);
        }
        this.oor = new Thread(this::luister, "lees-sse-luisteraar");
        this.oor.setDaemon(true);
        this.oor.start();
    }

    private void luister() {
        try {
            PGConnection pg = luisteraar.unwrap(PGConnection.class);
            while (luisteren) {
                PGNotification[] binnen = pg.getNotifications(50);
                long nu = System.nanoTime();
                if (binnen != null) {
                    for (PGNotification melding : binnen) {
                        meldingen.putIfAbsent(melding.getParameter(), nu);
                    }
                }
            }
        } catch (SQLException e) {
            if (luisteren) {
                System.out.println("  LET OP: eigen LISTEN-verbinding verbroken: " + e.getMessage());
            }
        }
    }

    /** One SSE event as it arrived. */
    record Ontvangen(long op, String id, String event, int statussen) {
    }

    /** A burger following one zaak on one node. */
    final class Volger implements AutoCloseable {
        final String naam;
        private final BlockingQueue<Ontvangen> ontvangen = new LinkedBlockingQueue<>();
        private final Disposable abonnement;
        private final ConnectionProvider verbinding = ConnectionProvider.newConnection();

        Volger(String naam, int poort, String zaakId, String burgerToken) {
            this.naam = naam;
            WebClient web = WebClient.builder()
                    .clientConnector(new ReactorClientHttpConnector(
                            reactor.netty.http.client.HttpClient.create(verbinding).runOn(lussen)))
                    .codecs(c -> c.defaultCodecs().maxInMemorySize(4 * 1024 * 1024))
                    .build();
            this.abonnement = web.get().uri("http://localhost:" + poort + "/api/v1/mijnzaken/{id}/updates", zaakId)
                    .accept(MediaType.TEXT_EVENT_STREAM)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + burgerToken)
                    .retrieve().bodyToFlux(SSE)
                    .subscribe(event -> {
                        long nu = System.nanoTime();
                        ontvangen.add(new Ontvangen(nu, event.id(), event.event(), statussen(event.data())));
                    }, fout -> System.out.println("  LET OP: SSE-stroom " + naam + " afgebroken: " + fout));
        }

        /** The next {@code zaak} event with at least {@code statussen} statuses, or null after {@code maximaal}. */
        Ontvangen wacht(int statussen, Duration maximaal) throws InterruptedException {
            long tot = System.nanoTime() + maximaal.toNanos();
            while (true) {
                long over = tot - System.nanoTime();
                Ontvangen o = over > 0 ? ontvangen.poll(over, TimeUnit.NANOSECONDS) : null;
                if (o == null || ("zaak".equals(o.event()) && o.statussen() >= statussen)) {
                    return o;
                }
            }
        }

        @Override
        public void close() {
            abonnement.dispose();
            verbinding.disposeLater().block(Duration.ofSeconds(5));
        }
    }

    private static int statussen(String data) {
        if (data == null) {
            return -1;
        }
        try {
            return JSON.readTree(data).path("statussen").size();
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    Volger volg(String naam, int poort, String zaakId, String burgerToken) {
        return new Volger(naam, poort, zaakId, burgerToken);
    }

    /** Per follower, the latencies (ms) of one series of pushes; plus what the series as a whole saw. */
    record Reeks(List<String> volgers, List<double[]> latentiesMs, double[] totMeldingMs, double[] ingestMs,
                 int gemist) {
        double[] latentie(int volger) {
            return latentiesMs.get(volger);
        }

        /** From sending the status (not from its answer) to receipt. */
        double[] vanafVerzenden(int volger) {
            double[] l = latentiesMs.get(volger);
            double[] uit = new double[l.length];
            for (int i = 0; i < l.length; i++) {
                uit[i] = l[i] + ingestMs[i];
            }
            return uit;
        }
    }

    /**
     * Posts {@code aantal} new statuses of the zaak (copies of {@code sjabloon}, a status-gezet
     * message of that zaak, each with its own id and its own {@code datumStatusGezet}: a new fact),
     * one after another, {@code intervalMs} apart, and measures each follower's receipt.
     *
     * @param volgnummer the first of {@code aantal} consecutive numbers, unique over the run: id and moment
     * @param basis      the moment of status number 0 (in the past); status k is set {@code basis + k} seconds
     */
    Reeks meet(ObjectNode sjabloon, String label, int volgnummer, Instant basis, int aantal, long intervalMs,
               List<Volger> volgers) throws Exception {
        String zaakId = sjabloon.path("data").path("zaakId").asText();
        int[] verwacht = new int[volgers.size()];
        for (int v = 0; v < volgers.size(); v++) {
            Ontvangen eerste = volgers.get(v).wacht(0, Duration.ofSeconds(30));
            if (eerste == null) {
                throw new IllegalStateException("geen eerste zaak-gebeurtenis op " + volgers.get(v).naam);
            }
            verwacht[v] = eerste.statussen();
        }
        List<double[]> latenties = new ArrayList<>();
        for (int v = 0; v < volgers.size(); v++) {
            latenties.add(new double[aantal]);
        }
        double[] totMelding = new double[aantal];
        double[] ingest = new double[aantal];
        int gemist = 0;
        URI adres = URI.create("http://localhost:" + ingestPoort + "/api/v1/events");
        for (int i = 0; i < aantal; i++) {
            Thread.sleep(intervalMs);
            int nummer = volgnummer + i;
            ObjectNode bericht = sjabloon.deepCopy();
            bericht.put("id", "lees-push-" + label + "-" + nummer);
            ObjectNode data = (ObjectNode) bericht.path("data");
            data.put("datumStatusGezet", basis.plusSeconds(nummer).toString());
            data.remove("statustoelichting");
            byte[] body = JSON.writeValueAsBytes(JSON.createArrayNode().add(bericht));
            HttpRequest verzoek = HttpRequest.newBuilder(adres).timeout(Duration.ofMinutes(1))
                    .header("Content-Type", Afzenders.BATCH).header("Accept", "application/json")
                    .header("Authorization", "Bearer " + bronToken)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            long verzonden = System.nanoTime();
            HttpResponse<byte[]> antwoord = http.send(verzoek, HttpResponse.BodyHandlers.ofByteArray());
            long beantwoord = System.nanoTime();
            ingest[i] = (beantwoord - verzonden) / 1e6;
            JsonNode samenvatting = antwoord.statusCode() == 200 ? JSON.readTree(antwoord.body()) : null;
            if (samenvatting == null || samenvatting.path("accepted").asLong() != 1) {
                throw new IllegalStateException("status niet geaccepteerd: HTTP " + antwoord.statusCode() + " "
                        + new String(antwoord.body(), StandardCharsets.UTF_8));
            }
            String positie = null;
            for (int v = 0; v < volgers.size(); v++) {
                verwacht[v]++;
                Ontvangen o = volgers.get(v).wacht(verwacht[v], Duration.ofSeconds(15));
                if (o == null) {
                    latenties.get(v)[i] = Double.NaN;
                    gemist++;
                    System.out.printf("  LET OP: push %d niet ontvangen op %s binnen 15 s%n", i, volgers.get(v).naam);
                    continue;
                }
                // Coalesced or not, the status count says what the follower now sees.
                verwacht[v] = o.statussen();
                latenties.get(v)[i] = (o.op() - beantwoord) / 1e6;
                positie = positie == null ? o.id() : positie;
            }
            Long gehoord = positie == null ? null : meldingen.get(zaakId + ":" + positie);
            totMelding[i] = gehoord == null ? Double.NaN : (gehoord - beantwoord) / 1e6;
        }
        return new Reeks(volgers.stream().map(v -> v.naam).toList(), latenties, totMelding, ingest, gemist);
    }

    /** Nearest-rank percentile of the values that are not NaN. */
    static double percentiel(double[] waarden, double p) {
        double[] geldig = Arrays.stream(waarden).filter(w -> !Double.isNaN(w)).sorted().toArray();
        if (geldig.length == 0) {
            return Double.NaN;
        }
        int rang = (int) Math.ceil(p / 100.0 * geldig.length);
        return geldig[Math.max(0, rang - 1)];
    }

    static double max(double[] waarden) {
        return Arrays.stream(waarden).filter(w -> !Double.isNaN(w)).max().orElse(Double.NaN);
    }

    @Override
    public void close() throws InterruptedException, SQLException {
        luisteren = false;
        oor.join(2_000);
        luisteraar.close();
        lussen.disposeLater().block(Duration.ofSeconds(5));
    }
}
