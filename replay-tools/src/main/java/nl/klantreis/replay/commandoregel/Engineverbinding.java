package nl.klantreis.replay.commandoregel;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.axonframework.queryhandling.QueryGateway;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.klantreis.infrastructuur.opslag.IngebeddePostgres;
import nl.klantreis.infrastructuur.privacy.Pseudoniemen;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * How a command reaches the engine's PostgreSQL, as a picocli mixin ({@code @Mixin Engineverbinding
 * engine;}), and the part of the engine it then runs: a Spring context without web, with the read
 * models, their query handlers and the event store as the engine has them.
 *
 * <p>Which database: the one {@code --db-url} names (default {@code KLANTREIS_DB_URL}); else the
 * engine's embedded PostgreSQL while the engine runs (its port is in
 * {@code <data-map>/postgres/klantreis.poort}); else that same embedded PostgreSQL started by the
 * tool on the engine's data directory, as long as the engine is not running.
 *
 * <p>Use: {@code try (Engineverbinding e = engine.start()) { ... e.vragen() ... }}. Read-only
 * commands run no read-model processors ({@code klantreis.projecties.verwerken=false}); a command
 * that rebuilds asks for them with {@link #metVerwerking()}.
 */
public final class Engineverbinding implements AutoCloseable {

    @Option(names = "--db-url", defaultValue = "${env:KLANTREIS_DB_URL}",
            description = "JDBC-URL van de PostgreSQL van de engine (standaard KLANTREIS_DB_URL); "
                    + "zonder: de ingebedde PostgreSQL in --data-map")
    String url;

    @Option(names = "--db-user", defaultValue = "${env:KLANTREIS_DB_USER:-postgres}",
            description = "databasegebruiker (standaard KLANTREIS_DB_USER, anders postgres)")
    String gebruiker;

    @Option(names = "--db-password", defaultValue = "${env:KLANTREIS_DB_PASSWORD}", description = "databasewachtwoord (standaard KLANTREIS_DB_PASSWORD)")
    String wachtwoord;

    @Mixin
    Datamap datamap = new Datamap();

    private boolean verwerken;
    private final Map<String, Object> eigenschappen = new LinkedHashMap<>();
    private final List<Class<?>> bronnen = new ArrayList<>();
    private IngebeddePostgres ingebed;
    private ConfigurableApplicationContext context;
    private String beschrijving;

    public Engineverbinding() {
    }

    /** Connects to this database (URL, user, password) rather than to what the options say; for tests and embedding. */
    public static Engineverbinding naar(String url, String gebruiker, String wachtwoord) {
        Engineverbinding verbinding = new Engineverbinding();
        verbinding.url = url;
        verbinding.gebruiker = gebruiker;
        verbinding.wachtwoord = wachtwoord;
        return verbinding;
    }

    /** Runs the read-model processors too (and so keeps their tables up to date while connected). */
    public Engineverbinding metVerwerking() {
        this.verwerken = true;
        return this;
    }

    /** An extra Spring property for the context, e.g. {@code klantreis.projecties.bewaak-ms}. */
    public Engineverbinding metEigenschap(String naam, Object waarde) {
        eigenschappen.put(naam, waarde);
        return this;
    }

    /** Extra configuration classes for the context (a test registers the aggregates this way). */
    public Engineverbinding metBron(Class<?> bron) {
        bronnen.add(bron);
        return this;
    }

    /**
     * Finds the database and starts the context.
     *
     * @throws GeenDatabase when there is no database to connect to (a message for the operator)
     */
    public Engineverbinding start() {
        if (context != null) {
            return this;
        }
        String jdbcUrl;
        String wie;
        String geheim;
        if (url != null && !url.isBlank()) {
            jdbcUrl = url;
            wie = gebruiker == null || gebruiker.isBlank() ? "postgres" : gebruiker;
            geheim = wachtwoord == null ? "" : wachtwoord;
            beschrijving = "PostgreSQL op " + zonderGeheimen(url);
        } else {
            Path map = dataMap().resolve("postgres").toAbsolutePath().normalize();
            Integer poort = draaiendePoort(map);
            if (poort != null) {
                jdbcUrl = "jdbc:postgresql://localhost:" + poort + "/postgres";
                beschrijving = "ingebedde PostgreSQL van de draaiende engine (poort " + poort + ")";
            } else {
                if (!Files.isRegularFile(map.resolve("PG_VERSION"))) {
                    throw new GeenDatabase("Geen database in " + map
                            + ": start de engine eerst of geef --db-url (of KLANTREIS_DB_URL).");
                }
                try {
                    ingebed = IngebeddePostgres.start(map, 0);
                } catch (IngebeddePostgres.DatamapInGebruik e) {
                    // The engine is starting (no port file yet) or another tool has the database.
                    throw new GeenDatabase(e.getMessage());
                }
                jdbcUrl = ingebed.jdbcUrl();
                beschrijving = "ingebedde PostgreSQL in " + map + " (door het gereedschap gestart)";
            }
            wie = "postgres";
            geheim = "postgres";
        }
        Map<String, Object> instellingen = new LinkedHashMap<>();
        instellingen.put("spring.main.banner-mode", "off");
        instellingen.put("spring.main.log-startup-info", "false");
        instellingen.put("logging.level.root", "WARN");
        // Spring 6.2 warns about Axon's annotations at every start; nothing an operator can act on.
        instellingen.put("logging.level.org.springframework.core.annotation", "ERROR");
        // A context that cannot start is reported by the command in one line; not as a stack trace here.
        instellingen.put("logging.level.org.springframework.boot.SpringApplication", "OFF");
        instellingen.put("logging.level.org.springframework.context", "ERROR");
        instellingen.put("spring.datasource.url", jdbcUrl);
        instellingen.put("spring.datasource.username", wie);
        instellingen.put("spring.datasource.password", geheim);
        instellingen.put("spring.datasource.hikari.maximum-pool-size", verwerken ? 8 : 4);
        instellingen.put("spring.datasource.hikari.pool-name", "klantreis-gereedschap");
        instellingen.put("spring.flyway.locations", "classpath:db/migration");
        instellingen.put("axon.axonserver.enabled", "false");
        instellingen.put("axon.timeout.enabled", "false");
        instellingen.put("klantreis.projecties.verwerken", Boolean.toString(verwerken));
        // A tool runs for minutes: the engine's nodes should not hand it their share of the segments (ADR 0022).
        instellingen.put("klantreis.projecties.delen", "false");
        instellingen.put("klantreis.data-map", datamap.map() == null ? "./data" : datamap.map().toString());
        instellingen.putAll(eigenschappen);
        // Axon's update checker phones home; many a municipality's machine has no internet.
        System.setProperty("axoniq.update-checker.disabled", "true");
        List<Class<?>> alle = new ArrayList<>();
        alle.add(Gereedschapsconfiguratie.class);
        alle.addAll(bronnen);
        try {
            context = new SpringApplicationBuilder(alle.toArray(Class<?>[]::new))
                    .web(WebApplicationType.NONE)
                    .properties(instellingen)
                    .registerShutdownHook(false)
                    .run();
        } catch (RuntimeException e) {
            sluitIngebed();
            throw e;
        }
        return this;
    }

    /** The query bus of the read models, as the engine's API uses it. */
    public QueryGateway vragen() {
        return bean(QueryGateway.class);
    }

    public Pseudoniemen pseudoniemen() {
        return bean(Pseudoniemen.class);
    }

    public DataSource database() {
        return bean(DataSource.class);
    }

    public JdbcTemplate jdbc() {
        return new JdbcTemplate(database());
    }

    public <T> T bean(Class<T> type) {
        if (context == null) {
            throw new IllegalStateException("niet verbonden: roep eerst start() aan");
        }
        return context.getBean(type);
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    /** Which database, for the operator (no password). */
    public String beschrijving() {
        return beschrijving;
    }

    @Override
    public void close() {
        try {
            if (context != null) {
                context.close();
            }
        } finally {
            context = null;
            sluitIngebed();
        }
    }

    private void sluitIngebed() {
        if (ingebed != null) {
            // Also removes a port file a crashed engine left behind: nobody listens on that port any more.
            ingebed.close();
            ingebed = null;
        }
    }

    /** The data directory asked for; {@code ./data} for a connection made without the command line. */
    private Path dataMap() {
        return datamap.map() == null ? Path.of("./data") : datamap.map();
    }

    /** The port of the engine's embedded PostgreSQL when its port file is there and the port answers. */
    private static Integer draaiendePoort(Path map) {
        Path bestand = IngebeddePostgres.poortbestand(map);
        if (!Files.isRegularFile(bestand)) {
            return null;
        }
        try {
            int poort = Integer.parseInt(Files.readString(bestand).strip());
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("localhost", poort), 1000);
                return poort;
            }
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }

    static String zonderGeheimen(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    /** There is no database to connect to; the message says what to do. */
    public static final class GeenDatabase extends RuntimeException {
        public GeenDatabase(String melding) {
            super(melding);
        }
    }
}
