package nl.klantreis.api.bronnen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nl.klantreis.api.beveiliging.Rol;
import nl.klantreis.api.testondersteuning.Testengine;
import nl.klantreis.api.testondersteuning.Voorbeelden;
import nl.klantreis.bronnen.nabootsing.Dakkapelverhaal;
import nl.klantreis.bronnen.nabootsing.Nabootsing;
import nl.klantreis.bronnen.nabootsing.Notificatieverzender;

/**
 * Issue 13's end-to-end test: the dakkapel story told by Open Zaak and Open Klant (the stand-in, checked against
 * their published specifications) through ZGW notifications, out of order, one delivered twice, the sources down for
 * a while, gives exactly the MijnZaken card and detail, klantbeeld, klantreizen and KPIs that
 * {@code klantreis-dakkapel.batch.json} gives through {@code POST /api/v1/events} on an engine of its own.
 */
class DakkapelUitBronnenTest {
    private static final String GEHEIM = "geheim-van-de-zaakapplicatie";
    private static final String TOKEN = "open-klant-token-0123456789";
    private static final String AUTORISATIE = "Bearer notificaties-0123456789abcdef";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> KPIS = List.of("contactvolume", "klantreizen", "contacten-per-klantreis",
            "kanaalwissel-ratio", "kanaalwissel-matrix", "first-contact-resolution", "herhaalcontact-ratio",
            "status-navraag-per-zaak", "doorlooptijd", "binnen-servicenorm", "kosten-per-klantreis");

    @Test
    void deDakkapelUitOpenZaakEnOpenKlant_isDeDakkapelVanDeBatch() throws Exception {
        try (Nabootsing bron = Nabootsing.start().zgwClient("klantreis", GEHEIM).token(TOKEN);
             Testengine viaBatch = Testengine.start();
             Testengine viaBronnen = Testengine.start(bronnen(bron, 20))) {
            Dakkapelverhaal verhaal = Dakkapelverhaal.bouw(bron.wereld());

            viaBatch.client().post().uri("/api/v1/events")
                    .contentType(MediaType.parseMediaType("application/cloudevents-batch+json"))
                    .bodyValue(Voorbeelden.tekst(Voorbeelden.DAKKAPEL)).exchange().expectStatus().isOk();

            // Out of order (a fixed shuffle), the third one delivered twice, and the sources down for the first half.
            List<ObjectNode> notificaties = new ArrayList<>(verhaal.notificatiesInTijdsvolgorde());
            Collections.shuffle(notificaties, new Random(13));
            notificaties.add(notificaties.size() / 2, notificaties.get(2).deepCopy());
            URI callback = URI.create(viaBronnen.basisUrl() + "/api/v1/notificaties");
            Notificatieverzender verzender = new Notificatieverzender();
            bron.onbereikbaar(true);
            int helft = notificaties.size() / 2;
            for (ObjectNode n : notificaties.subList(0, helft)) {
                assertThat(verzender.verstuur(callback, AUTORISATIE, n)).isEqualTo(204);
            }
            wachtTot(() -> viaBronnen.jdbc().queryForObject("SELECT coalesce(max(pogingen), 0) FROM bronmelding",
                    Integer.class) >= 2, "meldingen die vergeefs geprobeerd zijn terwijl de bron weg was");
            bron.onbereikbaar(false);
            for (ObjectNode n : notificaties.subList(helft, notificaties.size())) {
                assertThat(verzender.verstuur(callback, AUTORISATIE, n)).isEqualTo(204);
            }
            wachtTot(() -> viaBronnen.jdbc().queryForObject(
                    "SELECT count(*) FROM bronmelding WHERE toestand <> 'verwerkt'", Long.class) == 0,
                    "alle meldingen verwerkt");
            assertThat(viaBronnen.jdbc().queryForList("SELECT DISTINCT toestand FROM bronmelding", String.class))
                    .containsExactly("verwerkt");
            viaBatch.wachtOpLeesmodellen();
            viaBronnen.wachtOpLeesmodellen();

            Map<String, JsonNode> verwacht = gezichten(viaBatch);
            Map<String, JsonNode> gekregen = gezichten(viaBronnen);
            assertThat(gekregen.keySet()).isEqualTo(verwacht.keySet());
            for (String gezicht : verwacht.keySet()) {
                assertThat(gekregen.get(gezicht)).as(gezicht).isEqualTo(verwacht.get(gezicht));
            }
            // Not trivially equal: the story is there.
            JsonNode kaart = verwacht.get("mijnzaken").path("zaken").get(0);
            assertThat(kaart.path("zaakId").asText()).isEqualTo(Dakkapelverhaal.ZAAK_UUID);
            assertThat(kaart.path("afgesloten").path("resultaat").asText()).isEqualTo("toegekend");
            assertThat(verwacht.get("klantreizen").path("klantreizen").size()).isGreaterThanOrEqualTo(1);
            bron.controleerGeenAfwijkingen();
        }
    }

