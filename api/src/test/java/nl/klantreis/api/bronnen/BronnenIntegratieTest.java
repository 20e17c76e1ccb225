package nl.klantreis.api.bronnen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nl.klantreis.api.testondersteuning.Testengine;
import nl.klantreis.api.testondersteuning.Voorbeelden;
import nl.klantreis.bronnen.Bronfout;
import nl.klantreis.bronnen.Meldingenopslag;
import nl.klantreis.bronnen.Resultaat;

/**
 * The notification endpoint and the workers on one engine with bronnen configured and a scripted source
 * ({@link Nepbron}): who may post, what is refused and why, dedup and absorption, the CloudEvent form, and
 * what the workers make of each answer of the source, down to the messages in the event store.
 */
class BronnenIntegratieTest {
    static final String TOKEN = "Token 0123456789abcdef0123";
    static final String BEARER = "Bearer geen-jwt-maar-de-waarde-van-het-abonnement";
    static final String ZAKEN = "https://oz.example.nl/zaken/api/v1/zaken/";
    static final String KLANTCONTACTEN = "https://ok.example.nl/klantinteracties/api/v1/klantcontacten/";
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final Testengine engine = Testengine.perKlasse(argumenten());

    private static String[] argumenten() {
        try {
            Path bestand = Files.createTempFile("bronnen", ".yaml");
            Files.writeString(bestand, """
                    notificaties:
                      autorisatie:
                        - "%s"
                        - "%s"
                    verwerking:
                      werkers: 2
                      pogingen: 3
                      eersteWacht: PT0.2S
                      langsteWacht: PT0.5S
                      klantcontactRust: PT2S
                      tijdslimiet: PT1S
                    openZaak:
                      source: urn:nld:oin:00000001234567890000:systeem:open-zaak
                      zakenApi: https://oz.example.nl/zaken/api/v1
                      catalogiApi: https://oz.example.nl/catalogi/api/v1
                      authenticatie: {clientId: klantreis, secret: geheim-geheim-geheim}
                    openKlant:
                      source: urn:nld:oin:00000001234567890000:systeem:open-klant
                      klantinteractiesApi: https://ok.example.nl/klantinteracties/api/v1
                      authenticatie: {header: "Token abcdefabcdefabcdef"}
                    zaaktypen:
                      - identificatie: OMGEVINGSVERGUNNING
                        zaaktype: omgevingsvergunning
                        kanaal: webformulier
                        statustypen: {"1": ontvangen}
                    """.formatted(TOKEN, BEARER));
            bestand.toFile().deleteOnExit();
            return new String[] {"--klantreis.bronnen.configuratie=" + bestand,
                    "--spring.main.sources=" + Nepbron.class.getName(), "--klantreis.bronnen.telling-elke=200ms"};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode notificatie(String kanaal, String hoofdObject, String resource, String resourceUrl, String actie,
                                  String aanmaakdatum) {
        ObjectNode n = JSON.createObjectNode();
        n.put("kanaal", kanaal).put("hoofdObject", hoofdObject).put("resource", resource).put("resourceUrl", resourceUrl)
                .put("actie", actie).put("aanmaakdatum", aanmaakdatum);
        n.putObject("kenmerken").put("bronorganisatie", "002220647");
        return n;
    }

    static ObjectNode zaaknotificatie(String zaak, String actie, String aanmaakdatum) {
        return notificatie("zaken", zaak, "status", zaak.replace("/zaken/" + zaak.substring(ZAKEN.length()),
                "/statussen/" + UUID.randomUUID()), actie, aanmaakdatum);
    }

    private static EntityExchangeResult<byte[]> post(String body, String autorisatie, String soort) {
        return engine.clientZonderToken().post().uri("/api/v1/notificaties")
                .headers(h -> {
                    if (autorisatie != null) {
                        h.set(HttpHeaders.AUTHORIZATION, autorisatie);
                    }
                })
                .contentType(MediaType.parseMediaType(soort)).bodyValue(body).exchange()
                .expectBody().returnResult();
    }

    private static EntityExchangeResult<byte[]> post(JsonNode body) {
        return post(body.toString(), TOKEN, MediaType.APPLICATION_JSON_VALUE);
    }

    private static JsonNode lees(EntityExchangeResult<byte[]> r) {
        try {
            return JSON.readTree(r.getResponseBody());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> pointers(EntityExchangeResult<byte[]> r) {
        assertThat(r.getStatus().value()).as(new String(r.getResponseBody() == null ? new byte[0] : r.getResponseBody()))
                .isEqualTo(400);
        assertThat(r.getResponseHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        List<String> pointers = new ArrayList<>();
        lees(r).path("errors").forEach(e -> pointers.add(e.path("pointer").asText()));
        return pointers;
    }

    private static int rijen(String url) {
        return engine.jdbc().queryForObject("SELECT count(*) FROM bronmelding WHERE url = ?", Integer.class, url);
    }

    private static Map<String, Object> wachtOp(String url, Predicate<Map<String, Object>> klaar) {
        long tot = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Map<String, Object> rij = null;
        while (System.nanoTime() < tot) {
            List<Map<String, Object>> rijen = engine.jdbc().queryForList("SELECT * FROM bronmelding WHERE url = ? ORDER BY id DESC", url);
            rij = rijen.isEmpty() ? null : rijen.get(0);
            if (rij != null && klaar.test(rij)) {
                return rij;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("melding voor " + url + " niet zover: " + rij);
    }

    private static Map<String, Object> wachtOpToestand(String url, String toestand) {
        return wachtOp(url, r -> toestand.equals(r.get("toestand")));
    }

    private static String prometheus() {
        return engine.clientZonderToken().get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    // --- who may post ---

    @Test
    void zonderVerkeerdOfEvenLangVerkeerdAutorisatie_401ProblemEnNietsOpgeslagen() {
        String zaak = ZAKEN + UUID.randomUUID();
        String body = zaaknotificatie(zaak, "update", "2026-12-06T10:00:00Z").toString();
        String evenLang = TOKEN.substring(0, TOKEN.length() - 1) + "X";
        for (String autorisatie : new String[] {null, "Token fout", evenLang, "Bearer " + engine.token(nl.klantreis.api.beveiliging.Rol.BRON, null)}) {
            EntityExchangeResult<byte[]> r = post(body, autorisatie, MediaType.APPLICATION_JSON_VALUE);
            assertThat(r.getStatus().value()).as(autorisatie).isEqualTo(401);
            assertThat(r.getResponseHeaders().getContentType().toString()).isEqualTo("application/problem+json");
            assertThat(lees(r).path("type").asText()).isEqualTo("urn:klantreis:probleem:niet-aangemeld");
        }
        assertThat(rijen(zaak)).isZero();
        assertThat(prometheus()).contains("klantreis_bronnen_notificaties_total{kanaal=\"onbekend\",uitkomst=\"onbevoegd\"}");
    }

    @Test
    void metDeWaardeVanHetAbonnement_ookEenBearerDieGeenJwtIs_204EnOpgeslagen() {
        String zaak = ZAKEN + UUID.randomUUID();
        assertThat(post(zaaknotificatie(zaak, "create", "2026-12-06T10:00:00Z").toString(), TOKEN,
                MediaType.APPLICATION_JSON_VALUE).getStatus().value()).isEqualTo(204);
        assertThat(post(zaaknotificatie(zaak, "update", "2026-12-06T10:00:01Z").toString(), BEARER,
                MediaType.APPLICATION_JSON_VALUE).getStatus().value()).isEqualTo(204);
        assertThat(rijen(zaak)).isBetween(1, 2);
    }

    // --- what is refused ---

    @Test
    void ontbrekendeVelden_wordenElkGenoemd() {
        EntityExchangeResult<byte[]> r = post(JSON.createObjectNode().put("source", "oz"));
        assertThat(pointers(r)).containsExactlyInAnyOrder("/kanaal", "/hoofdObject", "/resource", "/resourceUrl",
                "/actie", "/aanmaakdatum");
    }

    @Test
    void teLangeVelden_eenOngeldigeDatum_NulEnLosseSurrogaat_wordenGenoemd() {
        String zaak = ZAKEN + UUID.randomUUID();
        ObjectNode n = zaaknotificatie(zaak, "a".repeat(101), "gisteren");
        n.put("kanaal", "z".repeat(51));
        n.put("resourceUrl", ZAKEN + "x".repeat(1000));
        ((ObjectNode) n.get("kenmerken")).put("lang", "k".repeat(1001));
        assertThat(pointers(post(n))).containsExactlyInAnyOrder("/kanaal", "/actie", "/aanmaakdatum", "/resourceUrl",
                "/kenmerken/lang");

        String metNul = zaaknotificatie(zaak, "update", "2026-12-06T10:00:00Z").toString().replace("\"status\"", "\"sta\\u0000tus\"");
        assertThat(pointers(post(metNul, TOKEN, MediaType.APPLICATION_JSON_VALUE))).containsExactly("/resource");
        String losseSurrogaat = zaaknotificatie(zaak, "update", "2026-12-06T10:00:00Z").toString().replace("\"update\"", "\"up\\ud800date\"");
        assertThat(pointers(post(losseSurrogaat, TOKEN, MediaType.APPLICATION_JSON_VALUE))).containsExactly("/actie");
        assertThat(pointers(post("{niet: json", TOKEN, MediaType.APPLICATION_JSON_VALUE))).containsExactly("");
        assertThat(pointers(post("[]", TOKEN, MediaType.APPLICATION_JSON_VALUE))).containsExactly("");
        assertThat(rijen(zaak)).isZero();
    }

    @Test
    void eenTeGrootVerzoek_413_enEenAnderFormaat_415() {
        ObjectNode n = zaaknotificatie(ZAKEN + UUID.randomUUID(), "update", "2026-12-06T10:00:00Z");
        for (int i = 0; i < 70; i++) {
            ((ObjectNode) n.get("kenmerken")).put("k" + i, "v".repeat(1000));
        }
        assertThat(post(n).getStatus().value()).isEqualTo(413);
        assertThat(post("kanaal=zaken", TOKEN, MediaType.TEXT_PLAIN_VALUE).getStatus().value()).isEqualTo(415);
    }

    @Test
    void eenUrlBuitenDeGeconfigureerdeApi_wordtGeweigerd_SSRF() {
        List<String> buiten = List.of("https://kwaadwillend.example.nl/zaken/api/v1/zaken/" + UUID.randomUUID(),
                "http://oz.example.nl/zaken/api/v1/zaken/" + UUID.randomUUID(),
                "https://oz.example.nl:8443/zaken/api/v1/zaken/" + UUID.randomUUID(),
                "https://oz.example.nl/zaken/api/v1/zaken/../../../catalogi/api/v1/zaaktypen",
                "https://oz.example.nl/zaken/api/v1/zaken/%2e%2e/%2e%2e/x",
                "https://oz.example.nl@169.254.169.254/zaken/api/v1/zaken/x",
                "https://oz.example.nl/zaken/api/v1/zaken/x?url=https://elders",
                "https://oz.example.nl/zaken/api/v1/zaken/",
                "https://oz.example.nl/catalogi/api/v1/zaaktypen/" + UUID.randomUUID(),
                // 990 three-byte characters: under the length limit, but no URL, and too long for the queue's index.
                "https://oz.example.nl/zaken/api/v1/zaken/" + "€".repeat(950));
        for (String url : buiten) {
            ObjectNode n = notificatie("zaken", url, "zaak", url, "update", "2026-12-06T10:00:00Z");
            assertThat(pointers(post(n))).as(url).containsExactly("/hoofdObject");
            assertThat(rijen(url)).isZero();
        }
        String klantcontact = "https://oz.example.nl/klantinteracties/api/v1/klantcontacten/" + UUID.randomUUID();
        assertThat(pointers(post(notificatie("klantcontacten", klantcontact, "klantcontact", klantcontact, "create",
                "2026-12-06T10:00:00Z")))).containsExactly("/resourceUrl");
    }

    // --- dedup, absorption, ignored ---

    @Test
    void dezelfdeNotificatieTweemaal_eenMelding_204_enDubbelGeteld() {
        String zaak = ZAKEN + UUID.randomUUID();
        ObjectNode n = zaaknotificatie(zaak, "update", "2026-12-06T10:00:00Z");
        assertThat(post(n).getStatus().value()).isEqualTo(204);
        n.put("aanmaakdatum", "2026-12-06T11:00:00+01:00");
        assertThat(post(n).getStatus().value()).isEqualTo(204);
        assertThat(rijen(zaak)).isEqualTo(1);
        assertThat(prometheus()).containsPattern("klantreis_bronnen_notificaties_total\\{kanaal=\"zaken\",uitkomst=\"dubbel\"} [1-9]");
    }

    @Test
    void eenWachtendeMelding_neemtDeVolgendeNotificatieVoorHetzelfdeKlantcontactOp() {
        String klantcontact = KLANTCONTACTEN + UUID.randomUUID();
        String betrokkene = "https://ok.example.nl/klantinteracties/api/v1/betrokkenen/" + UUID.randomUUID();
        assertThat(post(notificatie("klantcontacten", klantcontact, "klantcontact", klantcontact, "create",
                "2026-12-06T10:00:00Z")).getStatus().value()).isEqualTo(204);
        assertThat(post(notificatie("klantcontacten", klantcontact, "betrokkene", betrokkene, "create",
                "2026-12-06T10:00:01Z")).getStatus().value()).isEqualTo(204);
        assertThat(rijen(klantcontact)).isEqualTo(1);
        assertThat(prometheus()).containsPattern(
                "klantreis_bronnen_notificaties_total\\{kanaal=\"klantcontacten\",uitkomst=\"samengevoegd\"} [1-9]");
    }

    @Test
    void destroyEenAnderKanaalEnEenAnderCloudEventType_204MaarNietOpgeslagen() {
        String zaak = ZAKEN + UUID.randomUUID();
        assertThat(post(zaaknotificatie(zaak, "destroy", "2026-12-06T10:00:00Z")).getStatus().value()).isEqualTo(204);
        String document = "https://oz.example.nl/documenten/api/v1/enkelvoudiginformatieobjecten/" + UUID.randomUUID();
        assertThat(post(notificatie("documenten", document, "enkelvoudiginformatieobject", document, "create",
                "2026-12-06T10:00:00Z")).getStatus().value()).isEqualTo(204);
        ObjectNode ce = cloudEvent("nl.overheid.documenten.document-gemuteerd", UUID.randomUUID().toString(), "/x");
        assertThat(post(ce.toString(), TOKEN, "application/cloudevents+json").getStatus().value()).isEqualTo(204);
        assertThat(rijen(zaak) + rijen(document)).isZero();
        assertThat(prometheus()).containsPattern("klantreis_bronnen_notificaties_total\\{kanaal=\"zaken\",uitkomst=\"genegeerd\"} [1-9]");
    }

    private static ObjectNode cloudEvent(String type, String subject, String dataref) {
        ObjectNode ce = JSON.createObjectNode();
        ce.put("specversion", "1.0").put("id", UUID.randomUUID().toString())
                .put("source", "urn:nld:oin:00000001234567890000:systeem:open-zaak").put("type", type)
                .put("subject", subject).put("dataref", dataref).put("time", "2026-12-06T10:00:00Z");
        ce.putObject("data").put("bronorganisatie", "002220647");
        return ce;
    }

    @Test
    void eenCloudEventVanOpenZaak_metAlleenEenPad_wordtDeZaakOnderDeGeconfigureerdeApi() {
        String uuid = UUID.randomUUID().toString();
        ObjectNode ce = cloudEvent("nl.overheid.zaken.zaak-gemuteerd", uuid, "/zaken/api/v1/zaken/" + uuid);
        assertThat(post(ce.toString(), TOKEN, "application/cloudevents+json").getStatus().value()).isEqualTo(204);
        assertThat(post(ce.toString(), TOKEN, "application/cloudevents+json").getStatus().value()).isEqualTo(204);
        assertThat(rijen(ZAKEN + uuid)).isEqualTo(1);
        ObjectNode elders = cloudEvent("nl.overheid.zaken.zaak-gemuteerd", uuid, "https://elders.example.nl/zaken/api/v1/zaken/" + uuid);
        assertThat(pointers(post(elders.toString(), TOKEN, "application/cloudevents+json"))).containsExactly("/dataref");
        ObjectNode zonderId = cloudEvent("nl.overheid.zaken.zaak-gemuteerd", uuid, "/zaken/api/v1/zaken/" + uuid);
        zonderId.remove("id");
        assertThat(pointers(post(zonderId.toString(), TOKEN, "application/cloudevents+json"))).containsExactly("/id");

        // zaak-gekoppeld (what another system sends when it links something to a zaak) names the zaak in data.zaak.
        String gekoppeld = UUID.randomUUID().toString();
        ObjectNode koppeling = cloudEvent("nl.overheid.zaken.zaak-gekoppeld", null, null);
        koppeling.remove("dataref");
        koppeling.remove("subject");
        koppeling.putObject("data").put("zaak", "urn:uuid:" + gekoppeld).put("linkTo", "https://ok.example.nl/x")
                .put("linkObjectType", "klantcontact");
        assertThat(post(koppeling.toString(), TOKEN, "application/cloudevents+json").getStatus().value()).isEqualTo(204);
        assertThat(rijen(ZAKEN + gekoppeld)).isEqualTo(1);
        ObjectNode buiten = koppeling.deepCopy();
        buiten.put("id", UUID.randomUUID().toString());
        ((ObjectNode) buiten.get("data")).put("zaak", "https://elders.example.nl/zaken/api/v1/zaken/" + gekoppeld);
        assertThat(pointers(post(buiten.toString(), TOKEN, "application/cloudevents+json"))).containsExactly("/data/zaak");
    }

    // --- the workers ---

    @Test
    void berichtenVanDeBron_gaanDoorDeIngestie_enEenTweedeKeerZijnZeDuplicaat_beideVerwerkt() {
        String zaak = ZAKEN + UUID.randomUUID();
        Voorbeelden.Kopie kopie = Voorbeelden.kopie(Voorbeelden.DAKKAPEL, "bronnen-" + UUID.randomUUID());
        Nepbron.zet(zaak, m -> Resultaat.berichten(kopie.berichten(), null));
        post(zaaknotificatie(zaak, "create", "2026-12-06T10:00:00Z"));
        wachtOpToestand(zaak, "verwerkt");
        String eersteId = kopie.berichten().get(0).path("id").asText();
        assertThat(engine.jdbc().queryForObject("SELECT count(*) FROM ontvangen_bericht WHERE bericht_id = ?",
                Integer.class, eersteId)).isEqualTo(1);

        post(zaaknotificatie(zaak, "update", "2026-12-06T10:05:00Z"));
        wachtOp(zaak, r -> "verwerkt".equals(r.get("toestand")) && rijen(zaak) == 2);
        assertThat(engine.jdbc().queryForList("SELECT toestand FROM bronmelding WHERE url = ?", String.class, zaak))
                .containsOnly("verwerkt");
        assertThat(Nepbron.vragen(zaak)).hasSize(2);
        assertThat(prometheus()).containsPattern("klantreis_bronnen_afgehandeld_total\\{soort=\"zaak\",uitkomst=\"verwerkt\"} [1-9]");
    }

    @Test
    void eenBerichtDatDeIngestieAfwijst_maaktDeMeldingGeweigerd_metPositieIdEnFoutZonderWaarden() {
        String zaak = ZAKEN + UUID.randomUUID();
        Voorbeelden.Kopie kopie = Voorbeelden.kopie(Voorbeelden.DAKKAPEL, "geweigerd-" + UUID.randomUUID());
        ObjectNode kapot = kopie.berichten().get(0).deepCopy();
        kapot.remove("type");
        Nepbron.zet(zaak, m -> Resultaat.berichten(List.of(kapot), null));
        post(zaaknotificatie(zaak, "create", "2026-12-06T10:00:00Z"));
        Map<String, Object> rij = wachtOpToestand(zaak, "geweigerd");
        assertThat((String) rij.get("reden")).contains("positie 0", "id " + kapot.path("id").asText(), "/type")
                .doesNotContain(Voorbeelden.DAKKAPEL_BSN, kopie.bsn());
    }

    @Test
    void eenTijdelijkeFout_wordtOpnieuwGeprobeerd_enNaDrieKeerDood_daarnaOpnieuwEnVerwerkt() {
        String zaak = ZAKEN + UUID.randomUUID();
        Nepbron.zet(zaak, m -> {
            throw new Bronfout("Open Zaak antwoordde 503", true);
        });
        post(zaaknotificatie(zaak, "create", "2026-12-06T10:00:00Z"));
        Map<String, Object> rij = wachtOpToestand(zaak, "dood");
        assertThat(Nepbron.vragen(zaak)).hasSize(3);
        assertThat(rij.get("pogingen")).isEqualTo(3);
        assertThat((String) rij.get("reden")).isEqualTo("na 3 pogingen: Open Zaak antwoordde 503");
        List<Instant> vragen = Nepbron.vragen(zaak);
        // Each wait is at least half of eersteWacht (0.2 s) with jitter.
        assertThat(Duration.between(vragen.get(0), vragen.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(100));

        Nepbron.zet(zaak, m -> Resultaat.berichten(List.of(), "nog geen initiator"));
        assertThat(engine.bean(Meldingenopslag.class).opnieuw(List.of(((Number) rij.get("id")).longValue()))).isEqualTo(1);
        assertThat(wachtOpToestand(zaak, "verwerkt").get("pogingen")).isEqualTo(1);
    }

    @Test
    void eenBlijvendeFout_isMeteenDood() {
        String zaak = ZAKEN + UUID.randomUUID();
        Nepbron.zet(zaak, m -> {
            throw new Bronfout("Open Zaak antwoordde 403", false);
        });
        post(zaaknotificatie(zaak, "create", "2026-12-06T10:00:00Z"));
        assertThat(wachtOpToestand(zaak, "dood").get("reden")).isEqualTo("Open Zaak antwoordde 403");
        assertThat(Nepbron.vragen(zaak)).hasSize(1);
    }

    @Test
    void wegEnOngekoppeld_wordenHunToestand() {
        String weg = ZAKEN + UUID.randomUUID();
        String ongekoppeld = ZAKEN + UUID.randomUUID();
        Nepbron.zet(weg, m -> Resultaat.zonder(Resultaat.Uitkomst.WEG, "404"));
        Nepbron.zet(ongekoppeld, m -> Resultaat.zonder(Resultaat.Uitkomst.ONGEKOPPELD, "zaaktype zonder koppeling"));
        post(zaaknotificatie(weg, "create", "2026-12-06T10:00:00Z"));
        post(zaaknotificatie(ongekoppeld, "create", "2026-12-06T10:00:00Z"));
        assertThat(wachtOpToestand(weg, "weg").get("reden")).isEqualTo("404");
        assertThat(wachtOpToestand(ongekoppeld, "ongekoppeld").get("reden")).isEqualTo("zaaktype zonder koppeling");
    }

    @Test
    void eenKlantcontact_wordtPasNaZijnRustGelezen() {
        String klantcontact = KLANTCONTACTEN + UUID.randomUUID();
        Nepbron.zet(klantcontact, m -> Resultaat.berichten(List.of(), null));
        post(notificatie("klantcontacten", klantcontact, "klantcontact", klantcontact, "create", "2026-12-06T10:00:00Z"));
        Map<String, Object> rij = wachtOpToestand(klantcontact, "verwerkt");
        Instant ontvangen = ((java.sql.Timestamp) rij.get("ontvangen_op")).toInstant();
        assertThat(Nepbron.vragen(klantcontact)).singleElement()
                .satisfies(v -> assertThat(v).isAfterOrEqualTo(ontvangen.plusSeconds(2)));
    }

    @Test
    void eenClaimVanEenGestopteNode_wordtNaDeLeaseOvergenomen() {
        String zaak = ZAKEN + UUID.randomUUID();
        Nepbron.zet(zaak, m -> Resultaat.berichten(List.of(), null));
        Instant leaseTot = Instant.now().plusSeconds(2);
        // A node that claimed this melding and was killed before it finished: its claim is all that is left.
        engine.jdbc().update("INSERT INTO bronmelding (soort, url, kanaal, resource, actie, ontvangen_op, volgende_poging,"
                + " geclaimd_door, geclaimd_tot) VALUES ('zaak', ?, 'zaken', 'inlezen', 'inlezen', now(), now(), 'gedode-node', ?)",
                zaak, OffsetDateTime.ofInstant(leaseTot, java.time.ZoneOffset.UTC));
        Map<String, Object> rij = wachtOpToestand(zaak, "verwerkt");
        assertThat(Nepbron.vragen(zaak)).singleElement().satisfies(v -> assertThat(v).isAfterOrEqualTo(leaseTot));
        assertThat(rij.get("geclaimd_door")).isNull();
    }

    @Test
    void eenHerstartMiddenInHetWerk_verliestNiets_enLaatGeenClaimsAchter() {
        // One read that outlasts the stop's bound (tijdslimiet + 5 s) and ignores the interrupt: the stop must give
        // its claim back, or the restarted node would wait for the 60 s lease.
        String traag = ZAKEN + UUID.randomUUID();
        Nepbron.zet(traag, m -> {
            if (Nepbron.vragen(traag).size() == 1) {
                // Far past the stop's bound (6 s here) whenever the stop begins, so the stop must give the claim back.
                long tot = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (System.nanoTime() < tot) {
                    Thread.onSpinWait();
                    java.util.concurrent.locks.LockSupport.parkNanos(10_000_000);
                }
            }
            return Resultaat.berichten(List.of(), null);
        });
        assertThat(post(zaaknotificatie(traag, "create", "2026-12-06T10:00:00Z")).getStatus().value()).isEqualTo(204);
        wachtOp(traag, r -> r.get("geclaimd_door") != null);
        List<String> zaken = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String zaak = ZAKEN + UUID.randomUUID();
            zaken.add(zaak);
            Nepbron.zet(zaak, m -> {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Resultaat.berichten(List.of(), null);
            });
            assertThat(post(zaaknotificatie(zaak, "create", "2026-12-06T10:00:00Z")).getStatus().value()).isEqualTo(204);
        }
        engine.herstart();
        // Within the 60 s lease: a claim the stop did not give back would make this wait fail.
        for (String zaak : zaken) {
            wachtOpToestand(zaak, "verwerkt");
        }
        wachtOpToestand(traag, "verwerkt");
        assertThat(Nepbron.vragen(traag)).hasSize(2);
        assertThat(engine.jdbc().queryForObject("SELECT count(*) FROM bronmelding WHERE geclaimd_door IS NOT NULL",
                Integer.class)).isZero();
    }

    @Test
    void gezondheid_bronnenIsUpMetTellingen() {
        JsonNode gezondheid = engine.clientZonderToken().get().uri("/actuator/health").exchange()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        JsonNode bronnen = gezondheid.path("components").path("bronnen");
        assertThat(bronnen.path("status").asText()).isEqualTo("UP");
        assertThat(bronnen.path("details").path("geconfigureerd").asBoolean()).isTrue();
        long tot = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!bronnen.path("details").path("meldingen").isObject() && System.nanoTime() < tot) {
            bronnen = engine.clientZonderToken().get().uri("/actuator/health").exchange()
                    .expectBody(JsonNode.class).returnResult().getResponseBody().path("components").path("bronnen");
        }
        assertThat(bronnen.path("details").path("meldingen").has("dood")).isTrue();
        assertThat(prometheus()).contains("klantreis_bronnen_meldingen{toestand=\"wachtend\"}",
                "klantreis_bronnen_oudste_wachtende_seconds");
    }
}
