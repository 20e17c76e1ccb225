package nl.klantreis.replay;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Primary;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import nl.klantreis.projecties.opslag.DubbeleSleutelHerkenning;
import nl.klantreis.projecties.opslag.Eventserialisatie;
import nl.klantreis.projecties.opslag.VoorladendeEventopslag;

/**
 * The part of the engine the tool needs, without the web: the read models and their queries
 * (everything in {@code nl.klantreis.projecties}) on the engine's event store, read with the
 * engine's own serializers. The bean definitions are those of the engine's AxonConfiguratie (api),
 * which this module cannot depend on; they must stay the same or the tool reads events the engine
 * wrote differently.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@ComponentScan("nl.klantreis.projecties")
class Gereedschapsconfiguratie {

    @Bean
    @Primary
    Serializer serializer() {
        return Eventserialisatie.serializer();
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer() {
        return Eventserialisatie.serializer();
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer() {
        return Eventserialisatie.serializer();
    }

    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new DubbeleSleutelHerkenning();
    }

    @Bean
    VoorladendeEventopslag eventStorageEngine(Serializer serializer, @Qualifier("eventSerializer") Serializer eventSerializer,
                                              PersistenceExceptionResolver uitzonderingen,
                                              org.axonframework.config.Configuration configuratie,
                                              ConnectionProvider verbindingen, TransactionManager transacties) {
        return new VoorladendeEventopslag(JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .upcasterChain(configuratie.upcasterChain())
                .persistenceExceptionResolver(uitzonderingen)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuratie.snapshotFilter())
                .connectionProvider(verbindingen)
                .transactionManager(transacties)
                .schema(new EventSchema()));
    }

    @Bean(name = "eventBus")
    @Qualifier("eventStore")
    EmbeddedEventStore eventStore(VoorladendeEventopslag opslag, org.axonframework.config.Configuration configuratie) {
        return EmbeddedEventStore.builder()
                .storageEngine(opslag)
                .messageMonitor(configuratie.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuratie.getComponent(EventBusSpanFactory.class))
                .fetchDelay(100)
                .build();
    }

    /** The read models register their gauges; the tool has no metrics endpoint, so they stay in memory. */
    @Bean
    MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }
}