    /** The engine's start options for the stand-in's dakkapel mapping, with {@code pogingen} tries before a dead letter. */
    static String[] bronnen(Nabootsing bron, int pogingen) throws IOException {
        String yaml;
        try (InputStream in = Dakkapelverhaal.class.getResourceAsStream(Dakkapelverhaal.CONFIGURATIE)) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path bestand = Files.createTempFile("bronnen", ".yaml");
        Files.writeString(bestand, yaml.replaceFirst("pogingen: \\d+", "pogingen: " + pogingen));
        bestand.toFile().deleteOnExit();
        return new String[] {"--klantreis.bronnen.configuratie=" + bestand, "--NABOOTSING=" + bron.basis(),
                "--ZGW_SECRET=" + GEHEIM, "--OPENKLANT_TOKEN=" + TOKEN, "--NOTIFICATIES_AUTORISATIE=" + AUTORISATIE};
    }

    /** What the citizen, the employee and the analyst see, with the klant's pseudonym (a key per engine) replaced. */
    private static Map<String, JsonNode> gezichten(Testengine engine) {
        WebTestClient burger = engine.client(Rol.BURGER, Dakkapelverhaal.BSN);
        WebTestClient medewerker = engine.client(Rol.MEDEWERKER, null);
        WebTestClient analist = engine.client(Rol.ANALIST, null);
        Map<String, JsonNode> uit = new LinkedHashMap<>();
        uit.put("mijnzaken", get(burger, "/api/v1/mijnzaken"));
        uit.put("zaakdetail", get(burger, "/api/v1/mijnzaken/" + Dakkapelverhaal.ZAAK_UUID));
        String klantId = medewerker.post().uri("/api/v1/klanten/zoeken").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"bsn\":\"" + Dakkapelverhaal.BSN + "\"}").exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody().path("klantId").asText();
        uit.put("klantbeeld", get(medewerker, "/api/v1/klanten/" + klantId + "/klantbeeld"));
        JsonNode reizen = get(medewerker, "/api/v1/klanten/" + klantId + "/klantreizen");
        uit.put("klantreizen", reizen);
        for (JsonNode reis : reizen.path("klantreizen")) {
            uit.put("klantreis " + reis.path("thema"), get(analist, "/api/v1/klantreizen/" + reis.path("klantreisId").asText()));
        }
        for (String kpi : KPIS) {
            uit.put("kpi " + kpi, get(analist, "/api/v1/kpi/" + kpi + "?van=2026-03-01&tot=2026-05-01"
                    + "&peilmoment=2026-06-01T00:00:00Z"));
            for (String per : List.of("kanaal", "zaaktype")) {
                // Not every kpi has every split (a 400 then, the same on both engines).
                uit.put("kpi " + kpi + " per " + per, antwoord(analist, "/api/v1/kpi/" + kpi + "?van=2026-03-01&tot=2026-05-01"
                        + "&peilmoment=2026-06-01T00:00:00Z&per=" + per));
            }
        }
        // A klantreis's id is derived from the klant's pseudonym, so it differs per engine like the pseudonym does.
        List<String> reisIds = new ArrayList<>();
        reizen.path("klantreizen").forEach(r -> reisIds.add(r.path("klantreisId").asText()));
        uit.replaceAll((k, v) -> vervang(v, klantId, reisIds));
        return uit;
    }

    private static JsonNode get(WebTestClient client, String pad) {
        return client.get().uri(pad).exchange().expectStatus().isEqualTo(HttpStatus.OK)
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    /** Status and body, whatever the status. */
    private static JsonNode antwoord(WebTestClient client, String pad) {
        var resultaat = client.get().uri(pad).exchange().expectBody(JsonNode.class).returnResult();
        ObjectNode uit = JSON.createObjectNode().put("status", resultaat.getStatus().value());
        uit.set("body", resultaat.getResponseBody());
        return uit;
    }

    /**
     * The klant's pseudonym as text {@code <klant>}, the klantreizen's ids (made from it) as {@code <klantreis-n>}, and {@code laatstGewijzigd} (when this engine
     * learned of the zaak's last change: the wall clock of the run, by design different) left out; everything else as it is.
     */
    private static JsonNode vervang(JsonNode knoop, String klantId, List<String> reisIds) {
        String tekst = knoop.toString().replace(klantId, "<klant>");
        for (int i = 0; i < reisIds.size(); i++) {
            tekst = tekst.replace(reisIds.get(i), "<klantreis-" + i + ">");
        }
        try {
            JsonNode uit = JSON.readTree(tekst);
            zonder(uit, "laatstGewijzigd");
            return uit;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void zonder(JsonNode knoop, String veld) {
        if (knoop instanceof ObjectNode object) {
            object.remove(veld);
        }
        knoop.forEach(kind -> zonder(kind, veld));
    }

    private static void wachtTot(java.util.function.BooleanSupplier voorwaarde, String wat) throws InterruptedException {
        Instant tot = Instant.now().plus(Duration.ofSeconds(60));
        while (!voorwaarde.getAsBoolean()) {
            if (Instant.now().isAfter(tot)) {
                throw new AssertionError("niet binnen 60 s: " + wat);
            }
            Thread.sleep(50);
        }
    }
}
