package nl.klantreis.api.mijnzaken;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.FluxExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariDataSource;

import io.micrometer.core.instrument.MeterRegistry;

import nl.klantreis.api.beveiliging.Rol;
import nl.klantreis.api.testondersteuning.Testengine;
import nl.klantreis.api.testondersteuning.Voorbeelden;
import nl.klantreis.domein.gedeeld.Identificatiesoort;
import nl.klantreis.projecties.leesmodel.Projectiebeheer;
import nl.klantreis.projecties.mijnzaken.MijnZakenLeesregels;
import nl.klantreis.infrastructuur.privacy.Pseudoniemen;
import reactor.core.Disposable;

/**
 * Live track and trace over two nodes on one PostgreSQL: a status ingested on node 1 reaches a
 * burger's stream on node 2, pushed only after the projection committed it (the pushed detail is
 * what a read then gives) and after its processing record was stored; Last-Event-ID resumption;
 * another's zaak is a 404 like on the detail endpoint; heartbeats; a rebuild stays silent.
 */
class LiveUpdatesTest {
    private static final ParameterizedTypeReference<ServerSentEvent<JsonNode>> SSE = new ParameterizedTypeReference<>() {
    };
    private static final Duration RUIM = Duration.ofSeconds(15);
    // Ordered so that the first node migrates the database before the second joins it, as before.
    @RegisterExtension
    @Order(1)
    static final Testengine node1 = Testengine.perKlasse("--klantreis.live.hartslag=300ms");
    @RegisterExtension
    @Order(2)
    static final Testengine node2 = node1.tweedeNodePerKlasse();

    @Test
    void statusOpNode1_bereiktDeBurgerOpNode2_naDeCommit_enGelijkAanEenLezingOpDatMoment() throws Exception {
        Voorbeelden.Kopie kopie = Voorbeelden.kopie(Voorbeelden.DAKKAPEL, "live-twee-nodes");
        List<ObjectNode> berichten = kopie.berichten();
        post(zonder(berichten, "zs-status-4", "zs-afgesloten-1"));
        node1.wachtOpLeesmodellen();
        String klantId = node1.bean(Pseudoniemen.class).voor(Identificatiesoort.BSN, kopie.bsn()).waarde();
        MeterRegistry meters2 = node2.bean(MeterRegistry.class);
        double openVoor = meters2.get("klantreis.live.verbindingen").gauge().value();
        int abonneesVoor = node2.bean(Wijzigingsluisteraar.class).abonnees();

        try (Volger volger = new Volger(node2.client(Rol.BURGER, kopie.bsn()), kopie.zaakId(), null)) {
            ServerSentEvent<JsonNode> eerste = volger.volgendeZaak();
            assertThat(eerste.event()).isEqualTo("zaak");
            assertThat(codes(eerste.data())).containsExactly("ontvangen", "aanvulling-gevraagd", "in-behandeling");
            assertThat(eerste.data()).isEqualTo(detail(node2, kopie));
            assertThat(meters2.get("klantreis.live.verbindingen").gauge().value()).isEqualTo(openVoor + 1);

            long verzonden = System.nanoTime();
            post(alleen(berichten, "zs-status-4"));
            long beantwoord = System.nanoTime();
            ServerSentEvent<JsonNode> besluit = volger.volgendeZaak();
            long ontvangen = System.nanoTime();
            // A read right after the push gives exactly what was pushed (nothing changed since).
            JsonNode gelezen = detail(node1, kopie);
            assertThat(codes(besluit.data())).containsExactly("ontvangen", "aanvulling-gevraagd", "in-behandeling",
                    "besluit-genomen");
            assertThat(besluit.data()).isEqualTo(gelezen);
            assertThat(Long.parseLong(besluit.id())).isGreaterThan(Long.parseLong(eerste.id()));
            System.out.printf("live push over twee nodes: %d ms na het ingestie-antwoord (%d ms na het verzenden)%n",
                    TimeUnit.NANOSECONDS.toMillis(ontvangen - beantwoord), TimeUnit.NANOSECONDS.toMillis(ontvangen - verzonden));
            // Every push was logged before it left.
            assertThat(verwerkingen(klantId)).isGreaterThanOrEqualTo(2);

            post(alleen(berichten, "zs-afgesloten-1"));
            ServerSentEvent<JsonNode> afgesloten = volger.volgendeZaak();
            assertThat(afgesloten.data().path("afgesloten").path("resultaat").asText()).isEqualTo("toegekend");
            assertThat(afgesloten.data()).isEqualTo(detail(node1, kopie));
            assertThat(Long.parseLong(afgesloten.id())).isGreaterThan(Long.parseLong(besluit.id()));
            assertThat(verwerkingen(klantId)).isGreaterThanOrEqualTo(3);
            assertThat(meters2.get("klantreis.live.pushlatentie").timer().count()).isGreaterThanOrEqualTo(2);
            // The same change sent again changes nothing: nothing is pushed.
            post(alleen(berichten, "zs-afgesloten-1"));
            node1.wachtOpLeesmodellen();
            assertThat(volger.zaakBinnen(Duration.ofMillis(800))).isNull();
        }
        wachtTot(() -> meters2.get("klantreis.live.verbindingen").gauge().value() == openVoor
                        && node2.bean(Wijzigingsluisteraar.class).abonnees() == abonneesVoor,
                "de stroom is opgeruimd na het afbreken");
    }

