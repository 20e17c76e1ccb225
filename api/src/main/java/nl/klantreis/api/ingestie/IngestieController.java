package nl.klantreis.api.ingestie;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;

import io.swagger.v3.oas.annotations.Hidden;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The front door: {@code POST /api/v1/events} with one CloudEvent
 * ({@code application/cloudevents+json}), one CloudEvent in the HTTP binding's binary content
 * mode ({@code ce-*} headers, {@code application/json} data as the body; answered exactly as the
 * structured form) or a batch ({@code application/cloudevents-batch+json}, possibly empty).
 * Parsing, judging and storing run on the ingestion workers, never on the event loop; the answer
 * is sent once the accepted messages are committed and that commit is on disk.
 */
@RestController
@RequestMapping("/api/v1/events")
class IngestieController {
    static final String EEN = "application/cloudevents+json";
    static final String BATCH = "application/cloudevents-batch+json";
    static final URI AFGEWEZEN = URI.create("urn:klantreis:probleem:bericht-afgewezen");
    static final URI ONLEESBAAR = URI.create("urn:klantreis:probleem:onleesbaar-verzoek");
    static final URI TE_GROOT = URI.create("urn:klantreis:probleem:te-groot");
    static final URI ONBEKEND_FORMAAT = URI.create("urn:klantreis:probleem:onbekend-formaat");
    static final String MODI = "stuur één CloudEvent als " + EEN + " (gestructureerde modus), als "
            + MediaType.APPLICATION_JSON_VALUE + " met ce-specversion, ce-id, ce-source en ce-type als kop "
            + "(binaire modus), of een batch als " + BATCH;

    static final URI TIJDELIJK_NIET_BESCHIKBAAR = URI.create("urn:klantreis:probleem:tijdelijk-niet-beschikbaar");

    private final Ingestiedienst dienst;
    private final Opslagrij opslagrij;
    private final Scheduler voorbereiding;
    private final Verzoeklezer json = new Verzoeklezer();
    private final int maximumBatch;
    private final long wachttijdNanos;

    IngestieController(Ingestiedienst dienst, Opslagrij opslagrij, IngestieConfiguratie.Ingestiewerkers werkers,
                       IngestieConfiguratie.Batchgrens grens, IngestieConfiguratie.Wachttijd wachttijd) {
        this.dienst = dienst;
        this.opslagrij = opslagrij;
        this.voorbereiding = werkers.voorbereiding();
        this.maximumBatch = grens.maximum();
        this.wachttijdNanos = wachttijd.maximum().toNanos();
    }

    /**
     * A request that waited longer than {@code klantreis.ingestie.wachttijd} for a worker is not
     * started any more, but answered 503 (nothing stored): while the database is away each batch
     * takes the pool's whole connection wait, and those queued behind it would otherwise wait for
     * all of them, past any sender's timeout (ADR 0023).
     */
    private void binnenWachttijd(long aangekomen) {
        if (System.nanoTime() - aangekomen > wachttijdNanos) {
            throw new TeLangGewacht();
        }
    }

