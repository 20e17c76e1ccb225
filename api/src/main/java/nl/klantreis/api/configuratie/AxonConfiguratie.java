package nl.klantreis.api.configuratie;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.queryhandling.LoggingQueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryBusSpanFactory;
import org.axonframework.queryhandling.QueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.MeterRegistry;

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
     *
     * <p>Its meters come from {@link Vraagmonitor}: the same names as Axon's monitors give them, made
     * once instead of for every query (ADR 0033). {@code klantreis.metrieken.vraagmonitor=axon}
     * brings Axon's own monitors back, to measure the two side by side (LeesWrkBenchmark --variant).
     */
    @Bean
    SimpleQueryBus queryBus(org.axonframework.config.Configuration axon, MeterRegistry metrieken,
                            @Value("${klantreis.metrieken.vraagmonitor:eigen}") String vraagmonitor) {
        return SimpleQueryBus.builder()
                .messageMonitor(switch (vraagmonitor) {
                    case "eigen" -> new Vraagmonitor("queryBus", metrieken, Clock.SYSTEM);
                    case "axon" -> axon.messageMonitor(org.axonframework.queryhandling.QueryBus.class, "queryBus");
                    default -> throw new IllegalArgumentException(
                            "klantreis.metrieken.vraagmonitor is eigen of axon, niet " + vraagmonitor);
                })
                .transactionManager(NoTransactionManager.INSTANCE)
                .errorHandler(axon.getComponent(QueryInvocationErrorHandler.class,
                        () -> LoggingQueryInvocationErrorHandler.builder().build()))
                .queryUpdateEmitter(axon.getComponent(QueryUpdateEmitter.class))
                .spanFactory(axon.getComponent(QueryBusSpanFactory.class))
                .build();
    }
}
