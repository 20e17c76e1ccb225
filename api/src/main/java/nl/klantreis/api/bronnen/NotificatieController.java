package nl.klantreis.api.bronnen;

import java.net.URI;
import java.util.List;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Hidden;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import nl.klantreis.api.web.Werkers;
import nl.klantreis.bronnen.Meldingenopslag;

/**
 * {@code POST /api/v1/notificaties}: Open Notificaties' callback (a ZGW notification as {@code application/json})
 * or one of Open Zaak's NL GOV CloudEvents ({@code application/cloudevents+json}). Judged in full first, then one
 * INSERT and {@code 204}: Open Notificaties only needs a 2xx, and the reading of the source happens later, on a
 * worker ({@link Bronverwerker}). Who may call it is decided before this ({@link Notificatietoegang}).
 *
 * <p>Not in the engine's OpenAPI document: it is Open Notificaties' callback, whose contract is Open Notificaties'
 * consumer specification ({@code POST /notificaties} of its {@code consumer-openapi.yaml}), not an API of the
 * engine's own clients.
 */
@Hidden
@RestController
@RequestMapping(NotificatieController.PAD)
class NotificatieController {
    static final String PAD = "/api/v1/notificaties";
    static final String CLOUDEVENT = "application/cloudevents+json";
    /** A notification is a few hundred bytes; this leaves room for many kenmerken and nothing more. */
    static final int MAXIMALE_GROOTTE = 64 * 1024;
    static final URI AFGEWEZEN = URI.create("urn:klantreis:probleem:notificatie-afgewezen");
    static final URI NIET_GEKOPPELD = URI.create("urn:klantreis:probleem:bronnen-niet-geconfigureerd");
    static final URI ONBEKEND_FORMAAT = URI.create("urn:klantreis:probleem:onbekend-formaat");

    private final Bronkoppeling koppeling;
    private final Notificatiekeuring keuring;
    private final Meldingenopslag opslag;
    private final Bronmetrieken metrieken;
    private final Bronverwerker verwerker;

    NotificatieController(Bronkoppeling koppeling, Meldingenopslag opslag, Bronmetrieken metrieken, Bronverwerker verwerker) {
        this.koppeling = koppeling;
        this.keuring = koppeling.actief().map(Notificatiekeuring::new).orElse(null);
        this.opslag = opslag;
        this.metrieken = metrieken;
        this.verwerker = verwerker;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_PROBLEM_JSON_VALUE)
    Mono<ResponseEntity<Object>> notificatie(@RequestBody(required = false) Flux<DataBuffer> body) {
        return ontvang(body, false);
    }

    @PostMapping(consumes = CLOUDEVENT, produces = MediaType.APPLICATION_PROBLEM_JSON_VALUE)
    Mono<ResponseEntity<Object>> cloudEvent(@RequestBody(required = false) Flux<DataBuffer> body) {
        return ontvang(body, true);
    }

    /** Another Content-Type: a problem that names the two accepted, rather than the framework's bare 415. */
    @Hidden
    @PostMapping(produces = MediaType.APPLICATION_PROBLEM_JSON_VALUE)
    Mono<ResponseEntity<Object>> anders() {
        if (keuring == null) {
            return Mono.just(nietGekoppeld());
        }
        return Mono.just(probleem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ONBEKEND_FORMAAT, "Onbekend berichtformaat",
                "stuur een ZGW-notificatie als " + MediaType.APPLICATION_JSON_VALUE + " of een CloudEvent als " + CLOUDEVENT));
    }

    private Mono<ResponseEntity<Object>> ontvang(Flux<DataBuffer> body, boolean cloudEvent) {
        if (keuring == null) {
            return Mono.just(nietGekoppeld());
        }
        Flux<DataBuffer> inhoud = body == null ? Flux.empty() : body;
        return DataBufferUtils.join(inhoud, MAXIMALE_GROOTTE)
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .defaultIfEmpty(new byte[0])
                .flatMap(bytes -> {
                    Notificatiekeuring.Oordeel oordeel = keuring.keur(bytes, cloudEvent);
                    if (oordeel instanceof Notificatiekeuring.Afgewezen a) {
                        metrieken.notificatie(a.kanaal(), "afgewezen");
                        return Mono.just(afgewezen(a.fouten()));
                    }
                    if (!(oordeel instanceof Notificatiekeuring.Aangenomen a)) {
                        metrieken.notificatie(oordeel.kanaal(), "genegeerd");
                        return Mono.just(ResponseEntity.noContent().<Object>build());
                    }
                    return Werkers.blokkerend(() -> opslag.voegToe(a.nieuw())).map(toevoeging -> {
                        metrieken.notificatie(a.kanaal(), switch (toevoeging) {
                            case OPGESLAGEN -> "ontvangen";
                            case DUBBEL -> "dubbel";
                            case SAMENGEVOEGD -> "samengevoegd";
                        });
                        if (toevoeging == Meldingenopslag.Toevoeging.OPGESLAGEN) {
                            verwerker.wek();
                        }
                        return ResponseEntity.noContent().<Object>build();
                    });
                });
    }

    private ResponseEntity<Object> nietGekoppeld() {
        return probleem(HttpStatus.NOT_FOUND, NIET_GEKOPPELD, "Bronkoppeling niet geconfigureerd",
                "deze engine is niet gekoppeld aan Open Zaak, Open Klant of Open Notificaties; zet"
                        + " KLANTREIS_BRONNEN_CONFIGURATIE (klantreis.bronnen.configuratie) op het YAML-bestand van de"
                        + " koppeling (docs/bronnen.md) en start de engine opnieuw");
    }

    private static ResponseEntity<Object> afgewezen(List<Notificatiekeuring.Fout> fouten) {
        ResponseEntity<Object> antwoord = probleem(HttpStatus.BAD_REQUEST, AFGEWEZEN, "Notificatie afgewezen",
                "de notificatie is niet aangenomen en er is niets van opgeslagen; zie errors");
        ((ProblemDetail) antwoord.getBody()).setProperty("errors", fouten);
        return antwoord;
    }

    private static ResponseEntity<Object> probleem(HttpStatus status, URI type, String titel, String detail) {
        ProblemDetail probleem = ProblemDetail.forStatusAndDetail(status, detail);
        probleem.setType(type);
        probleem.setTitle(titel);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(probleem);
    }
}
