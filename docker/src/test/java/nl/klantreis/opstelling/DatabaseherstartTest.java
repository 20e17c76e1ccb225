package nl.klantreis.opstelling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.klantreis.opstelling.Waarnemingen.Waarneming;

/**
 * Issue 12, 3d: PostgreSQL stops under two nodes while senders ingest and burgers read, and starts
 * again some seconds later. Meanwhile every error a client sees is a {@code 503} with a
 * {@code Retry-After} (a problem document from the API, an error page from the pages), never a
 * {@code 500}, and no request waits longer than the engine's bound; health goes DOWN and UP again;
 * the same engine processes recover without a restart, their read-model processors catch up (and
 * reads show what came in after the restart), and every message that was acknowledged with a 2xx
 * is in the event store (its resend is a duplicate, and the burger sees its status).
 */
class DatabaseherstartTest {
    /**
     * The longest any request may take while the database is away: the engine waits at most
     * KLANTREIS_DB_VERBINDINGSWACHT (3 s) for a connection and lets a batch wait at most
     * KLANTREIS_INGESTIE_WACHTTIJD (10 s) for its worker; this leaves room for a slow machine.
     */
    private static final Duration VERZOEKGRENS = Duration.ofSeconds(20);
    /** The clients' own timeout: beyond the bound, so that a request hanging past it is seen as such. */
    private static final Duration CLIENTWACHT = VERZOEKGRENS.plusSeconds(10);
    private static final Duration PAUZE = Duration.ofSeconds(6);
    private static final int AFZENDERS = 3;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TITEL = Pattern.compile("<title>([^<]*)</title>");
    private static final Pattern CSRF = Pattern.compile("name=\"(_csrf)\" value=\"([^\"]+)\"");

    @ParameterizedTest(name = "PostgreSQL stopt {0}")
    @ValueSource(strings = {"fast", "immediate"})
    void databaseHerstartTijdensIngestie_503MetRetryAfter_geenVerlies_herstelZonderHerstart(String wijze) throws Exception {
        try (Opstelling opstelling = Opstelling.start("databaseherstart-" + wijze, 2)) {
            List<Knooppunt> knooppunten = opstelling.knooppunten();
            Map<Knooppunt, Long> pids = new HashMap<>();
            knooppunten.forEach(k -> pids.put(k, k.pid()));
            Waarnemingen waarnemingen = new Waarnemingen();
            AtomicBoolean stoppen = new AtomicBoolean();
            ExecutorService draden = Executors.newCachedThreadPool();
            List<Afzender> afzenders = new ArrayList<>();
            List<Future<?>> lopend = new ArrayList<>();
            try {
                for (int i = 0; i < AFZENDERS; i++) {
                    Afzender afzender = new Afzender(i, opstelling, waarnemingen, stoppen);
                    afzenders.add(afzender);
                    lopend.add(draden.submit(afzender));
                }
                String lezer = afzenders.get(0).bsn;
                for (Knooppunt knooppunt : knooppunten) {
                    Paginalezer pagina = Paginalezer.aangemeld(knooppunt, lezer);
                    String token = opstelling.burgertoken(lezer);
                    lopend.add(draden.submit(() -> lees(knooppunt, token, pagina, waarnemingen, stoppen)));
                    lopend.add(draden.submit(() -> peilGezondheid(knooppunt, waarnemingen, stoppen)));
                }
                Wachten.tot("de afzenders komen op gang", Duration.ofSeconds(60),
                        () -> afzenders.stream().allMatch(a -> a.bevestigd.size() >= 4));

                long stop = waarnemingen.nuMs();
                opstelling.database().stoppen(wijze);
                long gestopt = waarnemingen.nuMs();
                Knooppunt.slaap(PAUZE);
                long start = waarnemingen.nuMs();
                opstelling.database().starten();
                long gestart = waarnemingen.nuMs();
                for (Knooppunt knooppunt : knooppunten) {
                    knooppunt.wachtTotGezond(Duration.ofSeconds(60));
                }
                long gezond = waarnemingen.nuMs();
                // Ingestion after the restart, on both nodes, before the clients stop.
                Wachten.tot("ingestie na het herstel op beide knooppunten", Duration.ofSeconds(60),
                        () -> knooppunten.stream().allMatch(k -> waarnemingen.waar(w -> w.soort().equals("ingestie")
                        && w.knooppunt().equals(k.naam()) && w.beginMs() > gezond && !w.mislukt()).size() >= 3));
                Knooppunt.slaap(Duration.ofSeconds(2));
                stoppen.set(true);
                for (Future<?> taak : lopend) {
                    taak.get(90, TimeUnit.SECONDS);
                }

                System.out.printf("database %s gestopt op %d ms (pg_ctl klaar na %d ms), gestart op %d ms (klaar na %d ms),"
                                + " beide knooppunten gezond na %d ms; uitval gezien door clients:%n%s",
                        wijze, stop, gestopt - stop, start, gestart - start, gezond - gestart,
                        waarnemingen.verslag("  (tijden vanaf het begin van de test)"));

                controleerAntwoorden(waarnemingen, stop, gestart);
                for (Knooppunt knooppunt : knooppunten) {
                    assertThat(knooppunt.leeft()).as(knooppunt.naam() + " leeft nog").isTrue();
                    assertThat(knooppunt.pid()).as(knooppunt.naam() + " is niet herstart").isEqualTo(pids.get(knooppunt));
                }
                for (Knooppunt knooppunt : knooppunten) {
                    Wachten.tot(knooppunt.naam() + ": de leesmodellen halen alles in", Duration.ofSeconds(60),
                            () -> zonderAchterstand(knooppunt));
                }
                controleerNietsVerloren(opstelling, afzenders);
            } finally {
                stoppen.set(true);
                draden.shutdownNow();
                draden.awaitTermination(30, TimeUnit.SECONDS);
            }
        }
    }