    @PostMapping(consumes = EEN, produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    Mono<ResponseEntity<Object>> een(@RequestBody Mono<byte[]> body) {
        long aangekomen = System.nanoTime();
        return body.publishOn(voorbereiding).map(bytes -> {
            binnenWachttijd(aangekomen);
            JsonNode bericht = json.lees(bytes);
            if (!bericht.isObject()) {
                throw new Onleesbaar("een CloudEvent is een JSON-object; stuur een batch als "
                        + BATCH);
            }
            return dienst.bereidVoor(List.of(bericht));
        }).transform(v -> bewaar(v, aangekomen)).map(uitslagen -> antwoordOpEen(uitslagen.get(0)));
    }

    /**
     * Binary content mode. An empty body is read as "no data" (and so rejected as a message
     * without {@code data}); the body, when there is one, must be one JSON value.
     */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, headers = BinaireModus.VOORVOEGSEL + "specversion",
            produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    Mono<ResponseEntity<Object>> binair(@RequestHeader HttpHeaders koppen,
                                        @RequestBody(required = false) Mono<byte[]> body) {
        long aangekomen = System.nanoTime();
        return body.defaultIfEmpty(new byte[0]).publishOn(voorbereiding).map(bytes -> {
            binnenWachttijd(aangekomen);
            JsonNode data = bytes.length == 0 ? null : json.lees(bytes);
            return dienst.bereidVoor(List.of(BinaireModus.alsGestructureerd(koppen, data)));
        }).transform(v -> bewaar(v, aangekomen)).map(uitslagen -> antwoordOpEen(uitslagen.get(0)));
    }

    /**
     * Whatever the mappings above do not take (another Content-Type, or {@code application/json}
     * without the {@code ce-*} headers): a problem that says which forms are accepted, rather than
     * the framework's bare 415. Not an operation of its own in the OpenAPI document.
     */
    @Hidden
    @PostMapping(produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    Mono<ResponseEntity<ProblemDetail>> anders(@RequestHeader HttpHeaders koppen) {
        MediaType soort = koppen.getContentType();
        String gekregen = soort == null ? "een verzoek zonder Content-Type"
                : MediaType.APPLICATION_JSON.isCompatibleWith(soort)
                ? MediaType.APPLICATION_JSON_VALUE + " zonder ce-specversion-kop"
                : "Content-Type " + KeuringTekst.citaat(soort.getType() + "/" + soort.getSubtype()).trim();
        ResponseEntity<ProblemDetail> antwoord = probleem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ONBEKEND_FORMAAT,
                "Onbekend berichtformaat", "niet aangenomen: " + gekregen + "; " + MODI);
        antwoord.getBody().setProperty("aangenomen", List.of(EEN, MediaType.APPLICATION_JSON_VALUE + " (binaire modus)", BATCH));
        return Mono.just(ResponseEntity.status(antwoord.getStatusCode())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header("Accept-Post", EEN + ", " + BATCH + ", " + MediaType.APPLICATION_JSON_VALUE)
                .body(antwoord.getBody()));
    }

    /**
     * A prepared batch is stored by an ingestion worker, together with the other requests that
     * wait for one ({@link Opslagrij}, ADR 0034); the worker is free again as soon as they are
     * committed, and the answer waits, off the worker, until the commit is on disk (ADR 0032). It is
     * then made on a thread of Reactor's parallel pool, not on the one thread that confirms every
     * batch.
     */
    private Mono<List<Uitslag>> bewaar(Mono<Ingestiedienst.Voorbereid> voorbereid, long aangekomen) {
        return voorbereid.flatMap(v -> opslagrij.bewaar(v, aangekomen))
                .flatMap(verwerkt -> Mono.fromFuture(verwerkt.opSchijf()).then(Mono.just(verwerkt.uitslagen())))
                .publishOn(Schedulers.parallel());
    }

    private static ResponseEntity<Object> antwoordOpEen(Uitslag uitslag) {
        if (uitslag.resultaat() == Uitslag.Resultaat.REJECTED) {
            ProblemDetail probleem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "Het bericht voldoet niet aan het ingestiecontract; er is niets van opgeslagen.");
            probleem.setType(AFGEWEZEN);
            probleem.setTitle("Bericht afgewezen");
            probleem.setProperty("errors", uitslag.fouten());
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(probleem);
        }
        Map<String, Object> antwoord = new LinkedHashMap<>();
        antwoord.put("resultaat", uitslag.resultaat().code());
        antwoord.put("source", uitslag.source());
        antwoord.put("id", uitslag.id());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(antwoord);
    }

    @PostMapping(consumes = BATCH, produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    Mono<ResponseEntity<Object>> batch(@RequestBody Mono<byte[]> body) {
        long aangekomen = System.nanoTime();
        return body.publishOn(voorbereiding).map(bytes -> {
            binnenWachttijd(aangekomen);
            JsonNode batch = json.lees(bytes);
            if (!batch.isArray()) {
                throw new Onleesbaar("een batch is een JSON-array van CloudEvents");
            }
            if (batch.size() > maximumBatch) {
                throw new TeGroot("een batch heeft ten hoogste " + maximumBatch + " berichten; deze heeft er "
                        + batch.size());
            }
            List<JsonNode> berichten = new ArrayList<>(batch.size());
            batch.forEach(berichten::add);
            return dienst.bereidVoor(berichten);
        }).transform(v -> bewaar(v, aangekomen)).map(uitslagen -> {
            Map<String, Object> samenvatting = samenvatting(uitslagen);
            // An empty batch is valid (the HTTP binding says a batch MAY be empty): 200, nothing stored.
            if (!uitslagen.isEmpty() && uitslagen.stream().allMatch(u -> u.resultaat() == Uitslag.Resultaat.REJECTED)) {
                ProblemDetail probleem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                        "Geen enkel bericht van de batch voldoet aan het ingestiecontract; er is niets opgeslagen.");
                probleem.setType(AFGEWEZEN);
                probleem.setTitle("Batch afgewezen");
                samenvatting.forEach(probleem::setProperty);
                return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(probleem);
            }
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(samenvatting);
        });
    }

