package nl.klantreis.api.ingestie;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

import io.micrometer.core.instrument.MeterRegistry;

import nl.klantreis.api.testondersteuning.Testengine;
import nl.klantreis.api.testondersteuning.Voorbeelden;

/**
 * The key transaction of a batch that PostgreSQL aborts to break a deadlock is done again, and the
 * batch stored, instead of a 503. On a fresh installation this happened at the start of every
 * load with several senders: two key transactions each gave KEK buckets their first KEK and waited
 * for the other's rows. Here the other side is played by a connection of the test: it holds the
 * buckets' rows, then asks for the key ring's lock that the engine's key transaction holds shared,
 * with a longer {@code deadlock_timeout}, so that PostgreSQL picks the engine's transaction.
 */
class SleuteltransactieDeadlockTest {
    /** {@code Sleutelring.SLOT}: the key ring's advisory lock. */
    private static final long SLEUTELRING_SLOT = 0x6b6c616e7472696eL;

    @RegisterExtension
    static final Testengine engine = Testengine.perKlasse();

    @Test
    void eenSleuteltransactieDieAlsSlachtofferVanEenDeadlockWordtAfgebroken_wordtHerhaald_enDeBatchOpgeslagen()
            throws Exception {
        double herhalingenVooraf = herhalingen();
        try (Connection ander = engine.database().getConnection(); Statement sql = ander.createStatement()) {
            ander.setAutoCommit(false);
            sql.execute("SET LOCAL deadlock_timeout = '20s'");
            int vrij;
            try (ResultSet r = sql.executeQuery(
                    "SELECT count(*) FROM (SELECT bucket FROM kek_bucket WHERE huidige_kek IS NULL FOR UPDATE) b")) {
                r.next();
                vrij = r.getInt(1);
            }
            assertThat(vrij).as("een verse installatie: geen bucket heeft nog een KEK").isEqualTo(256);

            CompletableFuture<JsonNode> antwoord = CompletableFuture.supplyAsync(() -> engine.client().post()
                    .uri("/api/v1/events")
                    .contentType(MediaType.parseMediaType("application/cloudevents-batch+json"))
                    .bodyValue(Voorbeelden.alsBatch(Voorbeelden.kopie(Voorbeelden.DAKKAPEL, "deadlock").berichten()))
                    .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody());
            wachtTotDeEngineOpDeBucketsWacht();
            // Waits for the engine's key transaction, which waits for this one: a deadlock, broken by
            // aborting the engine's (its deadlock_timeout of 1 s runs out first).
            sql.execute("SELECT pg_advisory_xact_lock(" + SLEUTELRING_SLOT + ")");
            ander.commit();

            JsonNode uitkomst = antwoord.get(60, TimeUnit.SECONDS);
            assertThat(uitkomst.path("accepted").asInt()).as(uitkomst.toString()).isEqualTo(12);
            assertThat(uitkomst.path("rejected").asInt()).isZero();
        }
        assertThat(herhalingen() - herhalingenVooraf).as("de sleuteltransactie opnieuw gedaan").isGreaterThanOrEqualTo(1);
        assertThat(engine.jdbc().queryForObject("SELECT count(*) FROM ontvangen_bericht WHERE bericht_id LIKE ?", Long.class,
                "%deadlock%")).isPositive();
    }

    private static void wachtTotDeEngineOpDeBucketsWacht() throws InterruptedException {
        Instant tot = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(tot)) {
            Long wachtend = engine.jdbc().queryForObject("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type ="
                    + " 'Lock' AND query LIKE 'update kek_bucket%'", Long.class);
            if (wachtend != null && wachtend > 0) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("de sleuteltransactie van de engine wacht niet op de buckets");
    }

    private static double herhalingen() {
        return engine.bean(MeterRegistry.class).get("klantreis.ingestie.herhalingen").counter().count();
    }
}
