package nl.klantreis.api.paginas;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.http.HttpHeaders;
import org.springframework.web.util.UriComponentsBuilder;

import nl.klantreis.api.testondersteuning.Browser;
import nl.klantreis.api.testondersteuning.Testengine;
import nl.klantreis.oidcaanbieder.Oidcaanbieder;

/**
 * The pages' production login end to end (ADR 0021, OIDC): a real OpenID Connect provider (Spring
 * Authorization Server, {@link Oidcaanbieder}), the engine configured with it as issuer, and
 * Chromium going through the provider's login form and back. Also what must be refused: an ID token
 * of another issuer, for another audience or expired beyond the 30 s clock skew, a callback without
 * the state of the login that this browser started, and an access token the API would refuse.
 *
 * <p>The engine is opened on 127.0.0.1 (its redirect address must be a loopback IP, not a name) and
 * the provider on localhost: two hosts, so each keeps its own cookies as in production.
 */
class OidcBrowserTest {
    @RegisterExtension
    @Order(1)
    static final Oidcaanbieder aanbieder = Oidcaanbieder.start();

    @RegisterExtension
    @Order(2)
    static final Testengine engine = Testengine.perKlasse(aanbieder.engineopties());

    private final Browser browser = Browser.gedeeld();

    private static String adres(String pad) {
        return engine.basisUrl().replace("//localhost:", "//127.0.0.1:") + pad;
    }

    /** Forgets every login, ours and the provider's: all cookies of the browser go. */
    private void vergeetAlles() {
        ((ChromeDriver) browser.driver()).executeCdpCommand("Network.clearBrowserCookies", Map.of());
    }

    /** Waits for the provider's login form and logs in there as this test user. */
    private void inloggenBijAanbieder(String gebruiker) {
        wachtOpInlogformulier();
        browser.driver().findElement(By.id("username")).sendKeys(gebruiker);
        browser.driver().findElement(By.id("password")).sendKeys(Oidcaanbieder.WACHTWOORD);
        browser.klikNaar(By.cssSelector("button[type=submit]"));
    }

    /** Waits until the browser is on the provider's login form. */
    private void wachtOpInlogformulier() {
        browser.wacht().withMessage(() -> "niet op het inlogformulier van de aanbieder maar op "
                + browser.driver().getCurrentUrl() + ":\n" + browser.tekst())
                .until(d -> d.getCurrentUrl().startsWith(aanbieder.uitgever() + "/login"));
    }

    private void wachtOpTerugkeer() {
        browser.wacht().until(d -> d.getCurrentUrl().startsWith(adres("/")));
    }

    @Test
    void deInwonerLogtInBijDeAanbiederEnZietDePaginaAlsInwoner() {
        vergeetAlles();
        browser.open(adres("/"));
        inloggenBijAanbieder("inwoner");
        browser.wacht().until(d -> d.getCurrentUrl().equals(adres("/")));
        assertThat(browser.tekst()).contains("Welkom", "Ingelogd als Inwoner").doesNotContain("999990342");
        browser.zonderOvertredingen();

        // The session cookie of the pages opens no door of the JSON API: that stays bearer-only.
        Cookie sessie = browser.driver().manage().getCookieNamed("KLANTREIS_SESSIE");
        assertThat(sessie).isNotNull();
        assertThat(sessie.isHttpOnly()).isTrue();
        engine.clientZonderToken().get().uri("/api/v1/mijnzaken").cookie("KLANTREIS_SESSIE", sessie.getValue())
                .exchange().expectStatus().isUnauthorized();
    }

    @Test
    void deRolKomtUitDeClaimsVanDeAanbieder() {
        vergeetAlles();
        browser.open(adres("/"));
        inloggenBijAanbieder("medewerker");
        wachtOpTerugkeer();
        assertThat(browser.tekst()).contains("Ingelogd als KCC-medewerker");
    }