    @Test
    void lastEventId_gelijkAanDeHuidige_stuurtNietsTotDeVolgendeWijziging_eenOudere_deHuidigeMeteen() {
        Voorbeelden.Kopie kopie = Voorbeelden.kopie(Voorbeelden.DAKKAPEL, "live-hervatten");
        List<ObjectNode> berichten = kopie.berichten();
        post(zonder(berichten, "zs-status-4", "zs-afgesloten-1"));
        node1.wachtOpLeesmodellen();
        WebTestClient burger = node2.client(Rol.BURGER, kopie.bsn());

        String huidige;
        try (Volger volger = new Volger(burger, kopie.zaakId(), null)) {
            huidige = volger.volgendeZaak().id();
        }
        try (Volger volger = new Volger(burger, kopie.zaakId(), huidige)) {
            ServerSentEvent<JsonNode> open = volger.volgende(e -> true, RUIM);
            assertThat(open.comment()).as("de verbinding gaat meteen open, zonder gebeurtenis").isEqualTo("verbonden");
            assertThat(volger.zaakBinnen(Duration.ofSeconds(1))).as("geen herhaling van wat hij al heeft").isNull();
            post(alleen(berichten, "zs-status-4"));
            ServerSentEvent<JsonNode> volgende = volger.volgendeZaak();
            assertThat(codes(volgende.data())).endsWith("besluit-genomen");
            assertThat(Long.parseLong(volgende.id())).isGreaterThan(Long.parseLong(huidige));
            huidige = volgende.id();
        }
        try (Volger volger = new Volger(node1.client(Rol.BURGER, kopie.bsn()), kopie.zaakId(), "1")) {
            ServerSentEvent<JsonNode> meteen = volger.volgendeZaak();
            assertThat(meteen.id()).as("een oudere id krijgt de huidige toestand meteen").isEqualTo(huidige);
            assertThat(codes(meteen.data())).endsWith("besluit-genomen");
        }
    }

