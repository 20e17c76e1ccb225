package nl.klantreis.api.ingestie;

import java.time.Clock;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;

import nl.klantreis.domein.referentie.Catalogus;
import nl.klantreis.domein.referentie.Kanalen;
import nl.klantreis.projecties.privacy.Pseudoniemen;
import nl.klantreis.projecties.privacy.Sleutelring;
import nl.klantreis.projecties.privacy.Versleuteling;
import nl.klantreis.projecties.referentie.Referentiegegevens;

import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/** The parts ingestion is made of: reference data, pseudonyms, keys, the judge and its workers. */
@Configuration(proxyBeanMethods = false)
class IngestieConfiguratie {

    @Bean
    Referentiegegevens referentiegegevens() {
        return Referentiegegevens.laadStandaard();
    }

    @Bean
    Catalogus catalogus(Referentiegegevens referentie) {
        return referentie.catalogus();
    }

    @Bean
    Kanalen kanalen(Referentiegegevens referentie) {
        return referentie.kanalen();
    }

    @Bean
    Clock klok() {
        return Clock.systemUTC();
    }

    @Bean
    BerichtKeuring berichtKeuring(Kanalen kanalen, Catalogus catalogus, Clock klok) {
        return new BerichtKeuring(kanalen, catalogus, klok);
    }

    /** Needs the tables of Flyway; the secret may be configured (production) or is kept in the database. */
    @Bean
    @DependsOn("flywayInitializer")
    Pseudoniemen pseudoniemen(DataSource dataSource, @Value("${klantreis.pseudoniem-geheim:}") String geheim) {
        return Pseudoniemen.uit(dataSource, Optional.of(geheim).filter(g -> !g.isBlank()));
    }

    @Bean
    Sleutelring sleutelring(DataSource dataSource) {
        return new Sleutelring(dataSource);
    }

    @Bean
    Versleuteling versleuteling() {
        return new Versleuteling();
    }

    /**
     * Ingestion blocks on JDBC, so it runs here rather than on Netty's event loop. Bounded: more
     * concurrent batches than this queue up instead of overloading the database.
     */
    @Bean(destroyMethod = "dispose")
    Ingestiewerkers ingestiewerkers(@Value("${klantreis.ingestie.werkers:4}") int werkers) {
        return new Ingestiewerkers(Schedulers.newBoundedElastic(werkers, 10_000, "ingestie"));
    }

    @Bean
    Batchgrens batchgrens(@Value("${klantreis.ingestie.maximum-batch:5000}") int maximum) {
        return new Batchgrens(maximum);
    }

    record Ingestiewerkers(Scheduler scheduler) {
        void dispose() {
            scheduler.dispose();
        }
    }

    record Batchgrens(int maximum) {
    }
}
