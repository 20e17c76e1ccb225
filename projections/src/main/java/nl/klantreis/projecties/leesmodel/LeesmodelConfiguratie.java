package nl.klantreis.projecties.leesmodel;

import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;

import nl.klantreis.infrastructuur.opslag.Eventserialisatie;

/** Every {@link Documentleesregels} bean becomes a read model, run and rebuilt by {@link Projectiebeheer}. */
@Configuration(proxyBeanMethods = false)
public class LeesmodelConfiguratie {

    @Bean
    @DependsOn("flywayInitializer")
    public Projectiebeheer projectiebeheer(ObjectProvider<Documentleesregels<?>> regels, EventStore events, TokenStore tokens,
                                           TransactionManager transacties, DataSource database,
                                           ConnectionProvider verbindingen, MeterRegistry meters,
                                           @Value("${klantreis.projecties.segmenten:2}") int segmenten,
                                           @Value("${klantreis.projecties.batch:500}") int batch,
                                           @Value("${klantreis.projecties.bewaak-ms:1000}") long bewaakMs,
                                           @Value("${klantreis.projecties.wek-ms:25}") long wekMs,
                                           @Value("${klantreis.projecties.verwerken:true}") boolean verwerken,
                                           @Value("${klantreis.projecties.voorladen:5000}") int voorladen,
                                           @Value("${klantreis.projecties.delen:true}") boolean delen,
                                           @Value("${klantreis.projecties.inhalen-vanaf:50000}") long inhalenVanaf,
                                           @Value("${klantreis.projecties.tijdstiplezer:true}") boolean tijdstiplezer,
                                           @Value("${axon.eventhandling.tokenstore.claim-timeout:10s}") Duration claimduur) {
        // The documents are written as events are; read with Tijdstiplezer in front of Jackson's
        // instants (ADR 0033). The setting exists to measure the two side by side (LeesWrkBenchmark --variant).
        ObjectMapper documentJson = tijdstiplezer
                ? Eventserialisatie.objectMapper().registerModule(Tijdstiplezer.module())
                : Eventserialisatie.objectMapper();
        List<Documentprojectie<?>> projecties = regels.orderedStream()
                .<Documentprojectie<?>>map(r -> new Documentprojectie<>(r, database, documentJson,
                        (aggregaat, vanaf) -> events.readEvents(aggregaat, vanaf).asStream()))
                .toList();
        WekbareEventbron bron = new WekbareEventbron(events, Duration.ofMillis(wekMs));
        return new Projectiebeheer(projecties, bron, tokens, transacties, database, verbindingen,
                Eventserialisatie.serializer(), Eventserialisatie.objectMapper(),
                meters, new Projectiebeheer.Instellingen(segmenten, batch, Duration.ofMillis(bewaakMs), verwerken,
                        voorladen, delen, claimduur, inhalenVanaf));
    }
}
