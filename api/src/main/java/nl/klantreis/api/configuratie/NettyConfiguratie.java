package nl.klantreis.api.configuratie;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * Event loops of this application's own, not Reactor Netty's JVM-wide ones: stopping one
 * application context (a node in a multi-node test, a restart in a test) must not stop the
 * event loops of another in the same JVM.
 */
@Configuration(proxyBeanMethods = false)
class NettyConfiguratie {

    @Bean
    ReactorResourceFactory reactorResourceFactory() {
        ReactorResourceFactory fabriek = new ReactorResourceFactory();
        fabriek.setUseGlobalResources(false);
        return fabriek;
    }
}
