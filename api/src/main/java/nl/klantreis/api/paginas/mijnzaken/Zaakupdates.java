package nl.klantreis.api.paginas.mijnzaken;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.server.ServerWebExchange;

import io.swagger.v3.oas.annotations.Hidden;

import nl.klantreis.api.audit.Tracering;
import nl.klantreis.api.beveiliging.Gebruikers;
import nl.klantreis.api.mijnzaken.Zaakvolger;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The zaak page's live status ({@code GET /mijnzaken/{zaakId}/updates}): Server-Sent Events,
 * authorised by the session like the page (ADR 0021; the API's own stream stays bearer-only). It is
 * the API's stream ({@link Zaakvolger}: same reads, same pushes, same processing record
 * {@value Zaakvolger#ACTIVITEIT} before each event), but each event {@value #EVENT} carries the
 * page's status part as HTML, rendered from the same fragment as the page, for
 * {@code /js/mijnzaken/live.js} to put in place. Not part of the JSON API: {@link Hidden}.
 */
@Controller
@Hidden
class Zaakupdates {
    static final String EVENT = "status";

    private final Zaakvolger volger;
    private final Statusfragment fragment;

    Zaakupdates(Zaakvolger volger, Statusfragment fragment) {
        this.volger = volger;
        this.fragment = fragment;
    }

    @GetMapping(value = MijnZakenGebied.PAD + "/{zaakId}/updates", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Mono<ResponseEntity<Flux<ServerSentEvent<String>>>> updates(
            @PathVariable String zaakId,
            @RequestHeader(name = "Last-Event-ID", required = false) String laatsteId,
            ServerWebExchange verzoek) {
        var zaak = MijnZakenPaginas.zaakId(zaakId);
        return Gebruikers.huidige()
                .flatMap(burger -> volger.volg(burger, zaak, Tracering.van(verzoek), laatsteId, EVENT,
                        detail -> fragment.html(Zaakweergave.zaak(detail))))
                .map(stroom -> ResponseEntity.ok()
                        .contentType(MediaType.TEXT_EVENT_STREAM)
                        .cacheControl(CacheControl.noStore())
                        // nginx and its kin would otherwise hold the events back.
                        .header("X-Accel-Buffering", "no")
                        .body(stroom));
    }
}
