package nl.klantreis.api.paginas.analyse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.web.reactive.function.BodyInserters;

import nl.klantreis.api.beveiliging.Rol;
import nl.klantreis.api.testondersteuning.Browser;
import nl.klantreis.api.testondersteuning.Testengine;
import nl.klantreis.api.testondersteuning.Voorbeelden;

/**
 * The Analyse area in a real browser on the dakkapel example (contract/examples), fed through
 * {@code /api/v1/events}: the KPI dashboard with teller and noemer, the Sankey diagram with
 * telefoon -> webformulier (1, warm) and webformulier -> telefoon (1, koud) and its table, the
 * klantreizen behind a link, and the replay of one, step by step and as it was on a moment. axe on
 * every page, screenshots for the README; other roles get the 403 page.
 */
class AnalyseBrowserTest {
    @RegisterExtension
    static final Testengine engine = Testengine.perKlasse();

    private static final String MAART = "van=2026-03-01&tot=2026-04-01&peilmoment=2026-06-01T00:00:00Z";
    private static final String TELEFOON = "Telefoon (KCC, 14+netnummer)";
    private static final String WEBFORMULIER = "Webformulier / e-dienst";

    private final Browser browser = Browser.gedeeld();

    @BeforeAll
    static void dakkapel() {
        engine.client().post().uri("/api/v1/events")
                .contentType(MediaType.parseMediaType("application/cloudevents-batch+json"))
                .bodyValue(Voorbeelden.alsBatch(Voorbeelden.berichten(Voorbeelden.DAKKAPEL)))
                .exchange().expectStatus().isOk();
        engine.wachtOpLeesmodellen();
    }

    @Test
    void hetDashboardToontElkeKpiMetTellerEnNoemer() {
        browser.inloggenAls(engine, Rol.ANALIST).open(engine, "/analyse?" + MAART);

        assertThat(rij("kpi-klantreizen")).containsExactly("Alles", "2", "n.v.t.", "n.v.t.");
        assertThat(rij("kpi-kanaalwissel-ratio")).containsExactly("Alles", "0,5000", "1", "2");
        assertThat(rij("kpi-contacten-per-klantreis")).containsExactly("Alles", "2,0000", "4", "2");
        assertThat(rij("kpi-kosten-per-klantreis")).containsExactly("Alles", "€ 12,20", "€ 24,40", "2");
        assertThat(rij("kpi-first-contact-resolution")).containsExactly("Alles", "1,0000", "1", "1");
        assertThat(rij("kpi-herhaalcontact-ratio")).containsExactly("Alles", "0,2500", "1", "4");
        assertThat(rij("kpi-status-navraag-per-zaak")).containsExactly("Alles", "1,0000", "1", "1");
        assertThat(rij("kpi-binnen-servicenorm")).containsExactly("Alles", "1,0000", "1", "1");
        assertThat(rij("kpi-contactvolume")).containsExactly("Alles", "4", "n.v.t.", "n.v.t.");
        assertThat(browser.driver().findElements(By.cssSelector("#kpis tbody"))).hasSize(11);
        assertThat(tekst("#contactvolume")).contains(TELEFOON + " 2", WEBFORMULIER + " 1", "Live chat 1");
        assertThat(tekst("#zaaktypen")).contains("omgevingsvergunning 1 1.138 uur 1.138 uur 1,0000 1 1");
        assertThat(tekst("#kosten")).contains("€ 12,20", "€ 24,40");
        browser.zonderOvertredingen();
        naar("vraag").schermafdruk("analyse-dashboard");

        browser.open(engine, "/analyse?" + MAART + "&per=kanaal");
        assertThat(tekst("#kpi-contactvolume")).contains(TELEFOON + " 2 n.v.t. n.v.t.");
        assertThat(tekst("#kpi-kanaalwissel-matrix")).contains("Niet zo uit te splitsen");
        browser.zonderOvertredingen();

        browser.klikNaar(By.linkText("Kanaalwissels als Sankeydiagram en tabel"));
        browser.wacht().until(ExpectedConditions.urlContains("/analyse/kanaalwissels?" + MAART));

        browser.open(engine, "/analyse?" + MAART + "&per=zaaktype");
        assertThat(tekst("#kpi-kanaalwissel-ratio")).contains("omgevingsvergunning 1,0000 1 1");
        assertThat(tekst("#kpi-doorlooptijd")).contains("omgevingsvergunning 1 n.v.t. n.v.t.");
        browser.zonderOvertredingen();
    }

