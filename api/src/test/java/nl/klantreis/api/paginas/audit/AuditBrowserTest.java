package nl.klantreis.api.paginas.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import com.fasterxml.jackson.databind.JsonNode;

import nl.klantreis.api.beveiliging.Rol;
import nl.klantreis.api.testondersteuning.Browser;
import nl.klantreis.api.testondersteuning.Testengine;
import nl.klantreis.api.testondersteuning.Voorbeelden;
import nl.klantreis.infrastructuur.beveiliging.Tokenmaker;

/**
 * The auditor's pages in a real browser, on the dakkapel example: after the citizen and a KCC
 * employee read his data through the API (each with a trace id of its own), the auditor finds
 * those reads by BSN, by actor and by trace id, pages through the log, sees the chain intact and
 * the refused accesses; the CSV of a search, fetched over plain HTTP with the browser's session
 * cookie, agrees with the page. A BSN never appears in an address; a medewerker gets the 403 page.
 */
class AuditBrowserTest {
    @RegisterExtension
    static final Testengine engine = Testengine.perKlasse();

    private static final String BURGER_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String MEDEWERKER_TRACE = "0af7651916cd43dd8448eb211c80319c";
    /** An actor a spreadsheet would take for a formula (tokens are not ours to trust). */
    private static final String FORMULE_ACTOR = "=HYPERLINK(\"http://x.invalid\",\"klik\")";

    private static String klantId;

    private final Browser browser = Browser.gedeeld();

