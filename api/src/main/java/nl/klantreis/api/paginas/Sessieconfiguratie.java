package nl.klantreis.api.paginas;

import java.time.Clock;
import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.session.config.annotation.web.server.EnableSpringWebSession;

/**
 * The pages' web sessions live in PostgreSQL ({@link Paginasessies}, ADR 0027) instead of one node's
 * memory. The cookie (name, HttpOnly, SameSite) stays as {@code server.reactive.session.cookie}
 * sets it; the idle time is {@code server.reactive.session.timeout}.
 */
@Configuration(proxyBeanMethods = false)
@EnableSpringWebSession
class Sessieconfiguratie {

    @Bean
    @DependsOn("flywayInitializer")
    Paginasessies sessionRepository(DataSource database,
                                    @Value("${server.reactive.session.timeout:30m}") Duration maxInactief) {
        return new Paginasessies(new JdbcTemplate(database), maxInactief, Clock.systemUTC());
    }
}