    @Test
    void eenOngeldigePeriodeGeeftHetFormulierMetDeFout() {
        browser.inloggenAls(engine, Rol.ANALIST).open(engine, "/analyse?van=2026-04-01&tot=2026-03-01&peilmoment=gisteren");
        assertThat(browser.tekst()).contains("De einddatum moet na de begindatum liggen.", "Vul in: een tijdstip");
        assertThat(browser.driver().findElement(By.id("peilmoment")).getAttribute("aria-invalid")).isEqualTo("true");
        browser.zonderOvertredingen();
    }

    @Test
    void deSankeyToontWarmEnKoud_deTabelKlopt_enEenStroomOpentDeKlantreizen() {
        browser.inloggenAls(engine, Rol.ANALIST).open(engine, "/analyse/kanaalwissels?" + MAART);
        browser.wacht().until(ExpectedConditions.attributeToBe(By.id("sankey"), "data-getekend", "ja"));

        assertThat(tabelrijen()).containsExactly(
                List.of(TELEFOON, WEBFORMULIER, "1", "1", "0"),
                List.of(WEBFORMULIER, TELEFOON, "1", "0", "1"));
        WebElement sankey = browser.driver().findElement(By.id("sankey"));
        assertThat(sankey.getAttribute("role")).isEqualTo("img");
        assertThat(sankey.getAttribute("aria-label")).contains(
                TELEFOON + " naar " + WEBFORMULIER + ": 1, waarvan 1 warm en 0 koud.",
                WEBFORMULIER + " naar " + TELEFOON + ": 1, waarvan 0 warm en 1 koud.");
        // ECharts sets its styles through the DOM, which the CSP (no inline style) allows: they apply.
        assertThat(((JavascriptExecutor) browser.driver()).executeScript("return getComputedStyle("
                + "document.querySelector('#sankey svg text')).fontSize + ' ' + getComputedStyle("
                + "document.querySelector('#sankey > div')).position")).isEqualTo("13px relative");
        // The chart itself: drawn as SVG, one link in each colour, labelled with the word too.
        assertThat(sankey.findElements(By.cssSelector("svg path[fill='#a34400']"))).hasSize(1);
        assertThat(sankey.findElements(By.cssSelector("svg path[fill='#1f5f99']"))).hasSize(1);
        assertThat(sankey.getText()).contains("1 warm", "1 koud", "van " + TELEFOON, "naar " + WEBFORMULIER);
        browser.zonderOvertredingen();
        naar("vraag").schermafdruk("analyse-kanaalwissels");

        // A click on the warm link in the chart lists the klantreis behind it.
        // (at its upper part: its middle carries the label "1 warm")
        new Actions(browser.driver()).moveToElement(sankey.findElement(By.cssSelector("svg path[fill='#a34400']")), 0, -50)
                .click().perform();
        browser.wacht().until(ExpectedConditions.urlContains("/analyse/kanaalwissels/klantreizen"));
        assertThat(browser.driver().getCurrentUrl()).contains("vanKanaal=telefoon", "naarKanaal=webformulier",
                "soort=warm");
        assertThat(browser.tekst()).contains("Klantreizen: " + TELEFOON + " naar " + WEBFORMULIER + ", warm");
        assertThat(browser.driver().findElements(By.cssSelector("#reizen tbody tr"))).hasSize(1);
        assertThat(tekst("#reizen tbody tr")).contains("omgevingsvergunning", "2 maart 2026 09:12", "4 1 beëindigd");
        // Pseudonymous: no BSN, no klantId, nothing that was said.
        assertThat(browser.driver().getPageSource()).doesNotContain(Voorbeelden.DAKKAPEL_BSN);
    }