    @BeforeAll
    static void dakkapelGevoedEnGelezen() {
        engine.client().post().uri("/api/v1/events")
                .contentType(MediaType.parseMediaType("application/cloudevents-batch+json"))
                .bodyValue(Voorbeelden.tekst(Voorbeelden.DAKKAPEL))
                .exchange().expectStatus().is2xxSuccessful();
        engine.wachtOpLeesmodellen();
        // The citizen looks at his zaken; the employee finds him and opens his klantbeeld.
        engine.client(Rol.BURGER, Voorbeelden.DAKKAPEL_BSN).get().uri("/api/v1/mijnzaken")
                .header("traceparent", "00-" + BURGER_TRACE + "-00f067aa0ba902b7-01")
                .exchange().expectStatus().isOk();
        JsonNode gevonden = engine.client(Rol.MEDEWERKER, null).post().uri("/api/v1/klanten/zoeken")
                .header("traceparent", "00-" + MEDEWERKER_TRACE + "-b7ad6b7169203331-01")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("bsn", Voorbeelden.DAKKAPEL_BSN))
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        klantId = gevonden.path("klantId").asText();
        assertThat(klantId).startsWith("k-");
        engine.client(Rol.MEDEWERKER, null).get().uri("/api/v1/klanten/" + klantId + "/klantbeeld")
                .header("traceparent", "00-" + MEDEWERKER_TRACE + "-c7ad6b7169203331-01")
                .exchange().expectStatus().isOk();
        // An employee whose token's subject looks like a formula, and a refused access for the security log.
        String formule = new Tokenmaker(engine.sleutel()).maak(FORMULE_ACTOR, Rol.MEDEWERKER.claim(), null, "@KCC");
        engine.clientZonderToken().post().uri("/api/v1/klanten/zoeken")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + formule)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("bsn", Voorbeelden.DAKKAPEL_BSN))
                .exchange().expectStatus().isOk();
        engine.client(Rol.MEDEWERKER, null).get().uri("/api/v1/audit/verwerkingen")
                .exchange().expectStatus().isForbidden();
    }

    @Test
    void deAuditorVindtDeLeesactiesOpBsn() {
        browser.inloggenAls(engine, Rol.AUDITOR).open(engine, "/audit");
        assertThat(browser.driver().getTitle()).isEqualTo("Verwerkingen zoeken - Audit - Gemeente Voorbeeld");
        assertThat(browser.driver().findElements(By.id("verwerkingen"))).isEmpty();
        browser.zonderOvertredingen().schermafdruk("audit-zoeken");

        browser.driver().findElement(By.id("bsn")).sendKeys(Voorbeelden.DAKKAPEL_BSN);
        zoek();
        String adres = browser.driver().getCurrentUrl();
        assertThat(adres).contains("betrokkene=" + klantId).doesNotContain(Voorbeelden.DAKKAPEL_BSN);
        List<Map<String, String>> regels = tabel();
        assertThat(regels).extracting(r -> r.get("activiteit"))
                .contains("mijnzaken-inzien", "klant-zoeken", "klantbeeld-inzien");
        assertThat(regels).allSatisfy(r -> assertThat(r.get("betrokkene")).isEqualTo(klantId));
        assertThat(regels).extracting(r -> r.get("actor")).contains("test-burger", "test-medewerker", FORMULE_ACTOR);
        assertThat(browser.tekst()).doesNotContain(Voorbeelden.DAKKAPEL_BSN).contains("Betrokkene (pseudoniem)");
        // The form keeps the betrokkene by pseudonym only; the BSN field is empty again.
        assertThat(browser.driver().findElement(By.id("bsn")).getAttribute("value")).isEmpty();
        assertThat(browser.driver().getPageSource()).doesNotContain(Voorbeelden.DAKKAPEL_BSN);
        browser.zonderOvertredingen();
        ((JavascriptExecutor) browser.driver()).executeScript("document.getElementById('resultaten').scrollIntoView()");
        browser.schermafdruk("audit-resultaten");

        // The CSV of this search, over plain HTTP with the browser's own session cookie.
        String sessie = browser.driver().manage().getCookieNamed("KLANTREIS_SESSIE").getValue();
        String csvAdres = browser.driver().findElement(By.id("csv")).getAttribute("href")
                .substring(engine.basisUrl().length());
        assertThat(csvAdres).startsWith("/audit/verwerkingen.csv?").doesNotContain(Voorbeelden.DAKKAPEL_BSN);
        EntityExchangeResult<byte[]> download = engine.clientZonderToken().get().uri(csvAdres)
                .cookie("KLANTREIS_SESSIE", sessie).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/csv")
                .expectHeader().value(HttpHeaders.CONTENT_DISPOSITION, waarde -> assertThat(waarde)
                        .startsWith("attachment; filename=\"verwerkingen-").endsWith(".csv\""))
                .expectBody().returnResult();
        assertThat(download.getResponseHeaders().getContentType().getCharset()).isEqualTo(StandardCharsets.UTF_8);
        List<List<String>> csv = leesCsv(new String(download.getResponseBody(), StandardCharsets.UTF_8));
        assertThat(csv.get(0)).isEqualTo(AuditPaginas.CSV_KOPPEN);
        List<Map<String, String>> csvRegels = csv.subList(1, csv.size()).stream().map(AuditBrowserTest::alsRegel).toList();
        Map<String, Map<String, String>> perVolgnummer = csvRegels.stream()
                .collect(Collectors.toMap(r -> r.get("volgnummer"), Function.identity()));
        for (Map<String, String> regel : regels) {
            Map<String, String> inCsv = perVolgnummer.get(regel.get("volgnummer"));
            assertThat(inCsv).as("regel %s van de pagina in de CSV", regel.get("volgnummer")).isNotNull();
            for (String kolom : List.of("activiteit", "betrokkene", "actor", "resultaat", "traceId")) {
                // A cell a spreadsheet would take for a formula carries a leading ' in the file only.
                String opDePagina = regel.get(kolom);
                assertThat(inCsv.get(kolom)).as(kolom).isEqualTo(
                        opDePagina.matches("[=+\\-@].*") ? "'" + opDePagina : opDePagina);
            }
        }
        // What the CSV has beyond the page: only the auditor's own look, logged after the page was read.
        // It is a processing record for this betrokkene, as the API's search for one betrokkene is.
        List<Map<String, String>> erbij = csvRegels.stream()
                .filter(r -> regels.stream().noneMatch(p -> p.get("volgnummer").equals(r.get("volgnummer")))).toList();
        assertThat(erbij).isNotEmpty().allSatisfy(r -> {
            assertThat(r.get("activiteit")).isEqualTo("auditlog-inzien");
            assertThat(r.get("actor")).isEqualTo("persona-auditor");
            assertThat(r.get("betrokkene")).isEqualTo(klantId);
        });
        assertThat(csvRegels).anySatisfy(r -> assertThat(r.get("resultaat")).isEqualTo("getoond"));
    }

    @Test
    void deAuditorZoektOpActorEnOpTraceId() {
        browser.inloggenAls(engine, Rol.AUDITOR).open(engine, "/audit");
        browser.driver().findElement(By.id("actor")).sendKeys("test-medewerker");
        zoek();
        List<Map<String, String>> regels = tabel();
        assertThat(regels).extracting(r -> r.get("activiteit")).contains("klant-zoeken", "klantbeeld-inzien");
        assertThat(regels).allSatisfy(r -> assertThat(r.get("actor")).isEqualTo("test-medewerker"));

        browser.open(engine, "/audit");
        browser.driver().findElement(By.id("traceId")).sendKeys(MEDEWERKER_TRACE);
        zoek();
        assertThat(tabel()).extracting(r -> r.get("activiteit"))
                .containsExactlyInAnyOrder("klant-zoeken", "klantbeeld-inzien");
        assertThat(tabel()).allSatisfy(r -> assertThat(r.get("traceId")).isEqualTo(MEDEWERKER_TRACE));

        browser.open(engine, "/audit");
        browser.driver().findElement(By.id("traceId")).sendKeys(BURGER_TRACE);
        zoek();
        assertThat(tabel()).singleElement().satisfies(r -> {
            assertThat(r.get("activiteit")).isEqualTo("mijnzaken-inzien");
            assertThat(r.get("actor")).isEqualTo("test-burger");
        });
    }

    @Test
    void kijkenWordtVastgelegdZoalsDeApiHetVastlegt() {
        browser.inloggenAls(engine, Rol.AUDITOR);
        long verwerkingen = aantal("verwerking", null);
        // The empty form shows nobody's data: nothing to log.
        long inzien = aantal("gebruikersaudit", "auditlog-inzien");
        browser.open(engine, "/audit");
        assertThat(aantal("gebruikersaudit", "auditlog-inzien")).isEqualTo(inzien);
        // A search across klanten: a user-audit record, no processing record for anyone in it.
        browser.open(engine, "/audit?actor=test-burger&limiet=25");
        assertThat(tabel()).isNotEmpty();
        assertThat(aantal("gebruikersaudit", "auditlog-inzien")).isEqualTo(inzien + 1);
        assertThat(aantal("verwerking", null)).isEqualTo(verwerkingen);
        // A search for one betrokkene: also a processing record for him (he sees it in his own list).
        browser.open(engine, "/audit?betrokkene=" + klantId + "&limiet=25");
        assertThat(aantal("verwerking", "auditlog-inzien")).isPositive();
        assertThat(aantal("verwerking", null)).isEqualTo(verwerkingen + 1);
        long controleren = aantal("gebruikersaudit", "auditlog-controleren");
        browser.open(engine, "/audit/integriteit");
        assertThat(aantal("gebruikersaudit", "auditlog-controleren")).isEqualTo(controleren + 1);
        long weigeringen = aantal("gebruikersaudit", "toegangsweigeringen-inzien");
        browser.open(engine, "/audit/toegangsweigeringen");
        assertThat(aantal("gebruikersaudit", "toegangsweigeringen-inzien")).isEqualTo(weigeringen + 1);
        assertThat(aantal("verwerking", null)).isEqualTo(verwerkingen + 1);
        // A download is logged as a search whose answer left as a file.
        String sessie = browser.driver().manage().getCookieNamed("KLANTREIS_SESSIE").getValue();
        String gedownload = "select count(*) from verwerking where activiteit = 'auditlog-inzien'"
                + " and resultaat = 'gedownload' and betrokkene = ?";
        long downloads = engine.jdbc().queryForObject(gedownload, Long.class, klantId);
        engine.clientZonderToken().get().uri("/audit/verwerkingen.csv?betrokkene=" + klantId + "&limiet=25")
                .cookie("KLANTREIS_SESSIE", sessie).exchange().expectStatus().isOk();
        assertThat(engine.jdbc().queryForObject(gedownload, Long.class, klantId)).isEqualTo(downloads + 1);
        assertThat(engine.jdbc().queryForObject("select count(*) from gebruikersaudit where actor = 'persona-auditor'"
                + " and rol = 'auditor'", Long.class)).isPositive();
    }

    private static long aantal(String tabel, String activiteit) {
        return activiteit == null ? engine.jdbc().queryForObject("select count(*) from " + tabel, Long.class)
                : engine.jdbc().queryForObject("select count(*) from " + tabel + " where activiteit = ?", Long.class,
                        activiteit);
    }

    @Test
    void deAuditorZoektOpPeriode() {
        String vandaag = java.time.LocalDate.now(nl.klantreis.domein.gedeeld.Tijd.AMSTERDAM).toString();
        String morgen = java.time.LocalDate.now(nl.klantreis.domein.gedeeld.Tijd.AMSTERDAM).plusDays(1).toString();
        browser.inloggenAls(engine, Rol.AUDITOR).open(engine, "/audit");
        browser.driver().findElement(By.id("traceId")).sendKeys(BURGER_TRACE);
        browser.driver().findElement(By.id("van")).sendKeys(vandaag);
        browser.driver().findElement(By.id("tot")).sendKeys(vandaag);
        zoek();
        assertThat(browser.driver().getCurrentUrl()).contains("van=" + vandaag, "tot=" + vandaag);
        assertThat(tabel()).extracting(r -> r.get("activiteit")).containsExactly("mijnzaken-inzien");
        // "Tot en met" a date counts that whole day; a period that starts tomorrow holds nothing yet.
        browser.open(engine, "/audit?traceId=" + BURGER_TRACE + "&van=" + morgen + "&limiet=25");
        assertThat(browser.driver().findElements(By.id("geen-resultaten"))).hasSize(1);
        browser.open(engine, "/audit?traceId=" + BURGER_TRACE + "&van=" + vandaag + "T00:00&tot=" + morgen
                + "T00:00&limiet=25");
        assertThat(tabel()).hasSize(1);
    }

    @Test
    void eenOngeldigeZoekopdrachtNoemtElkVeldEnHerhaaltGeenBsn() {
        browser.inloggenAls(engine, Rol.AUDITOR).open(engine, "/audit");
        browser.driver().findElement(By.id("bsn")).sendKeys("123456789");
        browser.driver().findElement(By.id("traceId")).sendKeys("xyz");
        browser.driver().findElement(By.id("van")).sendKeys("2026-03-10");
        browser.driver().findElement(By.id("tot")).sendKeys("2026-03-01");
        zoek();
        String fouten = browser.driver().findElement(By.id("zoekfouten")).getText();
        assertThat(fouten).contains("elfproef", "trace-id", "na het begin");
        assertThat(browser.driver().findElement(By.id("bsn")).getAttribute("value")).isEmpty();
        assertThat(browser.driver().getPageSource()).doesNotContain("123456789");
        assertThat(browser.driver().findElement(By.id("van")).getAttribute("value")).isEqualTo("2026-03-10");
        browser.zonderOvertredingen();
    }

    @Test
    void bladerenHoudtDeFiltersEnGaatHeenEnTerug() {
        browser.inloggenAls(engine, Rol.AUDITOR).open(engine, "/audit?actor=test-medewerker&limiet=1");
        List<Map<String, String>> eerste = tabel();
        assertThat(eerste).hasSize(1);
        assertThat(browser.driver().findElements(By.id("nieuwer"))).isEmpty();
        browser.klikNaar(By.id("ouder"));
        browser.wacht().until(d -> d.getCurrentUrl().contains("voor="));
        assertThat(browser.driver().getCurrentUrl()).contains("actor=test-medewerker", "limiet=1");
        List<Map<String, String>> tweede = tabel();
        assertThat(tweede).hasSize(1);
        assertThat(tweede.get(0).get("volgnummer")).isNotEqualTo(eerste.get(0).get("volgnummer"));
        assertThat(tweede.get(0).get("actor")).isEqualTo("test-medewerker");
        browser.klikNaar(By.id("nieuwer"));
        browser.wacht().until(d -> d.getCurrentUrl().contains("na="));
        assertThat(tabel()).isEqualTo(eerste);
        assertThat(browser.driver().findElements(By.id("nieuwer"))).isEmpty();
        browser.zonderOvertredingen();
    }

    @Test
    void deKetenIsIntact() {
        int ketensVooraf = engine.jdbc().queryForObject("select count(*) from auditketen", Integer.class);
        browser.inloggenAls(engine, Rol.AUDITOR).open(engine, "/audit/integriteit");
        String uitslag = browser.driver().findElement(By.id("uitslag")).getText();
        assertThat(uitslag).startsWith("Intact.").containsPattern("[1-9][0-9]* records gecontroleerd");
        // One row per chain: the two tables' chain 0 and each further chain the writers used (ADR 0029;
        // the check's own record, stored after it, may open one more).
        int ketensNa = engine.jdbc().queryForObject("select count(*) from auditketen", Integer.class);
        assertThat(browser.driver().findElements(By.cssSelector("#ketens tbody tr")).size())
                .isBetween(Math.max(2, ketensVooraf), ketensNa);
        browser.zonderOvertredingen().schermafdruk("audit-integriteit");
        JsonNode api = engine.client(Rol.AUDITOR, null).get().uri("/api/v1/audit/integriteit").exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(api.path("intact").asBoolean()).isTrue();
    }

    @Test
    void geweigerdeToegangStaatInHetBeveiligingslog() {
        browser.inloggenAls(engine, Rol.AUDITOR).open(engine, "/audit/toegangsweigeringen");
        String tabel = browser.driver().findElement(By.id("weigeringen")).getText();
        assertThat(tabel).contains("/api/v1/audit/verwerkingen", "test-medewerker");
        browser.zonderOvertredingen();
        ((JavascriptExecutor) browser.driver()).executeScript("document.getElementById('w-periode-uitleg').scrollIntoView()");
        browser.schermafdruk("audit-toegangsweigeringen");
        browser.kies(By.id("w-soort"), "niet-aangemeld");
        browser.klikNaar(By.cssSelector("form[action='/audit/toegangsweigeringen'] button"));
        browser.wacht().until(d -> d.getCurrentUrl().contains("soort=niet-aangemeld"));
        assertThat(browser.tekst()).doesNotContain("/api/v1/audit/verwerkingen");
    }

    @Test
    void eenMedewerkerKrijgtDe403Pagina() {
        browser.inloggenAls(engine, Rol.MEDEWERKER).open(engine, "/audit");
        assertThat(browser.driver().getTitle()).startsWith("Geen toegang");
        browser.zonderOvertredingen();
        String medewerker = sessie(Rol.MEDEWERKER);
        for (String pad : List.of("/audit", "/audit/integriteit", "/audit/toegangsweigeringen",
                "/audit/verwerkingen.csv?limiet=25")) {
            engine.clientZonderToken().get().uri(pad).cookie("KLANTREIS_SESSIE", medewerker).exchange()
                    .expectStatus().isForbidden().expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML);
        }
        // The start page offers the audit area to the auditor only.
        engine.clientZonderToken().get().uri("/").cookie("KLANTREIS_SESSIE", medewerker).exchange()
                .expectBody(String.class).value(html -> assertThat(html).doesNotContain("href=\"/audit\""));
        engine.clientZonderToken().get().uri("/").cookie("KLANTREIS_SESSIE", sessie(Rol.AUDITOR)).exchange()
                .expectBody(String.class).value(html -> assertThat(html).contains("href=\"/audit\""));
    }

    @Test
    void hetBsnGaatAlleenInDeBodyEnWordtEenPseudoniem() {
        String auditor = sessie(Rol.AUDITOR);
        String csrf = csrf(auditor);
        EntityExchangeResult<Void> doorgestuurd = engine.clientZonderToken().post().uri("/audit")
                .cookie("KLANTREIS_SESSIE", auditor).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("bsn", Voorbeelden.DAKKAPEL_BSN).with("limiet", "25").with("_csrf", csrf))
                .exchange().expectStatus().isEqualTo(HttpStatus.SEE_OTHER).expectBody().isEmpty();
        String naar = doorgestuurd.getResponseHeaders().getLocation().toString();
        assertThat(naar).isEqualTo("/audit?betrokkene=" + klantId + "&limiet=25");

        engine.clientZonderToken().post().uri("/audit")
                .cookie("KLANTREIS_SESSIE", auditor).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("bsn", "123456789").with("limiet", "25").with("_csrf", csrf))
                .exchange().expectStatus().isBadRequest()
                .expectBody(String.class).value(html -> assertThat(html).contains("elfproef").doesNotContain("123456789"));
        // Without the CSRF token the form is refused.
        engine.clientZonderToken().post().uri("/audit")
                .cookie("KLANTREIS_SESSIE", auditor).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("bsn", Voorbeelden.DAKKAPEL_BSN).with("limiet", "25"))
                .exchange().expectStatus().isForbidden();
        // An address with a BSN where the pseudonym belongs finds nobody: it is an invalid betrokkene.
        engine.clientZonderToken().get().uri("/audit?betrokkene=" + Voorbeelden.DAKKAPEL_BSN + "&limiet=25")
                .cookie("KLANTREIS_SESSIE", auditor).exchange().expectStatus().isBadRequest();
    }

    @Test
    void eenFormuleInDeCsvWordtTekst() {
        String auditor = sessie(Rol.AUDITOR);
        String adres = "/audit/verwerkingen.csv?actor="
                + java.net.URLEncoder.encode(FORMULE_ACTOR, StandardCharsets.UTF_8) + "&limiet=25";
        String csv = engine.clientZonderToken().get().uri(java.net.URI.create(engine.basisUrl() + adres))
                .cookie("KLANTREIS_SESSIE", auditor).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        // The actor and his department start with = and @: quoted, with a leading ' so no spreadsheet evaluates them.
        assertThat(csv).contains(",\"'=HYPERLINK(\"\"http://x.invalid\"\",\"\"klik\"\")\",medewerker,\"'@KCC\",");
        List<List<String>> regels = leesCsv(csv);
        assertThat(regels).hasSize(2);
        Map<String, String> regel = alsRegel(regels.get(1));
        assertThat(regel.get("actor")).isEqualTo("'" + FORMULE_ACTOR);
        assertThat(regel.get("organisatieonderdeel")).isEqualTo("'@KCC");
        assertThat(regel.get("activiteit")).isEqualTo("klant-zoeken");
    }

    private void zoek() {
        String voor = browser.driver().getCurrentUrl();
        browser.klikNaar(By.cssSelector("#zoekformulier button[type=submit]"));
        browser.wacht().until(d -> !d.getCurrentUrl().equals(voor) || !d.findElements(By.id("zoekfouten")).isEmpty());
    }

    /** The result table as rows of named cells (as in the CSV). */
    private List<Map<String, String>> tabel() {
        List<Map<String, String>> regels = new ArrayList<>();
        for (WebElement rij : browser.driver().findElements(By.cssSelector("#verwerkingen tbody tr"))) {
            List<WebElement> cellen = rij.findElements(By.tagName("td"));
            regels.add(Map.of(
                    "volgnummer", rij.getAttribute("data-volgnummer"),
                    "activiteit", cellen.get(1).getText().lines().findFirst().orElse(""),
                    "betrokkene", cellen.get(2).getText(),
                    "actor", cellen.get(3).getText().lines().findFirst().orElse(""),
                    "resultaat", cellen.get(4).getText(),
                    "traceId", cellen.get(5).getText()));
        }
        return regels;
    }

    private static Map<String, String> alsRegel(List<String> velden) {
        Map<String, String> regel = new java.util.HashMap<>();
        for (int i = 0; i < AuditPaginas.CSV_KOPPEN.size(); i++) {
            regel.put(AuditPaginas.CSV_KOPPEN.get(i), velden.get(i));
        }
        return regel;
    }

    /** RFC 4180, strictly: CRLF between records, quoted fields with doubled quotes. */
    static List<List<String>> leesCsv(String tekst) {
        List<List<String>> regels = new ArrayList<>();
        List<String> regel = new ArrayList<>();
        StringBuilder veld = new StringBuilder();
        boolean tussenAanhalingstekens = false;
        for (int i = 0; i < tekst.length(); i++) {
            char c = tekst.charAt(i);
            if (tussenAanhalingstekens) {
                if (c == '"' && i + 1 < tekst.length() && tekst.charAt(i + 1) == '"') {
                    veld.append('"');
                    i++;
                } else if (c == '"') {
                    tussenAanhalingstekens = false;
                } else {
                    veld.append(c);
                }
            } else if (c == '"') {
                assertThat(veld).as("een aanhalingsteken midden in een veld").isEmpty();
                tussenAanhalingstekens = true;
            } else if (c == ',') {
                regel.add(veld.toString());
                veld.setLength(0);
            } else if (c == '\r') {
                assertThat(tekst.charAt(i + 1)).as("CRLF").isEqualTo('\n');
                regel.add(veld.toString());
                veld.setLength(0);
                regels.add(regel);
                regel = new ArrayList<>();
                i++;
            } else {
                assertThat(c).as("een kaal regeleinde").isNotEqualTo('\n');
                veld.append(c);
            }
        }
        assertThat(regel).as("de laatste regel eindigt op CRLF").isEmpty();
        assertThat(veld).isEmpty();
        return regels;
    }

    /** Logs in over HTTP as this role (the persona form with its CSRF token); the session cookie's value. */
    private static String sessie(Rol rol) {
        EntityExchangeResult<String> pagina = engine.clientZonderToken().get().uri("/inloggen").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult();
        String cookie = pagina.getResponseCookies().getFirst("KLANTREIS_SESSIE").getValue();
        EntityExchangeResult<Void> ingelogd = engine.clientZonderToken().post().uri("/inloggen")
                .cookie("KLANTREIS_SESSIE", cookie).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("rol", rol.claim()).with("_csrf", csrfUit(pagina.getResponseBody())))
                .exchange().expectStatus().isEqualTo(HttpStatus.SEE_OTHER).expectBody().isEmpty();
        ResponseCookie nieuw = ingelogd.getResponseCookies().getFirst("KLANTREIS_SESSIE");
        return nieuw.getValue();
    }

    private static String csrf(String sessie) {
        WebTestClient client = engine.clientZonderToken();
        String html = client.get().uri("/audit").cookie("KLANTREIS_SESSIE", sessie).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        return csrfUit(html);
    }

    private static String csrfUit(String html) {
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(csrf.find()).as("CSRF-veld").isTrue();
        return csrf.group(1);
    }
}