    private static void controleerAntwoorden(Waarnemingen waarnemingen, long stop, long gestart) {
        for (Waarneming w : waarnemingen.alle()) {
            assertThat(w.duurMs()).as("geen verzoek wacht langer dan de grens: %s", w)
                    .isLessThan(VERZOEKGRENS.toMillis());
            if (!w.mislukt()) {
                continue;
            }
            assertThat(w.status()).as("elke fout is een 503: %s", w).isEqualTo(503);
            if (w.soort().equals("gezondheid")) {
                continue;
            }
            assertThat(w.retryAfter()).as("een 503 zegt wanneer opnieuw: %s", w).isNotNull();
            assertThat(Integer.parseInt(w.retryAfter())).isPositive();
            if (w.soort().equals("pagina")) {
                assertThat(w.contentType()).as("%s", w).startsWith("text/html");
                assertThat(w.fout()).as("de pagina zegt het: %s", w).startsWith("Even niet beschikbaar");
            } else {
                assertThat(w.contentType()).as("%s", w).startsWith("application/problem+json");
                assertThat(w.fout()).as("%s", w).contains("urn:klantreis:probleem:tijdelijk-niet-beschikbaar");
            }
        }
        for (String soort : List.of("ingestie", "lezing", "pagina")) {
            assertThat(waarnemingen.waar(w -> w.soort().equals(soort) && w.mislukt())).as(soort + " zag de uitval")
                    .isNotEmpty();
        }
        Map<String, List<Waarneming>> gezondheid = new HashMap<>();
        waarnemingen.van("gezondheid").forEach(w -> gezondheid.computeIfAbsent(w.knooppunt(), k -> new ArrayList<>()).add(w));
        assertThat(gezondheid).hasSize(2);
        gezondheid.forEach((knooppunt, peilingen) -> {
            assertThat(peilingen.stream().filter(w -> w.beginMs() >= stop && w.beginMs() <= gestart)
                    .anyMatch(w -> w.status() == 503)).as(knooppunt + ": DOWN terwijl de database weg is").isTrue();
            assertThat(peilingen.get(peilingen.size() - 1).status()).as(knooppunt + ": weer UP").isEqualTo(200);
        });
    }

