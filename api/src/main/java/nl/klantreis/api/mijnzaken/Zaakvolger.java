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
import java.util.function.Function;

import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Component;

import nl.klantreis.api.audit.Tracecontext;
import nl.klantreis.api.audit.Verwerkingslog;
import nl.klantreis.api.audit.Verwerkingsverslag;
import nl.klantreis.api.beveiliging.Gebruiker;
import nl.klantreis.api.web.Audits;
import nl.klantreis.api.web.NietGevonden;
import nl.klantreis.api.web.Werkers;
import nl.klantreis.domein.gedeeld.Identificatiesoort;
import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.domein.gedeeld.ZaakId;
import nl.klantreis.infrastructuur.privacy.Pseudoniemen;
import nl.klantreis.projecties.mijnzaken.Zaakdetail;
import nl.klantreis.projecties.mijnzaken.ZaakdetailVraag;
import nl.klantreis.projecties.mijnzaken.Zaakstand;
import nl.klantreis.projecties.tijd.Tijdas;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * A burger following one of his zaken live: the stream of {@link ZaakUpdatesController} (the JSON
 * API, {@code GET /api/v1/mijnzaken/{zaakId}/updates}) and of the MijnZaken zaak page's own SSE
 * endpoint. Both get the same reads, pushes and processing records from here; they differ only in
 * what an event carries ({@code inhoud}: the detail as JSON, or the page's status part as HTML).
 *
 * <ul>
 * <li>Another's zaak, or one that does not exist: {@link NietGevonden} before any stream opens,
 * after the probe was logged.</li>
 * <li>Each event's {@code id} is the position of the zaak's dossier (the global index of its last
 * event): it rises with every change. First the current zaak; with a {@code Last-Event-ID} equal to
 * the current position nothing (a {@code :verbonden} comment only) until the next change, with any
 * other the current zaak at once.</li>
 * <li>A change is pushed after the {@link Wijzigingsluisteraar} hears that the projection
 * committed it, on any node; the zaak is read again after that, so the push is what a read at
 * that moment gives. A read that does not yet show the notified position (this node still
 * reading a generation being replaced) is tried again shortly. Bursts are coalesced: while one
 * read and push runs, only the latest notification waits. A read that shows no advance pushes
 * nothing.</li>
 * <li>Heartbeat comments every {@code klantreis.live.hartslag} (15 s), so proxies keep the
 * connection and the client notices a dead one.</li>
 * <li>Each push is preceded by its processing record (activity {@value #ACTIVITEIT}), stored
 * before the event leaves; a push whose record cannot be stored is not sent and ends the stream
 * (the client reconnects with its {@code Last-Event-ID}).</li>
 * <li>All reads run on worker threads ({@link Werkers}), never on an event loop.</li>
 * </ul>
 */
@Component
public class Zaakvolger {
    public static final String ACTIVITEIT = "mijnzaken-volgen";
    private static final Logger LOG = LoggerFactory.getLogger(Zaakvolger.class);

    private final QueryGateway vragen;
    private final Wijzigingsluisteraar luisteraar;
    private final Verwerkingslog log;
    private final Pseudoniemen pseudoniemen;
    private final Clock klok;
    private final LiveMetrieken metrieken;
    private final Duration hartslag;

    Zaakvolger(QueryGateway vragen, Wijzigingsluisteraar luisteraar, Verwerkingslog log, Pseudoniemen pseudoniemen,
               Clock klok, LiveMetrieken metrieken, @Value("${klantreis.live.hartslag:15s}") Duration hartslag) {
        this.vragen = vragen;
        this.luisteraar = luisteraar;
        this.log = log;
        this.pseudoniemen = pseudoniemen;
        this.klok = klok;
        this.metrieken = metrieken;
        this.hartslag = hartslag;
    }

    /**
     * The stream of this burger's zaak, each event named {@code event} with {@code inhoud} of the
     * zaak as its data; {@link NietGevonden} (after logging the probe) when the zaak is not his.
     *
     * @param laatsteId the client's {@code Last-Event-ID}, null when absent
     * @param inhoud    what an event carries; called after the push's processing record is stored
     */
    public <T> Mono<Flux<ServerSentEvent<T>>> volg(Gebruiker burger, ZaakId zaak, Tracecontext trace,
                                                   String laatsteId, String event, Function<Zaakdetail, T> inhoud) {
        Volging<T> volging = new Volging<>(burger, pseudoniemen.voor(Identificatiesoort.BSN, burger.bsn()), zaak,
                trace, event, inhoud);
        return volging.lees().flatMap(stand -> stand.isPresent()
                ? Mono.just(volging.stroom(stand.get(), positie(laatsteId)))
                // Another's zaak: no data shown, but the probe is accounted for, as on the detail endpoint.
                : log.leg(volging.verslag(trace, List.of(), Audits.NIET_GEVONDEN))
                        .then(Mono.error(new NietGevonden("deze zaak bestaat niet"))));
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
    private final class Volging<T> {
        private final Gebruiker burger;
        private final KlantId klant;
        private final ZaakId zaak;
        private final Tracecontext trace;
        private final String event;
        private final Function<Zaakdetail, T> inhoud;
        /** The position the client has: nothing older or equal is pushed again. */
        private final AtomicLong verzonden = new AtomicLong(Long.MIN_VALUE);

        Volging(Gebruiker burger, KlantId klant, ZaakId zaak, Tracecontext trace, String event,
                Function<Zaakdetail, T> inhoud) {
            this.burger = burger;
            this.klant = klant;
            this.zaak = zaak;
            this.trace = trace;
            this.event = event;
            this.inhoud = inhoud;
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

        Flux<ServerSentEvent<T>> stroom(Zaakstand eerste, Long laatsteId) {
            Flux<ServerSentEvent<T>> begin;
            if (laatsteId != null && laatsteId == eerste.positie()) {
                verzonden.set(eerste.positie());
                // Nothing new for him; a comment so that the response (and his onopen) goes out now.
                begin = Flux.just(ServerSentEvent.<T>builder().comment("verbonden").build());
            } else {
                begin = push(eerste, null).flux();
            }
            // Subscribed only after the first push: a change committed since the first read is
            // caught by the extra read (HERSYNCHRONISATIE) that follows the subscription.
            Flux<ServerSentEvent<T>> vervolg = Flux
                    .merge(luisteraar.wijzigingen(zaak.toString()), Mono.just(LiveWijziging.HERSYNCHRONISATIE))
                    // Unbounded demand towards the hot sink (which drops for a slow subscriber);
                    // while a read runs, only the latest notification waits: bursts coalesce.
                    .onBackpressureLatest()
                    .concatMap(wijziging -> herlees(wijziging).map(stand -> new Gelezen(stand, wijziging)), 0)
                    // The zaak is no longer his to see (forgotten): the stream ends.
                    .takeWhile(gelezen -> gelezen.stand().isPresent())
                    .concatMap(gelezen -> gelezen.stand().get().positie() > verzonden.get()
                            ? push(gelezen.stand().get(), gelezen.oorzaak()) : Mono.empty(), 0);
            Flux<ServerSentEvent<T>> hartslagen = Flux.interval(hartslag, hartslag)
                    // A client that does not read gets no heartbeats piled up for him.
                    .onBackpressureDrop()
                    .map(n -> ServerSentEvent.<T>builder().comment("hartslag").build());
            AtomicBoolean begonnen = new AtomicBoolean();
            return Flux.concat(begin, vervolg)
                    // Heartbeats as long as the events run: when those end, the stream ends.
                    .publish(events -> Flux.merge(events, hartslagen.takeUntilOther(events.then())), 2)
                    .takeUntilOther(luisteraar.gestopt())
                    .doOnNext(e -> begonnen.set(true))
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
        private Mono<ServerSentEvent<T>> push(Zaakstand stand, LiveWijziging oorzaak) {
            return log.leg(verslag(new Tracecontext(trace.traceId(), nieuweSpanId()), List.of(klant), Audits.GETOOND))
                    .then(Mono.fromSupplier(() -> {
                        ServerSentEvent<T> uit = ServerSentEvent.builder(inhoud.apply(stand.detail()))
                                .event(event)
                                .id(Long.toString(stand.positie()))
                                .build();
                        verzonden.set(stand.positie());
                        if (oorzaak != null && !oorzaak.hersynchronisatie()) {
                            metrieken.gepusht(System.nanoTime() - oorzaak.ontvangenOp());
                        }
                        return uit;
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
