package nl.klantreis.replay.commandoregel;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The part of the engine the tool needs, without the web: the read models and their queries
 * (everything in {@code nl.klantreis.projecties}) on the engine's event store and the rest of the
 * shared infrastructure ({@code nl.klantreis.infrastructuur}), opened exactly as the engine opens it
 * ({@code OpslagConfiguratie}).
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@ComponentScan({"nl.klantreis.infrastructuur", "nl.klantreis.projecties"})
class Gereedschapsconfiguratie {

    /** The read models register their gauges; the tool has no metrics endpoint, so they stay in memory. */
    @Bean
    MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }
}
