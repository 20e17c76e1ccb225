package nl.klantreis.api.paginas.kcc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import nl.klantreis.api.beveiliging.Rol;
import nl.klantreis.api.testondersteuning.Browser;
import nl.klantreis.api.testondersteuning.Testengine;
import nl.klantreis.api.testondersteuning.Voorbeelden;
import nl.klantreis.domein.gedeeld.Identificatiesoort;
import nl.klantreis.infrastructuur.privacy.Pseudoniemen;

/**
 * The KCC employee's pages on the dakkapel example, in a real browser: he finds the klant by BSN,
 * sees his klantbeeld and the klantreis with both kanaalwissels (one warm, one koud), and the BSN is
 * in no address the browser ever had. A burger cannot enter. Every page passes axe and is
 * photographed for the README. Over plain HTTP: the search form needs its CSRF token, an invalid
 * number is neither searched nor logged, and each page writes the API's processing records.
 */
@ExtendWith(OutputCaptureExtension.class)
class KlantbeeldBrowserTest {
    @RegisterExtension
    static final Testengine engine = Testengine.perKlasse();

    private static final String BSN = Voorbeelden.DAKKAPEL_BSN;
    /** Passes the elfproef, but nobody in the example has it. */
    private static final String ONBEKEND_BSN = "999993653";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final Browser browser = Browser.gedeeld();

    @BeforeAll
    static void dakkapel() {
        engine.client().post().uri("/api/v1/events")
                .contentType(MediaType.parseMediaType("application/cloudevents-batch+json"))
                .bodyValue(Voorbeelden.tekst(Voorbeelden.DAKKAPEL)).exchange().expectStatus().isOk();
        engine.wachtOpLeesmodellen();
    }

    @Test
    void deMedewerkerVindtDeKlantOpBsnEnZietEenWarmeEnEenKoudeKanaalwissel() {
        List<String> adressen = new ArrayList<>();
        browser.inloggenAls(engine, Rol.MEDEWERKER);
        browser.klikNaar(By.linkText("Klantbeeld"));
        browser.wacht().until(d -> d.getCurrentUrl().endsWith("/kcc"));
        adressen.add(browser.driver().getCurrentUrl());
        assertThat(browser.driver().getTitle()).isEqualTo("Klant zoeken - Gemeente Voorbeeld");
        browser.zonderOvertredingen().schermafdruk("kcc-zoeken");

        browser.driver().findElement(By.id("soort-bsn")).click();
        browser.driver().findElement(By.id("nummer")).sendKeys(BSN);
        browser.klikNaar(By.cssSelector("form[action='/kcc/zoeken'] button[type=submit]"));
        browser.wacht().until(d -> d.getCurrentUrl().contains("/kcc/klanten/"));
        adressen.add(browser.driver().getCurrentUrl());
        assertThat(browser.driver().getCurrentUrl())
                .isEqualTo(engine.basisUrl() + "/kcc/klanten/" + klantId());
        assertThat(browser.tekst()).contains("Klantbeeld", "Deze klant heeft geen open zaken.",
                // recent contacts across kanalen, with what was said
                "Vraagt hoe hij een dakkapel aanvraagt; verwezen naar het formulier.", "kcc-medewerker-17",
                "Telefoon", "Webformulier / e-dienst", "Doorverwezen", "Zaak gestart", "Status navraag",
                "Zaak 5b0e1c3a-8f1d-4f3e-9c55-2b7d1e6a9f01", "2: 1 warm, 1 koud");
        assertThat(tabel("kanaalmix")).containsExactly(List.of("Telefoon", "2"), List.of("Webformulier / e-dienst", "1"));
        browser.zonderOvertredingen().schermafdruk("kcc-klantbeeld");

        browser.klikNaar(By.cssSelector("#klantreizen a"));
        browser.wacht().until(d -> d.getCurrentUrl().contains("/kcc/klantreizen/"));
        adressen.add(browser.driver().getCurrentUrl());
        assertThat(browser.driver().getTitle()).isEqualTo("Klantreis - Gemeente Voorbeeld");
        assertThat(tabel("kanaalwissels")).extracting(rij -> rij.subList(0, 2) + " " + rij.get(3))
                .containsExactly("[Telefoon, Webformulier / e-dienst] Warm het verhaal ging mee naar het volgende kanaal",
                        "[Webformulier / e-dienst, Telefoon] Koud de klant begon in het nieuwe kanaal opnieuw");
        // The lanes: a row per kanaal, the steps in their kanaal's row, each wissel marked at its step in words.
        List<List<String>> banen = tabel("tijdlijn");
        assertThat(banen).extracting(rij -> rij.get(0)).containsExactly("Telefoon", "Webformulier / e-dienst");
        assertThat(banen.get(0).subList(1, 5)).containsExactly("Contact: doorverwezen", "", "",
                "Koude wissel vanaf Webformulier / e-dienst\nContact: beantwoord");
        assertThat(banen.get(1).subList(1, 5)).containsExactly("", "Warme wissel vanaf Telefoon\nContact: zaak gestart",
                "Zaak geregistreerd", "");
        assertThat(browser.driver().findElements(By.cssSelector("#tijdlijn thead th")))
                .extracting(WebElement::getText).contains("Stap 1\n2 maart 2026 om 09:12");
        browser.zonderOvertredingen().schermafdruk("kcc-klantreis");

        // Back to the klantbeeld through the breadcrumb, as an employee would.
        browser.klikNaar(By.linkText("Klantbeeld"));
        browser.wacht().until(d -> d.getCurrentUrl().contains("/kcc/klanten/"));
        adressen.add(browser.driver().getCurrentUrl());

        assertThat(adressen).allSatisfy(adres -> assertThat(adres).doesNotContain(BSN));
        assertThat(geschiedenis()).isNotEmpty().contains(engine.basisUrl() + "/kcc")
                .allSatisfy(adres -> assertThat(adres).doesNotContain(BSN));
    }

