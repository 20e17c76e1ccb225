package nl.klantreis.api.paginas;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Errors of the page controllers (this package and its sub-packages) as error pages, before the
 * API's {@code Probleemafhandeling} would turn them into problem documents. A controller throws
 * {@code NietGevonden} for a zaak that does not exist and for one that is not the caller's alike.
 */
@ControllerAdvice(basePackages = "nl.klantreis.api.paginas")
@Order(Ordered.HIGHEST_PRECEDENCE)
class Paginafouten {
    private final Foutpaginas fouten;

    Paginafouten(Foutpaginas fouten) {
        this.fouten = fouten;
    }

    @ExceptionHandler(Exception.class)
    Mono<Void> fout(Exception fout, ServerWebExchange exchange) {
        return fouten.schrijf(exchange, Foutpaginas.status(fout));
    }
}