    private static Map<String, Object> samenvatting(List<Uitslag> uitslagen) {
        Map<String, Object> samenvatting = new LinkedHashMap<>();
        for (Uitslag.Resultaat resultaat : Uitslag.Resultaat.values()) {
            samenvatting.put(resultaat.code(), uitslagen.stream().filter(u -> u.resultaat() == resultaat).count());
        }
        List<Map<String, Object>> resultaten = new ArrayList<>(uitslagen.size());
        for (Uitslag uitslag : uitslagen) {
            Map<String, Object> regel = new LinkedHashMap<>();
            regel.put("positie", uitslag.positie());
            regel.put("source", uitslag.source());
            regel.put("id", uitslag.id());
            regel.put("resultaat", uitslag.resultaat().code());
            if (!uitslag.fouten().isEmpty()) {
                regel.put("errors", uitslag.fouten());
            }
            resultaten.add(regel);
        }
        samenvatting.put("resultaten", resultaten);
        return samenvatting;
    }

    @ExceptionHandler(Onleesbaar.class)
    ResponseEntity<ProblemDetail> onleesbaar(Onleesbaar fout) {
        return probleem(HttpStatus.BAD_REQUEST, ONLEESBAAR, "Onleesbaar verzoek", fout.getMessage());
    }

    @ExceptionHandler(TeGroot.class)
    ResponseEntity<ProblemDetail> teGroot(TeGroot fout) {
        return probleem(HttpStatus.PAYLOAD_TOO_LARGE, TE_GROOT, "Verzoek te groot", fout.getMessage());
    }

    @ExceptionHandler(Schijfbevestiging.Nietbevestigd.class)
    ResponseEntity<ProblemDetail> nietBevestigd(Schijfbevestiging.Nietbevestigd fout) {
        return probleem(HttpStatus.SERVICE_UNAVAILABLE, TIJDELIJK_NIET_BESCHIKBAAR, "Tijdelijk niet beschikbaar",
                "het verzoek is verwerkt, maar de database bevestigde niet dat het op schijf staat; stuur het"
                        + " opnieuw: wat al is opgeslagen, wordt dan als duplicate beantwoord");
    }

    @ExceptionHandler(TeLangGewacht.class)
    ResponseEntity<ProblemDetail> teLangGewacht(TeLangGewacht fout) {
        return probleem(HttpStatus.SERVICE_UNAVAILABLE, TIJDELIJK_NIET_BESCHIKBAAR, "Tijdelijk niet beschikbaar",
                "het verzoek wachtte te lang op zijn beurt en is niet verwerkt; er is niets van opgeslagen;"
                        + " probeer het later opnieuw");
    }

    private static ResponseEntity<ProblemDetail> probleem(HttpStatus status, URI type, String titel, String detail) {
        ProblemDetail probleem = ProblemDetail.forStatusAndDetail(status, detail);
        probleem.setType(type);
        probleem.setTitle(titel);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(probleem);
    }

    /** The request as a whole cannot be read; answered 400 before anything is judged. */
    static final class Onleesbaar extends RuntimeException {
        Onleesbaar(String reden) {
            super(reden, null, false, false);
        }
    }

    /** Waited longer than the ingestion's wachttijd for a worker; answered 503, not started. */
    static final class TeLangGewacht extends RuntimeException {
        TeLangGewacht() {
            super("te lang gewacht", null, false, false);
        }
    }

    /** More messages than one batch may hold; answered 413. */
    static final class TeGroot extends RuntimeException {
        TeGroot(String reden) {
            super(reden, null, false, false);
        }
    }
}
