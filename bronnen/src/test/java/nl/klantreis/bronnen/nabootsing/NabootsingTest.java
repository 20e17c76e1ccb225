package nl.klantreis.bronnen.nabootsing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;

import nl.klantreis.bronnen.nabootsing.Specificatie.Api;

class NabootsingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLIENT = "klantreis";
    private static final String GEHEIM = "een-geheim-van-de-test-0123456789";
    private static final String TOKEN = "open-klant-token-van-de-test";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Nabootsing nabootsing;
    private String jwt;

    @BeforeEach
    void start() {
        nabootsing = Nabootsing.start().zgwClient(CLIENT, GEHEIM).token(TOKEN);
        jwt = "Bearer " + Nabootsing.zgwJwt(CLIENT, GEHEIM);
    }

    @AfterEach
    void stop() {
        if (nabootsing != null) {
            nabootsing.close();
        }
    }

    @Test
    void bladerenLooptAlle250ZakenPreciesEenKeerAf() throws Exception {
        nabootsing.wereld().genereer(250, 1);
        Set<String> gezien = new HashSet<>();
        List<String> dubbel = new ArrayList<>();
        String volgende = nabootsing.wereld().zakenApi() + "/zaken";
        int paginas = 0;
        while (volgende != null) {
            HttpResponse<String> a = get(volgende, jwt);
            assertThat(a.statusCode()).isEqualTo(200);
            JsonNode body = JSON.readTree(a.body());
            assertThat(body.get("count").asInt()).isEqualTo(250);
            for (JsonNode z : body.get("results")) {
                if (!gezien.add(z.get("uuid").asText())) {
                    dubbel.add(z.get("uuid").asText());
                }
            }
            volgende = body.get("next").isNull() ? null : body.get("next").asText();
            paginas++;
        }
        assertThat(dubbel).isEmpty();
        assertThat(gezien).hasSize(250);
        assertThat(paginas).isEqualTo(3);
        assertThat(nabootsing.verzoeken("/zaken/api/v1/zaken")).isEqualTo(3);
        assertThat(get(nabootsing.wereld().zakenApi() + "/zaken?page=4", jwt).statusCode()).isEqualTo(404);
    }

    @Test
    void filtersBeperkenDeLijsten() throws Exception {
        Zgwwereld w = nabootsing.wereld();
        w.genereer(30, 2);
        Dakkapelverhaal verhaal = Dakkapelverhaal.bouw(w);
        String zaken = w.zakenApi() + "/zaken";

        JsonNode opType = lees(get(zaken + "?zaaktype=" + enc(verhaal.zaaktype().url()), jwt));
        assertThat(opType.get("count").asInt()).isEqualTo(1);
        assertThat(opType.at("/results/0/identificatie").asText()).isEqualTo(Dakkapelverhaal.IDENTIFICATIE);
        assertThat(lees(get(zaken + "?identificatie=" + Dakkapelverhaal.IDENTIFICATIE, jwt)).get("count").asInt()).isEqualTo(1);
        JsonNode inMaart = lees(get(zaken + "?registratiedatum__gt=2026-03-03&registratiedatum__lt=2026-03-05", jwt));
        assertThat(inMaart.get("count").asInt()).isEqualTo(1);
        JsonNode ervoor = lees(get(zaken + "?registratiedatum__lt=2026-01-01", jwt));
        assertThat(ervoor.get("count").asInt()).isEqualTo(30);

        JsonNode rollen = lees(get(w.zakenApi() + "/rollen?zaak=" + enc(verhaal.zaakUrl()) + "&omschrijvingGeneriek=initiator", jwt));
        assertThat(rollen.get("count").asInt()).isEqualTo(1);
        assertThat(rollen.at("/results/0/betrokkeneIdentificatie/inpBsn").asText()).isEqualTo(Dakkapelverhaal.BSN);
        JsonNode statussen = lees(get(w.zakenApi() + "/statussen?zaak=" + enc(verhaal.zaakUrl()), jwt));
        assertThat(statussen.get("count").asInt()).isEqualTo(5);
        assertThat(statussen.at("/results/0/indicatieLaatstGezetteStatus").asBoolean()).isTrue();
        assertThat(lees(get(w.zakenApi() + "/resultaten?zaak=" + enc(verhaal.zaakUrl()), jwt)).get("count").asInt()).isEqualTo(1);
        JsonNode audit = lees(get(verhaal.zaakUrl() + "/audittrail", jwt));
        assertThat(audit.isArray()).isTrue();
        assertThat(audit).hasSize(3);

        HttpResponse<String> zaak = get(verhaal.zaakUrl(), jwt);
        assertThat(zaak.headers().firstValue("Content-Crs")).contains("EPSG:4326");
        HttpRequest andereCrs = HttpRequest.newBuilder(URI.create(verhaal.zaakUrl())).header("Authorization", jwt)
                .header("Accept-Crs", "EPSG:28992").GET().build();
        assertThat(http.send(andereCrs, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(406);

        HttpResponse<String> fout = get(zaken + "?registratiedatum__gt=gisteren", jwt);
        assertThat(fout.statusCode()).isEqualTo(400);
        assertThat(Specificatie.van(Api.ZAKEN).afwijkingen("ValidatieFout", JSON.readTree(fout.body()))).isEmpty();

        JsonNode kcs = lees(get(w.klantinteractiesApi() + "/klantcontacten", "Token " + TOKEN));
        assertThat(kcs.get("count").asInt()).isEqualTo(4);
        assertThat(kcs.get("results")).extracting(k -> k.get("uuid").asText()).containsExactly(
                Dakkapelverhaal.KLANTCONTACT_NAVRAAG, Dakkapelverhaal.KLANTCONTACT_WEBCHAT,
                Dakkapelverhaal.KLANTCONTACT_WEBFORMULIER, Dakkapelverhaal.KLANTCONTACT_TELEFOON);
        JsonNode onderwerp = lees(get(kcs.at("/results/0/gingOverOnderwerpobjecten/0/url").asText(), "Token " + TOKEN));
        assertThat(onderwerp.at("/onderwerpobjectidentificator/objectId").asText()).isEqualTo(Dakkapelverhaal.ZAAK_UUID);
        JsonNode zaaktype = lees(get(verhaal.zaaktype().url(), jwt));
        assertThat(zaaktype.get("identificatie").asText()).isEqualTo("ZT-OMGEVINGSVERGUNNING");
        assertThat(lees(get(verhaal.zaaktype().eindstatus(), jwt)).get("isEindstatus").asBoolean()).isTrue();
    }

    @Test
    void nietGevondenEnWegZijnFouten() throws Exception {
        Zgwwereld w = nabootsing.wereld();
        Dakkapelverhaal verhaal = Dakkapelverhaal.bouw(w);
        HttpResponse<String> onbekend = get(w.zakenApi() + "/zaken/00000000-0000-4000-8000-000000000000", jwt);
        assertThat(onbekend.statusCode()).isEqualTo(404);
        assertThat(onbekend.headers().firstValue("Content-Type")).contains("application/problem+json");
        JsonNode fout = JSON.readTree(onbekend.body());
        assertThat(Specificatie.van(Api.ZAKEN).afwijkingen("Fout", fout)).isEmpty();
        assertThat(fout.get("status").asInt()).isEqualTo(404);

        nabootsing.weg(verhaal.zaakUrl(), 410);
        HttpResponse<String> verwijderd = get(verhaal.zaakUrl(), jwt);
        assertThat(verwijderd.statusCode()).isEqualTo(410);
        assertThat(Specificatie.van(Api.ZAKEN).afwijkingen("Fout", JSON.readTree(verwijderd.body()))).isEmpty();
        String kc = verhaal.klantcontacten().get(Dakkapelverhaal.KLANTCONTACT_WEBCHAT);
        nabootsing.weg(kc, 404);
        HttpResponse<String> kcWeg = get(kc, "Token " + TOKEN);
        assertThat(kcWeg.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(kcWeg.body()).get("code").asText()).isEqualTo("not_found");
        nabootsing.herstel();
        assertThat(get(verhaal.zaakUrl(), jwt).statusCode()).isEqualTo(200);
    }

    @Test
    void vervalsteOntbrekendeOfVerkeerdOndertekendeTokensWordenGeweigerd() throws Exception {
        String zaken = nabootsing.wereld().zakenApi() + "/zaken";
        assertThat(get(zaken, jwt).statusCode()).isEqualTo(200);
        HttpResponse<String> zonder = get(zaken, null);
        assertThat(zonder.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(zonder.body()).get("code").asText()).isEqualTo("not_authenticated");
        assertThat(get(zaken, "Bearer " + Nabootsing.zgwJwt(CLIENT, "een-ander-geheim-0123456789")).statusCode()).isEqualTo(403);
        assertThat(get(zaken, "Bearer " + Nabootsing.zgwJwt("onbekend", GEHEIM)).statusCode()).isEqualTo(403);
        String[] delen = Nabootsing.zgwJwt(CLIENT, GEHEIM).split("\\.");
        String vervalst = delen[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"iss\":\"klantreis\",\"client_id\":\"klantreis\",\"iat\":1,\"admin\":true}".getBytes(StandardCharsets.UTF_8))
                + "." + delen[2];
        HttpResponse<String> nep = get(zaken, "Bearer " + vervalst);
        assertThat(nep.statusCode()).isEqualTo(403);
        assertThat(Specificatie.van(Api.ZAKEN).afwijkingen("Fout", JSON.readTree(nep.body()))).isEmpty();
        String geenHandtekening = delen[0].replace(delen[0], java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8))) + "." + delen[1] + ".";
        assertThat(get(zaken, "Bearer " + geenHandtekening).statusCode()).isEqualTo(403);
        assertThat(get(nabootsing.wereld().notificatiesApi() + "/kanaal", null).statusCode()).isEqualTo(403);
        assertThat(get(zaken, "Bearer " + Nabootsing.zgwJwt(CLIENT, GEHEIM, java.time.Instant.now().minusSeconds(7200)))
                .statusCode()).isEqualTo(403);
        assertThat(get(zaken, "Bearer " + Nabootsing.zgwJwt(CLIENT, GEHEIM, java.time.Instant.now().plusSeconds(600)))
                .statusCode()).isEqualTo(403);

        String kcs = nabootsing.wereld().klantinteractiesApi() + "/klantcontacten";
        HttpResponse<String> geenToken = get(kcs, null);
        assertThat(geenToken.statusCode()).isEqualTo(401);
        assertThat(geenToken.headers().firstValue("WWW-Authenticate")).contains("Token");
        assertThat(get(kcs, "Token fout-token").statusCode()).isEqualTo(401);
        assertThat(get(kcs, jwt).statusCode()).isEqualTo(401);
        assertThat(get(kcs, "Token " + TOKEN).statusCode()).isEqualTo(200);
    }

    @Test
    void storingenGaanAanEnUit() throws Exception {
        String zaken = nabootsing.wereld().zakenApi() + "/zaken";
        String kcs = nabootsing.wereld().klantinteractiesApi() + "/klantcontacten";
        nabootsing.fout(503, 2);
        HttpResponse<String> eerste = get(zaken, jwt);
        assertThat(eerste.statusCode()).isEqualTo(503);
        assertThat(eerste.headers().firstValue("Retry-After")).isPresent();
        assertThat(get(kcs, "Token " + TOKEN).statusCode()).isEqualTo(503);
        assertThat(get(zaken, jwt).statusCode()).isEqualTo(200);

        nabootsing.fout(502, Duration.ofMinutes(5));
        assertThat(get(zaken, jwt).statusCode()).isEqualTo(502);
        nabootsing.herstel();
        assertThat(get(zaken, jwt).statusCode()).isEqualTo(200);

        nabootsing.onbereikbaar(Api.ZAKEN, true);
        assertThatThrownBy(() -> get(zaken, jwt)).isInstanceOf(IOException.class);
        assertThat(get(kcs, "Token " + TOKEN).statusCode()).isEqualTo(200);
        nabootsing.onbereikbaar(Api.ZAKEN, false);
        assertThat(get(zaken, jwt).statusCode()).isEqualTo(200);

        nabootsing.onbereikbaar(true);
        assertThatThrownBy(() -> get(zaken, jwt)).isInstanceOf(ConnectException.class);
        nabootsing.onbereikbaar(false);
        assertThat(get(zaken, jwt).statusCode()).isEqualTo(200);

        // The client's own time limit is what a slow source runs into; far apart, so no race with the machine's load.
        nabootsing.traag(Duration.ofSeconds(5));
        HttpRequest traag = HttpRequest.newBuilder(URI.create(zaken)).header("Authorization", jwt)
                .timeout(Duration.ofMillis(300)).GET().build();
        assertThatThrownBy(() -> http.send(traag, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
        nabootsing.traag(Duration.ZERO);
        assertThat(get(zaken, jwt).statusCode()).isEqualTo(200);
        assertThat(nabootsing.verzoeken(zaken)).isEqualTo(nabootsing.verzoeken("/zaken/api/v1/zaken"));
    }

    @Test
    void eenAbonnementWordtTegenDeSpecificatieGecontroleerd() throws Exception {
        String abonnement = nabootsing.wereld().notificatiesApi() + "/abonnement";
        HttpResponse<String> zonderCallback = post(abonnement, jwt, "{\"auth\":\"Token abcdefghijklmnop\",\"kanalen\":[{\"naam\":\"zaken\",\"filters\":{}}]}");
        assertThat(zonderCallback.statusCode()).isEqualTo(400);
        JsonNode fout = JSON.readTree(zonderCallback.body());
        assertThat(Specificatie.van(Api.NOTIFICATIES).afwijkingen("ValidatieFout", fout)).isEmpty();
        assertThat(fout.get("invalidParams")).extracting(p -> p.get("name").asText() + ":" + p.get("code").asText())
                .containsExactly("callbackUrl:required");
        assertThat(post(abonnement, jwt, "{\"callbackUrl\":\"geen adres\",\"auth\":\"x\"}").statusCode()).isEqualTo(400);
        assertThat(post(abonnement, null, "{}").statusCode()).isEqualTo(403);
        HttpResponse<String> onbekendKanaal = post(abonnement, jwt, "{\"callbackUrl\":\"http://127.0.0.1:9/n\","
                + "\"auth\":\"Token abcdefghijklmnop\",\"kanalen\":[{\"naam\":\"besluiten\"}]}");
        assertThat(JSON.readTree(onbekendKanaal.body()).at("/invalidParams/0/code").asText()).isEqualTo("kanaal_naam");
        HttpResponse<String> vreemdFilter = post(abonnement, jwt, "{\"callbackUrl\":\"http://127.0.0.1:9/n\","
                + "\"auth\":\"Token abcdefghijklmnop\",\"kanalen\":[{\"naam\":\"zaken\",\"filters\":{\"kleur\":\"rood\"}}]}");
        assertThat(JSON.readTree(vreemdFilter.body()).at("/invalidParams/0/code").asText())
                .isEqualTo("inconsistent-abonnement-filters");

        HttpResponse<String> goed = post(abonnement, jwt, "{\"callbackUrl\":\"http://127.0.0.1:9/api/v1/notificaties\","
                + "\"auth\":\"Token abcdefghijklmnop\",\"kanalen\":[{\"naam\":\"zaken\",\"filters\":{}},{\"naam\":\"klantcontacten\",\"filters\":{}}]}");
        assertThat(goed.statusCode()).as(goed.body()).isEqualTo(201);
        JsonNode aangemaakt = JSON.readTree(goed.body());
        assertThat(aangemaakt.get("url").asText()).startsWith(abonnement + "/");
        assertThat(aangemaakt.has("auth")).isFalse();
        assertThat(nabootsing.abonnementen()).singleElement()
                .satisfies(a -> assertThat(a.get("auth").asText()).isEqualTo("Token abcdefghijklmnop"));
        assertThat(lees(get(abonnement, jwt))).hasSize(1);
        assertThat(lees(get(nabootsing.wereld().notificatiesApi() + "/kanaal", jwt))).extracting(k -> k.get("naam").asText())
                .containsExactly("zaken", "klantcontacten");
    }

    @Test
    void deNotificatieverzenderLevertAfZoalsOpenNotificaties() throws Exception {
        Map<String, String> ontvangen = new ConcurrentHashMap<>();
        HttpServer ontvanger = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        java.util.concurrent.atomic.AtomicBoolean weigerAlles = new java.util.concurrent.atomic.AtomicBoolean();
        ontvanger.createContext("/", ex -> {
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (auth == null || weigerAlles.get()) {
                ex.sendResponseHeaders(403, -1);
            } else {
                ontvangen.put("auth", auth);
                ontvangen.put("type", String.valueOf(ex.getRequestHeaders().getFirst("Content-Type")));
                ontvangen.put("body", body);
                ex.sendResponseHeaders(204, -1);
            }
            ex.close();
        });
        ontvanger.start();
        try {
            URI callback = URI.create("http://127.0.0.1:" + ontvanger.getAddress().getPort() + "/api/v1/notificaties");
            ObjectNode n = Dakkapelverhaal.bouw(nabootsing.wereld()).notificaties().get(0);
            assertThat(new Notificatieverzender().verstuur(callback, "Token abcdefghijklmnop", n)).isEqualTo(204);
            assertThat(ontvangen).containsEntry("auth", "Token abcdefghijklmnop").containsEntry("type", "application/json");
            assertThat(JSON.readTree(ontvangen.get("body"))).isEqualTo(n);

            nabootsing.callbackControleren(true);
            HttpResponse<String> a = post(nabootsing.wereld().notificatiesApi() + "/abonnement", jwt,
                    "{\"callbackUrl\":\"" + callback + "\",\"auth\":\"Token abcdefghijklmnop\"}");
            assertThat(a.statusCode()).as(a.body()).isEqualTo(201);
            assertThat(JSON.readTree(ontvangen.get("body")).get("kanaal").asText()).isEqualTo("test");
            weigerAlles.set(true);
            HttpResponse<String> geweigerd = post(nabootsing.wereld().notificatiesApi() + "/abonnement", jwt,
                    "{\"callbackUrl\":\"" + callback + "\",\"auth\":\"Token abcdefghijklmnop\"}");
            assertThat(geweigerd.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(geweigerd.body()).at("/invalidParams/0/code").asText()).isEqualTo("invalid-callback-url");
            String onbeveiligd = "http://127.0.0.1:" + nabootsing.basis().substring(nabootsing.basis().lastIndexOf(':') + 1)
                    + "/onbekend";
            HttpResponse<String> open = post(nabootsing.wereld().notificatiesApi() + "/abonnement", jwt,
                    "{\"callbackUrl\":\"" + onbeveiligd + "\",\"auth\":\"Token abcdefghijklmnop\"}");
            assertThat(JSON.readTree(open.body()).at("/invalidParams/0/code").asText()).isEqualTo("no-auth-on-callback-url");
            ObjectNode ongeldig = n.deepCopy();
            ongeldig.remove("resourceUrl");
            assertThatThrownBy(() -> new Notificatieverzender().verstuur(callback, null, ongeldig))
                    .isInstanceOf(Specificatie.Afwijking.class);
        } finally {
            ontvanger.stop(0);
        }
    }

    @Test
    void eenAntwoordBuitenDeSpecificatieWordtNietVerstuurdEnLaatDeTestFalen() throws Exception {
        Dakkapelverhaal verhaal = Dakkapelverhaal.bouw(nabootsing.wereld());
        nabootsing.wereld().vervals("zaken", Dakkapelverhaal.ZAAK_UUID, z -> z.put("registratiedatum", "4-3-2026"));
        HttpResponse<String> a = get(verhaal.zaakUrl(), jwt);
        assertThat(a.statusCode()).isEqualTo(500);
        assertThat(nabootsing.afwijkingen()).singleElement().asString().contains("registratiedatum");
        Nabootsing n = nabootsing;
        nabootsing = null;
        assertThatThrownBy(n::close).isInstanceOf(Specificatie.Afwijking.class).hasMessageContaining("registratiedatum");
    }

    @Test
    void gelijktijdigeVerzoekenKrijgenElkHunEigenAntwoord() throws Exception {
        List<String> zaken = nabootsing.wereld().genereer(40, 4);
        List<java.util.concurrent.Future<String>> antwoorden = new ArrayList<>();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            for (String zaak : zaken) {
                antwoorden.add(pool.submit(() -> lees(get(zaak, jwt)).get("url").asText()));
            }
            List<String> urls = new ArrayList<>();
            for (java.util.concurrent.Future<String> a : antwoorden) {
                urls.add(a.get());
            }
            assertThat(urls).isEqualTo(zaken);
        } finally {
            pool.shutdownNow();
        }
        assertThat(nabootsing.afwijkingen()).isEmpty();
    }

    @Test
    void tienduizendGegenereerdeZakenWordenGediend() throws Exception {
        long begin = System.nanoTime();
        nabootsing.wereld().genereer(10_000, 3);
        long gegenereerd = System.nanoTime();
        int gezien = 0;
        String volgende = nabootsing.wereld().zakenApi() + "/zaken";
        while (volgende != null) {
            JsonNode body = lees(get(volgende, jwt));
            gezien += body.get("results").size();
            volgende = body.get("next").isNull() ? null : body.get("next").asText();
        }
        long gediend = System.nanoTime();
        assertThat(gezien).isEqualTo(10_000);
        System.out.printf("nabootsing: 10000 zaken gegenereerd in %d ms, alle pagina's gediend in %d ms%n",
                (gegenereerd - begin) / 1_000_000, (gediend - gegenereerd) / 1_000_000);
    }

    private HttpResponse<String> get(String url, String autorisatie) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
        if (autorisatie != null) {
            b.header("Authorization", autorisatie);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String url, String autorisatie, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (autorisatie != null) {
            b.header("Authorization", autorisatie);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode lees(HttpResponse<String> a) throws IOException {
        assertThat(a.statusCode()).as(a.body()).isEqualTo(200);
        return JSON.readTree(a.body());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
