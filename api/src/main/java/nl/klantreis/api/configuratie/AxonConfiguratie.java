package nl.klantreis.api.configuratie;

import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import nl.klantreis.domein.klant.Klant;
import nl.klantreis.domein.zaak.Zaak;
import nl.klantreis.projecties.opslag.Eventserialisatie;

/**
 * Axon without Axon Server: the JDBC storage engine and token store on our own PostgreSQL
 * (tables by Flyway), Jackson instead of the XStream default, and the two aggregates. The
 * aggregates carry no Spring annotation (core-domain has no Spring), so they are registered here.
 */
@Configuration(proxyBeanMethods = false)
class AxonConfiguratie {

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
    ConfigurerModule aggregaten() {
        return configurer -> configurer
                .configureAggregate(AggregateConfigurer.defaultConfiguration(Klant.class))
                .configureAggregate(AggregateConfigurer.defaultConfiguration(Zaak.class));
    }
}
