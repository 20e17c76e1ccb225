package nl.klantreis.api.configuratie;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.queryhandling.LoggingQueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryBusSpanFactory;
import org.axonframework.queryhandling.QueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import nl.klantreis.domein.klant.Klant;
import nl.klantreis.domein.zaak.Zaak;

/**
 * The write side's aggregates. They carry no Spring annotation (core-domain has no Spring), so
 * they are registered here; the event store itself is {@code OpslagConfiguratie} (infrastructuur).
 */
@Configuration(proxyBeanMethods = false)
class AxonConfiguratie {

    @Bean
    ConfigurerModule aggregaten() {
        return configurer -> configurer
                .configureAggregate(AggregateConfigurer.defaultConfiguration(Klant.class))
                .configureAggregate(AggregateConfigurer.defaultConfiguration(Zaak.class));
    }

    /**
     * The query bus as Axon's auto-configuration builds it, but without a database transaction
     * around every query (ADR 0032): a read is one or a few SELECTs, each of which sees its own
     * committed snapshot under READ COMMITTED whether or not a transaction surrounds them, so the
     * transaction only added a BEGIN and a COMMIT round trip per read and kept its connection out of
     * the pool that much longer. Queries write nothing; the audit record of a read is written by
     * the audit writer in a transaction of its own (ADR 0009).
     */
    @Bean
    SimpleQueryBus queryBus(org.axonframework.config.Configuration axon) {
        return SimpleQueryBus.builder()
                .messageMonitor(axon.messageMonitor(org.axonframework.queryhandling.QueryBus.class, "queryBus"))
                .transactionManager(NoTransactionManager.INSTANCE)
                .errorHandler(axon.getComponent(QueryInvocationErrorHandler.class,
                        () -> LoggingQueryInvocationErrorHandler.builder().build()))
                .queryUpdateEmitter(axon.getComponent(QueryUpdateEmitter.class))
                .spanFactory(axon.getComponent(QueryBusSpanFactory.class))
                .build();
    }
}
