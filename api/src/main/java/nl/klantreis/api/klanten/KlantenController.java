package nl.klantreis.api.klanten;

import static org.axonframework.messaging.responsetypes.ResponseTypes.instanceOf;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import com.fasterxml.jackson.databind.JsonNode;

import nl.klantreis.api.audit.Tracering;
import nl.klantreis.api.audit.Verwerkingslog;
import nl.klantreis.api.audit.Verwerkingsverslag;
import nl.klantreis.api.beveiliging.Gebruiker;
import nl.klantreis.api.beveiliging.Gebruikers;
import nl.klantreis.api.vergeten.Vergeetdienst;
import nl.klantreis.api.web.Audits;
import nl.klantreis.api.web.NietGevonden;
import nl.klantreis.api.web.OngeldigeParameters;
import nl.klantreis.api.web.OngeldigeParameters.Parameterfout;
import nl.klantreis.api.web.Peilingparameters;
import nl.klantreis.api.web.Werkers;
import nl.klantreis.domein.gedeeld.Bsn;
import nl.klantreis.domein.gedeeld.Identificatiesoort;
import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.domein.gedeeld.Kvknummer;
import nl.klantreis.infrastructuur.audit.Vergetenbetrokkene;
import nl.klantreis.projecties.klantbeeld.Klantbeeld;
import nl.klantreis.projecties.klantbeeld.KlantbeeldAntwoord;
import nl.klantreis.projecties.klantbeeld.KlantbeeldVraag;
import nl.klantreis.projecties.klantreis.KlantBekendVraag;
import nl.klantreis.projecties.klantreis.KlantreizenAntwoord;
import nl.klantreis.projecties.klantreis.KlantreizenVraag;
import nl.klantreis.projecties.mijnzaken.Zaakkaart;
import nl.klantreis.projecties.tijd.Peiling;
import nl.klantreis.infrastructuur.privacy.Pseudoniemen;

import nl.klantreis.api.openapi.Documentatie;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import reactor.core.publisher.Mono;

/**
 * The employee's side of a klant: find him by BSN or KVK (the number goes in a body, never in a
 * URL), his klantbeeld and klantreizen; and, for a beheerder, forgetting him. Every look at his
 * data is logged before the answer leaves.
 */
@RestController
@RequestMapping(value = "/api/v1/klanten", produces = MediaType.APPLICATION_JSON_VALUE)
class KlantenController {
    private final QueryGateway vragen;
    private final Verwerkingslog log;
    private final Pseudoniemen pseudoniemen;
    private final Vergeetdienst vergeetdienst;
    private final Clock klok;

    KlantenController(QueryGateway vragen, Verwerkingslog log, Pseudoniemen pseudoniemen, Vergeetdienst vergeetdienst,
                      Clock klok) {
        this.vragen = vragen;
        this.log = log;
        this.pseudoniemen = pseudoniemen;
        this.vergeetdienst = vergeetdienst;
        this.klok = klok;
    }

