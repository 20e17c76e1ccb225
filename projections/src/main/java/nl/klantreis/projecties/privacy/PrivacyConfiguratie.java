package nl.klantreis.projecties.privacy;

import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;

/** Pseudonyms, keys and encryption, for ingestion (encrypting) and the read side (decrypting) alike. */
@Configuration(proxyBeanMethods = false)
public class PrivacyConfiguratie {

    /** Needs the tables of Flyway; the secret may be configured (production) or is kept in the database. */
    @Bean
    @DependsOn("flywayInitializer")
    public Pseudoniemen pseudoniemen(DataSource dataSource, @Value("${klantreis.pseudoniem-geheim:}") String geheim) {
        return Pseudoniemen.uit(dataSource, Optional.of(geheim).filter(g -> !g.isBlank()));
    }

    @Bean
    public Sleutelring sleutelring(DataSource dataSource) {
        return new Sleutelring(dataSource);
    }

    @Bean
    public Versleuteling versleuteling() {
        return new Versleuteling();
    }

    @Bean
    public Ontsleuteling ontsleuteling(Sleutelring sleutelring, Versleuteling versleuteling) {
        return new Ontsleuteling(sleutelring, versleuteling);
    }
}
