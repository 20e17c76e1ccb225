package nl.klantreis.api.paginas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.web.reactive.function.BodyInserters;

import nl.klantreis.api.beveiliging.Rol;
import nl.klantreis.api.testondersteuning.Browser;
import nl.klantreis.api.testondersteuning.Testengine;

/**
 * The pages' foundation in a real browser (local mode): the persona login per role, the start
 * page, the error page, each checked by axe-core and photographed for the README; and over plain
 * HTTP what a browser does not show: the security headers, CSRF, and that the session cookie opens
 * no door of the JSON API.
 */
class PaginasBrowserTest {
    @RegisterExtension
    static final Testengine engine = Testengine.perKlasse();

    private final Browser browser = Browser.gedeeld();

    @Test
    void personapaginaIsToegankelijk() {
        browser.vergeet(engine).open(engine, "/inloggen");
        assertThat(browser.driver().getTitle()).isEqualTo("Inloggen - Gemeente Voorbeeld");
        assertThat(browser.driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("nl");
        browser.zonderOvertredingen().schermafdruk("inloggen");
    }

    @Test
    void elkeRolKomtNaHetInloggenOpDeStartpagina() {
        for (Rol rol : Personapagina.ROLLEN) {
            browser.inloggenAls(engine, rol);
            assertThat(browser.tekst()).contains("Welkom", "Ingelogd als " + Persona.rolnaam(rol));
            // The header never shows a BSN, not even the citizen's own.
            assertThat(browser.tekst()).doesNotContain(Browser.VOORBEELD_BSN);
            browser.zonderOvertredingen();
        }
        browser.inloggenAls(engine, Rol.MEDEWERKER).schermafdruk("start");
    }

    @Test
    void eenGetyptBsnMoetDeElfproefDoorstaan() {
        browser.vergeet(engine).open(engine, "/inloggen");
        browser.driver().findElement(By.id("rol-burger")).click();
        browser.driver().findElement(By.id("bsn")).sendKeys("123456789");
        browser.klikNaar(By.cssSelector("form[action='/inloggen'] button[type=submit]"));
        // The answer is a new page: wait for it rather than read the old one (CI once did).
        browser.wacht().until(d -> !d.findElements(By.id("inlogfout")).isEmpty());
        assertThat(browser.driver().findElement(By.id("inlogfout")).getText()).contains("elfproef");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/inloggen");
        browser.zonderOvertredingen();

        browser.inloggenAlsBurger(engine, "999993653");
        assertThat(browser.tekst()).contains("Ingelogd als Inwoner");
    }

    @Test
    void uitloggenBeeindigtDeSessie() {
        browser.inloggenAls(engine, Rol.ANALIST);
        browser.klikNaar(By.cssSelector("form[action='/uitloggen'] button"));
        browser.wacht().until(d -> d.getCurrentUrl().endsWith("/inloggen"));
        browser.open(engine, "/");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/inloggen");
    }

    @Test
    void eenOnbekendePaginaIsDe404InDeOpmaak() {
        browser.inloggenAls(engine, Rol.BURGER).open(engine, "/bestaat-niet");
        assertThat(browser.driver().getTitle()).startsWith("Pagina niet gevonden");
        assertThat(browser.tekst()).contains("Ingelogd als Inwoner", "Naar de startpagina");
        browser.zonderOvertredingen().schermafdruk("fout-404");
        engine.clientZonderToken().get().uri("/bestaat-niet").cookie("KLANTREIS_SESSIE", sessie(Rol.BURGER))
                .exchange().expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML);
    }

    @Test
    void naHetInloggenTerugNaarDeGevraagdePagina() {
        browser.vergeet(engine).open(engine, "/bestaat-niet");
        assertThat(browser.driver().getCurrentUrl()).isEqualTo(engine.basisUrl() + "/inloggen");
        browser.driver().findElement(By.id("rol-analist")).click();
        browser.klikNaar(By.cssSelector("form[action='/inloggen'] button[type=submit]"));
        browser.wacht().until(d -> d.getCurrentUrl().endsWith("/bestaat-niet"));
        assertThat(browser.driver().getTitle()).startsWith("Pagina niet gevonden");
    }

    @Test
    void nietIngelogdNaarDePersonapagina() {
        engine.clientZonderToken().get().uri("/").exchange()
                .expectStatus().isFound().expectHeader().location("/inloggen");
    }

    @Test
    void paginasDragenDeBeveiligingskoppen() {
        for (String pad : new String[] {"/inloggen", "/bestaat-niet"}) {
            engine.clientZonderToken().get().uri(pad).exchange()
                    .expectHeader().valueEquals("Content-Security-Policy", Paginabeveiliging.CSP)
                    .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                    .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                    .expectHeader().valueEquals("X-Frame-Options", "DENY");
        }
        assertThat(Paginabeveiliging.CSP).contains("script-src 'self'", "style-src 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval");
        // The API's answers are as before: no page CSP on them.
        engine.clientZonderToken().get().uri("/api/v1/mijnzaken").exchange()
                .expectStatus().isUnauthorized().expectHeader().doesNotExist("Content-Security-Policy");
    }

    @Test
    void bestandenMogenInDeBrowserBlijvenPaginasNiet() {
        engine.clientZonderToken().get().uri("/vendor/utrecht/dist/index.css").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-cache")
                .expectHeader().exists(HttpHeaders.LAST_MODIFIED)
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff");
        engine.clientZonderToken().get().uri("/").cookie("KLANTREIS_SESSIE", sessie(Rol.AUDITOR)).exchange()
                .expectStatus().isOk()
                .expectHeader().value(HttpHeaders.CACHE_CONTROL, waarde -> assertThat(waarde).contains("no-store"));
    }