    @Test
    void eenOndernemerOpKvkMetEenOpenZaakEenTerugbelverzoekEnEenKanaalvoorkeur() {
        String kvk = "90012345";
        Instant nu = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String zaak = "7d3c2b1a-0000-4000-8000-00000000aa01";
        String bron = "urn:nld:oin:00000001234567890000:systeem:";
        String batch = "[" + String.join(",",
                bericht(bron + "zaaksysteem", "kcc-test-zaak", "nl.overheid.zaken.zaak-geregistreerd", """
                        {"zaakId": "%s", "identificatie": "ZAAK-2026-0000999", "zaaktype": "omgevingsvergunning",
                         "initiator": {"kvk": "%s"}, "kanaal": "webformulier", "geregistreerdOp": "%s",
                         "omschrijving": "Uitbreiding bedrijfspand"}""".formatted(zaak, kvk, nu.minus(3, ChronoUnit.DAYS))),
                bericht(bron + "zaaksysteem", "kcc-test-status", "nl.overheid.zaken.status-gezet", """
                        {"zaakId": "%s", "statustype": "ontvangen", "datumStatusGezet": "%s"}"""
                        .formatted(zaak, nu.minus(3, ChronoUnit.DAYS).plusSeconds(5))),
                bericht(bron + "kcc-telefonie", "kcc-test-bellen", "nl.overheid.klantinteracties.klantcontact-geregistreerd", """
                        {"klantcontactId": "7d3c2b1a-0000-4000-8000-00000000bb01", "plaatsgevondenOp": "%s",
                         "klant": {"kvk": "%s"}, "kanaal": "telefoon", "onderwerp": "status-navraag", "zaakId": "%s",
                         "resultaat": "terugbelverzoek", "medewerker": "kcc-medewerker-4",
                         "inhoud": "Wil weten wanneer de vergunning komt; terugbellen na overleg met de behandelaar."}"""
                        .formatted(nu.minus(1, ChronoUnit.DAYS), kvk, zaak)),
                bericht(bron + "kcc-telefonie", "kcc-test-voorkeur", "nl.overheid.klantinteracties.kanaalvoorkeur-vastgelegd", """
                        {"klant": {"kvk": "%s"}, "kanaal": "email", "vastgelegdOp": "%s"}"""
                        .formatted(kvk, nu.minus(1, ChronoUnit.DAYS)))) + "]";
        engine.client().post().uri("/api/v1/events")
                .contentType(MediaType.parseMediaType("application/cloudevents-batch+json"))
                .bodyValue(batch).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.accepted").isEqualTo(4);
        engine.wachtOpLeesmodellen();

        browser.inloggenAls(engine, Rol.MEDEWERKER).open(engine, "/kcc");
        browser.driver().findElement(By.id("soort-kvk")).click();
        browser.driver().findElement(By.id("nummer")).sendKeys(kvk);
        browser.klikNaar(By.cssSelector("form[action='/kcc/zoeken'] button[type=submit]"));
        browser.wacht().until(d -> d.getCurrentUrl().contains("/kcc/klanten/"));
        assertThat(browser.driver().getCurrentUrl()).doesNotContain(kvk);

        assertThat(browser.tekst()).contains("KVK-nummer", kvk, "E-mail voor alles");
        assertThat(tabel("open-zaken")).singleElement().satisfies(rij -> {
            assertThat(rij.get(0)).isEqualTo("ZAAK-2026-0000999\nUitbreiding bedrijfspand");
            assertThat(rij.get(2)).startsWith("Stap 1 van ");
            assertThat(rij.get(3)).matches("\\d{1,2} [a-z]+ \\d{4}");
        });
        assertThat(tabel("vervolgacties")).singleElement().satisfies(rij ->
                assertThat(rij.subList(0, 3)).containsExactly("Terugbelverzoek", "Telefoon", "-"));
        assertThat(tabel("klantreizen")).singleElement().satisfies(rij ->
                assertThat(rij.subList(0, 2)).containsExactly("Zaak ZAAK-2026-0000999", "Lopend"));
        assertThat(tabel("contacten")).singleElement().satisfies(rij -> assertThat(rij.get(4))
                .isEqualTo("Wil weten wanneer de vergunning komt; terugbellen na overleg met de behandelaar."));
        browser.zonderOvertredingen().schermafdruk("kcc-klantbeeld-ondernemer");

        browser.klikNaar(By.cssSelector("#klantreizen a"));
        browser.wacht().until(d -> d.getCurrentUrl().contains("/kcc/klantreizen/"));
        // The zaak was registered through the webformulier, then he called: one koud wissel.
        assertThat(browser.tekst()).contains("Lopend", "1: 0 warm, 1 koud");
        assertThat(tabel("kanaalwissels")).singleElement().satisfies(rij ->
                assertThat(rij.subList(0, 2)).containsExactly("Webformulier / e-dienst", "Telefoon"));
        browser.zonderOvertredingen();
    }

