package nl.klantreis.api.ingestie;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nl.klantreis.api.testondersteuning.Testengine;
import nl.klantreis.api.testondersteuning.Voorbeelden;

/**
 * Issue 9, items 1, 2 and the ingestion half of 10, through HTTP on real PostgreSQL: a broken or
 * oversized message is rejected on its own and nothing of it is stored; lone surrogates no longer
 * collide; a body with trailing garbage is no message; an empty batch is fine; the binary content
 * mode as the CloudEvents SDKs send it; and a database that refuses a message's data anyway
 * rejects that message, not the batch with a 503.
 */
class IngestieRobuustheidTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MediaType EEN = MediaType.parseMediaType("application/cloudevents+json");
    private static final MediaType BATCH = MediaType.parseMediaType("application/cloudevents-batch+json");
    private static final String SOURCE = "urn:test:robuustheid:" + UUID.randomUUID();
    private static final Random RANDOM = new Random(9);
    @RegisterExtension
    static final Testengine engine = Testengine.perKlasse();

    /** A valid anonymous-free klantcontact of its own klant, with this id. */
    private static ObjectNode bericht(String id) {
        ObjectNode bericht = Voorbeelden.berichten(Voorbeelden.DAKKAPEL).get(6).deepCopy();
        bericht.put("id", id);
        bericht.put("source", SOURCE);
        ObjectNode data = (ObjectNode) bericht.path("data");
        data.put("klantcontactId", UUID.randomUUID().toString());
        data.remove("zaakId");
        data.put("onderwerp", "algemene-vraag");
        ((ObjectNode) data.path("klant")).put("bsn", Voorbeelden.geldigBsn(RANDOM));
        return bericht;
    }

    /** The message as JSON text, with {@code LOS} replaced by a raw JSON escape of a lone surrogate. */
    private static String metEscape(ObjectNode bericht, String escape) {
        return bericht.toString().replace("LOS", escape);
    }

    private static long ontvangen(String id) {
        return engine.jdbc().queryForObject("SELECT count(*) FROM ontvangen_bericht WHERE bron = ? AND bericht_id = ?",
                Long.class, SOURCE, id);
    }

    private static long ontvangenMetVoorvoegsel(String voorvoegsel) {
        return engine.jdbc().queryForObject(
                "SELECT count(*) FROM ontvangen_bericht WHERE bron = ? AND starts_with(bericht_id, ?)",
                Long.class, SOURCE, voorvoegsel);
    }

    private static long events() {
        return engine.jdbc().queryForObject("SELECT count(*) FROM domainevententry", Long.class);
    }

    private static WebTestClient.ResponseSpec post(MediaType soort, String body) {
        return engine.client().post().uri("/api/v1/events").contentType(soort).bodyValue(body).exchange();
    }

    private static JsonNode antwoord(WebTestClient.ResponseSpec spec, HttpStatus status) {
        return spec.expectStatus().isEqualTo(status).expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private static List<String> pointers(JsonNode metFouten) {
        List<String> pointers = new ArrayList<>();
        metFouten.path("errors").forEach(f -> pointers.add(f.path("pointer").asText()));
        return pointers;
    }

    @Test
    void losseSurrogatenBotsenNietMeer_metElkaarOfMetEenVraagteken() {
        String voorvoegsel = "los-" + UUID.randomUUID() + "-";
        long voor = events();
        for (String escape : List.of("\\ud800", "\\udfff", "\\udc00\\ud800")) {
            JsonNode probleem = antwoord(post(EEN, metEscape(bericht(voorvoegsel + "LOS"), escape)),
                    HttpStatus.BAD_REQUEST);
            assertThat(probleem.path("type").asText()).isEqualTo("urn:klantreis:probleem:bericht-afgewezen");
            assertThat(pointers(probleem)).containsExactly("/id");
        }
        assertThat(ontvangenMetVoorvoegsel(voorvoegsel)).isZero();
        assertThat(events()).isEqualTo(voor);

        // The id the JDBC driver used to make of them is a message of its own, accepted on its first send.
        JsonNode aanvaard = antwoord(post(EEN, bericht(voorvoegsel + "?").toString()), HttpStatus.OK);
        assertThat(aanvaard.path("resultaat").asText()).isEqualTo("accepted");
        assertThat(ontvangenMetVoorvoegsel(voorvoegsel)).isEqualTo(1);
    }

    @Test
    void gifInEenBatch_wordtPerBerichtAfgewezen_deRestOpgeslagen_nooit503() {
        String run = UUID.randomUUID().toString();
        StringBuilder willekeurig = new StringBuilder();
        for (int i = 0; i < 3_000; i++) {
            willekeurig.append((char) ('!' + RANDOM.nextInt(94)));
        }
        List<String> berichten = new ArrayList<>();
        berichten.add(bericht("goed-1-" + run).toString());
        berichten.add(bericht("nul-\u0000-" + run).toString());
        berichten.add(bericht(willekeurig.toString()).toString());
        berichten.add(bericht("m".repeat(1 << 20)).toString());
        ObjectNode nulInSource = bericht("nulbron-" + run);
        nulInSource.put("source", SOURCE + "\u0000");
        berichten.add(nulInSource.toString());
        ObjectNode losseSleutel = bericht("sleutel-" + run);
        ((ObjectNode) losseSleutel.path("data")).put("xLOS", 1);
        berichten.add(metEscape(losseSleutel, "\\ud800"));
        berichten.add(bericht("   ").toString());
        ObjectNode nulInData = bericht("nuldata-" + run);
        ((ObjectNode) nulInData.path("data")).put("medewerker", "mw\u0000");
        berichten.add(nulInData.toString());
        berichten.add(bericht("goed-2-" + run).toString());
        long voor = events();

        JsonNode antwoord = antwoord(post(BATCH, "[" + String.join(",", berichten) + "]"), HttpStatus.OK);

        assertThat(antwoord.path("accepted").asInt()).isEqualTo(2);
        assertThat(antwoord.path("rejected").asInt()).isEqualTo(7);
        JsonNode resultaten = antwoord.path("resultaten");
        assertThat(resultaten).hasSize(9);
        assertThat(pointers(resultaten.get(1))).containsExactly("/id");
        assertThat(pointers(resultaten.get(2))).containsExactly("/id");
        assertThat(pointers(resultaten.get(3))).containsExactly("/id");
        assertThat(resultaten.get(3).path("id").isNull()).as("a huge id is not echoed").isTrue();
        assertThat(pointers(resultaten.get(4))).containsExactly("/source");
        assertThat(pointers(resultaten.get(5))).containsExactly("/data/x\uFFFD");
        assertThat(pointers(resultaten.get(6))).containsExactly("/id");
        assertThat(pointers(resultaten.get(7))).containsExactly("/data/medewerker");
        assertThat(ontvangen("goed-1-" + run)).isEqualTo(1);
        assertThat(ontvangen("goed-2-" + run)).isEqualTo(1);
        assertThat(engine.jdbc().queryForObject("SELECT count(*) FROM ontvangen_bericht WHERE bericht_id LIKE ?",
                Long.class, "%" + run)).isEqualTo(2);
        assertThat(ontvangen(willekeurig.toString())).isZero();
        // Two klantcontacten: each a KlantcontactGeregistreerd and what the klantreis makes of it.
        assertThat(events()).isGreaterThan(voor);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{BERICHT} xyz", "[{BERICHT}]]", "[{BERICHT}] []", "{BERICHT}}"})
    void ietsNaDeJson_isGeheelOnleesbaar_enSlaatNietsOp(String vorm) {
        String id = "staart-" + UUID.randomUUID();
        String tekst = bericht(id).toString();
        String body = vorm.replace("{BERICHT}", tekst);
        MediaType soort = body.startsWith("[") ? BATCH : EEN;
        JsonNode probleem = post(soort, body).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(probleem.path("type").asText()).isEqualTo("urn:klantreis:probleem:onleesbaar-verzoek");
        assertThat(ontvangen(id)).isZero();
    }

    @Test
    void legeBatch_is200ZonderResultaten() {
        long voor = events();
        JsonNode antwoord = post(BATCH, "[]").expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(antwoord.path("accepted").asInt()).isZero();
        assertThat(antwoord.path("duplicate").asInt()).isZero();
        assertThat(antwoord.path("rejected").asInt()).isZero();
        assertThat(antwoord.path("resultaten").isArray()).isTrue();
        assertThat(antwoord.path("resultaten")).isEmpty();
        assertThat(events()).isEqualTo(voor);
    }

    /**
     * Exactly the headers the CloudEvents JavaScript SDK (npm cloudevents 10.0.0) sends for
     * {@code HTTP.binary(new CloudEvent({...}))}: its {@code headersFor} writes content-type,
     * ce-id, ce-time (as {@code Date.toISOString()}), ce-type, ce-source, ce-specversion, ce-subject
     * and one ce-header per extension, and the data as JSON text.
     */
    private static WebTestClient.ResponseSpec binair(ObjectNode bericht) {
        return engine.client().post().uri("/api/v1/events")
                .header("content-type", "application/json; charset=utf-8")
                .header("ce-id", bericht.path("id").asText())
                .header("ce-time", "2026-03-16T09:05:00.000Z")
                .header("ce-type", bericht.path("type").asText())
                .header("ce-source", bericht.path("source").asText())
                .header("ce-specversion", "1.0")
                .header("ce-subject", "klantcontact")
                .header("ce-traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                .bodyValue(bericht.path("data").toString())
                .exchange();
    }

    @Test
    void binaireModus_zoalsDeSdkHemStuurt_wordtAanvaard_enIsHetzelfdeBerichtAlsGestructureerd() {
        ObjectNode bericht = bericht("binair-" + UUID.randomUUID());
        JsonNode antwoord = antwoord(binair(bericht), HttpStatus.OK);
        assertThat(antwoord.path("resultaat").asText()).isEqualTo("accepted");
        assertThat(antwoord.path("source").asText()).isEqualTo(SOURCE);
        assertThat(antwoord.path("id").asText()).isEqualTo(bericht.path("id").asText());
        assertThat(ontvangen(bericht.path("id").asText())).isEqualTo(1);

        // The same (source, id) in structured mode: the same message, so a duplicate; and the other way round.
        assertThat(antwoord(post(EEN, bericht.toString()), HttpStatus.OK).path("resultaat").asText())
                .isEqualTo("duplicate");
        ObjectNode gestructureerdEerst = bericht("gestructureerd-" + UUID.randomUUID());
        antwoord(post(EEN, gestructureerdEerst.toString()), HttpStatus.OK);
        assertThat(antwoord(binair(gestructureerdEerst), HttpStatus.OK).path("resultaat").asText())
                .isEqualTo("duplicate");
    }

    @Test
    void binaireModus_eenAfgewezenBericht_krijgtHetzelfdeAntwoordAlsGestructureerd() {
        ObjectNode bericht = bericht("binair-fout-" + UUID.randomUUID());
        ((ObjectNode) bericht.path("data")).put("kanaal", "postduif");
        ((ObjectNode) bericht.path("data")).remove("plaatsgevondenOp");
        JsonNode binair = antwoord(binair(bericht), HttpStatus.BAD_REQUEST);
        ObjectNode gestructureerd = bericht.deepCopy();
        gestructureerd.put("time", "2026-03-16T09:05:00.000Z");
        gestructureerd.put("datacontenttype", "application/json; charset=utf-8");
        gestructureerd.put("subject", "klantcontact");
        gestructureerd.put("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        JsonNode structuur = antwoord(post(EEN, gestructureerd.toString()), HttpStatus.BAD_REQUEST);
        assertThat(binair).isEqualTo(structuur);
        assertThat(pointers(binair)).containsExactlyInAnyOrder("/data/kanaal", "/data/plaatsgevondenOp");
        assertThat(ontvangen(bericht.path("id").asText())).isZero();
    }

    @Test
    void binaireModus_kopwaardenWordenProcentGedecodeerd() {
        String uuid = UUID.randomUUID().toString();
        ObjectNode bericht = bericht("caf%C3%A9-" + uuid);
        JsonNode antwoord = antwoord(binair(bericht), HttpStatus.OK);
        assertThat(antwoord.path("id").asText()).isEqualTo("café-" + uuid);
        assertThat(ontvangen("café-" + uuid)).isEqualTo(1);

        // A NUL or a broken UTF-8 sequence in a header: the message (or request) is refused, nothing stored.
        JsonNode nul = antwoord(binair(bericht("nul%00-" + uuid)), HttpStatus.BAD_REQUEST);
        assertThat(pointers(nul)).containsExactly("/id");
        JsonNode kapot = antwoord(binair(bericht("kapot%ED%A0%80-" + uuid)), HttpStatus.BAD_REQUEST);
        assertThat(kapot.path("type").asText()).isEqualTo("urn:klantreis:probleem:onleesbaar-verzoek");
        assertThat(engine.jdbc().queryForObject("SELECT count(*) FROM ontvangen_bericht WHERE bericht_id LIKE ?",
                Long.class, "%" + uuid)).isEqualTo(1);
    }

    @Test
    void binaireModus_zonderBody_ontbreektData() {
        ObjectNode bericht = bericht("binair-leeg-" + UUID.randomUUID());
        JsonNode probleem = antwoord(engine.client().post().uri("/api/v1/events")
                .header("content-type", "application/json")
                .header("ce-id", bericht.path("id").asText())
                .header("ce-type", bericht.path("type").asText())
                .header("ce-source", SOURCE)
                .header("ce-specversion", "1.0")
                .exchange(), HttpStatus.BAD_REQUEST);
        assertThat(pointers(probleem)).containsExactly("/data");
    }

    @Test
    void jsonZonderCeKoppen_ofEenAnderFormaat_zegtWelkeVormenWordenAangenomen() {
        for (MediaType soort : List.of(MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN,
                MediaType.APPLICATION_OCTET_STREAM)) {
            JsonNode probleem = post(soort, bericht("zonder-kop-" + UUID.randomUUID()).toString())
                    .expectStatus().isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody(JsonNode.class).returnResult().getResponseBody();
            assertThat(probleem.path("type").asText()).isEqualTo("urn:klantreis:probleem:onbekend-formaat");
            assertThat(probleem.path("detail").asText()).contains("application/cloudevents+json")
                    .contains("ce-specversion").contains("application/cloudevents-batch+json");
        }
        assertThat(ontvangenMetVoorvoegsel("zonder-kop-")).isZero();
    }

    /**
     * The checks make a data exception impossible; should the database refuse a message's data
     * anyway (here a trigger raises the SQLSTATE for the ids starting with {@code gif-}), the
     * others of the batch are stored and that one is rejected for good: a sender that retries on
     * 503 would otherwise be stuck forever. An error that may pass stays a 503.
     */
    @ParameterizedTest
    @ValueSource(strings = {"22021", "54000"})
    void eenBlijvendeDatabasefout_wijstAlleenDatBerichtAf(String sqlState) {
        String run = UUID.randomUUID().toString();
        metGif(sqlState, () -> {
            JsonNode antwoord = antwoord(post(BATCH, "[" + bericht("goed-a-" + run) + "," + bericht("gif-" + run)
                    + "," + bericht("goed-b-" + run) + "]"), HttpStatus.OK);
            assertThat(antwoord.path("accepted").asInt()).isEqualTo(2);
            JsonNode gif = antwoord.path("resultaten").get(1);
            assertThat(gif.path("resultaat").asText()).isEqualTo("rejected");
            assertThat(gif.path("errors").get(0).path("detail").asText()).contains(sqlState)
                    .contains("ook later niet");
            assertThat(ontvangen("goed-a-" + run)).isEqualTo(1);
            assertThat(ontvangen("goed-b-" + run)).isEqualTo(1);
            assertThat(ontvangen("gif-" + run)).isZero();

            JsonNode alleen = antwoord(post(EEN, bericht("gif-alleen-" + run).toString()), HttpStatus.BAD_REQUEST);
            assertThat(alleen.path("type").asText()).isEqualTo("urn:klantreis:probleem:bericht-afgewezen");
        });
    }

    @Test
    void eenFoutDieKanOverwaan_blijft503() {
        String run = UUID.randomUUID().toString();
        metGif("53100", () -> {
            JsonNode probleem = antwoord(post(BATCH, "[" + bericht("goed-" + run) + "," + bericht("gif-" + run) + "]"),
                    HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(probleem.path("type").asText()).isEqualTo("urn:klantreis:probleem:tijdelijk-niet-beschikbaar");
            assertThat(ontvangen("goed-" + run)).isZero();
        });
    }

    private static void metGif(String sqlState, Runnable doe) {
        engine.jdbc().execute("CREATE OR REPLACE FUNCTION test_gif() RETURNS trigger AS $$ BEGIN"
                + " IF starts_with(NEW.bericht_id, 'gif-') THEN RAISE EXCEPTION 'gif' USING ERRCODE = '" + sqlState
                + "'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql");
        engine.jdbc().execute("CREATE TRIGGER test_gif BEFORE INSERT ON ontvangen_bericht FOR EACH ROW"
                + " EXECUTE FUNCTION test_gif()");
        try {
            doe.run();
        } finally {
            engine.jdbc().execute("DROP TRIGGER test_gif ON ontvangen_bericht");
            engine.jdbc().execute("DROP FUNCTION test_gif()");
        }
    }
}
