package nl.klantreis.api.testondersteuning;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import javax.sql.DataSource;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.zaxxer.hikari.HikariDataSource;

import nl.klantreis.api.KlantreisApplication;
import nl.klantreis.api.beveiliging.Rol;
import nl.klantreis.infrastructuur.TestDatabase;
import nl.klantreis.infrastructuur.beveiliging.LokaleSleutel;
import nl.klantreis.infrastructuur.beveiliging.Tokenmaker;

/**
 * The whole application, started as in production but on a fresh test database of its own, and
 * a WebTestClient that talks to it over HTTP. Can be stopped and started again on the same
 * database, to show what survives a restart.
 *
 * <p>The client sends a {@code bron} token by default, minted with the engine's own local key
 * (its data directory stays the same across restarts and is shared with a second node, so a token
 * works on every node and after a restart); {@link #client(Rol, String)} talks as another role.
 *
 * <p>It is also the JUnit extension for a test class that wants one engine for all its tests:
 * {@code @RegisterExtension static final Testengine engine = Testengine.perKlasse(opties...);}
 * starts it before the class's {@code @BeforeAll} methods and stops it after its {@code @AfterAll}
 * methods, so a class no longer carries its own start/stop pair.
 */
public final class Testengine implements AutoCloseable, BeforeAllCallback, AfterAllCallback {
    private final DataSource database;
    private final Path dataMap;
    private ConfigurableApplicationContext context;
    private WebTestClient client;
    private String basisUrl;
    private String[] extra = new String[0];

    private Testengine(DataSource database, Path dataMap) {
        this.database = database;
        this.dataMap = dataMap;
    }

    private static Path nieuweDataMap() {
        try {
            return Files.createTempDirectory("klantreis-test");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static Testengine start(String... extra) {
        Testengine engine = perKlasse(extra);
        engine.herstart();
        return engine;
    }

    /**
     * An engine with these extra start options that starts once the test class that registers it
     * starts (its database and data directory exist already, so a second node can be made of it).
     */
    public static Testengine perKlasse(String... extra) {
        Testengine engine = new Testengine(TestDatabase.nieuweDatabase(), nieuweDataMap());
        engine.extra = extra;
        return engine;
    }

    @Override
    public void beforeAll(ExtensionContext klasse) {
        herstart();
    }

    @Override
    public void afterAll(ExtensionContext klasse) {
        close();
    }

    /**
     * A second node: another instance of the application on the same database and data directory
     * (so with the same token key, as nodes of one municipality share their identity provider).
     */
    public Testengine tweedeNode() {
        Testengine tweede = tweedeNodePerKlasse();
        tweede.herstart();
        return tweede;
    }

    /** {@link #tweedeNode()}, started and stopped with the test class that registers it. */
    public Testengine tweedeNodePerKlasse() {
        return andereNode(extra);
    }

    /** Another node on the same database and data directory, with other start options; not yet started. */
    public Testengine andereNode(String... opties) {
        Testengine andere = new Testengine(database, dataMap);
        andere.extra = opties;
        return andere;
    }

    /** Stops the application (if running) and starts it again on the same database. */
    public void herstart() {
        if (context != null) {
            context.close();
        }
        System.setProperty("axoniq.update-checker.disabled", "true");
        HikariDataSource hikari = (HikariDataSource) database;
        java.util.List<String> argumenten = new java.util.ArrayList<>(java.util.List.of(
                "--server.port=0",
                "--klantreis.db.url=" + TestDatabase.jdbcUrl(database),
                "--klantreis.db.user=" + hikari.getUsername(),
                "--klantreis.db.password=" + (hikari.getPassword() == null ? "" : hikari.getPassword()),
                "--klantreis.db.pool=6",
                "--klantreis.data-map=" + dataMap,
                "--klantreis.projecties.bewaak-ms=200",
                "--spring.main.banner-mode=off"));
        argumenten.addAll(java.util.List.of(extra));
        context = new SpringApplicationBuilder(KlantreisApplication.class).run(argumenten.toArray(String[]::new));
        int poort = ((WebServerApplicationContext) context).getWebServer().getPort();
        basisUrl = "http://localhost:" + poort;
        client = WebTestClient.bindToServer().baseUrl(basisUrl)
                .responseTimeout(Duration.ofSeconds(60))
                .codecs(c -> c.defaultCodecs().maxInMemorySize(32 * 1024 * 1024))
                .defaultHeaders(kop -> kop.setBearerAuth(token(Rol.BRON, null)))
                .build();
    }

    /** Waits until every read model has processed every event stored so far. */
    public void wachtOpLeesmodellen() {
        nl.klantreis.projecties.leesmodel.Projectiebeheer beheer = bean(nl.klantreis.projecties.leesmodel.Projectiebeheer.class);
        for (String naam : beheer.namen()) {
            if (!beheer.wachtTotBijgewerkt(naam, Duration.ofMinutes(3))) {
                throw new AssertionError("leesmodel " + naam + " is niet bijgewerkt: " + beheer.voortgang(naam));
            }
        }
    }

    public <R> R vraag(Object vraag, org.axonframework.messaging.responsetypes.ResponseType<R> antwoord) {
        return bean(org.axonframework.queryhandling.QueryGateway.class).query(vraag, antwoord).join();
    }

    /** Where the running engine answers, e.g. {@code http://localhost:40123} (for a browser). */
    public String basisUrl() {
        return basisUrl;
    }

    /** A client that sends a {@code bron} token. */
    public WebTestClient client() {
        return client;
    }

    /** A client that sends a token of this role; {@code bsn} for a burger only. */
    public WebTestClient client(Rol rol, String bsn) {
        String token = token(rol, bsn);
        return client.mutate().defaultHeaders(kop -> kop.setBearerAuth(token)).build();
    }

    /** A client that sends no token at all. */
    public WebTestClient clientZonderToken() {
        return client.mutate().defaultHeaders(kop -> kop.remove(HttpHeaders.AUTHORIZATION)).build();
    }

    /**
     * A token of this role signed with the engine's local key, valid for 8 hours; its subject is
     * {@code test-<rol>} (for a burger too: a subject is never his BSN).
     */
    public String token(Rol rol, String bsn) {
        return new Tokenmaker(sleutel()).maak("test-" + rol.claim(), rol.claim(), bsn, null);
    }

    /** The key the engine signs and checks local tokens with (made here if the engine has not yet). */
    public LokaleSleutel sleutel() {
        return LokaleSleutel.laadOfMaak(dataMap);
    }

    /** The engine's data directory: the same across restarts and for a second node. */
    public Path dataMap() {
        return dataMap;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public DataSource database() {
        return database;
    }

    public JdbcTemplate jdbc() {
        return new JdbcTemplate(database);
    }

    @Override
    public void close() {
        if (context != null) {
            context.close();
            context = null;
        }
    }
}
