package nl.klantreis.api.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.projecties.tijd.Tijdstipinvoer;

import nl.klantreis.api.openapi.Documentatie;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import reactor.core.publisher.Mono;
import nl.klantreis.infrastructuur.audit.Integriteitscontrole;
import nl.klantreis.infrastructuur.audit.Integriteitsrapport;

/**
 * The audit log to read: the auditor's search and integrity check, and the burger's "who
 * processed my data" (AVG art. 15). The path rules admit only the right role; the role is checked
 * here again, since what these answers show must never depend on one line of configuration.
 *
 * <p>Reading the log is logged too. The auditor's look is a user-audit record (activity
 * {@value #AUDITLOG_INZIEN}) and, when he searched for one betrokkene, a processing record for
 * that klant, who then sees it in his own list; a search across klanten names nobody in
 * particular and is not attributed to every klant in its answer. The burger's look at his own
 * list is a processing of his data like any other. The integrity check shows no one's data: a
 * user-audit record only. Every answer leaves only after its records are stored.
 */
@RestController
@Tag(name = Documentatie.VERWERKINGSLOG)
class AuditController {
    static final String AUDITLOG_INZIEN = "auditlog-inzien";
    static final String AUDITLOG_CONTROLEREN = "auditlog-controleren";
    static final String VERWERKINGEN_INZIEN = "verwerkingen-inzien";
    static final String DOEL_TOEZICHT = "toezicht op de verwerking van persoonsgegevens";
    static final String GRONDSLAG_TOEZICHT = "AVG art. 5 lid 2 en art. 24 (verantwoordingsplicht)";
    static final String DOEL_INZAGE = "inzage door de betrokkene";
    static final String GRONDSLAG_INZAGE = "AVG art. 15 (recht van inzage)";
    static final String GETOOND = "getoond";

    private final Verwerkingslog log;
    private final Auditvragen vragen;
    private final Integriteitscontrole controle;
    private final EigenVerwerkingen eigen;

    AuditController(Verwerkingslog log, Auditvragen vragen, Integriteitscontrole controle, EigenVerwerkingen eigen) {
        this.log = log;
        this.vragen = vragen;
        this.controle = controle;
        this.eigen = eigen;
    }

    @Operation(operationId = "verwerkingenZoeken", summary = "Verwerkingen zoeken (auditor)",
            description = "De verwerkingen van persoonsgegevens, nieuwste eerst, met de actor uit het"
                    + " gebruikersauditrecord, te filteren op betrokkene, actor, trace en periode. Elke ongeldige"
                    + " parameter wordt tegelijk genoemd. Het inzien wordt zelf ook gelogd.")
    @ApiResponse(responseCode = "200", description = "De gevonden verwerkingen.",
            content = @Content(schema = @Schema(implementation = Verwerkingenlijst.class)))
    @GetMapping(value = "/api/v1/audit/verwerkingen", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<Map<String, Object>> verwerkingen(@RequestParam(required = false) String betrokkene,
                                           @RequestParam(required = false) String actor,
                                           @RequestParam(required = false) String traceId,
                                           @RequestParam(required = false) String van,
                                           @RequestParam(required = false) String tot,
                                           @Parameter(schema = @Schema(type = "integer", minimum = "1",
                                                   maximum = "" + Auditvragen.MAXIMALE_LIMIET))
                                           @RequestParam(required = false) String limiet,
                                           ServerWebExchange verzoek) {
        Auditvragen.Filter filter = filter(betrokkene, actor, traceId, van, tot, limiet);
        return gebruiker(Rol.AUDITOR).flatMap(auditor -> Werkers.blokkerend(() -> vragen.verwerkingen(filter))
                .flatMap(uitkomst -> log.leg(new Verwerkingsverslag(auditor, Tracering.van(verzoek), AUDITLOG_INZIEN,
                                DOEL_TOEZICHT, GRONDSLAG_TOEZICHT,
                                filter.betrokkene() == null ? List.of() : List.of(filter.betrokkene()), GETOOND))
                        .thenReturn(antwoord(uitkomst, filter.limiet()))));
    }

    @Operation(operationId = "integriteitControleren", summary = "De integriteit van het verwerkingslog controleren",
            description = "Controleert beide hashketens (verwerkingen en gebruikersaudit) van begin tot eind en"
                    + " geeft het aantal records, de kop van elke keten en de eerste breuk. Toont niemands gegevens.")
    @GetMapping(value = "/api/v1/audit/integriteit", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<Integriteitsrapport> integriteit(ServerWebExchange verzoek) {
        return gebruiker(Rol.AUDITOR).flatMap(auditor -> Werkers.blokkerend(controle::controleer)
                .flatMap(rapport -> log.leg(new Verwerkingsverslag(auditor, Tracering.van(verzoek), AUDITLOG_CONTROLEREN,
                        DOEL_TOEZICHT, GRONDSLAG_TOEZICHT, List.of(), rapport.intact() ? "intact" : "breuk"))
                        .thenReturn(rapport)));
    }

    @Operation(operationId = "mijnVerwerkingen", summary = "Wie verwerkte mijn gegevens (burger)",
            description = "De verwerkingen van de gegevens van de burger van het token, nieuwste eerst: wanneer,"
                    + " welke activiteit, met welk doel en door wie (`uzelf`, `medewerker` of `systeem`). AVG"
                    + " art. 15.")
    @ApiResponse(responseCode = "200", description = "De verwerkingen van uw gegevens.",
            content = @Content(schema = @Schema(implementation = EigenVerwerkingenlijst.class)))
    @GetMapping(value = "/api/v1/mijn-gegevens/verwerkingen", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<Map<String, Object>> mijnVerwerkingen(@Parameter(schema = @Schema(type = "integer", minimum = "1",
                                                       maximum = "" + Auditvragen.MAXIMALE_LIMIET))
                                               @RequestParam(required = false) String limiet, ServerWebExchange verzoek) {
        int aantal = limiet(limiet, new ArrayList<>(), true);
        return gebruiker(Rol.BURGER).flatMap(burger -> eigen.lees(burger, Tracering.van(verzoek), aantal))
                .map(lijst -> antwoord(new Auditvragen.Uitkomst<>(lijst.verwerkingen(), lijst.meer()), aantal));
    }

    private static Map<String, Object> antwoord(Auditvragen.Uitkomst<?> uitkomst, int limiet) {
        Map<String, Object> antwoord = new LinkedHashMap<>();
        antwoord.put("verwerkingen", uitkomst.regels());
        antwoord.put("limiet", limiet);
        antwoord.put("meer", uitkomst.meer());
        return antwoord;
    }

    private static Mono<Gebruiker> gebruiker(Rol rol) {
        return Gebruikers.huidige()
                .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "niet aangemeld")))
                .flatMap(gebruiker -> gebruiker.rol() == rol && (rol != Rol.BURGER || gebruiker.bsn() != null)
                        ? Mono.just(gebruiker)
                        : Mono.error(new ResponseStatusException(HttpStatus.FORBIDDEN,
                                "uw rol geeft geen toegang tot dit verzoek")));
    }

