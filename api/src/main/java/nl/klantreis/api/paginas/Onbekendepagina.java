package nl.klantreis.api.paginas;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.handler.AbstractHandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebHandler;

import reactor.core.publisher.Mono;

/**
 * The 404 page for a page path nothing answers: after every controller, just before the static
 * files (which would answer an unknown path with the API's problem document). The files' own
 * prefixes ({@code /vendor}, {@code /css}, {@code /js}) are left to the static files; API paths
 * never come here, so their 404 stays as it was.
 */
@Component
class Onbekendepagina extends AbstractHandlerMapping {
    private final WebHandler nietGevonden;

    Onbekendepagina(Foutpaginas fouten) {
        this.nietGevonden = exchange -> fouten.schrijf(exchange, HttpStatus.NOT_FOUND);
        setOrder(Ordered.LOWEST_PRECEDENCE - 2);
    }

    @Override
    protected Mono<?> getHandlerInternal(ServerWebExchange exchange) {
        String pad = exchange.getRequest().getPath().pathWithinApplication().value();
        if (pad.startsWith("/vendor/") || pad.startsWith("/css/") || pad.startsWith("/js/")) {
            return Mono.empty();
        }
        return Paginabeveiliging.PAGINAS.matches(exchange)
                .flatMap(treffer -> treffer.isMatch() ? Mono.just(nietGevonden) : Mono.empty());
    }
}
