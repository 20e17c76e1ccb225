package nl.klantreis.api.ingestie;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nl.klantreis.api.testondersteuning.Eventlezer;
import nl.klantreis.api.testondersteuning.Eventlezer.Opgeslagen;
import nl.klantreis.api.testondersteuning.Testengine;
import nl.klantreis.api.testondersteuning.Voorbeelden;
import nl.klantreis.domein.gedeeld.KlantreisId;
import nl.klantreis.domein.gedeeld.ZaakId;
import nl.klantreis.domein.klant.KanaalGewisseld;
import nl.klantreis.domein.klant.KanaalwisselIngetrokken;
import nl.klantreis.domein.klant.KlantcontactGeregistreerd;
import nl.klantreis.domein.klant.KlantcontactIngedeeld;
import nl.klantreis.domein.klant.KlantreisBeeindigd;
import nl.klantreis.domein.klant.KlantreisGestart;
import nl.klantreis.domein.klant.KlantreisVervallen;
import nl.klantreis.domein.klant.ZaakAanKlantGekoppeld;
import nl.klantreis.domein.zaak.UiterlijkeEinddatumBepaald;
import nl.klantreis.domein.zaak.ZaakfeitOnbruikbaar;
import nl.klantreis.domein.zaak.Zaakfeitsoort;
import nl.klantreis.domein.zaak.ZaakstatusGezet;

/**
 * The ingestion endpoint on real PostgreSQL, through HTTP, with the whole application running:
 * the dakkapel example in any order and split over requests, duplicates also after a restart,
 * the rejected examples, and the domain refusing one message of a batch.
 */
class IngestieIntegratieTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    static final Testengine engine = Testengine.perKlasse();

    @Test
    void dakkapel_inDeGegevenVolgorde_geeftDeKlantreisVanHetVoorbeeld() {
        Voorbeelden.Kopie kopie = Voorbeelden.kopie(Voorbeelden.DAKKAPEL, "gegeven");
        JsonNode antwoord = stuurBatch(kopie.berichten(), HttpStatus.OK);
        assertThat(antwoord.path("accepted").asInt()).isEqualTo(12);
        assertThat(antwoord.path("resultaten")).allSatisfy(r -> assertThat(r.path("resultaat").asText()).isEqualTo("accepted"));
        controleerDakkapel(kopie);
    }

    @Test
    void dakkapel_inWillekeurigeVolgordeEnVerdeeldOverVerzoeken_geeftDezelfdeKlantreis() {
        Random random = new Random(20260302);
        for (int run = 0; run < 6; run++) {
            Voorbeelden.Kopie kopie = Voorbeelden.kopie(Voorbeelden.DAKKAPEL, "geschud-" + run);
            List<ObjectNode> berichten = new ArrayList<>(kopie.berichten());
            if (run == 0) {
                Collections.reverse(berichten);
            } else {
                Collections.shuffle(berichten, random);
            }
            int positie = 0;
            while (positie < berichten.size()) {
                int tot = run < 3 ? berichten.size() : Math.min(berichten.size(), positie + 1 + random.nextInt(4));
                List<ObjectNode> deel = berichten.subList(positie, tot);
                if (deel.size() == 1) {
                    stuurEen(deel.get(0), HttpStatus.OK, "accepted");
                } else {
                    assertThat(stuurBatch(deel, HttpStatus.OK).path("accepted").asInt()).isEqualTo(deel.size());
                }
                positie = tot;
            }
            controleerDakkapel(kopie);
        }
    }

    @Test
    void gelijktijdigeVerzoekenOpTweeNodes_voorDezelfdeKlant_gevenDezelfdeKlantreis() throws Exception {
        try (Testengine tweede = engine.tweedeNode()) {
            Random random = new Random(4);
            java.util.concurrent.ExecutorService afzenders = java.util.concurrent.Executors.newFixedThreadPool(4);
            try {
                for (int run = 0; run < 8; run++) {
                    Voorbeelden.Kopie kopie = Voorbeelden.kopie(Voorbeelden.DAKKAPEL, "gelijktijdig-" + run);
                    List<ObjectNode> berichten = new ArrayList<>(kopie.berichten());
                    Collections.shuffle(berichten, random);
                    List<java.util.concurrent.Future<JsonNode>> antwoorden = new ArrayList<>();
                    for (int deel = 0; deel < 4; deel++) {
                        List<ObjectNode> stuk = berichten.subList(deel * 3, deel * 3 + 3);
                        Testengine node = deel % 2 == 0 ? engine : tweede;
                        antwoorden.add(afzenders.submit(() -> node.client().post().uri("/api/v1/events")
                                .contentType(MediaType.parseMediaType("application/cloudevents-batch+json"))
                                .bodyValue(Voorbeelden.alsBatch(stuk)).exchange().expectStatus().isOk()
                                .expectBody(JsonNode.class).returnResult().getResponseBody()));
                    }
                    for (java.util.concurrent.Future<JsonNode> antwoord : antwoorden) {
                        assertThat(antwoord.get().path("accepted").asInt()).isEqualTo(3);
                    }
                    controleerDakkapel(kopie);
                }
            } finally {
                afzenders.shutdownNow();
            }
        }
    }

    @Test
    void dakkapel_nogmaals_isGeheelDuplicaat_ookNaHerstart_enSlaatNietsOp() {
        Voorbeelden.Kopie kopie = Voorbeelden.kopie(Voorbeelden.DAKKAPEL, "dubbel");
        stuurBatch(kopie.berichten(), HttpStatus.OK);
        long events = aantalEvents();

        JsonNode nogmaals = stuurBatch(kopie.berichten(), HttpStatus.OK);
        assertThat(nogmaals.path("duplicate").asInt()).isEqualTo(12);
        assertThat(nogmaals.path("accepted").asInt()).isZero();
        stuurEen(kopie.berichten().get(3), HttpStatus.OK, "duplicate");
        assertThat(aantalEvents()).isEqualTo(events);

        engine.herstart();
        JsonNode naHerstart = stuurBatch(kopie.berichten(), HttpStatus.OK);
        assertThat(naHerstart.path("duplicate").asInt()).isEqualTo(12);
        assertThat(aantalEvents()).isEqualTo(events);
    }

    @Test
    void zelfdeBerichtTweemaalInEenBatch_isDeTweedeKeerDuplicaat() {
        Voorbeelden.Kopie kopie = Voorbeelden.kopie(Voorbeelden.DAKKAPEL, "binnen-batch");
        ObjectNode eerste = kopie.berichten().get(0);
        JsonNode antwoord = stuurBatch(List.of(eerste, eerste.deepCopy()), HttpStatus.OK);
        assertThat(antwoord.path("resultaten").get(0).path("resultaat").asText()).isEqualTo("accepted");
        assertThat(antwoord.path("resultaten").get(1).path("resultaat").asText()).isEqualTo("duplicate");
    }

    @Test
    void hetzelfdeFeitMetEenAnderBerichtId_isDuplicaat_zonderNieuweEvents() {
        Voorbeelden.Kopie kopie = Voorbeelden.kopie(Voorbeelden.DAKKAPEL, "ander-id");
        stuurBatch(kopie.berichten(), HttpStatus.OK);
        long events = aantalEvents();
        ObjectNode opnieuw = kopie.berichten().get(0).deepCopy();
        opnieuw.put("id", "herzonden-" + UUID.randomUUID());
        stuurEen(opnieuw, HttpStatus.OK, "duplicate");
        assertThat(aantalEvents()).isEqualTo(events);
    }

    @Test
    void afgewezenVoorbeeld_wordtGeheelAfgewezenMetElkeReden_enSlaatNietsOp() {
        Map<String, Long> voor = tellingen();
        JsonNode probleem = engine.client().post().uri("/api/v1/events")
                .contentType(MediaType.parseMediaType("application/cloudevents-batch+json"))
                .bodyValue(Voorbeelden.tekst(Voorbeelden.AFGEWEZEN))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(probleem.path("rejected").asInt()).isEqualTo(3);
        assertThat(pointers(probleem.path("resultaten").get(0)))
                .containsExactlyInAnyOrder("/data/klantcontactId", "/data/klant/bsn", "/data/kanaal");
        assertThat(pointers(probleem.path("resultaten").get(1)))
                .containsExactlyInAnyOrder("/specversion", "/data/statustype", "/data/datumStatusGezet");
        assertThat(pointers(probleem.path("resultaten").get(2))).containsExactly("/type");
        assertThat(probleem.toString()).doesNotContain("\"123456789\"");
        assertThat(tellingen()).isEqualTo(voor);
    }

    @Test
    void eenAfgewezenBericht_krijgtEenProbleemantwoordMetDeVelden() {
        ObjectNode bericht = Voorbeelden.kopie(Voorbeelden.DAKKAPEL, "los-fout").berichten().get(0);
        ((ObjectNode) bericht.path("data")).put("kanaal", "postduif");
        ((ObjectNode) bericht.path("data")).remove("plaatsgevondenOp");
        Map<String, Long> voor = tellingen();
        JsonNode probleem = engine.client().post().uri("/api/v1/events")
                .contentType(MediaType.parseMediaType("application/cloudevents+json"))
                .bodyValue(bericht.toString())
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(probleem.path("type").asText()).isEqualTo("urn:klantreis:probleem:bericht-afgewezen");
        assertThat(pointers(probleem)).containsExactlyInAnyOrder("/data/kanaal", "/data/plaatsgevondenOp");
        assertThat(tellingen()).isEqualTo(voor);
    }

    @Test
    void domeinWeigertEenBericht_deRestVanDeBatchWordtOpgeslagen_vanHetGeweigerdeNiets() {
        Voorbeelden.Kopie kopie = Voorbeelden.kopie(Voorbeelden.DAKKAPEL, "domein");
        List<ObjectNode> berichten = new ArrayList<>(kopie.berichten());
        ObjectNode vreemdeStatus = berichten.get(3).deepCopy();
        vreemdeStatus.put("id", "vreemd-" + UUID.randomUUID());
        // 'in-productie' exists (for paspoort-aanvragen) but not for this omgevingsvergunning.
        ((ObjectNode) vreemdeStatus.path("data")).put("statustype", "in-productie");
        berichten.add(vreemdeStatus);

        JsonNode antwoord = stuurBatch(berichten, HttpStatus.OK);

        assertThat(antwoord.path("accepted").asInt()).isEqualTo(12);
        JsonNode geweigerd = antwoord.path("resultaten").get(12);
        assertThat(geweigerd.path("resultaat").asText()).isEqualTo("rejected");
        assertThat(pointers(geweigerd)).containsExactly("/data/statustype");
        List<Opgeslagen> events = Eventlezer.alle(engine.database());
        assertThat(Eventlezer.vanType(events, ZaakstatusGezet.class))
                .noneMatch(s -> s.zaakId().equals(new ZaakId(kopie.zaakId())) && s.statustype().equals("in-productie"));
        assertThat(engine.jdbc().queryForObject("SELECT count(*) FROM ontvangen_bericht WHERE bericht_id = ?",
                Long.class, vreemdeStatus.path("id").asText())).isZero();
        controleerDakkapel(kopie);
    }

    @Test
    void eenKlantcontactIdVanEenAndereKlant_wordtAfgewezen_enSlaatNietsOp() {
        Voorbeelden.Kopie kopie = Voorbeelden.kopie(Voorbeelden.DAKKAPEL, "eigenaar");
        stuurBatch(kopie.berichten(), HttpStatus.OK);
        ObjectNode eerste = kopie.berichten().stream()
                .filter(b -> b.path("type").asText().endsWith("klantcontact-geregistreerd")).findFirst().orElseThrow();
        String anderBsn = Voorbeelden.geldigBsn(new java.util.Random(4711));
        assertThat(anderBsn).isNotEqualTo(kopie.bsn());

        // The same klantcontactId under a new message id, now for another klant: rejected, nothing stored.
        ObjectNode anderKlant = eerste.deepCopy();
        anderKlant.put("id", "andere-klant-" + UUID.randomUUID());
        ((ObjectNode) anderKlant.path("data")).putObject("klant").put("bsn", anderBsn);
        Map<String, Long> voor = tellingen();
        JsonNode probleem = engine.client().post().uri("/api/v1/events")
                .contentType(MediaType.parseMediaType("application/cloudevents+json"))
                .bodyValue(anderKlant.toString())
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(pointers(probleem)).containsExactly("/data/klantcontactId");
        assertThat(probleem.toString()).contains("al geregistreerd bij een andere klant");
        // No event and no receipt; only the other klant's key may exist (keys are made before the
        // batch, in a transaction of their own, and an unused key holds nothing).
        Map<String, Long> na = tellingen();
        assertThat(na.get("domainevententry")).isEqualTo(voor.get("domainevententry"));
        assertThat(na.get("ontvangen_bericht")).isEqualTo(voor.get("ontvangen_bericht"));

        // Within one batch the first message naming a new klantcontactId wins; the same klant may correct it.
        ObjectNode nieuw = eerste.deepCopy();
        UUID nieuwId = UUID.randomUUID();
        nieuw.put("id", "nieuw-" + UUID.randomUUID());
        ((ObjectNode) nieuw.path("data")).put("klantcontactId", nieuwId.toString());
        ObjectNode vanAnder = nieuw.deepCopy();
        vanAnder.put("id", "nieuw-ander-" + UUID.randomUUID());
        ((ObjectNode) vanAnder.path("data")).putObject("klant").put("bsn", anderBsn);
        ObjectNode correctie = nieuw.deepCopy();
        correctie.put("id", "nieuw-correctie-" + UUID.randomUUID());
        ((ObjectNode) correctie.path("data")).put("duurSeconden", 321);
        JsonNode antwoord = stuurBatch(List.of(nieuw, vanAnder, correctie), HttpStatus.OK);
        assertThat(antwoord.path("resultaten").get(0).path("resultaat").asText()).isEqualTo("accepted");
        assertThat(antwoord.path("resultaten").get(1).path("resultaat").asText()).isEqualTo("rejected");
        assertThat(pointers(antwoord.path("resultaten").get(1))).containsExactly("/data/klantcontactId");
        assertThat(antwoord.path("resultaten").get(2).path("resultaat").asText()).isEqualTo("duplicate");
        assertThat(engine.jdbc().queryForObject("SELECT count(*) FROM klantcontact_klant WHERE klantcontact_id = ?",
                Long.class, nieuwId)).isEqualTo(1);
    }

    @Test
    void statusVanAnderZaaktypeVoorDeZaak_wordtBewaardEnBijRegistratieOnbruikbaar() {
        Voorbeelden.Kopie kopie = Voorbeelden.kopie(Voorbeelden.DAKKAPEL, "onbruikbaar");
        ObjectNode vreemdeStatus = kopie.berichten().get(3).deepCopy();
        vreemdeStatus.put("id", "vroeg-vreemd-" + UUID.randomUUID());
        ((ObjectNode) vreemdeStatus.path("data")).put("statustype", "in-productie");
        stuurEen(vreemdeStatus, HttpStatus.OK, "accepted");
        stuurBatch(kopie.berichten(), HttpStatus.OK);

        List<ZaakfeitOnbruikbaar> onbruikbaar = Eventlezer.vanType(Eventlezer.alle(engine.database()),
                ZaakfeitOnbruikbaar.class).stream().filter(o -> o.zaakId().equals(new ZaakId(kopie.zaakId()))).toList();
        assertThat(onbruikbaar).singleElement().satisfies(o -> {
            assertThat(o.feit()).isEqualTo(Zaakfeitsoort.STATUS_GEZET);
            assertThat(o.code()).isEqualTo("in-productie");
        });
        controleerDakkapel(kopie);
    }

    @Test
    void batchVanDuizendBerichten_wordtGeheelAanvaard() {
        List<ObjectNode> berichten = new ArrayList<>();
        ObjectNode voorbeeld = Voorbeelden.berichten(Voorbeelden.DAKKAPEL).get(6);
        Random random = new Random(7);
        for (int i = 0; i < 1000; i++) {
            ObjectNode bericht = voorbeeld.deepCopy();
            bericht.put("id", "duizend-" + i);
            ObjectNode data = (ObjectNode) bericht.path("data");
            data.put("klantcontactId", UUID.nameUUIDFromBytes(("duizend" + i).getBytes()).toString());
            data.remove("zaakId");
            data.put("onderwerp", "algemene-vraag");
            ((ObjectNode) data.path("klant")).put("bsn", Voorbeelden.geldigBsn(random));
            berichten.add(bericht);
        }
        JsonNode antwoord = stuurBatch(berichten, HttpStatus.OK);
        assertThat(antwoord.path("accepted").asInt()).isEqualTo(1000);
    }

    @Test
    void teGroteBatch_onbekendFormaat_enOnleesbareJson_krijgenEenProbleemantwoord() {
        Map<String, Long> voor = tellingen();
        List<ObjectNode> teVeel = Collections.nCopies(5001, Voorbeelden.berichten(Voorbeelden.DAKKAPEL).get(0));
        engine.client().post().uri("/api/v1/events")
                .contentType(MediaType.parseMediaType("application/cloudevents-batch+json"))
                .bodyValue(Voorbeelden.alsBatch(teVeel))
                .exchange().expectStatus().isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        engine.client().post().uri("/api/v1/events")
                .contentType(MediaType.parseMediaType("application/cloudevents-batch+json"))
                .bodyValue("x".repeat(17 * 1024 * 1024))
                .exchange().expectStatus().isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        engine.client().post().uri("/api/v1/events")
                .contentType(MediaType.TEXT_PLAIN).bodyValue("hallo")
                .exchange().expectStatus().isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        engine.client().post().uri("/api/v1/events")
                .contentType(MediaType.parseMediaType("application/cloudevents-batch+json"))
                .bodyValue("[{\"specversion\": ")
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        engine.client().post().uri("/api/v1/events")
                .contentType(MediaType.parseMediaType("application/cloudevents+json"))
                .bodyValue("[]")
                .exchange().expectStatus().isBadRequest();
        assertThat(tellingen()).isEqualTo(voor);
    }

    @Test
    void ingestie_weigertTeDraaienOpEenEventLoopThread() {
        Ingestiedienst dienst = engine.bean(Ingestiedienst.class);
        List<JsonNode> bericht = List.of(Voorbeelden.kopie(Voorbeelden.DAKKAPEL, "eventloop").berichten().get(0));
        reactor.test.StepVerifier.create(reactor.core.publisher.Mono.fromCallable(() -> dienst.bereidVoor(bericht))
                        .subscribeOn(reactor.core.scheduler.Schedulers.parallel()))
                .expectErrorSatisfies(fout -> assertThat(fout).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("event-loop"))
                .verify();
    }

    /** The outcome README names for the example, read from the stored events alone. */
    private static void controleerDakkapel(Voorbeelden.Kopie kopie) {
        List<Opgeslagen> events = Eventlezer.alle(engine.database());
        ZaakId zaak = new ZaakId(kopie.zaakId());
        ZaakAanKlantGekoppeld koppeling = Eventlezer.vanType(events, ZaakAanKlantGekoppeld.class).stream()
                .filter(k -> k.zaakId().equals(zaak)).findFirst().orElseThrow();
        String klant = koppeling.klantId().waarde();
        List<Opgeslagen> vanKlant = events.stream().filter(e -> e.aggregaat().equals(klant)).toList();
        KlantreisId zaakreis = koppeling.klantreisId();

        Map<UUID, KlantreisId> indeling = new HashMap<>();
        Eventlezer.vanType(vanKlant, KlantcontactIngedeeld.class)
                .forEach(i -> indeling.put(i.klantcontactId().waarde(), i.klantreisId()));
        assertThat(Eventlezer.vanType(vanKlant, KlantcontactGeregistreerd.class)).hasSize(3);
        for (String contact : List.of("0b7f2f7e-3a51-4bb9-9a53-2f6e7a0c1d11", "6c1d7a52-0d8e-4e8b-a0f4-5d2a9b3c7e22",
                "9e3a4f10-7b2c-4d6e-8f90-1a2b3c4d5e33")) {
            assertThat(indeling.get(UUID.fromString(kopie.uuid().apply(contact))))
                    .as("klantreis van contact %s", contact).isEqualTo(zaakreis);
        }

        Set<KlantreisId> levend = new HashSet<>();
        Eventlezer.vanType(vanKlant, KlantreisGestart.class).forEach(g -> levend.add(g.klantreisId()));
        Eventlezer.vanType(vanKlant, KlantreisVervallen.class).forEach(v -> levend.remove(v.klantreisId()));
        assertThat(levend).containsExactly(zaakreis);

        // Folded in stored order, keyed by the two steps: a wissel retracted and another with the
        // same kanalen added must leave the new one.
        Map<String, String> wissels = new HashMap<>();
        for (Opgeslagen opgeslagen : vanKlant) {
            if (opgeslagen.event() instanceof KanaalGewisseld w) {
                wissels.put(w.vanStap() + ">" + w.naarStap(),
                        w.klantreisId() + " " + w.van() + "->" + w.naar() + (w.warm() ? " warm" : " koud"));
            } else if (opgeslagen.event() instanceof KanaalwisselIngetrokken w) {
                wissels.remove(w.vanStap() + ">" + w.naarStap());
            }
        }
        assertThat(wissels.values()).containsExactlyInAnyOrder(zaakreis + " telefoon->webformulier warm",
                zaakreis + " webformulier->telefoon koud");

        assertThat(Eventlezer.vanType(vanKlant, KlantreisBeeindigd.class))
                .singleElement().satisfies(b -> {
                    assertThat(b.klantreisId()).isEqualTo(zaakreis);
                    assertThat(b.beeindigdOp()).isEqualTo(Instant.parse("2026-04-21T06:00:00Z"));
                });

        List<UiterlijkeEinddatumBepaald> einddata = Eventlezer.vanType(events, UiterlijkeEinddatumBepaald.class)
                .stream().filter(e -> e.zaakId().equals(zaak)).toList();
        UiterlijkeEinddatumBepaald laatste = einddata.get(einddata.size() - 1);
        assertThat(laatste.uiterlijkeEinddatum()).isEqualTo(LocalDate.of(2026, 5, 8));
        assertThat(laatste.opschortingDagen()).isEqualTo(9);
        assertThat(laatste.opgeschortSinds()).isNull();

        String anoniem = "anoniem-" + kopie.uuid().apply("a1b2c3d4-0000-4000-8000-000000000044");
        List<Opgeslagen> vanAnoniem = events.stream().filter(e -> e.aggregaat().equals(anoniem)).toList();
        assertThat(Eventlezer.vanType(vanAnoniem, KlantreisGestart.class)).hasSize(1);
        assertThat(Eventlezer.vanType(vanAnoniem, KlantcontactGeregistreerd.class))
                .singleElement().satisfies(c -> assertThat(c.kanaal()).isEqualTo("chat"));
        assertThat(Eventlezer.vanType(vanAnoniem, KanaalGewisseld.class)).isEmpty();
    }

    private static JsonNode stuurBatch(List<ObjectNode> berichten, HttpStatus verwacht) {
        return engine.client().post().uri("/api/v1/events")
                .contentType(MediaType.parseMediaType("application/cloudevents-batch+json"))
                .bodyValue(Voorbeelden.alsBatch(berichten))
                .exchange()
                .expectStatus().isEqualTo(verwacht)
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private static void stuurEen(ObjectNode bericht, HttpStatus verwacht, String resultaat) {
        JsonNode antwoord = engine.client().post().uri("/api/v1/events")
                .contentType(MediaType.parseMediaType("application/cloudevents+json"))
                .bodyValue(bericht.toString())
                .exchange()
                .expectStatus().isEqualTo(verwacht)
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(antwoord.path("resultaat").asText()).isEqualTo(resultaat);
    }

    private static List<String> pointers(JsonNode metFouten) {
        List<String> pointers = new ArrayList<>();
        metFouten.path("errors").forEach(f -> pointers.add(f.path("pointer").asText()));
        return pointers;
    }

    private static long aantalEvents() {
        return engine.jdbc().queryForObject("SELECT count(*) FROM domainevententry", Long.class);
    }

    private static Map<String, Long> tellingen() {
        Map<String, Long> tellingen = new HashMap<>();
        for (String tabel : List.of("domainevententry", "ontvangen_bericht", "sleutel")) {
            tellingen.put(tabel, engine.jdbc().queryForObject("SELECT count(*) FROM " + tabel, Long.class));
        }
        return tellingen;
    }
}
