package nl.klantreis.api.configuratie;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Every {@code 503} says when to try again ({@code Retry-After}, RFC 9110 §10.2.3), whoever wrote
 * it: a problem of the API, an error page, the health endpoint while the database is away. A
 * channel system's outbox then waits rather than hammering a node whose database is restarting
 * (ADR 0023). First of all filters, so that the security chain's answers are covered too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class Wachtadvies implements WebFilter {
    private final String seconden;

    Wachtadvies(@Value("${klantreis.http.opnieuw-na:5s}") Duration opnieuwNa) {
        this.seconden = Long.toString(Math.max(1, opnieuwNa.toSeconds()));
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain keten) {
        exchange.getResponse().beforeCommit(() -> {
            HttpHeaders koppen = exchange.getResponse().getHeaders();
            if (HttpStatus.SERVICE_UNAVAILABLE.equals(exchange.getResponse().getStatusCode())
                    && !koppen.containsKey(HttpHeaders.RETRY_AFTER)) {
                koppen.set(HttpHeaders.RETRY_AFTER, seconden);
            }
            return Mono.empty();
        });
        return keten.filter(exchange);
    }
}
