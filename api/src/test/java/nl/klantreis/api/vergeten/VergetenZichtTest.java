package nl.klantreis.api.vergeten;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nl.klantreis.api.beveiliging.Rol;
import nl.klantreis.api.testondersteuning.Herbouwcontrole;
import nl.klantreis.api.testondersteuning.Testengine;
import nl.klantreis.api.testondersteuning.Voorbeelden;
import nl.klantreis.domein.gedeeld.Identificatiesoort;
import nl.klantreis.projecties.kpi.Kpivraag;
import nl.klantreis.projecties.leesmodel.Documentlezer;
import nl.klantreis.projecties.leesmodel.Projectiebeheer;
import nl.klantreis.infrastructuur.privacy.Pseudoniemen;

/**
 * Issue 9 item 3, the read side, through the running app: after a klant is forgotten nothing
 * leads from his BSN to his history (search, klantbeeld, klantreizen on both time axes and by id,
 * MijnZaken, his own and the auditor's view of the processing log, the read model tables), every
 * KPI in every breakdown is what it was, another klant is untouched, a rebuild of the read models
 * gives the same, and when he comes back he is found again with only his new history.
 */
class VergetenZichtTest {
    private static final String KPI_PERIODE = "van=2026-01-01&tot=2027-01-01&peilmoment=2026-11-01T00:00:00Z";
    @RegisterExtension
    static final Testengine engine = Testengine.perKlasse();

    @Test
    void naVergeten_leidtNietsVanZijnNummerNaarZijnGeschiedenis_kpisGelijk_herbouwGelijk_terugkeerAlleenNieuw()
            throws InterruptedException {
        Voorbeelden.Kopie hij = Voorbeelden.kopie(Voorbeelden.DAKKAPEL, "zicht-hij");
        Voorbeelden.Kopie ander = Voorbeelden.kopie(Voorbeelden.DAKKAPEL, "zicht-ander");
        stuur(hij.berichten());
        stuur(ander.berichten());
        engine.wachtOpLeesmodellen();
        String klant = pseudoniem(hij.bsn());
        String andereKlant = pseudoniem(ander.bsn());

        assertThat(zoek(hij.bsn(), HttpStatus.OK).path("klantId").asText()).isEqualTo(klant);
        List<String> zijnReizen = new ArrayList<>();
        get(medewerker(), "/api/v1/klanten/" + klant + "/klantreizen", HttpStatus.OK).path("klantreizen")
                .forEach(reis -> zijnReizen.add(reis.path("klantreisId").asText()));
        assertThat(zijnReizen).isNotEmpty();
        assertThat(get(burger(hij), "/api/v1/mijnzaken", HttpStatus.OK).path("zaken")).hasSize(1);
        Instant voorHetVergeten = Instant.now();
        Map<String, String> kpisVoor = kpis();
        assertThat(kpisVoor.values()).anyMatch(kpi -> kpi.contains("\"teller\":"));
        String anderBeeld = get(medewerker(), "/api/v1/klanten/" + andereKlant + "/klantbeeld", HttpStatus.OK)
                .toString();
        String anderReizen = get(medewerker(), "/api/v1/klanten/" + andereKlant + "/klantreizen", HttpStatus.OK)
                .toString();
        String anderZaken = get(burger(ander), "/api/v1/mijnzaken", HttpStatus.OK).toString();
        Thread.sleep(5);

        engine.client(Rol.BEHEERDER, null).post().uri("/api/v1/klanten/" + klant + "/vergeten").exchange()
                .expectStatus().isAccepted();
        engine.wachtOpLeesmodellen();

        nietsLeidtNaarHem(hij, klant, zijnReizen, voorHetVergeten);
        assertThat(kpis()).as("elke KPI in elke uitsplitsing").isEqualTo(kpisVoor);
        assertThat(get(medewerker(), "/api/v1/klanten/" + andereKlant + "/klantbeeld", HttpStatus.OK).toString())
                .isEqualTo(anderBeeld);
        assertThat(get(medewerker(), "/api/v1/klanten/" + andereKlant + "/klantreizen", HttpStatus.OK).toString())
                .isEqualTo(anderReizen);
        assertThat(get(burger(ander), "/api/v1/mijnzaken", HttpStatus.OK).toString()).isEqualTo(anderZaken);

        // Forgetting is an event: a rebuild of every read model must come to exactly the same.
        Projectiebeheer beheer = engine.bean(Projectiebeheer.class);
        Map<String, String> live = new LinkedHashMap<>();
        for (String naam : beheer.namen()) {
            live.put(naam, new Documentlezer<>(beheer, naam, engine.database()).controlegetal());
        }
        for (String naam : beheer.namen()) {
            Herbouwcontrole.wachtOpOvername(beheer, naam, beheer.herbouw(naam));
        }
        engine.wachtOpLeesmodellen();
        for (String naam : beheer.namen()) {
            assertThat(new Documentlezer<>(beheer, naam, engine.database()).controlegetal())
                    .as("%s: herbouwd gelijk aan live, document voor document", naam).isEqualTo(live.get(naam));
        }
        nietsLeidtNaarHem(hij, klant, zijnReizen, voorHetVergeten);
        assertThat(kpis()).as("na herbouw").isEqualTo(kpisVoor);
        assertThat(get(medewerker(), "/api/v1/klanten/" + andereKlant + "/klantreizen", HttpStatus.OK).toString())
                .isEqualTo(anderReizen);

        // He comes back: found again, with only what happened since, in a klantreis of its own.
        ObjectNode nieuwContact = hij.berichten().get(6).deepCopy();
        nieuwContact.put("id", "zicht-na-vergeten");
        ((ObjectNode) nieuwContact.path("data")).put("klantcontactId", "0b7f2f7e-3a51-4bb9-9a53-eeeeeeeeeeee")
                .put("inhoud", "Een nieuwe vraag.");
        engine.client().post().uri("/api/v1/events")
                .contentType(MediaType.parseMediaType("application/cloudevents+json"))
                .bodyValue(nieuwContact.toString()).exchange().expectStatus().isOk();
        engine.wachtOpLeesmodellen();

        assertThat(zoek(hij.bsn(), HttpStatus.OK).path("klantId").asText()).isEqualTo(klant);
        JsonNode reizen = get(medewerker(), "/api/v1/klanten/" + klant + "/klantreizen", HttpStatus.OK)
                .path("klantreizen");
        assertThat(reizen).hasSize(1);
        assertThat(zijnReizen).doesNotContain(reizen.get(0).path("klantreisId").asText());
        assertThat(reizen.get(0).path("stappen")).singleElement()
                .satisfies(stap -> assertThat(stap.toString()).contains("eeeeeeeeeeee"));
        JsonNode beeld = get(medewerker(), "/api/v1/klanten/" + klant + "/klantbeeld", HttpStatus.OK);
        assertThat(beeld.path("recenteContacten")).singleElement()
                .satisfies(c -> assertThat(c.path("inhoud").asText()).isEqualTo("Een nieuwe vraag."));
        assertThat(beeld.path("openZaken")).isEmpty();
        assertThat(get(burger(hij), "/api/v1/mijnzaken", HttpStatus.OK).path("zaken")).isEmpty();
        for (String oud : zijnReizen) {
            get(medewerker(), "/api/v1/klantreizen/" + oud, HttpStatus.NOT_FOUND);
        }
    }

