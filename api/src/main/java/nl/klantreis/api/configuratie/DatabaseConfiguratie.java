package nl.klantreis.api.configuratie;

import java.nio.file.Path;
import java.time.Duration;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import nl.klantreis.infrastructuur.opslag.IngebeddePostgres;

/**
 * Which PostgreSQL the engine uses: the one named by {@code KLANTREIS_DB_URL} (with
 * {@code KLANTREIS_DB_USER} and {@code KLANTREIS_DB_PASSWORD}), or else an embedded one with its
 * data under {@code ./data}, so that one command runs the engine on a fresh machine.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguratie {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseConfiguratie.class);

    @Bean(destroyMethod = "close")
    Database database(@Value("${klantreis.db.url:}") String url,
                      @Value("${klantreis.db.user:postgres}") String gebruiker,
                      @Value("${klantreis.db.password:}") String wachtwoord,
                      @Value("${klantreis.data-map:./data}") String dataMap,
                      @Value("${klantreis.db.ingebed.poort:0}") int poort,
                      @Value("${klantreis.db.pool:12}") int pool,
                      @Value("${klantreis.db.ingebed.opstartwacht:10m}") Duration opstartwacht,
                      @Value("${klantreis.db.verbindingswacht:5s}") Duration verbindingswacht) {
        if (!url.isBlank()) {
            return new Database(url, gebruiker, wachtwoord, "PostgreSQL op " + zonderGeheimen(url), null, pool,
                    verbindingswacht);
        }
        Path map = Path.of(dataMap, "postgres").toAbsolutePath().normalize();
        IngebeddePostgres ingebed = IngebeddePostgres.start(map, poort, opstartwacht, IngebeddePostgres.VANGNET);
        ingebed.meldPoort();
        LOG.info("Ingebedde PostgreSQL gestart op poort {} met data in {}", ingebed.poort(), map);
        return new Database(ingebed.jdbcUrl(), "postgres", "postgres",
                "ingebedde PostgreSQL (poort " + ingebed.poort() + ", data in " + map + ")", ingebed, pool,
                verbindingswacht);
    }

    /**
     * Closed before {@link Database} (it depends on it), and after every bean that uses it: so the
     * embedded PostgreSQL is the last thing to stop.
     */
    @Bean(destroyMethod = "close")
    DataSource dataSource(Database database) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.url());
        config.setUsername(database.gebruiker());
        config.setPassword(database.wachtwoord());
        config.setMaximumPoolSize(database.pool());
        config.setPoolName("klantreis");
        // How long a request waits for a connection before it is answered 503 (ADR 0023): while the
        // database restarts, Hikari's default of 30 s would hold every request (and each queued
        // behind it) that long. Checking a borrowed connection takes at most half of it.
        config.setConnectionTimeout(database.verbindingswacht().toMillis());
        config.setValidationTimeout(Math.max(250, database.verbindingswacht().toMillis() / 2));
        // A connection whose server vanished without closing it is found by the kernel, not never.
        config.addDataSourceProperty("tcpKeepAlive", "true");
        // One round trip for a whole batch of inserts: the ingestion fast path depends on it.
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        return new HikariDataSource(config);
    }

    static String zonderGeheimen(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    /** The database in use, and what to call it when telling the operator. */
    record Database(String url, String gebruiker, String wachtwoord, String beschrijving, IngebeddePostgres ingebed,
                    int pool, Duration verbindingswacht) implements AutoCloseable {
        @Override
        public void close() {
            if (ingebed != null) {
                ingebed.close();
            }
        }

        @Override
        public String toString() {
            return beschrijving;
        }
    }
}
