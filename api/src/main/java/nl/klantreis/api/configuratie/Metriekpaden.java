package nl.klantreis.api.configuratie;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.reactive.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.http.server.reactive.observation.ServerRequestObservationConvention;

import io.micrometer.common.KeyValue;

import nl.klantreis.api.web.Padsjablonen;

/**
 * The {@code uri} tag of {@code http.server.requests} for requests refused before routing (401
 * and 403 at the door, 400 from the firewall): Spring tags them all {@code UNKNOWN}, which hides
 * which endpoint was refused. Here they get the route template their path matches, or a fixed
 * bucket ({@link Padsjablonen}): as few values as there are routes, whatever the caller sends.
 */
@Configuration(proxyBeanMethods = false)
class Metriekpaden {

    @Bean
    ServerRequestObservationConvention uriMetSjabloon(Padsjablonen sjablonen) {
        return new DefaultServerRequestObservationConvention() {
            @Override
            protected KeyValue uri(ServerRequestObservationContext context) {
                KeyValue standaard = super.uri(context);
                if (!"UNKNOWN".equals(standaard.getValue()) || context.getCarrier() == null) {
                    return standaard;
                }
                return KeyValue.of(standaard.getKey(),
                        sjablonen.van(context.getCarrier().getPath().pathWithinApplication().value()));
            }
        };
    }
}