    private static String bericht(String bron, String id, String type, String data) {
        return """
                {"specversion": "1.0", "id": "%s", "source": "%s", "type": "%s",
                 "datacontenttype": "application/json", "data": %s}""".formatted(id, bron, type, data);
    }

    @Test
    void eenOngeldigBsnGeeftHetFormulierTerugMetEenFoutBijHetVeld() {
        browser.inloggenAls(engine, Rol.MEDEWERKER).open(engine, "/kcc");
        browser.driver().findElement(By.id("nummer")).sendKeys("123456789");
        browser.klikNaar(By.cssSelector("form[action='/kcc/zoeken'] button[type=submit]"));
        browser.wacht().until(d -> !d.findElements(By.id("nummer-fout")).isEmpty());

        assertThat(browser.driver().getCurrentUrl()).isEqualTo(engine.basisUrl() + "/kcc/zoeken");
        assertThat(browser.driver().getTitle()).startsWith("Fout: ");
        WebElement veld = browser.driver().findElement(By.id("nummer"));
        assertThat(veld.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(veld.getAttribute("aria-describedby")).contains("nummer-fout");
        assertThat(browser.driver().findElement(By.id("nummer-fout")).getText()).contains("elfproef");
        browser.zonderOvertredingen().schermafdruk("kcc-zoeken-fout");

        browser.driver().findElement(By.id("soort-kvk")).click();
        veld = browser.driver().findElement(By.id("nummer"));
        veld.clear();
        veld.sendKeys("1234567");
        browser.klikNaar(By.cssSelector("form[action='/kcc/zoeken'] button[type=submit]"));
        browser.wacht().until(d -> d.findElement(By.id("nummer-fout")).getText().contains("8 cijfers"));
        assertThat(browser.driver().findElement(By.id("soort-kvk")).isSelected()).isTrue();
    }

    @Test
    void eenOnbekendeKlantGeeftEenDuidelijkeMelding() {
        browser.inloggenAls(engine, Rol.MEDEWERKER).open(engine, "/kcc");
        browser.driver().findElement(By.id("nummer")).sendKeys(ONBEKEND_BSN);
        browser.klikNaar(By.cssSelector("form[action='/kcc/zoeken'] button[type=submit]"));
        browser.wacht().until(d -> !d.findElements(By.id("onbekend")).isEmpty());

        assertThat(browser.driver().findElement(By.id("onbekend")).getText()).isEqualTo("Er is geen klant met dit BSN.");
        assertThat(browser.driver().getCurrentUrl()).isEqualTo(engine.basisUrl() + "/kcc/zoeken");
        assertThat(browser.driver().findElements(By.id("nummer-fout"))).isEmpty();
        browser.zonderOvertredingen();
    }

    @Test
    void eenBurgerKomtNietInHetKlantbeeld() {
        browser.inloggenAls(engine, Rol.BURGER);
        assertThat(browser.driver().findElements(By.linkText("Klantbeeld"))).isEmpty();
        for (String pad : List.of("/kcc", "/kcc/klanten/" + klantId())) {
            browser.open(engine, pad);
            assertThat(browser.driver().getTitle()).startsWith("Geen toegang");
            assertThat(browser.tekst()).doesNotContain("Recente contacten", "Vraagt hoe hij");
        }
        browser.zonderOvertredingen();
        engine.clientZonderToken().get().uri("/kcc").cookie("KLANTREIS_SESSIE", sessie(Rol.BURGER)).exchange()
                .expectStatus().isForbidden().expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML);
    }

