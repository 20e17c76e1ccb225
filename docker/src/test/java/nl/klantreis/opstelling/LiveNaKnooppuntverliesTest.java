package nl.klantreis.opstelling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.klantreis.opstelling.Sseclient.Sse;

/**
 * Issue 12, 3c: a burger follows his zaak live on node 1; node 1 is killed (SIGKILL); his client
 * reconnects to node 2 with {@code Last-Event-ID}, as a browser's EventSource behind a load balancer
 * does, and receives every status set meanwhile (while he was disconnected, and after), and none
 * twice: each event's id (the zaak's position in the event store, the same on every node) is
 * higher than the one before, across both connections.
 */
class LiveNaKnooppuntverliesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** Node 2 takes node 1's segments once their claims expire (Axon's claim timeout), then pushes. */
    private static final Duration OVERNAME = Duration.ofSeconds(60);

    @Test
    void burgerVolgtZaakOpKnooppunt1_datSterft_herverbindtOpKnooppunt2_enMistNietsEnKrijgtNietsDubbel() throws Exception {
        try (Opstelling opstelling = Opstelling.start("live-knooppuntverlies", 2)) {
            Knooppunt een = opstelling.knooppunt(1);
            Knooppunt twee = opstelling.knooppunt(2);
            String bsn = Zaakberichten.bsn(new Random(31));
            String bron = opstelling.token("bron");
            String burger = opstelling.burgertoken(bsn);
            UUID zaak = UUID.randomUUID();
            String updates = "/api/v1/mijnzaken/" + zaak + "/updates";
            stuur(twee, bron, Zaakberichten.BATCH, Zaakberichten.alsBatch(List.of(
                    Zaakberichten.registratie(zaak, bsn, "ZAAK-2026-3000001"), Zaakberichten.status(zaak, 1))));
            Wachten.tot("de zaak staat in MijnZaken", Duration.ofSeconds(30),
                    () -> leesbaar(een, "/api/v1/mijnzaken/" + zaak, burger));

            List<Sse> events = new ArrayList<>();
            String laatsteId;
            try (Sseclient eerste = Sseclient.open(een.adres(updates), burger, null)) {
                assertThat(eerste.status()).isEqualTo(200);
                events.add(volgendeZaak(eerste, Duration.ofSeconds(15)));
                assertThat(statussen(events.get(0))).containsExactly(Zaakberichten.gezetOpUtc(1));
                stuur(twee, bron, Zaakberichten.EEN, Zaakberichten.status(zaak, 2).json());
                events.add(volgendeZaak(eerste, Duration.ofSeconds(15)));
                assertThat(statussen(events.get(1))).as("live op knooppunt 1, van een status via knooppunt 2")
                        .contains(Zaakberichten.gezetOpUtc(2));
                laatsteId = events.get(events.size() - 1).id();

                een.doodHard();
                long gedood = System.nanoTime();
                Sse einde = volgende(eerste, Duration.ofSeconds(10), s -> s == Sse.EINDE || s.isEvent());
                assertThat(einde).as("de stroom eindigt met knooppunt 1").isSameAs(Sse.EINDE);
                System.out.printf("stroom op knooppunt 1 beeindigd %d ms na de SIGKILL%n",
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - gedood));
            }
            long gedood = System.nanoTime();
            // While he is disconnected, the zaaksysteem sets three statuses (on the surviving node).
            for (int n = 3; n <= 5; n++) {
                stuur(twee, bron, Zaakberichten.EEN, Zaakberichten.status(zaak, n).json());
            }
            try (Sseclient tweede = Sseclient.open(twee.adres(updates), burger, laatsteId)) {
                assertThat(tweede.status()).isEqualTo(200);
                long herverbonden = System.nanoTime();
                // And two more after he reconnected.
                for (int n = 6; n <= 7; n++) {
                    stuur(twee, bron, Zaakberichten.EEN, Zaakberichten.status(zaak, n).json());
                }
                Set<String> alle = new LinkedHashSet<>();
                for (int n = 1; n <= 7; n++) {
                    alle.add(Zaakberichten.gezetOpUtc(n));
                }
                long eerstePush = 0;
                long tot = System.nanoTime() + OVERNAME.toNanos();
                while (!statussen(events.get(events.size() - 1)).containsAll(alle)) {
                    Sse volgende = volgende(tweede, Duration.ofNanos(Math.max(1, tot - System.nanoTime())),
                            s -> s == Sse.EINDE || s.isEvent());
                    assertThat(volgende).as("alle statussen binnen %s; tot nu: %s", OVERNAME, events).isNotNull();
                    assertThat(volgende).as("de stroom op knooppunt 2 blijft open").isNotSameAs(Sse.EINDE);
                    if (eerstePush == 0) {
                        eerstePush = volgende.ontvangenNanos();
                    }
                    events.add(volgende);
                }
                System.out.printf("herverbonden op knooppunt 2 %d ms na de SIGKILL; eerste push daar %d ms na het"
                                + " herverbinden; %d events in totaal, ids %s%n",
                        TimeUnit.NANOSECONDS.toMillis(herverbonden - gedood),
                        TimeUnit.NANOSECONDS.toMillis(eerstePush - herverbonden), events.size(),
                        events.stream().map(Sse::id).toList());
                // Nothing more comes: the last push has everything, and nothing is repeated after it.
                Sse na = volgende(tweede, Duration.ofSeconds(3), Sse::isEvent);
                assertThat(na).as("geen herhaling na de laatste push").isNull();
            }

            List<Long> ids = events.stream().map(e -> Long.parseLong(e.id())).toList();
            for (int i = 1; i < ids.size(); i++) {
                assertThat(ids.get(i)).as("elk event nieuwer dan het vorige, over beide verbindingen: %s", ids)
                        .isGreaterThan(ids.get(i - 1));
            }
            assertThat(events).allMatch(e -> e.event().equals("zaak"));
            // Each status is seen once in the final state, and none was lost on the way.
            List<String> laatste = statussen(events.get(events.size() - 1));
            assertThat(laatste).hasSize(7).doesNotHaveDuplicates();
            JsonNode gelezen = JSON.readTree(lees(twee, "/api/v1/mijnzaken/" + zaak, burger).body());
            assertThat(JSON.readTree(events.get(events.size() - 1).data())).as("de laatste push is wat een lezing geeft")
                    .isEqualTo(gelezen);
        }
    }

    private static Sse volgendeZaak(Sseclient client, Duration binnen) throws InterruptedException {
        Sse event = volgende(client, binnen, s -> s == Sse.EINDE || s.isEvent());
        assertThat(event).as("een event binnen %s", binnen).isNotNull().isNotSameAs(Sse.EINDE);
        return event;
    }

    /** The next element that passes, skipping the others (comments); null when none within {@code binnen}. */
    private static Sse volgende(Sseclient client, Duration binnen, Predicate<Sse> welke)
            throws InterruptedException {
        long tot = System.nanoTime() + binnen.toNanos();
        while (true) {
            long over = tot - System.nanoTime();
            if (over <= 0) {
                return null;
            }
            Sse volgende = client.volgende(Duration.ofNanos(over));
            if (volgende == null || welke.test(volgende)) {
                return volgende;
            }
        }
    }

    /** The statuses in an event's zaak, as moments (UTC), oldest first. */
    private static List<String> statussen(Sse event) {
        try {
            List<String> uit = new ArrayList<>();
            JSON.readTree(event.data()).path("statussen")
                    .forEach(s -> uit.add(Instant.parse(s.path("gezetOp").asText()).toString()));
            return uit;
        } catch (IOException e) {
            throw new AssertionError(event.data(), e);
        }
    }

    private static void stuur(Knooppunt knooppunt, String token, String soort, String body) throws Exception {
        HttpResponse<String> antwoord = HTTP.send(HttpRequest.newBuilder(knooppunt.adres("/api/v1/events"))
                .header("Authorization", "Bearer " + token).header("Content-Type", soort)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(antwoord.statusCode()).as(antwoord.body()).isEqualTo(200);
        assertThat(antwoord.body()).doesNotContain("\"resultaat\":\"rejected\"");
    }

    private static HttpResponse<String> lees(Knooppunt knooppunt, String pad, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(knooppunt.adres(pad)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static boolean leesbaar(Knooppunt knooppunt, String pad, String token) {
        try {
            return lees(knooppunt, pad, token).statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }
}