    /** Every invalid parameter named at once, so a script can be fixed in one go. */
    static Auditvragen.Filter filter(String betrokkene, String actor, String traceId, String van, String tot,
                                     String limiet) {
        List<Parameterfout> fouten = new ArrayList<>();
        KlantId klant = null;
        if (betrokkene != null) {
            try {
                klant = new KlantId(betrokkene);
            } catch (IllegalArgumentException e) {
                fouten.add(new Parameterfout("betrokkene", "geen geldige klantId (de pseudoniem, zoals k-...)"));
            }
        }
        if (actor != null && (actor.isBlank() || actor.length() > 256 || actor.chars().anyMatch(Character::isISOControl))) {
            fouten.add(new Parameterfout("actor", "een niet-lege actor van ten hoogste 256 tekens, zonder stuurtekens"));
        }
        String trace = null;
        if (traceId != null) {
            trace = traceId.toLowerCase(Locale.ROOT);
            if (!trace.matches("[0-9a-f]{32}") || trace.equals("0".repeat(32))) {
                fouten.add(new Parameterfout("traceId", "32 hexadecimale tekens (W3C Trace Context), niet allemaal 0"));
            }
        }
        Instant vanaf = tijdstip("van", van, fouten);
        Instant totaan = tijdstip("tot", tot, fouten);
        if (vanaf != null && totaan != null && !vanaf.isBefore(totaan)) {
            fouten.add(new Parameterfout("tot", "moet na van liggen (tot is exclusief)"));
        }
        int aantal = limiet(limiet, fouten, false);
        if (!fouten.isEmpty()) {
            throw new OngeldigeParameters(fouten);
        }
        return new Auditvragen.Filter(klant, actor, trace, vanaf, totaan, aantal);
    }

    private static Instant tijdstip(String naam, String waarde, List<Parameterfout> fouten) {
        if (waarde == null) {
            return null;
        }
        try {
            return Tijdstipinvoer.rfc3339(waarde);
        } catch (Tijdstipinvoer.Ongeldig e) {
            fouten.add(new Parameterfout(naam, e.getMessage()));
            return null;
        }
    }

    private static int limiet(String waarde, List<Parameterfout> fouten, boolean meteenMelden) {
        if (waarde == null) {
            return Auditvragen.MAXIMALE_LIMIET;
        }
        try {
            int aantal = Integer.parseInt(waarde.strip());
            if (aantal >= 1 && aantal <= Auditvragen.MAXIMALE_LIMIET) {
                return aantal;
            }
        } catch (NumberFormatException e) {
            // answered below, like a number out of range
        }
        fouten.add(new Parameterfout("limiet", "een geheel getal van 1 tot en met " + Auditvragen.MAXIMALE_LIMIET));
        if (meteenMelden) {
            throw new OngeldigeParameters(fouten);
        }
        return Auditvragen.MAXIMALE_LIMIET;
    }
}
