package nl.klantreis.api.bronnen;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

import nl.klantreis.api.ingestie.Ingestie;
import nl.klantreis.bronnen.Bronconfiguratie;
import nl.klantreis.bronnen.Meldingenopslag;
import nl.klantreis.bronnen.Synchronisatie;
import nl.klantreis.bronnen.Synchronisaties;
import nl.klantreis.domein.referentie.Catalogus;
import nl.klantreis.domein.referentie.Kanalen;

/**
 * The source adapter in the engine (issue 13, ADR 0026): the link read from {@code klantreis.bronnen.configuratie}
 * at start (a wrong file stops the start, every problem named), the queue, its workers and the notification
 * endpoint's own security chain.
 */
@Configuration(proxyBeanMethods = false)
class Bronnenconfiguratie {
    private static final Logger LOG = LoggerFactory.getLogger(Bronnenconfiguratie.class);

    @Bean
    Bronkoppeling bronkoppeling(@Value("${klantreis.bronnen.configuratie:}") String bestand, Environment omgeving,
                                Catalogus catalogus, Kanalen kanalen) {
        if (bestand.isBlank()) {
            LOG.info("Bronnen: geen koppeling met Open Zaak/Open Klant (klantreis.bronnen.configuratie is leeg)");
            return Bronkoppeling.GEEN;
        }
        Bronconfiguratie configuratie = Bronconfiguratie.lees(Path.of(bestand), omgeving::resolveRequiredPlaceholders,
                catalogus, kanalen);
        LOG.info("Bronnen: gekoppeld volgens {} (Open Zaak {}, Open Klant {})", bestand,
                configuratie.openZaak() == null ? "nee" : configuratie.openZaak().zakenApi(),
                configuratie.openKlant() == null ? "nee" : configuratie.openKlant().klantinteractiesApi());
        return new Bronkoppeling(configuratie);
    }

    @Bean
    Meldingenopslag meldingenopslag(DataSource database, Clock klok, Bronkoppeling koppeling) {
        Duration rust = koppeling.actief().map(c -> c.verwerking().klantcontactRust())
                .orElse(Bronconfiguratie.Verwerking.STANDAARD.klantcontactRust());
        return new Meldingenopslag(database, klok, rust);
    }

    /**
     * Reads Open Zaak and Open Klant as configured (the lead's {@link Synchronisaties}); only with bronnen
     * configured. A test may give its own, as a {@code @Primary} bean.
     */
    @Bean
    @ConditionalOnExpression("'${klantreis.bronnen.configuratie:}' != ''")
    Synchronisatie synchronisatie(Bronkoppeling koppeling, Clock klok) {
        return Synchronisaties.voor(koppeling.actief().orElseThrow(), klok);
    }

    /** The workers; without bronnen configured they do nothing. */
    @Bean
    Bronverwerker bronverwerker(Bronkoppeling koppeling, Meldingenopslag opslag, ObjectProvider<Synchronisatie> synchronisatie,
                                Ingestie ingestie, Bronmetrieken metrieken, Clock klok,
                                @Value("${klantreis.bronnen.pauze:500ms}") Duration pauze,
                                @Value("${klantreis.bronnen.telling-elke:10s}") Duration tellingElke) {
        Bronconfiguratie.Verwerking verwerking = koppeling.actief().map(Bronconfiguratie::verwerking)
                .orElse(Bronconfiguratie.Verwerking.STANDAARD);
        Synchronisatie sync = null;
        if (koppeling.actief().isPresent()) {
            sync = synchronisatie.getIfAvailable();
            if (sync == null) {
                throw new IllegalStateException("bronnen zijn geconfigureerd maar er is geen Synchronisatie");
            }
        }
        String eigenaar = ManagementFactory.getRuntimeMXBean().getName() + "/"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        return new Bronverwerker(opslag, sync, ingestie, verwerking, metrieken, klok, eigenaar, pauze, tellingElke);
    }

    /**
     * Open Notificaties sends a fixed Authorization value, not a JWT: this chain, before the API's JWT chain (whose
     * bearer converter would refuse a non-JWT {@code Bearer} value), takes the notification endpoint alone and
     * lets only the configured values through ({@link Notificatietoegang}).
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    SecurityWebFilterChain notificatiebeveiliging(ServerHttpSecurity http, Bronkoppeling koppeling, Bronmetrieken metrieken) {
        List<String> waarden = koppeling.actief().map(c -> c.notificaties().autorisatie()).orElse(List.of());
        return http
                .securityMatcher(ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, NotificatieController.PAD))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .addFilterAt(new Notificatietoegang(waarden, metrieken), SecurityWebFiltersOrder.AUTHENTICATION)
                .authorizeExchange(paden -> paden.anyExchange().permitAll())
                .build();
    }
}
