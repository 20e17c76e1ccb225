package nl.klantreis.api.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import nl.klantreis.api.beveiliging.Rol;
import nl.klantreis.api.testondersteuning.Testengine;
import nl.klantreis.api.testondersteuning.Voorbeelden;

/**
 * The OpenAPI document the running engine serves at {@code /v3/api-docs}: it passes Spectral's
 * {@code spectral:oas} ruleset with no error and no warning, and it says what the engine really
 * does (the answers it documents are the ones it gives, in the documented media types, with the
 * documented fields).
 *
 * <p>Spectral is the npm package pinned in {@code src/test/spectral}, installed there by Maven
 * ({@code npm ci}) before the tests. When it cannot run, the test fails: a lint that silently does
 * not run checks nothing.
 */
class OpenApiDocumentTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path BASIS = Path.of(System.getProperty("basedir", "."));
    private static final Path SPECTRAL_MAP = BASIS.resolve("src/test/spectral");
    private static final MediaType EEN = MediaType.parseMediaType("application/cloudevents+json");
    private static final MediaType BATCH = MediaType.parseMediaType("application/cloudevents-batch+json");
    /** Small, so that a batch over the limit (413) is cheap to send. */
    private static final int MAXIMUM_BATCH = 3;
    @RegisterExtension
    static final Testengine engine = Testengine.perKlasse("--klantreis.ingestie.maximum-batch=" + MAXIMUM_BATCH);
    /** The served document as recorded, the random port aside; see {@link #document_isHetVastgelegde}. */
    private static final Path VASTGELEGD = BASIS.resolve("src/test/resources/openapi/api-docs.json");
    private static final String SERVER = "\"url\":\"http://localhost:[0-9]+\"";
    private static Path documentpad;
    private static byte[] geserveerd;
    private static JsonNode document;
    private static Voorbeelden.Kopie kopie;

    @BeforeAll
    static void start() throws IOException {
        byte[] inhoud = engine.clientZonderToken().get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
        // Kept in target/ so that a failure can be looked at (and linted again) by hand.
        documentpad = BASIS.resolve("target/openapi/api-docs.json");
        Files.createDirectories(documentpad.getParent());
        Files.write(documentpad, inhoud);
        geserveerd = inhoud;
        document = JSON.readTree(inhoud);
        kopie = Voorbeelden.kopie(Voorbeelden.DAKKAPEL, "openapi");
    }

    /**
     * The served document, byte for byte, is the recorded one (only the server's random port is
     * masked): the description is built from the code in several places, so a change meant as a
     * refactoring must show here as no change at all. A missing file is written for review and the
     * test fails until it is committed; a meant change replaces the file in the same commit.
     */
    @Test
    void document_isHetVastgelegde() throws IOException {
        String tekst = new String(geserveerd, StandardCharsets.UTF_8).replaceFirst(SERVER,
                "\"url\":\"http://localhost:0\"");
        if (!Files.exists(VASTGELEGD)) {
            Files.createDirectories(VASTGELEGD.getParent());
            Files.writeString(VASTGELEGD, tekst, StandardCharsets.UTF_8);
            throw new AssertionError("vastgelegd document ontbrak; geschreven naar " + VASTGELEGD + ": bekijk en commit het");
        }
        String verwacht = Files.readString(VASTGELEGD, StandardCharsets.UTF_8);
        // The first difference with some context, rather than two 50 kB strings.
        int i = 0;
        while (i < tekst.length() && i < verwacht.length() && tekst.charAt(i) == verwacht.charAt(i)) {
            i++;
        }
        int van = Math.max(0, i - 120);
        assertThat(tekst.substring(van, Math.min(tekst.length(), i + 120)))
                .as("/v3/api-docs wijkt vanaf teken %d af van %s (het geserveerde staat in %s)", i, VASTGELEGD,
                        documentpad)
                .isEqualTo(verwacht.substring(van, Math.min(verwacht.length(), i + 120)));
        assertThat(tekst).hasSameSizeAs(verwacht);
    }

    @Test
    void spectralOas_vindtGeenFoutenEnGeenWaarschuwingen() throws Exception {
        Path spectral = SPECTRAL_MAP.resolve("node_modules/.bin/spectral").toAbsolutePath();
        assertThat(spectral).as("Spectral is niet geinstalleerd; Maven draait 'npm ci' in %s voor de tests"
                + " (Node 20 en npm nodig)", SPECTRAL_MAP.toAbsolutePath()).isExecutable();
        Path uitvoer = documentpad.resolveSibling("spectral.json");
        Files.deleteIfExists(uitvoer);
        Process proces = new ProcessBuilder(spectral.toString(), "lint", "--format", "json", "--output",
                uitvoer.toString(), "--ruleset", SPECTRAL_MAP.resolve(".spectral.yaml").toAbsolutePath().toString(),
                "--fail-severity", "warn", documentpad.toAbsolutePath().toString())
                .directory(SPECTRAL_MAP.toFile()).redirectErrorStream(true).start();
        String melding = new String(proces.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(proces.waitFor(3, TimeUnit.MINUTES)).as("Spectral is niet binnen 3 minuten klaar").isTrue();
        assertThat(uitvoer).as("Spectral gaf geen uitslag (exit %d): %s", proces.exitValue(), melding).exists();
        JsonNode bevindingen = JSON.readTree(uitvoer.toFile());
        assertThat(bevindingen.isArray()).as("Spectral-uitvoer: %s", bevindingen).isTrue();
        List<String> fouten = new ArrayList<>();
        for (JsonNode bevinding : bevindingen) {
            // Spectral's severities: 0 error, 1 warn, 2 info, 3 hint.
            if (bevinding.path("severity").asInt() <= 1) {
                fouten.add(bevinding.path("code").asText() + " at " + bevinding.path("path") + ": "
                        + bevinding.path("message").asText());
            }
        }
        assertThat(fouten).as("bevindingen van Spectral (spectral:oas) in /v3/api-docs").isEmpty();
        assertThat(proces.exitValue()).as("Spectral: %s", melding).isZero();
    }

    @Test
    void elkeOperatie_heeftTagSamenvattingBeschrijvingEnProblemenPerFoutstatus() {
        Set<String> tags = new TreeSet<>();
        document.path("tags").forEach(tag -> tags.add(tag.path("name").asText()));
        operaties().forEach((sleutel, operatie) -> {
            assertThat(operatie.path("summary").asText()).as("summary van %s", sleutel).isNotBlank();
            assertThat(operatie.path("description").asText()).as("description van %s", sleutel).isNotBlank();
            assertThat(operatie.path("operationId").asText()).as("operationId van %s", sleutel).isNotBlank();
            assertThat(tags).as("tags van %s", sleutel).containsAll(tekstlijst(operatie.path("tags")));
            Iterator<Map.Entry<String, JsonNode>> antwoorden = operatie.path("responses").fields();
            Set<String> statussen = new TreeSet<>();
            while (antwoorden.hasNext()) {
                Map.Entry<String, JsonNode> antwoord = antwoorden.next();
                statussen.add(antwoord.getKey());
                if (antwoord.getKey().startsWith("4") || antwoord.getKey().startsWith("5")) {
                    assertThat(los(antwoord.getValue()).path("content").has("application/problem+json"))
                            .as("%s %s als problem+json", sleutel, antwoord.getKey()).isTrue();
                }
            }
            assertThat(statussen).as("foutstatussen van %s", sleutel).contains("401", "403", "406", "503");
        });
        assertThat(document.path("components").path("securitySchemes").path("jwt").path("scheme").asText())
                .isEqualTo("bearer");
    }

    /** Every status the document gives {@code POST /api/v1/events}, provoked for real. */
    @Test
    void elkeGedocumenteerdeStatusVanEvents_geeftDeEngineEcht() {
        JsonNode operatie = document.path("paths").path("/api/v1/events").path("post");
        Set<String> gedocumenteerd = new TreeSet<>();
        operatie.path("responses").fieldNames().forEachRemaining(gedocumenteerd::add);
        Set<String> gezien = new TreeSet<>();
        WebTestClient bron = engine.client();

        EntityExchangeResult<byte[]> een = bron.post().uri("/api/v1/events").contentType(EEN)
                .bodyValue(kopie.berichten().get(0).toString()).exchange().expectBody().returnResult();
        gezien.add(controleer(operatie, een, 200));
        // The documented fields of a single message's answer and of a batch's.
        EntityExchangeResult<byte[]> batch = bron.post().uri("/api/v1/events").contentType(BATCH)
                .bodyValue(Voorbeelden.alsBatch(kopie.berichten().subList(0, 2))).exchange().expectBody().returnResult();
        gezien.add(controleer(operatie, batch, 200));
        gezien.add(controleer(operatie, bron.post().uri("/api/v1/events").contentType(EEN).bodyValue("{")
                .exchange().expectBody().returnResult(), 400));
        gezien.add(controleer(operatie, bron.post().uri("/api/v1/events").contentType(BATCH)
                .bodyValue(Voorbeelden.tekst(Voorbeelden.AFGEWEZEN)).exchange().expectBody().returnResult(), 400));
        gezien.add(controleer(operatie, engine.clientZonderToken().post().uri("/api/v1/events").contentType(EEN)
                .bodyValue("{}").exchange().expectBody().returnResult(), 401));
        gezien.add(controleer(operatie, engine.client(Rol.BURGER, kopie.bsn()).post().uri("/api/v1/events")
                .contentType(EEN).bodyValue("{}").exchange().expectBody().returnResult(), 403));
        gezien.add(controleer(operatie, bron.post().uri("/api/v1/events").contentType(EEN)
                .accept(MediaType.APPLICATION_XML).bodyValue(kopie.berichten().get(0).toString())
                .exchange().expectBody().returnResult(), 406));
        ArrayNode teVeel = JSON.createArrayNode();
        for (int i = 0; i <= MAXIMUM_BATCH; i++) {
            teVeel.add(kopie.berichten().get(0));
        }
        gezien.add(controleer(operatie, bron.post().uri("/api/v1/events").contentType(BATCH)
                .bodyValue(teVeel.toString()).exchange().expectBody().returnResult(), 413));
        gezien.add(controleer(operatie, bron.post().uri("/api/v1/events").contentType(MediaType.TEXT_PLAIN)
                .bodyValue("hallo").exchange().expectBody().returnResult(), 415));
        // The store unreachable for a moment: the table the receipts go into is gone.
        engine.jdbc().execute("ALTER TABLE ontvangen_bericht RENAME TO ontvangen_bericht_weg");
        try {
            gezien.add(controleer(operatie, bron.post().uri("/api/v1/events").contentType(EEN)
                    .bodyValue(kopie.berichten().get(3).toString()).exchange().expectBody().returnResult(), 503));
        } finally {
            engine.jdbc().execute("ALTER TABLE ontvangen_bericht_weg RENAME TO ontvangen_bericht");
        }
        assertThat(gezien).isEqualTo(gedocumenteerd);
    }

    /**
     * 401 and 403 of every operation, 406 of every reading one: each as documented, as
     * problem+json. The paths are taken from the document, so a new operation is checked too.
     */
    @Test
    void toegangEnFormaatfouten_zijnVanElkeOperatieGedocumenteerdEnEcht() {
        operaties().forEach((sleutel, operatie) -> {
            String[] delen = sleutel.split(" ", 2);
            HttpMethod methode = HttpMethod.valueOf(delen[0].toUpperCase());
            String pad = delen[1].replace("{zaakId}", kopie.zaakId().toString())
                    .replace("{klantreisId}", "00000000-0000-4000-8000-000000000001")
                    .replace("{klantId}", "k-0000000000000000").replace("{kpi}", "contactvolume");
            controleer(operatie, engine.clientZonderToken().method(methode).uri(pad).exchange().expectBody()
                    .returnResult(), 401);
            Rol verkeerd = pad.equals("/api/v1/events") ? Rol.BURGER : Rol.BRON;
            controleer(operatie, engine.client(verkeerd, verkeerd == Rol.BURGER ? kopie.bsn() : null).method(methode)
                    .uri(pad).exchange().expectBody().returnResult(), 403);
        });
    }

    /** The request schema names every type of the contract, and every field of the contract's examples. */
    @Test
    void cloudEventSchema_kentElkTypeEnElkVeldVanDeVoorbeelden() {
        JsonNode cloudEvent = document.at("/components/schemas/CloudEvent");
        Set<String> typen = new TreeSet<>();
        cloudEvent.path("discriminator").path("mapping").fieldNames().forEachRemaining(typen::add);
        assertThat(typen).isEqualTo(new TreeSet<>(nl.klantreis.api.ingestie.Berichttypen.ALLE));
        List<JsonNode> voorbeelden = new ArrayList<>(Voorbeelden.berichten(Voorbeelden.DAKKAPEL));
        voorbeelden.addAll(Voorbeelden.berichten(Voorbeelden.AFGEWEZEN));
        Set<String> gezien = new TreeSet<>();
        for (JsonNode bericht : voorbeelden) {
            JsonNode verwijzing = cloudEvent.path("discriminator").path("mapping").path(bericht.path("type").asText());
            if (verwijzing.isMissingNode()) {
                continue;
            }
            gezien.add(bericht.path("type").asText());
            List<String> onbekend = new ArrayList<>();
            velden(bericht, JSON.createObjectNode().put("$ref", verwijzing.asText()), "", onbekend);
            assertThat(onbekend).as("velden van voorbeeld %s die het schema niet noemt", bericht.path("id")).isEmpty();
        }
        assertThat(gezien).hasSizeGreaterThan(3);
    }

    /** 406 of every operation, asked by a caller of the right role: as documented, as problem+json. */
    @Test
    void nietAanvaardbaarFormaat_isVanElkeOperatieGedocumenteerdEnEcht() {
        operaties().forEach((sleutel, operatie) -> {
            String[] delen = sleutel.split(" ", 2);
            WebTestClient.RequestBodySpec verzoek = metRol(delen[1]).method(HttpMethod.valueOf(delen[0].toUpperCase()))
                    .uri(ingevuld(delen[1], "contactvolume") + "?van=2020-01-01&tot=2030-01-01")
                    .accept(MediaType.APPLICATION_XML);
            if (operatie.has("requestBody")) {
                // A body it reads, so that the answer is about the Accept header only.
                verzoek.contentType(MediaType.parseMediaType(operatie.path("requestBody").path("content").fieldNames()
                        .next())).bodyValue("{}");
            }
            controleer(operatie, verzoek.exchange().expectBody().returnResult(), 406);
        });
    }

    /**
     * Each operation that documents 400 answers it to a bad parameter or body, and each that
     * documents 404 answers it for something that is not there; the others document neither.
     */
    @Test
    void ongeldigeEnOnbekendeInvoer_krijgtDeGedocumenteerde400En404() {
        Set<String> met400 = new TreeSet<>();
        Set<String> met404 = new TreeSet<>();
        operaties().forEach((sleutel, operatie) -> {
            String[] delen = sleutel.split(" ", 2);
            HttpMethod methode = HttpMethod.valueOf(delen[0].toUpperCase());
            String pad = delen[1];
            if (operatie.path("responses").has("400")) {
                met400.add(sleutel);
                WebTestClient.RequestBodySpec verzoek = metRol(pad).method(methode).uri(ongeldig(pad, operatie));
                if (operatie.has("requestBody")) {
                    String soort = operatie.path("requestBody").path("content").fieldNames().next();
                    verzoek.contentType(MediaType.parseMediaType(soort)).bodyValue("{");
                }
                controleer(operatie, verzoek.exchange().expectBody().returnResult(), 400);
            }
            if (operatie.path("responses").has("404")) {
                met404.add(sleutel);
                WebTestClient.RequestBodySpec verzoek = metRol(pad).method(methode)
                        .uri(ingevuld(pad, "onbekend") + "?van=2020-01-01&tot=2030-01-01");
                if (operatie.has("requestBody")) {
                    verzoek.contentType(MediaType.APPLICATION_JSON)
                            .bodyValue("{\"bsn\":\"" + Voorbeelden.geldigBsn(new java.util.Random(404)) + "\"}");
                }
                controleer(operatie, verzoek.exchange().expectBody().returnResult(), 404);
            }
        });
        assertThat(met400).contains("post /api/v1/events", "post /api/v1/klanten/zoeken", "get /api/v1/kpi/{kpi}",
                "get /api/v1/mijnzaken").doesNotContain("get /api/v1/audit/integriteit");
        assertThat(met404).contains("post /api/v1/klanten/zoeken", "get /api/v1/mijnzaken/{zaakId}/updates")
                .doesNotContain("post /api/v1/events", "get /api/v1/mijnzaken", "get /api/v1/audit/verwerkingen");
    }

    /** The path with unknown but well-formed ids; {@code kpi} as given. */
    private static String ingevuld(String pad, String kpi) {
        return pad.replace("{zaakId}", "00000000-0000-4000-8000-00000000f404")
                .replace("{klantreisId}", "00000000-0000-4000-8000-00000000f404")
                .replace("{klantId}", "k-0000000000000404").replace("{kpi}", kpi);
    }

    /** The path with its first checked parameter malformed (a path id, else a query parameter). */
    private static String ongeldig(String pad, JsonNode operatie) {
        if (pad.contains("{zaakId}") || pad.contains("{klantreisId}") || pad.contains("{klantId}")) {
            return pad.replaceAll("\\{(zaakId|klantreisId|klantId)}", "ongeldig!");
        }
        String ingevuld = ingevuld(pad, "contactvolume");
        for (JsonNode parameter : operatie.path("parameters")) {
            if ("query".equals(parameter.path("in").asText())) {
                return ingevuld + "?" + parameter.path("name").asText() + "=ongeldig!";
            }
        }
        return ingevuld;
    }

    /** A client with the role the path asks for (API.md). */
    private static WebTestClient metRol(String pad) {
        Rol rol = pad.equals("/api/v1/events") ? Rol.BRON
                : pad.startsWith("/api/v1/mijn") ? Rol.BURGER
                : pad.startsWith("/api/v1/kpi") ? Rol.ANALIST
                : pad.startsWith("/api/v1/audit") ? Rol.AUDITOR
                : pad.endsWith("/vergeten") ? Rol.BEHEERDER
                : Rol.MEDEWERKER;
        return engine.client(rol, rol == Rol.BURGER ? kopie.bsn() : null);
    }

    /** The documented success status and fields of the answers that are maps or JsonNodes in the code. */
    @Test
    void antwoorden_hebbenDeGedocumenteerdeStatusEnVelden() {
        for (int i = 0; i < kopie.berichten().size(); i += MAXIMUM_BATCH) {
            engine.client().post().uri("/api/v1/events").contentType(BATCH).bodyValue(Voorbeelden.alsBatch(
                    kopie.berichten().subList(i, Math.min(i + MAXIMUM_BATCH, kopie.berichten().size()))))
                    .exchange().expectStatus().isOk();
        }
        engine.wachtOpLeesmodellen();
        String bsn = kopie.bsn();
        WebTestClient burger = engine.client(Rol.BURGER, bsn);
        WebTestClient medewerker = engine.client(Rol.MEDEWERKER, null);
        controleer(operatie("get", "/api/v1/mijnzaken"), burger.get().uri("/api/v1/mijnzaken").exchange()
                .expectBody().returnResult(), 200);
        controleer(operatie("get", "/api/v1/mijnzaken/{zaakId}"), burger.get().uri("/api/v1/mijnzaken/"
                + kopie.zaakId()).exchange().expectBody().returnResult(), 200);
        EntityExchangeResult<byte[]> gevonden = medewerker.post().uri("/api/v1/klanten/zoeken")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"bsn\":\"" + bsn + "\"}").exchange()
                .expectBody().returnResult();
        controleer(operatie("post", "/api/v1/klanten/zoeken"), gevonden, 200);
        String klantId = lees(gevonden).path("klantId").asText();
        controleer(operatie("get", "/api/v1/klanten/{klantId}/klantbeeld"), medewerker.get()
                .uri("/api/v1/klanten/" + klantId + "/klantbeeld").exchange().expectBody().returnResult(), 200);
        EntityExchangeResult<byte[]> reizen = medewerker.get().uri("/api/v1/klanten/" + klantId + "/klantreizen")
                .exchange().expectBody().returnResult();
        controleer(operatie("get", "/api/v1/klanten/{klantId}/klantreizen"), reizen, 200);
        String klantreisId = lees(reizen).path("klantreizen").path(0).path("klantreisId").asText();
        controleer(operatie("get", "/api/v1/klantreizen/{klantreisId}"), medewerker.get()
                .uri("/api/v1/klantreizen/" + klantreisId).exchange().expectBody().returnResult(), 200);
        controleer(operatie("get", "/api/v1/kpi/{kpi}"), engine.client(Rol.ANALIST, null).get()
                .uri("/api/v1/kpi/contacten-per-klantreis?van=2020-01-01&tot=2030-01-01&per=kanaal").exchange()
                .expectBody().returnResult(), 200);
        controleer(operatie("get", "/api/v1/kpi/{kpi}"), engine.client(Rol.ANALIST, null).get()
                .uri("/api/v1/kpi/onbekend?van=2020-01-01&tot=2030-01-01").exchange().expectBody().returnResult(), 404);
        WebTestClient auditor = engine.client(Rol.AUDITOR, null);
        controleer(operatie("get", "/api/v1/audit/verwerkingen"), auditor.get().uri("/api/v1/audit/verwerkingen")
                .exchange().expectBody().returnResult(), 200);
        controleer(operatie("get", "/api/v1/audit/verwerkingen"), auditor.get()
                .uri("/api/v1/audit/verwerkingen?limiet=0&traceId=x").exchange().expectBody().returnResult(), 400);
        controleer(operatie("get", "/api/v1/audit/integriteit"), auditor.get().uri("/api/v1/audit/integriteit")
                .exchange().expectBody().returnResult(), 200);
        controleer(operatie("get", "/api/v1/mijn-gegevens/verwerkingen"), burger.get()
                .uri("/api/v1/mijn-gegevens/verwerkingen").exchange().expectBody().returnResult(), 200);
        JsonNode stroom = operatie("get", "/api/v1/mijnzaken/{zaakId}/updates").path("responses").path("200");
        assertThat(stroom.path("content").has(MediaType.TEXT_EVENT_STREAM_VALUE)).isTrue();
        String eerste = burger.get().uri("/api/v1/mijnzaken/" + kopie.zaakId() + "/updates")
                .accept(MediaType.TEXT_EVENT_STREAM).exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
                .returnResult(String.class).getResponseBody().take(1).blockFirst(java.time.Duration.ofMinutes(1));
        List<String> onbekend = new ArrayList<>();
        velden(lees(eerste), document.at("/components/schemas/Zaakdetail"), "", onbekend);
        assertThat(onbekend).as("velden van het event zaak die Zaakdetail niet noemt").isEmpty();
        controleer(operatie("post", "/api/v1/klanten/{klantId}/vergeten"), engine.client(Rol.BEHEERDER, null).post()
                .uri("/api/v1/klanten/" + klantId + "/vergeten").exchange().expectBody().returnResult(), 202);
    }

    /**
     * The answer has the expected status, the operation documents it, in the media type it came
     * in; a JSON answer has no field its documented schema lacks. Gives the status.
     */
    private static String controleer(JsonNode operatie, EntityExchangeResult<byte[]> antwoord, int verwacht) {
        String status = Integer.toString(antwoord.getStatus().value());
        String wat = antwoord.getMethod() + " " + antwoord.getUrl();
        assertThat(antwoord.getStatus().value()).as("status van %s: %s", wat, tekst(antwoord)).isEqualTo(verwacht);
        JsonNode gedocumenteerd = los(operatie.path("responses").path(status));
        assertThat(gedocumenteerd.isMissingNode()).as("%s antwoordt %s, dat niet gedocumenteerd is", wat, status)
                .isFalse();
        MediaType soort = antwoord.getResponseHeaders().getContentType();
        assertThat(soort).as("Content-Type van %s", wat).isNotNull();
        String mediatype = soort.getType() + "/" + soort.getSubtype();
        assertThat(gedocumenteerd.path("content").has(mediatype))
                .as("%s %s als %s; gedocumenteerd: %s", wat, status, mediatype, gedocumenteerd.path("content"))
                .isTrue();
        if (mediatype.endsWith("json")) {
            List<String> onbekend = new ArrayList<>();
            velden(lees(antwoord), gedocumenteerd.path("content").path(mediatype).path("schema"), "", onbekend);
            assertThat(onbekend).as("velden van %s %s die het schema niet noemt (of niet null laat zijn)", wat, status)
                    .isEmpty();
        }
        return status;
    }

    /** Collects the fields of {@code waarde} that {@code schema} does not name, recursively. */
    private static void velden(JsonNode waarde, JsonNode schema, String pad, List<String> onbekend) {
        if (waarde.isNull()) {
            if (!magNullZijn(schema)) {
                onbekend.add(pad + " (null, maar het schema laat geen null toe)");
            }
            return;
        }
        schema = los(schema);
        if (waarde.isObject()) {
            Set<String> bekend = new LinkedHashSet<>();
            List<JsonNode> delen = new ArrayList<>();
            verzamelDelen(schema, delen);
            boolean vrij = false;
            for (JsonNode deel : delen) {
                deel.path("properties").fieldNames().forEachRemaining(bekend::add);
                vrij |= deel.has("additionalProperties") && !deel.path("additionalProperties").equals(
                        JSON.getNodeFactory().booleanNode(false));
            }
            if (vrij) {
                return;
            }
            waarde.fields().forEachRemaining(veld -> {
                if (!bekend.contains(veld.getKey())) {
                    onbekend.add(pad + "/" + veld.getKey());
                    return;
                }
                for (JsonNode deel : delen) {
                    if (deel.path("properties").has(veld.getKey())) {
                        velden(veld.getValue(), deel.path("properties").path(veld.getKey()), pad + "/" + veld.getKey(),
                                onbekend);
                        return;
                    }
                }
            });
        } else if (waarde.isArray()) {
            for (int i = 0; i < waarde.size(); i++) {
                velden(waarde.get(i), schema.path("items"), pad + "/" + i, onbekend);
            }
        }
    }

    /** OpenAPI 3.1: {@code null} among the types, or a part of an anyOf/oneOf that is {@code null}. */
    private static boolean magNullZijn(JsonNode schema) {
        JsonNode opgelost = los(schema);
        JsonNode soort = opgelost.path("type");
        if (soort.isTextual() ? soort.asText().equals("null") : tekstlijst(soort).contains("null")) {
            return true;
        }
        for (String samenstelling : List.of("anyOf", "oneOf")) {
            for (JsonNode deel : opgelost.path(samenstelling)) {
                if (magNullZijn(deel)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The schema with its allOf, oneOf and anyOf parts, references resolved. */
    private static void verzamelDelen(JsonNode schema, List<JsonNode> delen) {
        JsonNode opgelost = los(schema);
        delen.add(opgelost);
        for (String samenstelling : List.of("allOf", "oneOf", "anyOf")) {
            opgelost.path(samenstelling).forEach(deel -> verzamelDelen(deel, delen));
        }
    }

    /** Follows a {@code $ref} within the document. */
    private static JsonNode los(JsonNode knoop) {
        while (knoop.has("$ref")) {
            knoop = document.at(knoop.path("$ref").asText().substring(1));
        }
        return knoop;
    }

    private static Map<String, JsonNode> operaties() {
        Map<String, JsonNode> operaties = new java.util.TreeMap<>();
        document.path("paths").fields().forEachRemaining(pad -> pad.getValue().fields().forEachRemaining(
                methode -> operaties.put(methode.getKey() + " " + pad.getKey(), methode.getValue())));
        assertThat(operaties).isNotEmpty();
        return operaties;
    }

    private static JsonNode operatie(String methode, String pad) {
        JsonNode operatie = document.path("paths").path(pad).path(methode);
        assertThat(operatie.isMissingNode()).as("%s %s in het document", methode, pad).isFalse();
        return operatie;
    }

    private static List<String> tekstlijst(JsonNode lijst) {
        List<String> teksten = new ArrayList<>();
        lijst.forEach(t -> teksten.add(t.asText()));
        return teksten;
    }

    private static JsonNode lees(String tekst) {
        try {
            return JSON.readTree(tekst);
        } catch (IOException e) {
            throw new AssertionError("geen JSON: " + tekst, e);
        }
    }

    private static JsonNode lees(EntityExchangeResult<byte[]> antwoord) {
        try {
            return JSON.readTree(antwoord.getResponseBody());
        } catch (IOException e) {
            throw new AssertionError("geen JSON: " + tekst(antwoord), e);
        }
    }

    private static String tekst(EntityExchangeResult<byte[]> antwoord) {
        return antwoord.getResponseBody() == null ? "" : new String(antwoord.getResponseBody(), StandardCharsets.UTF_8);
    }
}
