package nl.klantreis.api.mijnzaken;

import java.time.Clock;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import nl.klantreis.api.audit.Tracering;
import nl.klantreis.api.beveiliging.Gebruikers;
import nl.klantreis.api.web.OngeldigeParameters;
import nl.klantreis.api.web.Peilingparameters;
import nl.klantreis.projecties.tijd.Peiling;
import nl.klantreis.api.web.Uuids;
import nl.klantreis.domein.gedeeld.ZaakId;
import nl.klantreis.projecties.mijnzaken.MijnZakenAntwoord;
import nl.klantreis.projecties.mijnzaken.Zaakdetail;

import nl.klantreis.api.openapi.Documentatie;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import reactor.core.publisher.Mono;

/**
 * MijnZaken for the burger in the token: his zaken and one zaak in detail, now or as they were
 * ({@code alsOp}, {@code tijdas}). Another's zaak is answered exactly as one that does not exist,
 * and the probe is logged. Every answer is logged before it leaves ({@link MijnZakenInzage}, which the
 * MijnZaken pages share).
 */
@RestController
@Tag(name = Documentatie.MIJNZAKEN)
@RequestMapping(value = "/api/v1/mijnzaken", produces = MediaType.APPLICATION_JSON_VALUE)
class MijnZakenController {
    private final MijnZakenInzage inzage;
    private final Clock klok;

    MijnZakenController(MijnZakenInzage inzage, Clock klok) {
        this.inzage = inzage;
        this.klok = klok;
    }

    @Operation(operationId = "mijnZaken", summary = "Mijn zaken",
            description = "De zaken van de burger van het token (zijn `bsn`-claim), nieuwste eerst, nu of zoals ze"
                    + " waren op `alsOp`. Elke inzage wordt gelogd voordat het antwoord vertrekt.")
    @GetMapping
    Mono<MijnZakenAntwoord> zaken(@RequestParam(required = false) String alsOp,
                                  @RequestParam(required = false) String tijdas, ServerWebExchange verzoek) {
        Peiling peiling = Peilingparameters.uit(alsOp, tijdas, klok);
        return Gebruikers.huidige().flatMap(burger -> inzage.zaken(burger, peiling, Tracering.van(verzoek)));
    }

    @Operation(operationId = "mijnZaak", summary = "Een van mijn zaken in detail",
            description = "Een zaak van de burger met haar statussen, klantcontacten, opschortingen en verlengingen."
                    + " De zaak van een ander krijgt precies hetzelfde 404 als een zaak die niet bestaat; die poging"
                    + " wordt gelogd.")
    @GetMapping("/{zaakId}")
    Mono<Zaakdetail> zaak(@PathVariable String zaakId, @RequestParam(required = false) String alsOp,
                          @RequestParam(required = false) String tijdas, ServerWebExchange verzoek) {
        ZaakId zaak = zaakId(zaakId);
        Peiling peiling = Peilingparameters.uit(alsOp, tijdas, klok);
        return Gebruikers.huidige().flatMap(burger -> inzage.zaak(burger, zaak, peiling, Tracering.van(verzoek)));
    }

    static ZaakId zaakId(String tekst) {
        try {
            return new ZaakId(Uuids.strikt(tekst));
        } catch (IllegalArgumentException e) {
            throw new OngeldigeParameters(List.of(new OngeldigeParameters.Parameterfout("zaakId", "geen geldige UUID")));
        }
    }
}