    /** {@code {"bsn": "..."}} or {@code {"kvk": "..."}} to {@code {"klantId": "..."}}; 404 when unknown. */
    @Tag(name = Documentatie.KLANTEN)
    @Operation(operationId = "klantZoeken", summary = "Een klant vinden op BSN of KVK-nummer",
            description = "Geeft het `klantId` (het pseudoniem van de engine) van de klant met dit BSN of"
                    + " KVK-nummer. Het nummer staat in de body, nooit in een URL. De zoekvraag wordt gelogd.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    description = "Precies een van `bsn` of `kvk`.",
                    content = @Content(schema = @Schema(implementation = KlantZoekvraag.class))))
    @ApiResponse(responseCode = "200", description = "De klant is bekend.",
            content = @Content(schema = @Schema(implementation = KlantGevonden.class)))
    @ApiResponse(responseCode = "404", ref = Documentatie.NIET_GEVONDEN)
    @PostMapping(value = "/zoeken", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<Map<String, String>> zoek(@RequestBody JsonNode vraag, ServerWebExchange verzoek) {
        KlantId klant = klantUit(vraag);
        return Gebruikers.huidige().flatMap(medewerker -> Werkers.blokkerend(
                        () -> vragen.query(new KlantBekendVraag(klant), instanceOf(Boolean.class)).join())
                .flatMap(bekend -> bekend
                        ? log.leg(verslag(medewerker, verzoek, "klant-zoeken", Audits.KLANTCONTACT, List.of(klant),
                                Audits.GETOOND)).thenReturn(Map.of("klantId", klant.waarde()))
                        : log.leg(verslag(medewerker, verzoek, "klant-zoeken", Audits.KLANTCONTACT, List.of(),
                                Audits.NIET_GEVONDEN)).then(Mono.error(new NietGevonden("geen klant met dit nummer")))));
    }

    @Tag(name = Documentatie.KLANTEN)
    @Operation(operationId = "klantbeeld", summary = "Het klantbeeld van een klant",
            description = "De klant over alle kanalen heen: voorkeuren, open zaken, recente contacten, open"
                    + " vervolgacties, kanaalmix en lopende klantreizen, nu of zoals het was op `alsOp`."
                    + " De inzage wordt gelogd voordat het antwoord vertrekt.")
    @GetMapping("/{klantId}/klantbeeld")
    Mono<Klantbeeld<Zaakkaart>> klantbeeld(@PathVariable String klantId, @RequestParam(required = false) String alsOp,
                                           @RequestParam(required = false) String tijdas, ServerWebExchange verzoek) {
        KlantId klant = klantId(klantId);
        Peiling peiling = Peilingparameters.uit(alsOp, tijdas, klok);
        return Gebruikers.huidige().flatMap(medewerker -> Werkers.blokkerend(() -> vragen.query(
                        new KlantbeeldVraag(klant, peiling.moment(), peiling.tijdas()), instanceOf(KlantbeeldAntwoord.class)).join())
                .flatMap(antwoord -> antwoord.klantbeeld() == null
                        ? Mono.error(new NietGevonden("onbekende klant"))
                        : log.leg(verslag(medewerker, verzoek, "klantbeeld-inzien", Audits.KLANTCONTACT, List.of(klant),
                                Audits.GETOOND)).thenReturn(antwoord.klantbeeld())));
    }

    @Tag(name = Documentatie.KLANTEN)
    @Operation(operationId = "klantreizenVanKlant", summary = "De klantreizen van een klant",
            description = "Alle klantreizen van de klant, lopend en beeindigd, nu of zoals ze waren op `alsOp`."
                    + " De inzage wordt gelogd voordat het antwoord vertrekt.")
    @GetMapping("/{klantId}/klantreizen")
    Mono<KlantreizenAntwoord> klantreizen(@PathVariable String klantId, @RequestParam(required = false) String alsOp,
                                          @RequestParam(required = false) String tijdas, ServerWebExchange verzoek) {
        KlantId klant = klantId(klantId);
        Peiling peiling = Peilingparameters.uit(alsOp, tijdas, klok);
        return Gebruikers.huidige().flatMap(medewerker -> Werkers.blokkerend(() -> {
                    if (!vragen.query(new KlantBekendVraag(klant), instanceOf(Boolean.class)).join()) {
                        throw new NietGevonden("onbekende klant");
                    }
                    return vragen.query(new KlantreizenVraag(klant, peiling.moment(), peiling.tijdas()),
                            instanceOf(KlantreizenAntwoord.class)).join();
                })
                .flatMap(antwoord -> log.leg(verslag(medewerker, verzoek, "klantreizen-inzien", Audits.KLANTCONTACT,
                        List.of(klant), Audits.GETOOND)).thenReturn(antwoord)));
    }

    /** Crypto-shredding: 202 once his keys are gone; 404 for a klant the engine never knew. */
    @Tag(name = Documentatie.VERGETEN)
    @Operation(operationId = "klantVergeten", summary = "Een klant vergeten (crypto-shredding)",
            description = "Vernietigt de sleutels van de klant, zodat zijn persoonsgegevens in de events niet meer"
                    + " te lezen zijn; alleen anonieme aggregaten blijven. 202 zodra de sleutels weg zijn; 404"
                    + " voor een klant die de engine nooit kende.")
    @ApiResponse(responseCode = "202", description = "De sleutels van de klant zijn vernietigd.",
            content = @Content(schema = @Schema(implementation = KlantVergeten.class)))
    @PostMapping("/{klantId}/vergeten")
    Mono<ResponseEntity<Map<String, Object>>> vergeet(@PathVariable String klantId, ServerWebExchange verzoek) {
        KlantId klant = klantId(klantId);
        return Gebruikers.huidige().flatMap(beheerder -> Werkers.blokkerend(() -> {
                    try {
                        return vergeetdienst.vergeet(klant);
                    } catch (Vergeetdienst.OnbekendeKlant onbekend) {
                        throw new NietGevonden("onbekende klant");
                    }
                })
                .flatMap(sleutels -> log.leg(verslag(beheerder, verzoek, Vergetenbetrokkene.ACTIVITEIT,
                                Audits.RECHT_OP_VERGETEN, List.of(klant), Audits.UITGEVOERD))
                        .thenReturn(ResponseEntity.status(HttpStatus.ACCEPTED).<Map<String, Object>>body(
                                Map.of("klantId", klant.waarde(), "vergeten", true)))));
    }

    private KlantId klantUit(JsonNode vraag) {
        List<Parameterfout> fouten = new ArrayList<>();
        boolean bsn = vraag != null && vraag.has("bsn");
        boolean kvk = vraag != null && vraag.has("kvk");
        if (bsn == kvk) {
            fouten.add(new Parameterfout("bsn", "geef precies een van bsn of kvk"));
        } else if (bsn && !(vraag.path("bsn").isTextual() && Bsn.isGeldig(vraag.path("bsn").asText()))) {
            fouten.add(new Parameterfout("bsn", "geen geldig BSN (9 cijfers en elfproef)"));
        } else if (kvk && !(vraag.path("kvk").isTextual() && Kvknummer.isGeldig(vraag.path("kvk").asText()))) {
            fouten.add(new Parameterfout("kvk", "geen geldig KVK-nummer (8 cijfers)"));
        }
        if (!fouten.isEmpty()) {
            throw new OngeldigeParameters(fouten);
        }
        return bsn ? pseudoniemen.voor(Identificatiesoort.BSN, vraag.path("bsn").asText())
                : pseudoniemen.voor(Identificatiesoort.KVK, vraag.path("kvk").asText());
    }

    static KlantId klantId(String tekst) {
        try {
            return new KlantId(tekst);
        } catch (IllegalArgumentException e) {
            throw new OngeldigeParameters(List.of(new Parameterfout("klantId", "geen geldige klantId")));
        }
    }

    private static Verwerkingsverslag verslag(Gebruiker gebruiker, ServerWebExchange verzoek, String activiteit,
                                              String doel, List<KlantId> betrokkenen, String resultaat) {
        return new Verwerkingsverslag(gebruiker, Tracering.van(verzoek), activiteit, doel, Audits.PUBLIEKE_TAAK,
                betrokkenen, resultaat);
    }
}