    private static void nietsLeidtNaarHem(Voorbeelden.Kopie hij, String klant, List<String> zijnReizen,
                                          Instant voorHetVergeten) {
        String onbekendBsn = Voorbeelden.geldigBsn(new Random(4242));
        assertThat(zonderInstance(zoek(hij.bsn(), HttpStatus.NOT_FOUND)))
                .as("404 precies als voor een onbekende: geen 'vergeten'-orakel")
                .isEqualTo(zonderInstance(zoek(onbekendBsn, HttpStatus.NOT_FOUND)));
        String alsOp = "alsOp=" + voorHetVergeten;
        for (String pad : List.of("klantbeeld", "klantreizen")) {
            for (String tijdreis : List.of("", "?tijdas=bekend", "?tijdas=bekend&" + alsOp, "?" + alsOp)) {
                get(medewerker(), "/api/v1/klanten/" + klant + "/" + pad + tijdreis, HttpStatus.NOT_FOUND);
            }
        }
        for (String reis : zijnReizen) {
            for (WebTestClient client : List.of(medewerker(), engine.client(Rol.ANALIST, null))) {
                for (String tijdreis : List.of("", "?tijdas=bekend&" + alsOp, "?" + alsOp)) {
                    get(client, "/api/v1/klantreizen/" + reis + tijdreis, HttpStatus.NOT_FOUND);
                }
            }
        }
        for (String tijdreis : List.of("", "?tijdas=bekend&" + alsOp, "?" + alsOp)) {
            assertThat(get(burger(hij), "/api/v1/mijnzaken" + tijdreis, HttpStatus.OK).path("zaken")).isEmpty();
            get(burger(hij), "/api/v1/mijnzaken/" + hij.zaakId() + tijdreis, HttpStatus.NOT_FOUND);
        }
        // The processing log: that his forgetting was carried out, and what came after; nothing before.
        List<String> eigen = new ArrayList<>();
        get(burger(hij), "/api/v1/mijn-gegevens/verwerkingen", HttpStatus.OK).path("verwerkingen")
                .forEach(v -> eigen.add(v.path("activiteit").asText()));
        assertThat(eigen).contains("klant-vergeten").doesNotContain("klant-zoeken", "klantreizen-inzien",
                "klantbeeld-inzien");
        List<String> voorAuditor = new ArrayList<>();
        get(engine.client(Rol.AUDITOR, null), "/api/v1/audit/verwerkingen?betrokkene=" + klant, HttpStatus.OK)
                .path("verwerkingen").forEach(v -> voorAuditor.add(v.path("activiteit").asText()));
        assertThat(voorAuditor).contains("klant-vergeten").doesNotContain("klant-zoeken", "klantreizen-inzien",
                "klantbeeld-inzien");
        // Nor does any read model table hold his pseudonym outside his own, emptied, dossier.
        Projectiebeheer beheer = engine.bean(Projectiebeheer.class);
        for (String naam : beheer.namen()) {
            String tabel = beheer.actieveTabel(naam);
            assertThat(engine.jdbc().queryForObject("SELECT count(*) FROM " + tabel + " WHERE sleutel <> ? AND"
                            + " (eigenaar = ? OR document::text LIKE ? OR volgnummers::text LIKE ?)", Long.class,
                    klant, klant, "%" + klant + "%", "%" + klant + "%")).as(naam).isZero();
            for (String reis : zijnReizen) {
                assertThat(engine.jdbc().queryForObject("SELECT count(*) FROM " + tabel + " WHERE sleutel = ?"
                        + " AND document::text LIKE ?", Long.class, klant, "%" + reis + "%")).as(naam).isZero();
            }
        }
    }

