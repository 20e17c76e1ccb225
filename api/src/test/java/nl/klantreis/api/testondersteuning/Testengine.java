package nl.klantreis.api.testondersteuning;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.zaxxer.hikari.HikariDataSource;

import nl.klantreis.api.KlantreisApplication;
import nl.klantreis.projecties.TestDatabase;

/**
 * The whole application, started as in production but on a fresh test database of its own, and
 * a WebTestClient that talks to it over HTTP. Can be stopped and started again on the same
 * database, to show what survives a restart.
 */
public final class Testengine implements AutoCloseable {
    private final DataSource database;
    private ConfigurableApplicationContext context;
    private WebTestClient client;
    private String[] extra = new String[0];

    private Testengine(DataSource database) {
        this.database = database;
    }

    public static Testengine start(String... extra) {
        Testengine engine = new Testengine(TestDatabase.nieuweDatabase());
        engine.extra = extra;
        engine.herstart();
        return engine;
    }

    /** A second node: another instance of the application on the same database. */
    public Testengine tweedeNode() {
        Testengine tweede = new Testengine(database);
        tweede.extra = extra;
        tweede.herstart();
        return tweede;
    }

    /** Stops the application (if running) and starts it again on the same database. */
    public void herstart() {
        if (context != null) {
            context.close();
        }
        System.setProperty("axoniq.update-checker.disabled", "true");
        HikariDataSource hikari = (HikariDataSource) database;
        try {
            Path dataMap = Files.createTempDirectory("klantreis-test");
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
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        int poort = ((WebServerApplicationContext) context).getWebServer().getPort();
        client = WebTestClient.bindToServer().baseUrl("http://localhost:" + poort)
                .responseTimeout(Duration.ofSeconds(60))
                .codecs(c -> c.defaultCodecs().maxInMemorySize(32 * 1024 * 1024))
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

    public WebTestClient client() {
        return client;
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
