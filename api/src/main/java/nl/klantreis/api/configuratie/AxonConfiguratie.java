package nl.klantreis.api.configuratie;

import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
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
}