    /**
     * Every acknowledged message is stored with its events (the register row is written in the
     * transaction of its events): a resend is answered duplicate, and the burger sees each status.
     */
    private static void controleerNietsVerloren(Opstelling opstelling, List<Afzender> afzenders) throws Exception {
        List<Zaakberichten.Bericht> bevestigd = afzenders.stream().flatMap(a -> a.bevestigd.values().stream()).toList();
        try (Connection verbinding = opstelling.database().verbinding();
             PreparedStatement vraag = verbinding.prepareStatement(
                     "SELECT count(*) FROM ontvangen_bericht WHERE bron = ? AND bericht_id = ANY (?)")) {
            vraag.setString(1, Zaakberichten.BRON);
            vraag.setArray(2, verbinding.createArrayOf("text",
                    bevestigd.stream().map(Zaakberichten.Bericht::id).toArray()));
            try (ResultSet rij = vraag.executeQuery()) {
                rij.next();
                assertThat(rij.getInt(1)).as("elk bevestigd bericht is opgeslagen").isEqualTo(bevestigd.size());
            }
        }
        HttpResponse<String> opnieuw = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        opstelling.knooppunt(2).adres("/api/v1/events"))
                .header("Authorization", "Bearer " + opstelling.token("bron"))
                .header("Content-Type", Zaakberichten.BATCH)
                .POST(HttpRequest.BodyPublishers.ofString(Zaakberichten.alsBatch(bevestigd))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(opnieuw.statusCode()).as(opnieuw.body()).isEqualTo(200);
        JsonNode samenvatting = JSON.readTree(opnieuw.body());
        assertThat(samenvatting.path("duplicate").asInt()).as("alles opnieuw gestuurd is al bekend").isEqualTo(bevestigd.size());
        System.out.printf("%d bevestigde berichten, alle opgeslagen%n", bevestigd.size());

        for (Afzender afzender : afzenders) {
            String token = opstelling.burgertoken(afzender.bsn);
            for (Map.Entry<UUID, Set<Integer>> zaak : afzender.statussen.entrySet()) {
                JsonNode detail = lees(opstelling.knooppunt(1), "/api/v1/mijnzaken/" + zaak.getKey(), token);
                Set<String> gezet = new HashSet<>();
                detail.path("statussen").forEach(s -> gezet.add(Instant.parse(s.path("gezetOp").asText()).toString()));
                for (int n : zaak.getValue()) {
                    assertThat(gezet).as("zaak %s toont status %d", zaak.getKey(), n).contains(Zaakberichten.gezetOpUtc(n));
                }
            }
        }
    }

