package nl.klantreis.replay;

import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import nl.klantreis.domein.klant.Klant;
import nl.klantreis.domein.zaak.Zaak;

/**
 * The engine's two aggregates, registered as the engine's AxonConfiguratie (api) does, so a test
 * writes its events through the real command handlers into the test database.
 */
@Configuration(proxyBeanMethods = false)
class Testaggregaten {

    @Bean
    ConfigurerModule aggregaten() {
        return configurer -> configurer
                .configureAggregate(AggregateConfigurer.defaultConfiguration(Klant.class))
                .configureAggregate(AggregateConfigurer.defaultConfiguration(Zaak.class));
    }
}