    @Test
    void deKlantreisAchterDeKoudeCelWordtStapVoorStapAfgespeeld_ookZoalsZeWasOpEenMoment() {
        browser.inloggenAls(engine, Rol.ANALIST).open(engine, "/analyse/kanaalwissels?" + MAART);
        browser.klikNaar(By.cssSelector("#wisseltabel tbody tr:nth-child(2) td:nth-child(5) a"));
        browser.wacht().until(ExpectedConditions.urlContains("soort=koud"));
        assertThat(browser.tekst()).contains("Klantreizen: " + WEBFORMULIER + " naar " + TELEFOON + ", koud");
        browser.zonderOvertredingen().schermafdruk("analyse-klantreizen");

        browser.klikNaar(By.cssSelector("#reizen tbody a"));
        browser.wacht().until(ExpectedConditions.urlContains("/analyse/klantreizen/"));
        assertThat(browser.driver().findElements(By.cssSelector("#stappen > li"))).hasSize(4);
        assertThat(huidig()).startsWith("Stap 1 van 4: Klantcontact via " + TELEFOON);
        assertThat(browser.driver().findElements(By.cssSelector("#stappen > li.analyse-stap--later"))).hasSize(3);

        browser.driver().findElement(By.id("volgende")).click();
        assertThat(huidig()).startsWith("Stap 2 van 4: Klantcontact via " + WEBFORMULIER)
                .contains("Kanaalwissel warm van " + TELEFOON);
        browser.driver().findElement(By.id("stap")).sendKeys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT);
        assertThat(huidig()).startsWith("Stap 4 van 4: Klantcontact via " + TELEFOON)
                .contains("Kanaalwissel koud van " + WEBFORMULIER);
        assertThat(browser.driver().findElement(By.id("volgende")).isEnabled()).isFalse();
        assertThat(browser.driver().findElement(By.cssSelector("#stappen > li[aria-current='step']")).getText())
                .contains("16 maart 2026 10:05");
        assertThat(browser.driver().getCurrentUrl()).contains("stap=4");
        browser.driver().findElement(By.id("stap")).sendKeys(Keys.ARROW_LEFT);
        assertThat(huidig()).startsWith("Stap 3 van 4: Zaak geregistreerd via " + WEBFORMULIER);
        assertThat(browser.tekst()).doesNotContain(Voorbeelden.DAKKAPEL_BSN);
        browser.zonderOvertredingen();
        naar("speler").schermafdruk("analyse-afspelen");