    private static boolean zonderAchterstand(Knooppunt knooppunt) {
        try {
            JsonNode gezondheid = JSON.readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    knooppunt.adres("/actuator/health")).build(), HttpResponse.BodyHandlers.ofString()).body());
            JsonNode details = gezondheid.path("components").path("leesmodellen").path("details");
            List<String> namen = new ArrayList<>();
            details.fieldNames().forEachRemaining(namen::add);
            return namen.stream().anyMatch(n -> n.endsWith(".achterstand")) && namen.stream()
                    .filter(n -> n.endsWith(".achterstand")).allMatch(n -> details.path(n).asLong(-1) == 0);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static JsonNode lees(Knooppunt knooppunt, String pad, String token) throws Exception {
        HttpResponse<String> antwoord = HttpClient.newHttpClient().send(HttpRequest.newBuilder(knooppunt.adres(pad))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(antwoord.statusCode()).as(pad + ": " + antwoord.body()).isEqualTo(200);
        return JSON.readTree(antwoord.body());
    }

    /** A burger reading his zaken through the API and through the pages, on one node, until told to stop. */
    private static void lees(Knooppunt knooppunt, String token, Paginalezer pagina, Waarnemingen waarnemingen,
                             AtomicBoolean stoppen) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        while (!stoppen.get()) {
            vraag(http, HttpRequest.newBuilder(knooppunt.adres("/api/v1/mijnzaken"))
                    .header("Authorization", "Bearer " + token), "lezing", knooppunt, waarnemingen);
            vraag(pagina.http, HttpRequest.newBuilder(knooppunt.adres("/mijnzaken")), "pagina", knooppunt, waarnemingen);
            Knooppunt.slaap(Duration.ofMillis(100));
        }
    }

    private static void peilGezondheid(Knooppunt knooppunt, Waarnemingen waarnemingen, AtomicBoolean stoppen) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        while (!stoppen.get()) {
            vraag(http, HttpRequest.newBuilder(knooppunt.adres("/actuator/health")), "gezondheid", knooppunt, waarnemingen);
            Knooppunt.slaap(Duration.ofMillis(200));
        }
    }

    /** Sends one request and writes down what came back; the body, for the callers that need it. */
    static HttpResponse<String> vraag(HttpClient http, HttpRequest.Builder verzoek, String soort, Knooppunt knooppunt,
                                      Waarnemingen waarnemingen) {
        long begin = waarnemingen.nuMs();
        try {
            HttpResponse<String> antwoord = http.send(verzoek.timeout(CLIENTWACHT).build(),
                    HttpResponse.BodyHandlers.ofString());
            waarnemingen.leg(new Waarneming(soort, knooppunt.naam(), begin, waarnemingen.nuMs() - begin,
                    antwoord.statusCode(), antwoord.headers().firstValue("Retry-After").orElse(null),
                    antwoord.headers().firstValue("Content-Type").orElse(""),
                    antwoord.statusCode() >= 300 ? wat(antwoord) : null));
            return antwoord;
        } catch (HttpTimeoutException e) {
            waarnemingen.leg(new Waarneming(soort, knooppunt.naam(), begin, waarnemingen.nuMs() - begin, -1, null, "",
                    "geen antwoord binnen " + CLIENTWACHT));
            return null;
        } catch (IOException e) {
            waarnemingen.leg(new Waarneming(soort, knooppunt.naam(), begin, waarnemingen.nuMs() - begin, -1, null, "",
                    e.toString()));
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** What an error answer said: a page's title, or the start of a problem. */
    private static String wat(HttpResponse<String> antwoord) {
        String tekst = antwoord.body() == null ? "" : antwoord.body();
        Matcher titel = TITEL.matcher(tekst);
        if (titel.find()) {
            return titel.group(1);
        }
        return tekst.length() < 300 ? tekst : tekst.substring(0, 300) + "...";
    }

    /** A burger logged in to the pages of one node (a session of that node: the persona page of local mode). */
    record Paginalezer(HttpClient http) {
        static Paginalezer aangemeld(Knooppunt knooppunt, String bsn) throws Exception {
            HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(2)).build();
            String formulier = http.send(HttpRequest.newBuilder(knooppunt.adres("/inloggen")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher csrf = CSRF.matcher(formulier);
            assertThat(csrf.find()).as("het inlogformulier heeft een CSRF-token").isTrue();
            String velden = "rol=burger&voorbeeldbsn=&bsn=" + bsn + "&" + csrf.group(1) + "="
                    + URLEncoder.encode(csrf.group(2), StandardCharsets.UTF_8);
            http.send(HttpRequest.newBuilder(knooppunt.adres("/inloggen"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(velden)).build(), HttpResponse.BodyHandlers.discarding());
            HttpResponse<String> zaken = http.send(HttpRequest.newBuilder(knooppunt.adres("/mijnzaken")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(zaken.statusCode()).as("aangemeld op de pagina's").isEqualTo(200);
            assertThat(zaken.uri().getPath()).isEqualTo("/mijnzaken");
            return new Paginalezer(http);
        }
    }

    /**
     * A channel system sending the zaken of one burger: each zaak registered with its first status
     * in one batch, then three more statuses one message at a time; a message not acknowledged is
     * sent again (to the other node) until it is, as a channel system's outbox does.
     */
    static final class Afzender implements Runnable {
        final String bsn;
        /** Acknowledged messages by id. */
        final Map<String, Zaakberichten.Bericht> bevestigd = new ConcurrentHashMap<>();
        /** Per zaak, the statuses acknowledged. */
        final Map<UUID, Set<Integer>> statussen = new ConcurrentHashMap<>();
        private final int nummer;
        private final Opstelling opstelling;
        private final Waarnemingen waarnemingen;
        private final AtomicBoolean stoppen;
        private final String token;
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        private int verzonden;

        Afzender(int nummer, Opstelling opstelling, Waarnemingen waarnemingen, AtomicBoolean stoppen) {
            this.nummer = nummer;
            this.bsn = Zaakberichten.bsn(new Random(4_000 + nummer));
            this.opstelling = opstelling;
            this.waarnemingen = waarnemingen;
            this.stoppen = stoppen;
            this.token = opstelling.token("bron");
        }

        @Override
        public void run() {
            int zaken = 0;
            while (!stoppen.get()) {
                UUID zaak = UUID.randomUUID();
                String identificatie = String.format("ZAAK-2026-%d%06d", nummer + 1, ++zaken);
                if (!verstuur(zaak, List.of(Zaakberichten.registratie(zaak, bsn, identificatie),
                        Zaakberichten.status(zaak, 1)), true)) {
                    return;
                }
                for (int n = 2; n <= 4; n++) {
                    if (!verstuur(zaak, List.of(Zaakberichten.status(zaak, n)), false)) {
                        return;
                    }
                }
            }
        }

        /** Until acknowledged; false when told to stop before it was. */
        private boolean verstuur(UUID zaak, List<Zaakberichten.Bericht> berichten, boolean alsBatch) {
            int pogingen = 0;
            while (true) {
                Knooppunt knooppunt = opstelling.knooppunt(1 + (nummer + verzonden++) % 2);
                HttpResponse<String> antwoord = vraag(http, HttpRequest.newBuilder(knooppunt.adres("/api/v1/events"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", alsBatch ? Zaakberichten.BATCH : Zaakberichten.EEN)
                        .POST(HttpRequest.BodyPublishers.ofString(alsBatch ? Zaakberichten.alsBatch(berichten)
                                : berichten.get(0).json())), "ingestie", knooppunt, waarnemingen);
                if (antwoord != null && antwoord.statusCode() == 200) {
                    bevestig(zaak, berichten, antwoord.body(), alsBatch);
                    return true;
                }
                if (stoppen.get() && ++pogingen > 20) {
                    return false;
                }
                // A real sender waits Retry-After; shorter here, to see when the engine is back.
                Knooppunt.slaap(Duration.ofMillis(250));
            }
        }

        private void bevestig(UUID zaak, List<Zaakberichten.Bericht> berichten, String body, boolean alsBatch) {
            try {
                JsonNode antwoord = JSON.readTree(body);
                List<String> resultaten = new ArrayList<>();
                if (alsBatch) {
                    antwoord.path("resultaten").forEach(r -> resultaten.add(r.path("resultaat").asText()));
                } else {
                    resultaten.add(antwoord.path("resultaat").asText());
                }
                assertThat(resultaten).as(body).hasSize(berichten.size()).allMatch(r -> r.equals("accepted")
                        || r.equals("duplicate"));
            } catch (IOException e) {
                throw new AssertionError(body, e);
            }
            for (Zaakberichten.Bericht bericht : berichten) {
                bevestigd.put(bericht.id(), bericht);
                Matcher status = Pattern.compile("^zs-status-(\\d+)-").matcher(bericht.id());
                if (status.find()) {
                    statussen.computeIfAbsent(zaak, z -> ConcurrentHashMap.newKeySet()).add(Integer.parseInt(status.group(1)));
                }
            }
        }
    }
}
