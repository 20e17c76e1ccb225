package nl.klantreis.api.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import nl.klantreis.api.beveiliging.Gebruiker;
import nl.klantreis.api.beveiliging.Gebruikers;
import nl.klantreis.api.beveiliging.Rol;
import nl.klantreis.api.openapi.Documentatie;
import nl.klantreis.api.web.OngeldigeParameters;
import nl.klantreis.api.web.OngeldigeParameters.Parameterfout;
import nl.klantreis.api.web.Werkers;
import reactor.core.publisher.Mono;

/**
 * The security log for the auditor (ADR 0013): refused and denied accesses, newest first, with the
 * filters of {@code /api/v1/audit/verwerkingen} ({@code van}, {@code tot}, {@code actor},
 * {@code limiet}) and {@code soort}; page on with {@code voor}, the {@code volgnummer} of the last
 * row seen. Reading it is itself a user-audit record, like reading the audit log.
 */
@RestController
@Tag(name = Documentatie.VERWERKINGSLOG)
class ToegangsweigeringenController {
    static final String TOEGANGSWEIGERINGEN_INZIEN = "toegangsweigeringen-inzien";

    private final Verwerkingslog log;
    private final Toegangsvragen vragen;

    ToegangsweigeringenController(Verwerkingslog log, Toegangsvragen vragen) {
        this.log = log;
        this.vragen = vragen;
    }

    record Filter(Auditvragen.Filter basis, String soort, Long voor) {
    }

    @Operation(operationId = "toegangsweigeringenZoeken", summary = "Geweigerde toegang zoeken (auditor)",
            description = "Het beveiligingslog: elke geweigerde toegang (401 zonder of met ongeldig token, 403 bij"
                    + " een verkeerde rol, 404 bij een geldig token dat naar andermans gegevens vraagt), nieuwste"
                    + " eerst, met reden, route, actor (als het token geldig was), adres en trace; nooit een BSN of"
                    + " token. Gelijke weigeringen binnen een minuut zijn één regel met hun `aantal`. Te filteren op"
                    + " periode, actor en soort; bladeren met `voor`. Elke ongeldige parameter geeft 400.")
    @ApiResponse(responseCode = "200", description = "De gevonden weigeringen.",
            content = @Content(schema = @Schema(implementation = Toegangsweigeringenlijst.class)))
    @GetMapping(value = "/api/v1/audit/toegangsweigeringen", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<Map<String, Object>> toegangsweigeringen(@RequestParam(required = false) String van,
                                                  @RequestParam(required = false) String tot,
                                                  @RequestParam(required = false) String actor,
                                                  @Parameter(description = "Alleen weigeringen van deze soort.",
                                                          schema = @Schema(type = "string", allowableValues = {
                                                                  Toegangsbewaking.NIET_AANGEMELD, Toegangsbewaking.GEEN_TOEGANG,
                                                                  Toegangsbewaking.NIET_GEVONDEN}))
                                                  @RequestParam(required = false) String soort,
                                                  @Parameter(schema = @Schema(type = "integer", minimum = "1",
                                                          maximum = "" + Auditvragen.MAXIMALE_LIMIET))
                                                  @RequestParam(required = false) String limiet,
                                                  @Parameter(description = "Alleen regels met een lager `volgnummer`"
                                                          + " (de volgende bladzijde).",
                                                          schema = @Schema(type = "integer", format = "int64", minimum = "1"))
                                                  @RequestParam(required = false) String voor,
                                                  ServerWebExchange verzoek) {
        Filter filter = filter(van, tot, actor, soort, limiet, voor);
        return Gebruikers.huidige()
                .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "niet aangemeld")))
                .filter(gebruiker -> gebruiker.rol() == Rol.AUDITOR)
                .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.FORBIDDEN,
                        "uw rol geeft geen toegang tot dit verzoek")))
                .flatMap(auditor -> Werkers.blokkerend(() -> vragen.zoek(filter))
                        .flatMap(regels -> log.leg(verslag(auditor, verzoek)).thenReturn(antwoord(regels, filter))));
    }

    private static Verwerkingsverslag verslag(Gebruiker auditor, ServerWebExchange verzoek) {
        return new Verwerkingsverslag(auditor, Tracering.van(verzoek), TOEGANGSWEIGERINGEN_INZIEN,
                AuditController.DOEL_TOEZICHT, AuditController.GRONDSLAG_TOEZICHT, List.of(), AuditController.GETOOND);
    }

    private static Map<String, Object> antwoord(List<Toegangsweigering> regels, Filter filter) {
        int limiet = filter.basis().limiet();
        Map<String, Object> antwoord = new LinkedHashMap<>();
        antwoord.put("toegangsweigeringen", regels.size() > limiet ? regels.subList(0, limiet) : regels);
        antwoord.put("limiet", limiet);
        antwoord.put("meer", regels.size() > limiet);
        return antwoord;
    }

    /** Every invalid parameter named at once, as for the audit log. */
    static Filter filter(String van, String tot, String actor, String soort, String limiet, String voor) {
        List<Parameterfout> fouten = new ArrayList<>();
        Auditvragen.Filter basis = null;
        try {
            basis = AuditController.filter(null, actor, null, van, tot, limiet);
        } catch (OngeldigeParameters e) {
            fouten.addAll(e.fouten());
        }
        if (soort != null && !Toegangsbewaking.SOORTEN.contains(soort)) {
            fouten.add(new Parameterfout("soort", "een van " + String.join(", ", Toegangsbewaking.SOORTEN.stream()
                    .sorted().toList())));
        }
        Long grens = null;
        if (voor != null) {
            try {
                grens = Long.parseLong(voor.strip());
                if (grens < 1) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                fouten.add(new Parameterfout("voor", "het volgnummer (een positief geheel getal) van de laatst gelezen regel"));
            }
        }
        if (!fouten.isEmpty()) {
            throw new OngeldigeParameters(fouten);
        }
        return new Filter(basis, soort, grens);
    }
}
