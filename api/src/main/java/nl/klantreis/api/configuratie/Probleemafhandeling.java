package nl.klantreis.api.configuratie;

import java.net.URI;
import java.util.concurrent.RejectedExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;

import reactor.netty.Connection;
import reactor.netty.channel.AbortedException;

import nl.klantreis.api.web.Databasestoring;
import nl.klantreis.api.web.NietGevonden;
import nl.klantreis.api.web.OngeldigeParameters;

/**
 * Every error as an RFC 9457 problem, without stack traces or internal names: what went wrong
 * is logged here, the caller gets a short, stable answer.
 */
@RestControllerAdvice
class Probleemafhandeling {
    private static final Logger LOG = LoggerFactory.getLogger(Probleemafhandeling.class);
    private static final URI TE_GROOT = URI.create("urn:klantreis:probleem:te-groot");

    @ExceptionHandler(OngeldigeParameters.class)
    ResponseEntity<ProblemDetail> parameters(OngeldigeParameters fout) {
        ResponseEntity<ProblemDetail> antwoord = probleem(HttpStatus.BAD_REQUEST,
                URI.create("urn:klantreis:probleem:ongeldige-parameters"), "Ongeldige parameters",
                "een of meer parameters zijn ongeldig; zie errors");
        antwoord.getBody().setProperty("errors", fout.fouten());
        return antwoord;
    }

    @ExceptionHandler(NietGevonden.class)
    ResponseEntity<ProblemDetail> nietGevonden(NietGevonden fout) {
        return probleem(HttpStatus.NOT_FOUND, URI.create("urn:klantreis:probleem:niet-gevonden"), "Niet gevonden",
                fout.getMessage());
    }

    @ExceptionHandler(DataBufferLimitException.class)
    ResponseEntity<ProblemDetail> teGroot(DataBufferLimitException fout) {
        return probleem(HttpStatus.PAYLOAD_TOO_LARGE, TE_GROOT, "Verzoek te groot",
                "het verzoek is groter dan de engine aanneemt");
    }

    @ExceptionHandler(ServerWebInputException.class)
    ResponseEntity<ProblemDetail> invoer(ServerWebInputException fout) {
        if (fout.getCause() instanceof DataBufferLimitException) {
            return teGroot((DataBufferLimitException) fout.getCause());
        }
        return probleem(HttpStatus.BAD_REQUEST, URI.create("urn:klantreis:probleem:onleesbaar-verzoek"),
                "Onleesbaar verzoek", fout.getReason());
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<ProblemDetail> status(ResponseStatusException fout) {
        ProblemDetail probleem = fout.getBody();
        return ResponseEntity.status(fout.getStatusCode()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(probleem);
    }

    /**
     * A 503, with the Retry-After that {@link Wachtadvies} adds to every one. Not when the client hung
     * up (or the answer was already under way): nothing can reach it any more, and it is no error of
     * ours; the error goes back to the web server, which notes a client that went away at DEBUG.
     */
    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<ProblemDetail> fout(RuntimeException fout, ServerWebExchange uitwisseling) {
        if (uitwisseling.getResponse().isCommitted() || clientWeg(fout, uitwisseling)) {
            LOG.debug("geen antwoord meer mogelijk op {} {}: {}", uitwisseling.getRequest().getMethod(),
                    uitwisseling.getRequest().getPath(), fout.toString());
            throw fout;
        }
        if (Databasestoring.is(fout)) {
            // Expected while the database restarts, and then for every request: one line each, no stack trace.
            LOG.warn("verzoek mislukt, de database is niet bereikbaar; niets van dit verzoek is opgeslagen: {}", fout.toString());
        } else if (fout instanceof RejectedExecutionException) {
            // The engine is stopping: a request whose body was still arriving when the web server's
            // graceful stop ended finds the ingestion workers gone. Nothing was started; a sender
            // resends (to another node); not an error of ours (LevensloopTest saw this once).
            LOG.info("verzoek niet meer aangenomen, de engine stopt; niets van dit verzoek is opgeslagen");
        } else {
            LOG.error("verzoek mislukt; niets van dit verzoek is opgeslagen", fout);
        }
        return probleem(HttpStatus.SERVICE_UNAVAILABLE, URI.create("urn:klantreis:probleem:tijdelijk-niet-beschikbaar"),
                "Tijdelijk niet beschikbaar",
                "het verzoek kon niet worden verwerkt en er is niets van opgeslagen; probeer het later opnieuw");
    }

    /**
     * Whether the error is this request's own connection closing: reactor-netty's AbortedException and
     * the connection no longer open. Not Spring's DisconnectedClientHelper, which also takes a
     * "connection reset by peer" or an EOF anywhere in the causes for a client gone away; a database
     * that restarts gives exactly those (DatabaseherstartTest then got a 200 without a body). Nor the
     * exception type alone: a call of the engine's own to another server can end in one too.
     */
    private static boolean clientWeg(RuntimeException fout, ServerWebExchange uitwisseling) {
        if (!(fout instanceof AbortedException)) {
            return false;
        }
        try {
            return ServerHttpRequestDecorator.getNativeRequest(uitwisseling.getRequest()) instanceof Connection verbinding
                    && !verbinding.channel().isActive();
        } catch (IllegalArgumentException | IllegalStateException geenNetty) {
            // No native request to ask (not a server request, or a test's mock, which refuses): the client
            // cannot have gone away through it.
            return false;
        }
    }

    private static ResponseEntity<ProblemDetail> probleem(HttpStatus status, URI type, String titel, String detail) {
        ProblemDetail probleem = ProblemDetail.forStatusAndDetail(status, detail);
        probleem.setType(type);
        probleem.setTitle(titel);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(probleem);
    }
}
