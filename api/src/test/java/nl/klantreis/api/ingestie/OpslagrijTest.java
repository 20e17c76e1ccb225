package nl.klantreis.api.ingestie;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;

import nl.klantreis.api.testondersteuning.Eventlezer;
import nl.klantreis.api.testondersteuning.Eventlezer.Opgeslagen;
import nl.klantreis.api.testondersteuning.Testengine;
import nl.klantreis.api.testondersteuning.Voorbeelden;
import nl.klantreis.domein.gedeeld.ZaakId;
import nl.klantreis.domein.klant.ZaakAanKlantGekoppeld;

/**
 * Requests that wait for the ingestion worker are stored together (ADR 0034), and each still gets
 * exactly the answer it would have got alone. The worker is held busy on purpose, so that the
 * requests queue behind it in a known order.
 */
class OpslagrijTest {
    private static final MediaType EEN = MediaType.parseMediaType(IngestieController.EEN);
    @RegisterExtension
    static final Testengine engine = Testengine.perKlasse();

    @Test
    void wachtendeVerzoeken_wordenInEenTransactieOpgeslagen_elkMetZijnEigenAntwoord() throws Exception {
        Voorbeelden.Kopie samen = Voorbeelden.kopie(Voorbeelden.DAKKAPEL, "samen");
        List<ObjectNode> berichten = samen.berichten();
        ObjectNode nogmaals = berichten.get(0).deepCopy();
        ObjectNode ongeldig = berichten.get(1).deepCopy();
        ongeldig.remove("source");
        // The first message's klantcontact under a new message id for another klant: the domain
        // refuses it (a klantcontact belongs to one klant), in the middle of the combined batch.
        ObjectNode anderKlant = berichten.get(0).deepCopy();
        anderKlant.put("id", "andere-klant-" + UUID.randomUUID());
        ((ObjectNode) anderKlant.path("data")).putObject("klant").put("bsn", anderBsn(samen.bsn()));

        List<ObjectNode> verzoeken = new ArrayList<>(berichten);
        verzoeken.add(2, nogmaals);
        verzoeken.add(5, ongeldig);
        verzoeken.add(8, anderKlant);

        DistributionSummary perTransactie = meter();
        long transactiesVoor = perTransactie.count();
        double verzoekenVoor = perTransactie.totalAmount();
        List<EntityExchangeResult<JsonNode>> antwoorden = metBezetteWerker(verzoeken);

        // One transaction for all of them.
        assertThat(perTransactie.count() - transactiesVoor).isEqualTo(1);
        assertThat(perTransactie.totalAmount() - verzoekenVoor).isEqualTo(verzoeken.size());

        for (int i = 0; i < verzoeken.size(); i++) {
            EntityExchangeResult<JsonNode> antwoord = antwoorden.get(i);
            JsonNode body = antwoord.getResponseBody();
            if (verzoeken.get(i) == nogmaals) {
                assertThat(antwoord.getStatus().value()).isEqualTo(200);
                assertThat(body.path("resultaat").asText()).isEqualTo("duplicate");
            } else if (verzoeken.get(i) == ongeldig) {
                assertThat(antwoord.getStatus().value()).isEqualTo(400);
                assertThat(body.path("errors").get(0).path("pointer").asText()).isEqualTo("/source");
            } else if (verzoeken.get(i) == anderKlant) {
                assertThat(antwoord.getStatus().value()).isEqualTo(400);
                assertThat(body.path("errors").get(0).path("pointer").asText()).isEqualTo("/data/klantcontactId");
            } else {
                assertThat(antwoord.getStatus().value()).as("verzoek %d: %s", i, body).isEqualTo(200);
                assertThat(body.path("resultaat").asText()).isEqualTo("accepted");
                assertThat(body.path("id").asText()).isEqualTo(verzoeken.get(i).path("id").asText());
            }
        }

        // The same messages as one batch give the same events, in the same order per aggregate.
        Voorbeelden.Kopie alsBatch = Voorbeelden.kopie(Voorbeelden.DAKKAPEL, "als-batch");
        engine.client().post().uri("/api/v1/events")
                .contentType(MediaType.parseMediaType(IngestieController.BATCH))
                .bodyValue(Voorbeelden.alsBatch(alsBatch.berichten()))
                .exchange().expectStatus().isOk();
        assertThat(eventsVanKlant(samen)).isEqualTo(eventsVanKlant(alsBatch)).isNotEmpty();
        assertThat(engine.jdbc().queryForObject("select count(*) from ontvangen_bericht where bericht_id = ?", Long.class,
                anderKlant.path("id").asText())).isZero();
    }

    @Test
    void eenVerzoekDatTeLangWachtte_krijgt503_enNietsWordtOpgeslagen() throws Exception {
        Voorbeelden.Kopie kopie = Voorbeelden.kopie(Voorbeelden.DAKKAPEL, "te-lang");
        ObjectNode bericht = kopie.berichten().get(0);
        Duration wachttijd = engine.bean(IngestieConfiguratie.Wachttijd.class).maximum();
        List<EntityExchangeResult<JsonNode>> antwoorden = metBezetteWerker(List.of(bericht),
                wachttijd.plusMillis(500));
        assertThat(antwoorden.get(0).getStatus().value()).isEqualTo(503);
        assertThat(antwoorden.get(0).getResponseBody().path("detail").asText()).contains("niets van opgeslagen");
        assertThat(engine.jdbc().queryForObject("select count(*) from ontvangen_bericht where bericht_id = ?", Long.class,
                bericht.path("id").asText())).isZero();
    }

