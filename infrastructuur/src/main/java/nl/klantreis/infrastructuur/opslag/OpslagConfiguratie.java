package nl.klantreis.infrastructuur.opslag;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The event store as every process of the engine opens it, the application and the command-line
 * tools alike: Axon without Axon Server, the JDBC storage engine on our own PostgreSQL (tables by
 * Flyway), Jackson instead of the XStream default. One definition, so no process reads events
 * another wrote differently.
 */
@Configuration(proxyBeanMethods = false)
public class OpslagConfiguratie {

    /**
     * Axon's JDBC token store as its auto-configuration makes it (claim timeout
     * {@code axon.eventhandling.tokenstore.claim-timeout}), but owned per engine instance,
     * {@code pid@host/<random>}, not per JVM: two nodes in one JVM (the tests' second node) or a node
     * restarted under the same pid and host name (pid 1 in a container) would otherwise be one owner
     * to the token store, and each could go on with segments the other claimed (ADR 0022).
     */
    @Bean
    public TokenStore tokenStore(ConnectionProvider verbindingen, Serializer serializer,
                                 @Value("${axon.eventhandling.tokenstore.claim-timeout:10s}") java.time.Duration claimTimeout) {
        return JdbcTokenStore.builder()
                .connectionProvider(verbindingen)
                .schema(new TokenSchema())
                .serializer(serializer)
                .claimTimeout(claimTimeout)
                .nodeId(eigenaar())
                .build();
    }

    /** {@code pid@host} as Axon names an owner, made unique per engine instance. */
    static String eigenaar() {
        return java.lang.management.ManagementFactory.getRuntimeMXBean().getName() + "/"
                + java.util.UUID.randomUUID().toString().substring(0, 8);
    }

    @Bean
    @Primary
    public Serializer serializer() {
        return Eventserialisatie.serializer();
    }

    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer() {
        return Eventserialisatie.serializer();
    }

    @Bean
    @Qualifier("messageSerializer")
    public Serializer messageSerializer() {
        return Eventserialisatie.serializer();
    }

    @Bean
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        return new DubbeleSleutelHerkenning();
    }

    /**
     * Axon's JDBC engine with preloading for batches ({@link VoorladendeEventopslag}), built as
     * Axon's own auto-configuration would build the plain one; tables come from Flyway.
     */
    @Bean
    public VoorladendeEventopslag eventStorageEngine(Serializer serializer, @Qualifier("eventSerializer") Serializer eventSerializer,
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
                // A rolled-back batch leaves its ~1,000 global indexes as gaps for good, and every
                // tracking token carries (and copies, per event) the set of open gaps. Gaps older
                // than 15 s are not waited for: no batch transaction runs that long.
                .gapTimeout(15_000)
                .schema(new EventSchema()));
    }

    /**
     * Axon's embedded event store, as its auto-configuration builds it, but looking for events
     * appended by other nodes every 100 ms instead of every second: a change ingested on one node
     * reaches the read models (and the live push) of another without a noticeable wait.
     */
    @Bean(name = "eventBus")
    @Qualifier("eventStore")
    public EmbeddedEventStore eventStore(VoorladendeEventopslag opslag, org.axonframework.config.Configuration configuratie) {
        return EmbeddedEventStore.builder()
                .storageEngine(opslag)
                .messageMonitor(configuratie.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuratie.getComponent(EventBusSpanFactory.class))
                .fetchDelay(100)
                // Each cached event holds its own tracking token (with its gaps): keep fewer.
                .cachedEvents(1_000)
                .build();
    }
}