    @ParameterizedTest
    @ValueSource(strings = {"andere-uitgever", "ander-publiek", "verlopen"})
    void eenOngeldigIdTokenGeeftGeenSessie(String gebruiker) {
        vergeetAlles();
        browser.open(adres("/"));
        inloggenBijAanbieder(gebruiker);
        wachtOpTerugkeer();
        assertThat(browser.tekst()).contains("Inloggen is niet gelukt").doesNotContain("Ingelogd als");
        browser.zonderOvertredingen();
        // Still not logged in here: the start page goes through the provider (still logged in there)
        // and is refused again, instead of showing a page.
        browser.open(adres("/"));
        wachtOpTerugkeer();
        assertThat(browser.tekst()).contains("Inloggen is niet gelukt").doesNotContain("Ingelogd als");
    }

    @Test
    void eenIdTokenNetBinnenDeKlokafwijkingTeltNog() {
        vergeetAlles();
        browser.open(adres("/"));
        inloggenBijAanbieder("net-verlopen");
        wachtOpTerugkeer();
        assertThat(browser.tekst()).contains("Ingelogd als Inwoner");
    }

    @Test
    void eenAccessTokenDatDeApiWeigertGeeftGeenSessie() {
        // A burger without a BSN claim: the API would refuse his token, so the pages do too.
        vergeetAlles();
        browser.open(adres("/"));
        inloggenBijAanbieder("zonder-bsn");
        wachtOpTerugkeer();
        assertThat(browser.tekst()).contains("Geen toegang").doesNotContain("Ingelogd als");
        browser.zonderOvertredingen();
        // No session came of it: the start page goes through the provider again, and is refused again.
        browser.open(adres("/"));
        wachtOpTerugkeer();
        assertThat(browser.tekst()).contains("Geen toegang").doesNotContain("Ingelogd als");
    }

    @Test
    void eenTerugkeerZonderDeStateVanDezeBrowserWordtGeweigerd() {
        vergeetAlles();
        browser.open(adres("/"));
        // A real login has started: this browser's session holds its state, the provider shows its form.
        wachtOpInlogformulier();
        browser.open(adres("/login/oauth2/code/klantreis?code=vervalst"));
        assertThat(browser.tekst()).contains("Inloggen is niet gelukt");
        browser.open(adres("/login/oauth2/code/klantreis?code=vervalst&state=vervalst"));
        assertThat(browser.tekst()).contains("Inloggen is niet gelukt");
        // Nothing was logged in: the start page still sends to the provider's form.
        browser.open(adres("/"));
        wachtOpInlogformulier();

        // Over plain HTTP: a callback without a login in progress is the 401 page.
        engine.clientZonderToken().get().uri("/login/oauth2/code/klantreis?code=vervalst&state=vervalst").exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void uitloggenBeeindigtOokDeSessieBijDeAanbieder() {
        vergeetAlles();
        browser.open(adres("/"));
        inloggenBijAanbieder("inwoner");
        wachtOpTerugkeer();
        assertThat(browser.tekst()).contains("Ingelogd als Inwoner");
        browser.klikNaar(By.cssSelector("form[action='/uitloggen'] button"));
        // Through the provider's logout back to our start page, which asks for a login again: the
        // provider's form, not a silent login with the provider's old session.
        wachtOpInlogformulier();
        browser.open(adres("/"));
        wachtOpInlogformulier();
    }

    @Test
    void zonderLoginNaarDeAanbiederMetStateEnNonceEnGeenPersonapagina() {
        engine.clientZonderToken().get().uri("/inloggen").exchange().expectStatus().isNotFound();
        engine.clientZonderToken().get().uri("/").exchange()
                .expectStatus().isFound()
                .expectHeader().location(Oidcaanmelding.BEGIN)
                .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp)
                        .contains("form-action 'self' " + aanbieder.uitgever()));
        String naar = engine.clientZonderToken().get().uri(Oidcaanmelding.BEGIN).exchange()
                .expectStatus().isFound()
                .returnResult(Void.class).getResponseHeaders().getFirst(HttpHeaders.LOCATION);
        Map<String, String> vraag = UriComponentsBuilder.fromUri(URI.create(naar)).build().getQueryParams().toSingleValueMap();
        assertThat(naar).startsWith(aanbieder.uitgever() + "/oauth2/authorize?");
        assertThat(vraag).containsEntry("client_id", Oidcaanbieder.CLIENT_ID).containsEntry("response_type", "code")
                .containsKeys("state", "nonce", "redirect_uri");
        assertThat(vraag.get("scope")).contains("openid");
    }
}
