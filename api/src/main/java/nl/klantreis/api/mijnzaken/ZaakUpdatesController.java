package nl.klantreis.api.mijnzaken;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import nl.klantreis.api.audit.Tracering;
import nl.klantreis.api.beveiliging.Gebruikers;
import nl.klantreis.api.beveiliging.Rol;
import nl.klantreis.api.openapi.Documentatie;
import nl.klantreis.domein.gedeeld.ZaakId;
import nl.klantreis.projecties.mijnzaken.Zaakdetail;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Live track and trace: {@code GET /api/v1/mijnzaken/{zaakId}/updates} streams the burger's zaak
 * as Server-Sent Events, one event {@code zaak} with the {@link Zaakdetail} each time it changes.
 *
 * <pre>
 * id:&lt;positie&gt;
 * event:zaak
 * data:{"zaakId":"...", ... the Zaakdetail as GET /api/v1/mijnzaken/{zaakId} gives it, on one line}
 *
 * :hartslag
 *
 * </pre>
 *
 * <ul>
 * <li>Another's zaak, or one that does not exist, is answered 404 exactly as the detail endpoint
 * answers it, before any stream opens.</li>
 * <li>{@code id} is the position of the zaak's dossier (the global index of its last event): it
 * rises with every change. First the current detail; with a {@code Last-Event-ID} equal to the
 * current position nothing (a {@code :verbonden} comment only) until the next change, with any
 * other the current detail at once.</li>
 * <li>A change is pushed after the {@link Wijzigingsluisteraar} hears that the projection
 * committed it, on any node; the detail is read again after that, so the push is what a read at
 * that moment gives. A read that does not yet show the notified position (this node still
 * reading a generation being replaced) is tried again shortly. Bursts are coalesced: while one
 * read and push runs, only the latest notification waits. A read that shows no advance pushes
 * nothing.</li>
 * <li>Heartbeat comments every {@code klantreis.live.hartslag} (15 s), so proxies keep the
 * connection and the client notices a dead one.</li>
 * <li>Each push is preceded by its processing record (activity {@code mijnzaken-volgen}),
 * stored before the event leaves; a push whose record cannot be stored is not sent and ends the
 * stream (the client reconnects with its {@code Last-Event-ID}).</li>
 * <li>All reads run on worker threads ({@link Werkers}), never on an event loop.</li>
 * </ul>
 * The stream itself (reads, pushes, records) is the {@link Zaakvolger}'s, shared with the
 * MijnZaken zaak page.
 */
@RestController
@Tag(name = Documentatie.MIJNZAKEN)
class ZaakUpdatesController {
    static final String ACTIVITEIT = Zaakvolger.ACTIVITEIT;
    static final String EVENT = "zaak";

    private final Zaakvolger volger;

    ZaakUpdatesController(Zaakvolger volger) {
        this.volger = volger;
    }

    @Operation(operationId = "mijnZaakVolgen", summary = "Een van mijn zaken live volgen (Server-Sent Events)",
            description = "Opent een `text/event-stream`: eerst de zaak zoals nu, daarna een event `zaak` met de"
                    + " `Zaakdetail` (als `GET /api/v1/mijnzaken/{zaakId}`, op een regel JSON) elke keer dat ze"
                    + " verandert; het `id` is de positie van de zaak en stijgt bij elke wijziging. Een commentaar"
                    + " `:hartslag` houdt de verbinding open. Wie opnieuw verbindt met `Last-Event-ID` mist niets."
                    + " De zaak van een ander krijgt 404 voordat er een stroom opent.")
    @ApiResponse(responseCode = "200", description = "De stroom van events `zaak`.",
            content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(type = "string",
                    description = "Server-Sent Events: `id:<positie>`, `event:zaak`, `data:<Zaakdetail als JSON>`,"
                            + " en commentaren `:hartslag` en `:verbonden`.",
                    example = "id:42\nevent:zaak\ndata:{\"zaakId\":\"5b0e1c3a-8f1d-4f3e-9c55-2b7d1e6a9f01\"}\n\n")))
    @GetMapping(value = "/api/v1/mijnzaken/{zaakId}/updates", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Mono<ResponseEntity<Flux<ServerSentEvent<Zaakdetail>>>> updates(
            @PathVariable String zaakId,
            @RequestHeader(name = "Last-Event-ID", required = false) String laatsteId,
            ServerWebExchange verzoek) {
        ZaakId zaak = MijnZakenController.zaakId(zaakId);
        return Gebruikers.huidige()
                .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED)))
                .flatMap(burger -> {
                    if (burger.rol() != Rol.BURGER || burger.bsn() == null) {
                        return Mono.error(new ResponseStatusException(HttpStatus.FORBIDDEN));
                    }
                    return volger.volg(burger, zaak, Tracering.van(verzoek), laatsteId, EVENT, detail -> detail)
                            .map(stroom -> ResponseEntity.ok()
                                    .contentType(MediaType.TEXT_EVENT_STREAM)
                                    .cacheControl(CacheControl.noStore())
                                    // nginx and its kin would otherwise hold the events back.
                                    .header("X-Accel-Buffering", "no")
                                    .body(stroom));
                });
    }
}
