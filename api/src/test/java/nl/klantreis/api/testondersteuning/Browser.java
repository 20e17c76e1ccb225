package nl.klantreis.api.testondersteuning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

import nl.klantreis.api.beveiliging.Rol;

/**
 * The real browser of the page tests (docs/paginas.md): Debian's headless Chromium through its
 * chromedriver, one for the whole test JVM (started on first use, closed when the JVM ends; a
 * Chromium start costs a second or two, a test class should not pay it). Nothing is downloaded:
 * the paths are fixed and Selenium Manager is never asked (SE_OFFLINE=true in the pom and .ci/run).
 *
 * <p>Tests share it one at a time (JUnit runs classes one after the other here); each test starts
 * from {@link #vergeet()} or a fresh {@link #inloggenAls} so no login leaks between tests.
 */
public final class Browser {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** The example citizen of the dakkapel example, the persona page's first choice. */
    public static final String VOORBEELD_BSN = "999990342";
    private static Browser gedeeld;

    private final ChromeDriver driver;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    /** The browser of this JVM, started on first use. */
    public static synchronized Browser gedeeld() {
        if (gedeeld == null) {
            if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
                throw new IllegalStateException("de browsertests hebben Debians chromium en chromium-driver nodig"
                        + " (/usr/bin/chromium, /usr/bin/chromedriver); .ci/run installeert ze");
            }
            ChromeOptions opties = new ChromeOptions();
            opties.setBinary(CHROMIUM.toFile());
            opties.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--lang=nl-NL", "--window-size=1280,900");
            ChromeDriverService dienst = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(dienst, opties);
            driver.manage().window().setSize(new Dimension(1280, 900));
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            gedeeld = new Browser(driver);
            Runtime.getRuntime().addShutdownHook(new Thread(driver::quit, "browser-sluiten"));
        }
        return gedeeld;
    }

    public WebDriver driver() {
        return driver;
    }

    /** Opens this address (absolute, or a path on the engine: {@code open(engine, "/")}). */
    public Browser open(String adres) {
        driver.get(adres);
        return this;
    }

    public Browser open(Testengine engine, String pad) {
        return open(engine.basisUrl() + pad);
    }

    /** Forgets every login: the session cookie goes, the next page starts logged out. */
    public Browser vergeet(Testengine engine) {
        open(engine, "/vendor/VERSIONS");
        driver.manage().deleteAllCookies();
        return this;
    }

    /** Logs in on the persona page as this role (a burger as the example citizen) and waits for the start page. */
    public Browser inloggenAls(Testengine engine, Rol rol) {
        return inloggen(engine, rol, rol == Rol.BURGER ? VOORBEELD_BSN : null);
    }

    /** Logs in on the persona page as a burger with this BSN (typed in) and waits for the start page. */
    public Browser inloggenAlsBurger(Testengine engine, String bsn) {
        return inloggen(engine, Rol.BURGER, bsn);
    }

    private Browser inloggen(Testengine engine, Rol rol, String bsn) {
        vergeet(engine);
        open(engine, "/inloggen");
        driver.findElement(By.id("rol-" + rol.claim())).click();
        if (bsn != null) {
            WebElement veld = driver.findElement(By.id("bsn"));
            veld.clear();
            veld.sendKeys(bsn);
        }
        driver.findElement(By.cssSelector("form[action='/inloggen'] button[type=submit]")).click();
        wacht().until(ExpectedConditions.urlToBe(engine.basisUrl() + "/"));
        return this;
    }

    /**
     * Runs this with JavaScript switched off in the same browser (Chrome DevTools'
     * {@code Emulation.setScriptExecutionDisabled}, so still one browser per JVM), as a citizen with
     * scripts blocked would see the pages; switched on again afterwards, also when it fails.
     */
    public <T> T zonderJavascript(Supplier<T> wat) {
        driver.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", true));
        try {
            return wat.get();
        } finally {
            driver.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", false));
        }
    }

    /** Picks an option of a select by its visible text. */
    public Browser kies(By select, String tekst) {
        new Select(driver.findElement(select)).selectByVisibleText(tekst);
        return this;
    }

    /**
     * Clicks what leads to another page (a link, a form's button) and waits until the browser shows
     * the new one: Chromium may answer the click before the old page is gone, and what a test then
     * reads could be the old page (CI read a refused login's old page so once).
     */
    public Browser klikNaar(By wat) {
        WebElement oud = driver.findElement(By.tagName("html"));
        driver.findElement(wat).click();
        wacht().until(ExpectedConditions.stalenessOf(oud));
        wacht().until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        return this;
    }

    /** Waits (up to 10 s) for what a page does by itself, e.g. a live update. */
    public WebDriverWait wacht() {
        return wacht(Duration.ofMillis(500));
    }

    /**
     * As {@link #wacht()}, looking every {@code elke}: a test that measures how soon something appears
     * polls often. A live update replaces elements too, so a stale one is "not yet" here as well.
     */
    public WebDriverWait wacht(Duration elke) {
        WebDriverWait wacht = new WebDriverWait(driver, Duration.ofSeconds(10), elke);
        // A form post replaces the page while a condition may still hold an element of the old one:
        // that is "not yet", not a failure (as a missing element already is for WebDriverWait).
        wacht.ignoring(StaleElementReferenceException.class);
        return wacht;
    }

    /** The visible text of the whole page. */
    public String tekst() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /**
     * axe-core on the page as it is now: every rule of axe (WCAG 2.0/2.1 A and AA and best
     * practices), and the test fails listing each violation with the elements it found.
     */
    public Browser zonderOvertredingen() {
        Results uitslag = new AxeBuilder().analyze(driver);
        List<Rule> overtredingen = uitslag.getViolations();
        assertThat(overtredingen)
                .as(() -> "axe-overtredingen op " + driver.getCurrentUrl() + ":\n" + overtredingen.stream()
                        .map(r -> r.getId() + " (" + r.getImpact() + "): " + r.getHelp() + " -> " + r.getNodes().stream()
                                .map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
                        .collect(Collectors.joining("\n")))
                .isEmpty();
        return this;
    }

    /** Writes a screenshot of the page to docs/schermen/NAAM.png of the repository (shown in the README). */
    public Path schermafdruk(String naam) {
        Path doel = repository().resolve("docs/schermen/" + naam + ".png");
        try {
            Files.createDirectories(doel.getParent());
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), doel, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return doel;
    }

    /** The repository's root: the first directory upward from the working directory (the module's) with docs/adr. */
    static Path repository() {
        for (Path map = Path.of("").toAbsolutePath(); map != null; map = map.getParent()) {
            if (Files.isDirectory(map.resolve("docs/adr"))) {
                return map;
            }
        }
        throw new IllegalStateException("geen repository (docs/adr) boven " + Path.of("").toAbsolutePath());
    }
}