        // Time travel: on 5 March the status-navraag of the 16th had not happened yet.
        WebElement alsOp = browser.driver().findElement(By.id("alsOp"));
        alsOp.clear();
        alsOp.sendKeys("2026-03-05");
        browser.klikNaar(By.cssSelector("form.analyse-periode button[type=submit]"));
        browser.wacht().until(ExpectedConditions.urlContains("alsOp=2026-03-05"));
        assertThat(browser.driver().findElements(By.cssSelector("#stappen > li"))).hasSize(3);
        assertThat(huidig()).startsWith("Stap 1 van 3");
        browser.zonderOvertredingen();
    }

    @Test
    void zonderJavaScript_speeltDeServerDeStappenAf() {
        String sessie = sessie(Rol.ANALIST);
        String lijst = engine.clientZonderToken().get().uri("/analyse/kanaalwissels/klantreizen?" + MAART
                        + "&vanKanaal=telefoon&naarKanaal=webformulier&soort=alle")
                .cookie("KLANTREIS_SESSIE", sessie).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        Matcher link = Pattern.compile("href=\"(/analyse/klantreizen/[0-9a-f-]{36}\\?alsOp=[^\"]+)\"").matcher(lijst);
        assertThat(link.find()).as("een link naar de klantreis").isTrue();
        String pagina = engine.clientZonderToken().get().uri(link.group(1).replace("&amp;", "&") + "&stap=2&ga=volgende")
                .cookie("KLANTREIS_SESSIE", sessie).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(pagina).contains("Stap 3 van 4: Zaak geregistreerd", "aria-valuetext=\"Stap 3 van 4\"");
        assertThat(pagina.split("analyse-stap--later", -1)).as("one step still to come").hasSize(2);

        // The other time axis: on 5 March 2026 the engine knew nothing yet (the test fed it today);
        // now it knows all four steps.
        String id = link.group(1).substring("/analyse/klantreizen/".length(), link.group(1).indexOf('?'));
        String toen = engine.clientZonderToken().get()
                .uri("/analyse/klantreizen/" + id + "?alsOp=2026-03-05&tijdas=bekend")
                .cookie("KLANTREIS_SESSIE", sessie).exchange().expectStatus().isNotFound()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(toen).contains("Deze klantreis bestond op dat moment niet", "value=\"bekend\" selected");
        String nu = engine.clientZonderToken().get().uri("/analyse/klantreizen/" + id + "?tijdas=bekend")
                .cookie("KLANTREIS_SESSIE", sessie).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(nu).contains("Stap 1 van 4");

        engine.clientZonderToken().get().uri("/analyse/klantreizen/00000000-0000-4000-8000-000000000000")
                .cookie("KLANTREIS_SESSIE", sessie).exchange().expectStatus().isNotFound();
        engine.clientZonderToken().get().uri("/analyse/klantreizen/geen-id")
                .cookie("KLANTREIS_SESSIE", sessie).exchange().expectStatus().isNotFound();
    }

    @Test
    void deKanaalsturingRekentEenJaarUit_enZegtHetAlsEenPrijsOnbekendIs() {
        browser.inloggenAls(engine, Rol.ANALIST)
                .open(engine, "/analyse/kanaalsturing?" + MAART + "&procent=50&uit=telefoon&naar=webformulier");
        // 2 telefoon contacts in March (31 days) -> 23.548 per year; half moves: 11.77 * (420 - 780)
        assertThat(tekst("#antwoord")).contains("50% van de contacten van " + TELEFOON + " naar " + WEBFORMULIER
                + ": € 42,39 per jaar minder.", "2 in 31 dagen", "24", "12");
        browser.zonderOvertredingen().schermafdruk("analyse-kanaalsturing");

        browser.open(engine, "/analyse/kanaalsturing?" + MAART + "&procent=50&uit=telefoon&naar=video");
        assertThat(tekst("#antwoord")).contains("Geen bedrag", "Beeldbellen / digitale balie", "onbekend");
        browser.open(engine, "/analyse/kanaalsturing?" + MAART + "&procent=150&uit=telefoon&naar=telefoon");
        assertThat(browser.tekst()).contains("Vul een percentage in", "Kies twee verschillende kanalen.");
        browser.zonderOvertredingen();
    }

    @Test
    void eenMedewerkerOfBurgerKrijgtDe403Pagina() {
        for (Rol rol : new Rol[] {Rol.MEDEWERKER, Rol.BURGER}) {
            browser.inloggenAls(engine, rol).open(engine, "/analyse/kanaalwissels?" + MAART);
            assertThat(browser.driver().getTitle()).startsWith("Geen toegang");
            engine.clientZonderToken().get().uri("/analyse").cookie("KLANTREIS_SESSIE", sessie(rol)).exchange()
                    .expectStatus().isForbidden();
        }
        browser.inloggenAls(engine, Rol.ANALIST);
        assertThat(browser.tekst()).contains("Analyse");
        browser.inloggenAls(engine, Rol.MEDEWERKER);
        assertThat(browser.driver().findElements(By.cssSelector("a[href='/analyse']"))).isEmpty();
    }

    /** Scrolls this element to the top, so the screenshot shows the figures rather than the form. */
    private Browser naar(String id) {
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView(true)",
                browser.driver().findElement(By.id(id)));
        return browser;
    }

    private List<String> rij(String kpi) {
        return browser.driver().findElements(By.cssSelector("#" + kpi + " tr:first-child td")).stream()
                .map(WebElement::getText).toList();
    }

    private List<List<String>> tabelrijen() {
        return browser.driver().findElements(By.cssSelector("#wisseltabel tbody tr")).stream()
                .map(rij -> rij.findElements(By.cssSelector("th, td")).stream().map(WebElement::getText).toList())
                .toList();
    }

    private String tekst(String selector) {
        return browser.driver().findElement(By.cssSelector(selector)).getText().replaceAll("\\s+", " ");
    }

    private String huidig() {
        return browser.driver().findElement(By.id("huidig")).getText();
    }

    /** Logs in over plain HTTP, as a browser without JavaScript would (see PaginasBrowserTest). */
    private static String sessie(Rol rol) {
        EntityExchangeResult<String> pagina = engine.clientZonderToken().get().uri("/inloggen").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult();
        String cookie = pagina.getResponseCookies().getFirst("KLANTREIS_SESSIE").getValue();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(pagina.getResponseBody());
        assertThat(csrf.find()).isTrue();
        return engine.clientZonderToken().post().uri("/inloggen").cookie("KLANTREIS_SESSIE", cookie)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("rol", rol.claim()).with("voorbeeldbsn", Browser.VOORBEELD_BSN)
                        .with("_csrf", csrf.group(1)))
                .exchange().expectStatus().isEqualTo(HttpStatus.SEE_OTHER).expectBody().isEmpty()
                .getResponseCookies().getFirst("KLANTREIS_SESSIE").getValue();
    }
}