    /** Every KPI, overall and in every breakdown it has; a breakdown it does not have answers the same 400. */
    private static Map<String, String> kpis() {
        Map<String, String> uitkomsten = new LinkedHashMap<>();
        WebTestClient analist = engine.client(Rol.ANALIST, null);
        for (String kpi : Kpivraag.KPIS) {
            for (String per : List.of("", "&per=kanaal", "&per=zaaktype")) {
                String pad = "/api/v1/kpi/" + kpi + "?" + KPI_PERIODE + per;
                var antwoord = analist.get().uri(pad).exchange().expectBody(JsonNode.class).returnResult();
                JsonNode body = antwoord.getResponseBody();
                uitkomsten.put(pad, antwoord.getStatus().value() + " "
                        + (body == null ? "" : zonderInstance(body).toString()));
            }
        }
        return uitkomsten;
    }

    private static JsonNode zoek(String bsn, HttpStatus verwacht) {
        return medewerker().post().uri("/api/v1/klanten/zoeken").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"bsn\":\"" + bsn + "\"}").exchange().expectStatus().isEqualTo(verwacht)
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private static String pseudoniem(String bsn) {
        return engine.bean(Pseudoniemen.class).voor(Identificatiesoort.BSN, bsn).waarde();
    }

    private static WebTestClient medewerker() {
        return engine.client(Rol.MEDEWERKER, null);
    }

    private static WebTestClient burger(Voorbeelden.Kopie kopie) {
        return engine.client(Rol.BURGER, kopie.bsn());
    }

    private static JsonNode get(WebTestClient client, String pad, HttpStatus verwacht) {
        return client.get().uri(pad).exchange().expectStatus().isEqualTo(verwacht)
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private static void stuur(List<ObjectNode> berichten) {
        engine.client().post().uri("/api/v1/events")
                .contentType(MediaType.parseMediaType("application/cloudevents-batch+json"))
                .bodyValue(Voorbeelden.alsBatch(berichten)).exchange().expectStatus().isOk();
    }

    private static JsonNode zonderInstance(JsonNode probleem) {
        ObjectNode kopie = probleem.deepCopy();
        kopie.remove("instance");
        return kopie;
    }
}