    @Test
    void deSessiecookieIsHttpOnlyEnSameSiteLax() {
        ResponseCookie cookie = engine.clientZonderToken().get().uri("/inloggen").exchange()
                .expectStatus().isOk().returnResult(String.class).getResponseCookies().getFirst("KLANTREIS_SESSIE");
        assertThat(cookie).isNotNull();
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo("Lax");
        assertThat(cookie.isSecure()).as("over http niet Secure, over https wel").isFalse();
    }

    @Test
    void eenFormulierZonderCsrfTokenWordtGeweigerd() {
        EntityExchangeResult<String> pagina = engine.clientZonderToken().get().uri("/inloggen").exchange()
                .expectBody(String.class).returnResult();
        String cookie = pagina.getResponseCookies().getFirst("KLANTREIS_SESSIE").getValue();
        engine.clientZonderToken().post().uri("/inloggen").cookie("KLANTREIS_SESSIE", cookie)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("rol", "beheerder"))
                .exchange().expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML);
        engine.clientZonderToken().post().uri("/inloggen").cookie("KLANTREIS_SESSIE", cookie)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("rol", "beheerder").with("_csrf", "vals"))
                .exchange().expectStatus().isForbidden();
        // Logging out is a form too.
        engine.clientZonderToken().post().uri("/uitloggen").cookie("KLANTREIS_SESSIE", sessie(Rol.BEHEERDER))
                .exchange().expectStatus().isForbidden();
    }

    @Test
    void deApiWeigertEenVerzoekMetAlleenDeSessiecookie() {
        String cookie = sessie(Rol.BURGER);
        engine.clientZonderToken().get().uri("/").cookie("KLANTREIS_SESSIE", cookie).exchange().expectStatus().isOk();
        engine.clientZonderToken().get().uri("/api/v1/mijnzaken").cookie("KLANTREIS_SESSIE", cookie).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        engine.clientZonderToken().get().uri("/api/v1/mijnzaken").cookie("KLANTREIS_SESSIE", cookie)
                .header(HttpHeaders.ACCEPT, MediaType.TEXT_HTML_VALUE).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void eenGeweigerdePaginaStaatInHetBeveiligingslog_zoalsEenGeweigerdeApiVraag() {
        ThreadLocalRandom toeval = ThreadLocalRandom.current();
        String trace = HexFormat.of().toHexDigits(toeval.nextLong() | 1) + HexFormat.of().toHexDigits(toeval.nextLong());
        // A medewerker at the auditor's pages: the 403 page, and the auditor must be able to see the attempt.
        engine.clientZonderToken().get().uri("/audit/integriteit").cookie("KLANTREIS_SESSIE", sessie(Rol.MEDEWERKER))
                .header("traceparent", "00-" + trace + "-00f067aa0ba902b7-01")
                .exchange().expectStatus().isForbidden();

        JsonNode lijst = engine.client(Rol.AUDITOR, null).get().uri("/api/v1/audit/toegangsweigeringen?soort=geen-toegang")
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        JsonNode regel = null;
        for (JsonNode kandidaat : lijst.path("toegangsweigeringen")) {
            if (trace.equals(kandidaat.path("traceId").asText())) {
                regel = kandidaat;
            }
        }
        assertThat(regel).as("de weigering van de pagina in het beveiligingslog").isNotNull();
        assertThat(regel.path("status").asInt()).isEqualTo(403);
        assertThat(regel.path("rol").asText()).isEqualTo("medewerker");
        assertThat(regel.path("pad").asText()).isEqualTo("/audit/integriteit");
    }

    @Test
    void eenFormulierDatGeenGeldigeUrlCoderingIs_krijgt400_geen500() {
        String cookie = sessie(Rol.MEDEWERKER);
        engine.clientZonderToken().post().uri("/uitloggen").cookie("KLANTREIS_SESSIE", cookie)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue("_csrf=%ZZ&x=%E")
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML);
    }

    /** Logs in over HTTP as this role (form with its CSRF token) and gives the session cookie's value. */
    static String sessie(Rol rol) {
        EntityExchangeResult<String> pagina = engine.clientZonderToken().get().uri("/inloggen").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult();
        String cookie = pagina.getResponseCookies().getFirst("KLANTREIS_SESSIE").getValue();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(pagina.getResponseBody());
        assertThat(csrf.find()).as("CSRF-veld op de personapagina").isTrue();
        EntityExchangeResult<Void> ingelogd = engine.clientZonderToken().post().uri("/inloggen")
                .cookie("KLANTREIS_SESSIE", cookie).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("rol", rol.claim()).with("voorbeeldbsn", Browser.VOORBEELD_BSN)
                        .with("_csrf", csrf.group(1)))
                .exchange().expectStatus().isEqualTo(HttpStatus.SEE_OTHER).expectBody().isEmpty();
        ResponseCookie nieuw = ingelogd.getResponseCookies().getFirst("KLANTREIS_SESSIE");
        assertThat(nieuw).as("een nieuwe sessie-id bij het inloggen").isNotNull();
        assertThat(nieuw.getValue()).isNotEqualTo(cookie);
        return nieuw.getValue();
    }
}
