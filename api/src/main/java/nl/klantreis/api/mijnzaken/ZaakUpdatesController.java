package nl.klantreis.api.mijnzaken;

import static org.axonframework.messaging.responsetypes.ResponseTypes.optionalInstanceOf;

import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
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

import nl.klantreis.api.audit.Tracecontext;
import nl.klantreis.api.audit.Tracering;
import nl.klantreis.api.audit.Verwerkingslog;
import nl.klantreis.api.audit.Verwerkingsverslag;
import nl.klantreis.api.beveiliging.Gebruiker;
import nl.klantreis.api.beveiliging.Gebruikers;
import nl.klantreis.api.beveiliging.Rol;
import nl.klantreis.api.web.Audits;
import nl.klantreis.api.web.NietGevonden;
import nl.klantreis.api.web.Werkers;
import nl.klantreis.domein.gedeeld.Identificatiesoort;
import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.domein.gedeeld.ZaakId;
import nl.klantreis.projecties.mijnzaken.Zaakdetail;
import nl.klantreis.projecties.mijnzaken.ZaakdetailVraag;
import nl.klantreis.projecties.mijnzaken.Zaakstand;
import nl.klantreis.projecties.tijd.Tijdas;
import nl.klantreis.infrastructuur.privacy.Pseudoniemen;
import nl.klantreis.api.openapi.Documentatie;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

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
 */
@RestController
@Tag(name = Documentatie.MIJNZAKEN)
class ZaakUpdatesController {
    static final String ACTIVITEIT = "mijnzaken-volgen";
    static final String EVENT = "zaak";
    private static final Logger LOG = LoggerFactory.getLogger(ZaakUpdatesController.class);

    private final QueryGateway vragen;
    private final Wijzigingsluisteraar luisteraar;
    private final Verwerkingslog log;
    private final Pseudoniemen pseudoniemen;
    private final Clock klok;
    private final LiveMetrieken metrieken;
    private final Duration hartslag;

