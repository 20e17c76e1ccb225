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

import nl.klantreis.api.beveiliging.Gebruiker;
import nl.klantreis.api.beveiliging.Gebruikers;
import nl.klantreis.api.beveiliging.Rol;
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

    @GetMapping(value = "/api/v1/audit/toegangsweigeringen", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<Map<String, Object>> toegangsweigeringen(@RequestParam(required = false) String van,
                                                  @RequestParam(required = false) String tot,
                                                  @RequestParam(required = false) String actor,
                                                  @RequestParam(required = false) String soort,
                                                  @RequestParam(required = false) String limiet,
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
