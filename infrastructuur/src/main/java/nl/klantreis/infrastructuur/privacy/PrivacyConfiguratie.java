package nl.klantreis.infrastructuur.privacy;

import java.nio.file.Path;
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

    /**
     * The KEK folder: {@code klantreis.sleutels.map} (env {@code KLANTREIS_SLEUTELS_MAP}; production: a
     * mounted vault shared by every node), else {@code <klantreis.data-map>/sleutels}, where the engine
     * and the tools with the same data map both find it (ADR 0011).
     */
    @Bean
    public Sleutelring sleutelring(DataSource dataSource,
                                   @Value("${klantreis.sleutels.map:}") String kekMap,
                                   @Value("${klantreis.data-map:./data}") String dataMap,
                                   @Value("${klantreis.sleutels.vacuum-na-vergeten:true}") boolean vacuumNaVergeten) {
        Path map = kekMap.isBlank() ? Sleutelkluis.standaardMap(Path.of(dataMap)) : Path.of(kekMap);
        return new Sleutelring(dataSource, map, vacuumNaVergeten);
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
