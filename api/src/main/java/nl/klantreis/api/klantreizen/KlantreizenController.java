package nl.klantreis.api.klantreizen;

import static org.axonframework.messaging.responsetypes.ResponseTypes.optionalInstanceOf;

import java.time.Clock;
import java.util.List;


import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import nl.klantreis.api.audit.Tracering;
import nl.klantreis.api.audit.Verwerkingslog;
import nl.klantreis.api.audit.Verwerkingsverslag;
import nl.klantreis.api.beveiliging.Gebruikers;
import nl.klantreis.api.beveiliging.Rol;
import nl.klantreis.api.web.Audits;
import nl.klantreis.api.web.NietGevonden;
import nl.klantreis.api.web.OngeldigeParameters;
import nl.klantreis.api.web.Peilingparameters;
import nl.klantreis.api.web.Uuids;
import nl.klantreis.api.web.Werkers;
import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.domein.gedeeld.KlantreisId;
import nl.klantreis.projecties.klantreis.Klantreis;
import nl.klantreis.projecties.klantreis.KlantreisVraag;
import nl.klantreis.projecties.tijd.Peiling;

import nl.klantreis.api.openapi.Documentatie;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import reactor.core.publisher.Mono;

/**
 * One klantreis, step by step. An analist sees it without personal data: the klant's pseudonym
 * is left out, so nothing ties it to a person, and nothing needs logging; an employee's look is
 * logged like any other.
 */
@RestController
@Tag(name = Documentatie.KLANTREIZEN)
@RequestMapping(value = "/api/v1/klantreizen", produces = MediaType.APPLICATION_JSON_VALUE)
class KlantreizenController {
    private final QueryGateway vragen;
    private final Verwerkingslog log;
    private final Clock klok;

    KlantreizenController(QueryGateway vragen, Verwerkingslog log, Clock klok) {
        this.vragen = vragen;
        this.log = log;
        this.klok = klok;
    }

    @Operation(operationId = "klantreis", summary = "Een klantreis stap voor stap",
            description = "De stappen en kanaalwissels van een klantreis, nu of zoals ze waren op `alsOp`. Een"
                    + " analist krijgt haar zonder `klantId` (niets verbindt haar dan met een persoon) en zijn"
                    + " inzage wordt niet gelogd; die van een medewerker wel.")
    @GetMapping("/{klantreisId}")
    Mono<Klantreis> klantreis(@PathVariable String klantreisId, @RequestParam(required = false) String alsOp,
                              @RequestParam(required = false) String tijdas, ServerWebExchange verzoek) {
        KlantreisId id = klantreisId(klantreisId);
        Peiling peiling = Peilingparameters.uit(alsOp, tijdas, klok);
        return Gebruikers.huidige().flatMap(gebruiker -> Werkers.blokkerend(() -> vragen.query(
                        new KlantreisVraag(id, peiling.moment(), peiling.tijdas()), optionalInstanceOf(Klantreis.class)).join()
                        .orElseThrow(() -> new NietGevonden("onbekende klantreis")))
                .flatMap(klantreis -> {
                    if (gebruiker.rol() == Rol.ANALIST) {
                        return Mono.just(zonderKlant(klantreis));
                    }
                    return log.leg(new Verwerkingsverslag(gebruiker, Tracering.van(verzoek), "klantreis-inzien",
                            Audits.KLANTCONTACT, Audits.PUBLIEKE_TAAK, List.of(new KlantId(klantreis.klantId())),
                            Audits.GETOOND)).thenReturn(klantreis);
                }));
    }

    private static Klantreis zonderKlant(Klantreis reis) {
        return new Klantreis(reis.klantreisId(), null, reis.thema(), reis.status(), reis.gestartOp(), reis.beeindigdOp(),
                reis.stappen(), reis.kanaalwissels());
    }

    private static KlantreisId klantreisId(String tekst) {
        try {
            return new KlantreisId(Uuids.strikt(tekst));
        } catch (IllegalArgumentException e) {
            throw new OngeldigeParameters(List.of(new OngeldigeParameters.Parameterfout("klantreisId", "geen geldige UUID")));
        }
    }
}