    @Test
    void andermansZaak_is404_zoalsOpHetDetailEindpunt() {
        Voorbeelden.Kopie kopie = Voorbeelden.kopie(Voorbeelden.DAKKAPEL, "live-andermans");
        post(kopie.berichten());
        node1.wachtOpLeesmodellen();
        WebTestClient ander = node2.client(Rol.BURGER, Voorbeelden.geldigBsn(new Random(11)));

        JsonNode stroom = ander.get().uri("/api/v1/mijnzaken/{id}/updates", kopie.zaakId())
                .accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isNotFound().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        JsonNode detail = ander.get().uri("/api/v1/mijnzaken/{id}", kopie.zaakId()).exchange()
                .expectStatus().isNotFound().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        JsonNode onbestaand = ander.get().uri("/api/v1/mijnzaken/{id}/updates", UUID.randomUUID())
                .accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isNotFound().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(zonderInstance(stroom)).isEqualTo(zonderInstance(detail)).isEqualTo(zonderInstance(onbestaand));

        node2.client(Rol.MEDEWERKER, null).get().uri("/api/v1/mijnzaken/{id}/updates", kopie.zaakId())
                .accept(MediaType.TEXT_EVENT_STREAM).exchange().expectStatus().isForbidden();
        node2.clientZonderToken().get().uri("/api/v1/mijnzaken/{id}/updates", kopie.zaakId())
                .accept(MediaType.TEXT_EVENT_STREAM).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void verbrokenLuisterverbinding_wordtHersteld_enDeStroomLooptDoor() {
        Voorbeelden.Kopie kopie = Voorbeelden.kopie(Voorbeelden.DAKKAPEL, "live-herverbinden");
        List<ObjectNode> berichten = kopie.berichten();
        post(zonder(berichten, "zs-status-4", "zs-afgesloten-1"));
        node1.wachtOpLeesmodellen();
        MeterRegistry meters2 = node2.bean(MeterRegistry.class);
        double herverbonden = meters2.get("klantreis.live.herverbindingen").counter().count();
        try (Volger volger = new Volger(node2.client(Rol.BURGER, kopie.bsn()), kopie.zaakId(), null)) {
            String eerste = volger.volgendeZaak().id();
            // Both nodes' listening connections are cut, as a failover or a network cut would.
            node1.jdbc().queryForList("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    + "WHERE application_name = 'klantreis-wijzigingsluisteraar'");
            wachtTot(() -> meters2.get("klantreis.live.herverbindingen").counter().count() > herverbonden
                    && meters2.get("klantreis.live.luisteraar.verbonden").gauge().value() == 1, "de luisteraar is terug");
            assertThat(volger.zaakBinnen(Duration.ofMillis(500))).as("de hersynchronisatie herhaalt niets").isNull();
            post(alleen(berichten, "zs-status-4"));
            ServerSentEvent<JsonNode> besluit = volger.volgendeZaak();
            assertThat(codes(besluit.data())).endsWith("besluit-genomen");
            assertThat(Long.parseLong(besluit.id())).isGreaterThan(Long.parseLong(eerste));
        }
    }

    @Test
    void hartslagen_alsCommentaar() {
        Voorbeelden.Kopie kopie = Voorbeelden.kopie(Voorbeelden.DAKKAPEL, "live-hartslag");
        post(kopie.berichten());
        node1.wachtOpLeesmodellen();
        try (Volger volger = new Volger(node2.client(Rol.BURGER, kopie.bsn()), kopie.zaakId(), null)) {
            volger.volgendeZaak();
            ServerSentEvent<JsonNode> hartslag = volger.volgende(e -> e.comment() != null, Duration.ofSeconds(3));
            assertThat(hartslag.comment()).isEqualTo("hartslag");
            assertThat(hartslag.event()).isNull();
            assertThat(hartslag.data()).isNull();
        }
    }

    /** Pushes one contact after another and measures from the ingest answer to receipt on the other node. */
    @Test
    void pushlatentie_overTweeNodes() throws Exception {
        Voorbeelden.Kopie kopie = Voorbeelden.kopie(Voorbeelden.DAKKAPEL, "live-latentie");
        List<ObjectNode> berichten = kopie.berichten();
        post(berichten);
        node1.wachtOpLeesmodellen();
        ObjectNode contact = alleen(berichten, "kcc-001433").get(0);
        List<Long> latenties = new ArrayList<>();
        List<Long> totMelding = new ArrayList<>();
        java.util.Map<String, Long> gehoord = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.concurrent.atomic.AtomicBoolean luisteren = new java.util.concurrent.atomic.AtomicBoolean(true);
        Connection luisteraar = luisterverbinding();
        Thread oor = new Thread(() -> {
            try {
                while (luisteren.get()) {
                    PGNotification[] binnen = luisteraar.unwrap(PGConnection.class).getNotifications(50);
                    long nu = System.nanoTime();
                    if (binnen != null) {
                        Arrays.stream(binnen).forEach(m -> gehoord.put(m.getParameter(), nu));
                    }
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        oor.start();
        try (Volger volger = new Volger(node2.client(Rol.BURGER, kopie.bsn()), kopie.zaakId(), null)) {
            int contacten = volger.volgendeZaak().data().path("klantcontacten").size();
            for (int i = 0; i < 20; i++) {
                ObjectNode nieuw = contact.deepCopy();
                nieuw.put("id", "kcc-live-" + i);
                ((ObjectNode) nieuw.path("data")).put("klantcontactId", UUID.randomUUID().toString());
                ((ObjectNode) nieuw.path("data")).put("plaatsgevondenOp", "2026-03-17T10:%02d:00+01:00".formatted(i));
                post(List.of(nieuw));
                long beantwoord = System.nanoTime();
                ServerSentEvent<JsonNode> push = volger.volgendeZaak();
                latenties.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - beantwoord));
                // When the projection's commit was heard by a listener of the test's own.
                Long melding = gehoord.get(kopie.zaakId() + ":" + push.id());
                totMelding.add(melding == null ? -1 : TimeUnit.NANOSECONDS.toMillis(melding - beantwoord));
                assertThat(push.data().path("klantcontacten")).hasSize(contacten + 1 + i);
            }
        } finally {
            luisteren.set(false);
            oor.join();
            luisteraar.close();
        }
        List<Long> gesorteerd = latenties.stream().sorted().toList();
        io.micrometer.core.instrument.Timer intern = node2.bean(MeterRegistry.class).get("klantreis.live.pushlatentie").timer();
        System.out.printf("pushlatentie over twee nodes (ms, na ingestie-antwoord): p50=%d max=%d alle=%s; "
                        + "melding tot verzenden op node 2: gemiddeld %.1f ms, max %.1f ms (%d); ingestie-antwoord tot melding (ms) %s%n",
                gesorteerd.get(gesorteerd.size() / 2), gesorteerd.get(gesorteerd.size() - 1), latenties,
                intern.mean(TimeUnit.MILLISECONDS), intern.max(TimeUnit.MILLISECONDS), intern.count(), totMelding);
        assertThat(gesorteerd.get(gesorteerd.size() / 2)).isLessThan(RUIM.toMillis());
    }

    @Test
    void herbouw_meldtGeenDocumenten_alleenDeWissel() throws Exception {
        post(Voorbeelden.kopie(Voorbeelden.DAKKAPEL, "live-herbouw").berichten());
        node1.wachtOpLeesmodellen();
        try (Connection luisteraar = luisterverbinding()) {
            Projectiebeheer beheer1 = node1.bean(Projectiebeheer.class);
            Projectiebeheer beheer2 = node2.bean(Projectiebeheer.class);
            String oud = beheer1.actieveTabel(MijnZakenLeesregels.NAAM);
            beheer1.herbouw(MijnZakenLeesregels.NAAM);
            wachtTot(() -> !beheer1.actieveTabel(MijnZakenLeesregels.NAAM).equals(oud)
                    && beheer2.actieveTabel(MijnZakenLeesregels.NAAM).equals(beheer1.actieveTabel(MijnZakenLeesregels.NAAM)),
                    "de herbouw neemt het over, op beide nodes");
            Thread.sleep(1_000);
            List<String> meldingen = new ArrayList<>();
            PGNotification[] binnen;
            while ((binnen = luisteraar.unwrap(PGConnection.class).getNotifications(200)) != null && binnen.length > 0) {
                Arrays.stream(binnen).map(PGNotification::getParameter).forEach(meldingen::add);
            }
            assertThat(meldingen).as("de herbouw meldt geen documenten; elke node meldt de wissel").isNotEmpty()
                    .containsOnly("*");
        }
    }

    private static Connection luisterverbinding() throws java.sql.SQLException {
        HikariDataSource hikari = (HikariDataSource) node1.database();
        Properties eigenschappen = new Properties();
        eigenschappen.setProperty("user", hikari.getUsername());
        if (hikari.getPassword() != null) {
            eigenschappen.setProperty("password", hikari.getPassword());
        }
        Connection verbinding = DriverManager.getConnection(hikari.getJdbcUrl(), eigenschappen);
        try (Statement opdracht = verbinding.createStatement()) {
            opdracht.execute("LISTEN leesmodel_mijnzaken");
        }
        return verbinding;
    }

    private static JsonNode detail(Testengine node, Voorbeelden.Kopie kopie) {
        return node.client(Rol.BURGER, kopie.bsn()).get().uri("/api/v1/mijnzaken/{id}", kopie.zaakId()).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private static long verwerkingen(String klantId) {
        return node1.jdbc().queryForObject("SELECT count(*) FROM verwerking WHERE activiteit = 'mijnzaken-volgen' "
                + "AND betrokkene = ? AND resultaat = 'getoond'", Long.class, klantId);
    }

    private static List<String> codes(JsonNode detail) {
        List<String> codes = new ArrayList<>();
        detail.path("statussen").forEach(s -> codes.add(s.path("code").asText()));
        return codes;
    }

    private static List<ObjectNode> zonder(List<ObjectNode> berichten, String... ids) {
        return berichten.stream().filter(b -> Arrays.stream(ids).noneMatch(id -> b.path("id").asText().startsWith(id + "-")))
                .toList();
    }

    private static List<ObjectNode> alleen(List<ObjectNode> berichten, String id) {
        return berichten.stream().filter(b -> b.path("id").asText().startsWith(id + "-")).toList();
    }

    private static void post(List<ObjectNode> berichten) {
        node1.client().post().uri("/api/v1/events")
                .contentType(MediaType.parseMediaType("application/cloudevents-batch+json"))
                .bodyValue(Voorbeelden.alsBatch(berichten)).exchange().expectStatus().isOk();
    }

    private static JsonNode zonderInstance(JsonNode probleem) {
        ObjectNode kopie = probleem.deepCopy();
        kopie.remove("instance");
        return kopie;
    }

    private static void wachtTot(java.util.function.BooleanSupplier voorwaarde, String wat) {
        Instant tot = Instant.now().plus(RUIM);
        while (!voorwaarde.getAsBoolean()) {
            if (Instant.now().isAfter(tot)) {
                throw new AssertionError("niet binnen " + RUIM + ": " + wat);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** An SSE client: every event and comment it receives, in order, to take from with a timeout. */
    private static final class Volger implements AutoCloseable {
        private final BlockingQueue<ServerSentEvent<JsonNode>> ontvangen = new LinkedBlockingQueue<>();
        private final Disposable abonnement;

        Volger(WebTestClient client, UUID zaak, String laatsteId) {
            WebTestClient.RequestHeadersSpec<?> verzoek = client.get().uri("/api/v1/mijnzaken/{id}/updates", zaak)
                    .accept(MediaType.TEXT_EVENT_STREAM);
            if (laatsteId != null) {
                verzoek = verzoek.header("Last-Event-ID", laatsteId);
            }
            FluxExchangeResult<ServerSentEvent<JsonNode>> antwoord = verzoek.exchange().expectStatus().isOk()
                    .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
                    .returnResult(SSE);
            abonnement = antwoord.getResponseBody().subscribe(ontvangen::add);
        }

        ServerSentEvent<JsonNode> volgende(Predicate<ServerSentEvent<JsonNode>> welke, Duration maximaal) {
            long tot = System.nanoTime() + maximaal.toNanos();
            try {
                while (true) {
                    long over = tot - System.nanoTime();
                    ServerSentEvent<JsonNode> event = over > 0 ? ontvangen.poll(over, TimeUnit.NANOSECONDS) : null;
                    if (event == null || welke.test(event)) {
                        return event;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }

        /** The next {@code zaak} event within {@code maximaal}, or null. */
        ServerSentEvent<JsonNode> zaakBinnen(Duration maximaal) {
            return volgende(e -> "zaak".equals(e.event()), maximaal);
        }

        ServerSentEvent<JsonNode> volgendeZaak() {
            ServerSentEvent<JsonNode> event = zaakBinnen(RUIM);
            assertThat(event).as("een zaak-gebeurtenis binnen " + RUIM).isNotNull();
            return event;
        }

        @Override
        public void close() {
            abonnement.dispose();
        }
    }
}
