package nl.klantreis.api.paginas;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebExchangeDecorator;
import org.springframework.web.server.WebExceptionHandler;
import org.springframework.web.server.WebSession;
import org.springframework.web.server.session.InMemoryWebSessionStore;

import nl.klantreis.api.web.Databasestoring;
import nl.klantreis.api.web.NietGevonden;
import reactor.core.publisher.Mono;

/**
 * The error pages (400, 401, 403, 404, 500, 503) in the layout, for every page path: errors of page
 * controllers ({@link Paginafouten}), refusals of {@link Paginabeveiliging}, and what no handler
 * answered (an unknown path, a missing file). Before Spring Boot's own handler (order -2 against
 * its -1), and only for {@link Paginabeveiliging#PAGINAS}: an API error stays a problem document.
 *
 * <p>404 is one page for "does not exist" and "is not yours": same status, same text, so a page
 * never tells whether someone else's zaak exists.
 */
@Component
@Order(-2)
class Foutpaginas implements WebExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(Foutpaginas.class);

    private final ServerCodecConfigurer codecs;
    private final ObjectProvider<ViewResolver> weergaven;
    private final Paginamodel model;

    Foutpaginas(ServerCodecConfigurer codecs, ObjectProvider<ViewResolver> weergaven, Paginamodel model) {
        this.codecs = codecs;
        this.weergaven = weergaven;
        this.model = model;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable fout) {
        return Paginabeveiliging.PAGINAS.matches(exchange).flatMap(treffer -> treffer.isMatch()
                && !exchange.getResponse().isCommitted()
                ? schrijf(Databasestoring.is(fout) ? zonderSessie(exchange) : exchange, status(fout))
                : Mono.error(fout));
    }

    /**
     * The exchange as the 503 page sees it while the database is away: the sessions live there
     * (ADR 0027), so the page is rendered with an empty session of its own; asking for the real one
     * again would only repeat the failure and turn the 503 page into a bare 500.
     */
    private static ServerWebExchange zonderSessie(ServerWebExchange exchange) {
        Mono<WebSession> leeg = LEGE_SESSIES.createWebSession().cache();
        return new ServerWebExchangeDecorator(exchange) {
            @Override
            public Mono<WebSession> getSession() {
                return leeg;
            }
        };
    }

    private static final InMemoryWebSessionStore LEGE_SESSIES = new InMemoryWebSessionStore();

    static HttpStatusCode status(Throwable fout) {
        if (fout instanceof NietGevonden) {
            return HttpStatus.NOT_FOUND;
        }
        if (fout instanceof AccessDeniedException) {
            return HttpStatus.FORBIDDEN;
        }
        if (fout instanceof ResponseStatusException status) {
            return status.getStatusCode();
        }
        if (onleesbaarFormulier(fout)) {
            return HttpStatus.BAD_REQUEST;
        }
        if (Databasestoring.is(fout)) {
            // The database is away for a moment (a restart): not a fault to page anyone for (ADR 0023).
            LOG.warn("pagina niet getoond, de database is niet bereikbaar: {}", fout.toString());
            return HttpStatus.SERVICE_UNAVAILABLE;
        }
        LOG.error("Fout op een pagina", fout);
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }

    /**
     * A form body that is not valid URL encoding ({@code nummer=%ZZ}): Spring's form reader lets
     * {@link java.net.URLDecoder}'s exception through (first in the CSRF filter, which reads the
     * form), which is the sender's mistake, not ours: 400, not a 500 with a stack trace in the log.
     */
    static boolean onleesbaarFormulier(Throwable fout) {
        if (!(fout instanceof IllegalArgumentException)) {
            return false;
        }
        StackTraceElement[] plaatsen = fout.getStackTrace();
        return plaatsen.length > 0 && java.net.URLDecoder.class.getName().equals(plaatsen[0].getClassName());
    }

    /** Writes the error page of this status, in the layout, as the answer to this exchange. */
    Mono<Void> schrijf(ServerWebExchange exchange, HttpStatusCode status) {
        HttpStatusCode getoond = status.is5xxServerError() || tekst(status.value()) != null ? status
                : HttpStatus.BAD_REQUEST;
        String[] tekst = tekst(getoond.value()) == null ? tekst(500) : tekst(getoond.value());
        return schrijf(exchange, getoond, tekst[0], tekst[1]);
    }

    /** The error page of this status with a heading and explanation of the caller's (a failed login says why). */
    Mono<Void> schrijf(ServerWebExchange exchange, HttpStatusCode getoond, String kop, String uitleg) {
        return model.basis(exchange).flatMap(basis -> {
            Map<String, Object> gegevens = new HashMap<>(basis);
            gegevens.put("status", getoond.value());
            gegevens.put("kop", kop);
            gegevens.put("uitleg", uitleg);
            return ServerResponse.status(getoond).contentType(MediaType.TEXT_HTML).render("paginas/fout", gegevens);
        }).flatMap(antwoord -> antwoord.writeTo(exchange, new ServerResponse.Context() {
            @Override
            public List<HttpMessageWriter<?>> messageWriters() {
                return codecs.getWriters();
            }

            @Override
            public List<ViewResolver> viewResolvers() {
                return weergaven.orderedStream().toList();
            }
        }));
    }

    private static String[] tekst(int status) {
        return switch (status) {
            case 400 -> new String[] {"Dit verzoek begrijpen we niet",
                    "Ga terug naar de vorige pagina en probeer het opnieuw."};
            case 401 -> new String[] {"U bent niet ingelogd", "Inloggen is op deze omgeving nog niet ingericht."};
            case 403 -> new String[] {"Geen toegang", "U heeft geen toegang tot deze pagina."};
            case 404 -> new String[] {"Pagina niet gevonden",
                    "Deze pagina bestaat niet, of is niet voor u bedoeld. Controleer het adres of ga naar de startpagina."};
            case 405 -> new String[] {"Dit verzoek begrijpen we niet",
                    "Ga terug naar de vorige pagina en probeer het opnieuw."};
            case 500 -> new String[] {"Er ging iets mis",
                    "Door een fout aan onze kant lukt dit nu niet. Probeer het later opnieuw."};
            case 503 -> new String[] {"Even niet beschikbaar",
                    "Deze pagina is op dit moment niet beschikbaar. Probeer het over een paar seconden opnieuw."};
            default -> null;
        };
    }
}