    @Test
    void samenvoegen_enSplitsen_gevenElkVerzoekZijnEigenPosities() {
        List<Fout> fouten = List.of(new Fout("/id", "ontbreekt"));
        Ingestiedienst.Voorbereid a = new Ingestiedienst.Voorbereid(
                new Uitslag[] {new Uitslag(0, "s", "a0", Uitslag.Resultaat.REJECTED, fouten), null}, List.of(),
                Sleutels.GEEN);
        Ingestiedienst.Voorbereid b = new Ingestiedienst.Voorbereid(
                new Uitslag[] {null, new Uitslag(1, "s", "b1", Uitslag.Resultaat.REJECTED, fouten), null}, List.of(),
                Sleutels.GEEN);
        Ingestiedienst.Voorbereid samen = Opslagrij.voegSamen(List.of(a, b));
        assertThat(samen.uitslagen()).hasSize(5);
        assertThat(samen.uitslagen()[0].id()).isEqualTo("a0");
        assertThat(samen.uitslagen()[3].id()).isEqualTo("b1");
        assertThat(samen.uitslagen()[3].positie()).isEqualTo(3);

        List<Uitslag> alles = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            alles.add(samen.uitslagen()[i] != null ? samen.uitslagen()[i]
                    : new Uitslag(i, "s", "m" + i, Uitslag.Resultaat.ACCEPTED, List.of()));
        }
        List<List<Uitslag>> perDeel = Opslagrij.splits(alles, List.of(a, b));
        assertThat(perDeel.get(0)).extracting(Uitslag::positie).containsExactly(0, 1);
        assertThat(perDeel.get(0)).extracting(Uitslag::id).containsExactly("a0", "m1");
        assertThat(perDeel.get(1)).extracting(Uitslag::positie).containsExactly(0, 1, 2);
        assertThat(perDeel.get(1)).extracting(Uitslag::id).containsExactly("m2", "b1", "m4");
        assertThat(perDeel.get(1).get(1).resultaat()).isEqualTo(Uitslag.Resultaat.REJECTED);
    }

    private static List<EntityExchangeResult<JsonNode>> metBezetteWerker(List<ObjectNode> verzoeken)
            throws Exception {
        return metBezetteWerker(verzoeken, Duration.ZERO);
    }

    /**
     * Holds the one ingestion worker busy, sends the requests one after the other, each once the
     * one before it waits in the queue (so their order there is known), and lets the worker go
     * after {@code daarna}.
     */
    private static List<EntityExchangeResult<JsonNode>> metBezetteWerker(List<ObjectNode> verzoeken,
                                                                        Duration daarna) throws Exception {
        Opslagrij rij = engine.bean(Opslagrij.class);
        CountDownLatch bezet = new CountDownLatch(1);
        CountDownLatch vrij = new CountDownLatch(1);
        engine.bean(IngestieConfiguratie.Ingestiewerkers.class).scheduler().schedule(() -> {
            bezet.countDown();
            try {
                vrij.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(bezet.await(10, TimeUnit.SECONDS)).isTrue();
        ExecutorService afzenders = Executors.newFixedThreadPool(verzoeken.size());
        try {
            List<Future<EntityExchangeResult<JsonNode>>> antwoorden = new ArrayList<>();
            for (ObjectNode verzoek : verzoeken) {
                int wachtendVoor = rij.wachtend();
                antwoorden.add(afzenders.submit(() -> engine.client().post().uri("/api/v1/events")
                        .contentType(EEN).bodyValue(verzoek.toString())
                        .exchange().expectBody(JsonNode.class).returnResult()));
                long tot = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (rij.wachtend() == wachtendVoor) {
                    assertThat(System.nanoTime()).as("verzoek in de rij").isLessThan(tot);
                    Thread.sleep(2);
                }
            }
            Thread.sleep(daarna.toMillis());
            vrij.countDown();
            List<EntityExchangeResult<JsonNode>> klaar = new ArrayList<>();
            for (Future<EntityExchangeResult<JsonNode>> antwoord : antwoorden) {
                klaar.add(antwoord.get(30, TimeUnit.SECONDS));
            }
            return klaar;
        } finally {
            vrij.countDown();
            afzenders.shutdownNow();
        }
    }

    private static DistributionSummary meter() {
        return engine.bean(MeterRegistry.class).find("klantreis.ingestie.verzoeken.per.transactie").summary();
    }

    /** The klant's events of this copy, as type names in stored order. */
    private static List<String> eventsVanKlant(Voorbeelden.Kopie kopie) {
        List<Opgeslagen> events = Eventlezer.alle(engine.database());
        ZaakId zaak = new ZaakId(kopie.zaakId());
        String klant = Eventlezer.vanType(events, ZaakAanKlantGekoppeld.class).stream()
                .filter(k -> k.zaakId().equals(zaak)).findFirst().orElseThrow().klantId().waarde();
        Map<String, List<Opgeslagen>> perAggregaat = events.stream()
                .collect(Collectors.groupingBy(Opgeslagen::aggregaat));
        return perAggregaat.get(klant).stream().map(o -> o.event().getClass().getSimpleName())
                .collect(Collectors.toList());
    }

    private static String anderBsn(String bsn) {
        java.util.Random random = new java.util.Random(42);
        String ander;
        do {
            ander = Voorbeelden.geldigBsn(random);
        } while (ander.equals(bsn));
        return ander;
    }
}