    ZaakUpdatesController(QueryGateway vragen, Wijzigingsluisteraar luisteraar, Verwerkingslog log,
                          Pseudoniemen pseudoniemen, Clock klok, LiveMetrieken metrieken,
                          @Value("${klantreis.live.hartslag:15s}") Duration hartslag) {
        this.vragen = vragen;
        this.luisteraar = luisteraar;
        this.log = log;
        this.pseudoniemen = pseudoniemen;
        this.klok = klok;
        this.metrieken = metrieken;
        this.hartslag = hartslag;
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
        Tracecontext trace = Tracering.van(verzoek);
        return Gebruikers.huidige()
                .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED)))
                .flatMap(burger -> {
                    if (burger.rol() != Rol.BURGER || burger.bsn() == null) {
                        return Mono.error(new ResponseStatusException(HttpStatus.FORBIDDEN));
                    }
                    Volging volging = new Volging(burger, pseudoniemen.voor(Identificatiesoort.BSN, burger.bsn()),
                            zaak, trace);
                    return volging.lees().flatMap(stand -> stand.isPresent()
                            ? Mono.just(ResponseEntity.ok()
                                    .contentType(MediaType.TEXT_EVENT_STREAM)
                                    .cacheControl(CacheControl.noStore())
                                    // nginx and its kin would otherwise hold the events back.
                                    .header("X-Accel-Buffering", "no")
                                    .body(volging.stroom(stand.get(), positie(laatsteId))))
                            // Another's zaak: no data shown, but the probe is accounted for, as on the detail endpoint.
                            : log.leg(volging.verslag(trace, List.of(), Audits.NIET_GEVONDEN))
                                    .then(Mono.error(new NietGevonden("deze zaak bestaat niet"))));
                });
    }

    /** The client's {@code Last-Event-ID} as a position; null when absent or not ours. */
    static Long positie(String laatsteId) {
        if (laatsteId == null || laatsteId.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(laatsteId.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** One open stream: one burger following one zaak. */
    private final class Volging {
        private final Gebruiker burger;
        private final KlantId klant;
        private final ZaakId zaak;
        private final Tracecontext trace;
        /** The position the client has: nothing older or equal is pushed again. */
        private final AtomicLong verzonden = new AtomicLong(Long.MIN_VALUE);

        Volging(Gebruiker burger, KlantId klant, ZaakId zaak, Tracecontext trace) {
            this.burger = burger;
            this.klant = klant;
            this.zaak = zaak;
            this.trace = trace;
        }

        /**
         * The zaak now, as the detail endpoint answers it (the same query on the same bus, asked
         * with the dossier's position); empty when not his (or not there).
         */
        Mono<Optional<Zaakstand>> lees() {
            // The in-process query bus answers on the worker thread itself: no hop added to a push.
            return Werkers.blokkerend(() -> vragen.query(
                            new ZaakdetailVraag(zaak, klant, klok.instant(), Tijdas.GEBEURD),
                            optionalInstanceOf(Zaakstand.class)).join())
                    .retryWhen(Retry.backoff(2, Duration.ofMillis(200)));
        }

        Flux<ServerSentEvent<Zaakdetail>> stroom(Zaakstand eerste, Long laatsteId) {
            Flux<ServerSentEvent<Zaakdetail>> begin;
            if (laatsteId != null && laatsteId == eerste.positie()) {
                verzonden.set(eerste.positie());
                // Nothing new for him; a comment so that the response (and his onopen) goes out now.
                begin = Flux.just(ServerSentEvent.<Zaakdetail>builder().comment("verbonden").build());
            } else {
                begin = push(eerste, null).flux();
            }
            // Subscribed only after the first push: a change committed since the first read is
            // caught by the extra read (HERSYNCHRONISATIE) that follows the subscription.
            Flux<ServerSentEvent<Zaakdetail>> vervolg = Flux
                    .merge(luisteraar.wijzigingen(zaak.toString()), Mono.just(LiveWijziging.HERSYNCHRONISATIE))
                    // Unbounded demand towards the hot sink (which drops for a slow subscriber);
                    // while a read runs, only the latest notification waits: bursts coalesce.
                    .onBackpressureLatest()
                    .concatMap(wijziging -> herlees(wijziging).map(stand -> new Gelezen(stand, wijziging)), 0)
                    // The zaak is no longer his to see (forgotten): the stream ends.
                    .takeWhile(gelezen -> gelezen.stand().isPresent())
                    .concatMap(gelezen -> gelezen.stand().get().positie() > verzonden.get()
                            ? push(gelezen.stand().get(), gelezen.oorzaak()) : Mono.empty(), 0);
            Flux<ServerSentEvent<Zaakdetail>> hartslagen = Flux.interval(hartslag, hartslag)
                    // A client that does not read gets no heartbeats piled up for him.
                    .onBackpressureDrop()
                    .map(n -> ServerSentEvent.<Zaakdetail>builder().comment("hartslag").build());
            AtomicBoolean begonnen = new AtomicBoolean();
            return Flux.concat(begin, vervolg)
                    // Heartbeats as long as the events run: when those end, the stream ends.
                    .publish(events -> Flux.merge(events, hartslagen.takeUntilOther(events.then())), 2)
                    .takeUntilOther(luisteraar.gestopt())
                    .doOnNext(event -> begonnen.set(true))
                    .onErrorResume(fout -> {
                        if (!begonnen.get()) {
                            // Nothing sent yet (the first record could not be stored): an error answer, no data.
                            return Flux.error(fout);
                        }
                        // Ends the stream; the client reconnects with its Last-Event-ID and misses nothing.
                        LOG.warn("live-stroom van zaak {} beëindigd: {}", zaak, fout.toString());
                        return Flux.empty();
                    })
                    .doOnSubscribe(s -> metrieken.geopend())
                    .doFinally(s -> metrieken.gesloten());
        }

        /**
         * Reads the zaak again after a notification. When the read does not yet show the notified
         * position, it is tried again a few times (up to about a second) before taking what there is.
         */
        private Mono<Optional<Zaakstand>> herlees(LiveWijziging wijziging) {
            if (wijziging.hersynchronisatie()) {
                return lees();
            }
            return lees()
                    .flatMap(stand -> stand.isPresent() && stand.get().positie() < wijziging.positie()
                            ? Mono.<Optional<Zaakstand>>error(new NogNietZichtbaar()) : Mono.just(stand))
                    .retryWhen(Retry.backoff(6, Duration.ofMillis(20)).maxBackoff(Duration.ofMillis(400))
                            .filter(NogNietZichtbaar.class::isInstance)
                            .onRetryExhaustedThrow((spec, signaal) -> signaal.failure()))
                    .onErrorResume(NogNietZichtbaar.class, e -> lees());
        }

        /** Logs the processing, and only once that is stored, gives the event to send. */
        private Mono<ServerSentEvent<Zaakdetail>> push(Zaakstand stand, LiveWijziging oorzaak) {
            return log.leg(verslag(new Tracecontext(trace.traceId(), nieuweSpanId()), List.of(klant), Audits.GETOOND))
                    .then(Mono.fromSupplier(() -> {
                        verzonden.set(stand.positie());
                        if (oorzaak != null && !oorzaak.hersynchronisatie()) {
                            metrieken.gepusht(System.nanoTime() - oorzaak.ontvangenOp());
                        }
                        return ServerSentEvent.builder(stand.detail())
                                .event(EVENT)
                                .id(Long.toString(stand.positie()))
                                .build();
                    }));
        }

        Verwerkingsverslag verslag(Tracecontext span, List<KlantId> betrokkenen, String resultaat) {
            return new Verwerkingsverslag(burger, span, ACTIVITEIT, Audits.DIENSTVERLENING_BURGER,
                    Audits.PUBLIEKE_TAAK, betrokkenen, resultaat);
        }
    }

    private record Gelezen(Optional<Zaakstand> stand, LiveWijziging oorzaak) {
    }

    /** A read that does not yet show the position a notification named. */
    private static final class NogNietZichtbaar extends RuntimeException {
        NogNietZichtbaar() {
            super(null, null, false, false);
        }
    }

    /** Every push is a span of its own in the stream's trace: the processing records tell them apart. */
    private static String nieuweSpanId() {
        long span;
        do {
            span = ThreadLocalRandom.current().nextLong();
        } while (span == 0);
        return HexFormat.of().toHexDigits(span);
    }
}