    @Test
    void zoekenVraagtHetCsrfTokenEnEenOngeldigNummerWordtNietGezochtOfGelogd(CapturedOutput uitvoer) {
        String sessie = sessie(Rol.MEDEWERKER);
        long verwerkingen = aantal("verwerking");
        long gebruikersaudit = aantal("gebruikersaudit");

        post(sessie, null, "bsn", BSN).expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML);
        post(sessie, "vals", "bsn", BSN).expectStatus().isForbidden();
        String csrf = csrf(sessie);
        post(sessie, csrf, "bsn", "123456789").expectStatus().isBadRequest()
                .expectBody(String.class).value(html -> assertThat(html).contains("elfproef", "aria-invalid=\"true\""));
        post(sessie, csrf, "bsn", "12345678").expectStatus().isBadRequest();
        post(sessie, csrf, "kvk", "1234567a").expectStatus().isBadRequest();
        post(sessie, csrf, "bsn", "").expectStatus().isBadRequest();
        // Refused or invalid: nothing was looked up, so nothing was logged (a search always logs, found or not).
        assertThat(aantal("verwerking")).isEqualTo(verwerkingen);
        assertThat(aantal("gebruikersaudit")).isEqualTo(gebruikersaudit);

        EntityExchangeResult<byte[]> gevonden = post(sessie, csrf, "bsn", "9999 90 342")
                .expectStatus().isEqualTo(HttpStatus.SEE_OTHER)
                .expectHeader().location("/kcc/klanten/" + klantId()).expectBody().returnResult();
        assertThat(verslagen(gevonden)).isEqualTo(verslagen(engine.client(Rol.MEDEWERKER, null).post()
                .uri("/api/v1/klanten/zoeken").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("bsn", BSN)).exchange().expectStatus().isOk().expectBody().returnResult()))
                .containsExactly("klant-zoeken|" + klantId() + "|getoond", "gebruiker:klant-zoeken|medewerker");

        EntityExchangeResult<byte[]> onbekend = post(sessie, csrf, "bsn", ONBEKEND_BSN).expectStatus().isNotFound()
                .expectBody().returnResult();
        assertThat(verslagen(onbekend)).isEqualTo(verslagen(engine.client(Rol.MEDEWERKER, null).post()
                .uri("/api/v1/klanten/zoeken").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("bsn", ONBEKEND_BSN)).exchange().expectStatus().isNotFound().expectBody().returnResult()))
                .containsExactly("gebruiker:klant-zoeken|medewerker");

        // The number is in no log line and no metric.
        assertThat(uitvoer.getAll()).doesNotContain(BSN, ONBEKEND_BSN, "9999 90 342");
        assertThat(engine.client().get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody()).doesNotContain(BSN, ONBEKEND_BSN);
    }

    @Test
    void elkePaginaSchrijftDeVerwerkingenVanDeApiVoordatZeWordtGetoond() {
        String sessie = sessie(Rol.MEDEWERKER);
        WebTestClient api = engine.client(Rol.MEDEWERKER, null);

        EntityExchangeResult<String> beeld = pagina(sessie, "/kcc/klanten/" + klantId()).expectStatus().isOk()
                .expectBody(String.class).returnResult();
        List<String> viaApi = new ArrayList<>(verslagen(api.get().uri("/api/v1/klanten/{k}/klantbeeld", klantId())
                .exchange().expectStatus().isOk().expectBody().returnResult()));
        viaApi.addAll(verslagen(api.get().uri("/api/v1/klanten/{k}/klantreizen", klantId())
                .exchange().expectStatus().isOk().expectBody().returnResult()));
        assertThat(verslagen(beeld)).containsExactlyInAnyOrderElementsOf(viaApi)
                .contains("klantbeeld-inzien|" + klantId() + "|getoond", "klantreizen-inzien|" + klantId() + "|getoond");

        Matcher reis = Pattern.compile("href=\"/kcc/klantreizen/([0-9a-f-]{36})\"").matcher(beeld.getResponseBody());
        assertThat(reis.find()).isTrue();
        EntityExchangeResult<byte[]> reispagina = pagina(sessie, "/kcc/klantreizen/" + reis.group(1))
                .expectStatus().isOk().expectBody().returnResult();
        assertThat(verslagen(reispagina)).isEqualTo(verslagen(api.get().uri("/api/v1/klantreizen/{r}", reis.group(1))
                .exchange().expectStatus().isOk().expectBody().returnResult()))
                .contains("klantreis-inzien|" + klantId() + "|getoond");

        // Unknown or malformed: the one 404 page, and nothing was shown so nothing is logged.
        long verwerkingen = aantal("verwerking");
        pagina(sessie, "/kcc/klanten/k-" + "a".repeat(32)).expectStatus().isNotFound();
        pagina(sessie, "/kcc/klanten/" + BSN).expectStatus().isNotFound();
        pagina(sessie, "/kcc/klantreizen/00000000-0000-4000-8000-000000000000").expectStatus().isNotFound();
        pagina(sessie, "/kcc/klantreizen/geen-uuid").expectStatus().isNotFound();
        assertThat(aantal("verwerking")).isEqualTo(verwerkingen);
    }

    private static String klantId() {
        return engine.bean(Pseudoniemen.class).voor(Identificatiesoort.BSN, BSN).waarde();
    }

    /** Every visible cell's text of the table with this id, row by row (header rows left out). */
    private List<List<String>> tabel(String id) {
        return browser.driver().findElements(By.cssSelector("#" + id + " tbody tr")).stream()
                .map(rij -> rij.findElements(By.cssSelector("th, td")).stream().map(WebElement::getText).toList())
                .toList();
    }

    /** Every address in the tab's history, from Chromium itself (DevTools), not only the current one. */
    @SuppressWarnings("unchecked")
    private List<String> geschiedenis() {
        Map<String, Object> geschiedenis = ((HasCdp) browser.driver()).executeCdpCommand("Page.getNavigationHistory", Map.of());
        return ((List<Map<String, Object>>) geschiedenis.get("entries")).stream()
                .map(ingang -> (String) ingang.get("url")).toList();
    }

    /**
     * The processing records of one answer (by the trace id it sent back): per verwerking
     * activiteit, betrokkene and resultaat with doel and grondslag checked, and per user-audit
     * record activiteit and role.
     */
    private static List<String> verslagen(EntityExchangeResult<?> antwoord) {
        String traceparent = antwoord.getResponseHeaders().getFirst("traceparent");
        assertThat(traceparent).as("traceparent van het antwoord").isNotNull();
        String trace = traceparent.split("-")[1];
        List<String> verslagen = new ArrayList<>(engine.jdbc().query(
                "select activiteit, doel, grondslag, betrokkene, resultaat from verwerking where trace_id = ? order by volgnummer",
                (rij, i) -> {
                    assertThat(rij.getString("doel")).isEqualTo("afhandeling klantcontact");
                    assertThat(rij.getString("grondslag")).startsWith("AVG art. 6 lid 1 sub e");
                    return rij.getString("activiteit") + "|" + rij.getString("betrokkene") + "|" + rij.getString("resultaat");
                }, trace));
        verslagen.addAll(engine.jdbc().query(
                "select activiteit, rol from gebruikersaudit where trace_id = ? order by volgnummer",
                (rij, i) -> "gebruiker:" + rij.getString("activiteit") + "|" + rij.getString("rol"), trace));
        return verslagen;
    }

    private static long aantal(String tabel) {
        return engine.jdbc().queryForObject("select count(*) from " + tabel, Long.class);
    }

    private static WebTestClient.ResponseSpec pagina(String sessie, String pad) {
        return engine.clientZonderToken().get().uri(pad).cookie("KLANTREIS_SESSIE", sessie).exchange();
    }

    private static WebTestClient.ResponseSpec post(String sessie, String csrf, String soort, String nummer) {
        var formulier = BodyInserters.fromFormData("soort", soort).with("nummer", nummer);
        if (csrf != null) {
            formulier = formulier.with("_csrf", csrf);
        }
        return engine.clientZonderToken().post().uri("/kcc/zoeken").cookie("KLANTREIS_SESSIE", sessie)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(formulier).exchange();
    }

    /** The CSRF token of this session, as the search form carries it. */
    private static String csrf(String sessie) {
        String html = pagina(sessie, "/kcc").expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        Matcher csrf = CSRF.matcher(html);
        assertThat(csrf.find()).as("CSRF-veld in het zoekformulier").isTrue();
        return csrf.group(1);
    }

    /** Logs in over HTTP on the persona page as this role and gives the session cookie (as PaginasBrowserTest does). */
    private static String sessie(Rol rol) {
        EntityExchangeResult<String> pagina = engine.clientZonderToken().get().uri("/inloggen").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult();
        String cookie = pagina.getResponseCookies().getFirst("KLANTREIS_SESSIE").getValue();
        Matcher csrf = CSRF.matcher(pagina.getResponseBody());
        assertThat(csrf.find()).isTrue();
        ResponseCookie nieuw = engine.clientZonderToken().post().uri("/inloggen")
                .cookie("KLANTREIS_SESSIE", cookie).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("rol", rol.claim()).with("voorbeeldbsn", ONBEKEND_BSN)
                        .with("_csrf", csrf.group(1)))
                .exchange().expectStatus().isEqualTo(HttpStatus.SEE_OTHER).expectBody().returnResult()
                .getResponseCookies().getFirst("KLANTREIS_SESSIE");
        assertThat(nieuw).isNotNull();
        return nieuw.getValue();
    }
}
