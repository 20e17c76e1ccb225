package nl.klantreis.api.mijnzaken;

import static org.axonframework.messaging.responsetypes.ResponseTypes.instanceOf;
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
import nl.klantreis.api.beveiliging.Gebruiker;
import nl.klantreis.api.beveiliging.Gebruikers;
import nl.klantreis.api.web.Audits;
import nl.klantreis.api.web.NietGevonden;
import nl.klantreis.api.web.OngeldigeParameters;
import nl.klantreis.api.web.Peilingparameters;
import nl.klantreis.api.web.Uuids;
import nl.klantreis.api.web.Werkers;
import nl.klantreis.domein.gedeeld.Identificatiesoort;
import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.domein.gedeeld.ZaakId;
import nl.klantreis.projecties.mijnzaken.MijnZakenAntwoord;
import nl.klantreis.projecties.mijnzaken.MijnZakenVraag;
import nl.klantreis.projecties.mijnzaken.Zaakdetail;
import nl.klantreis.projecties.mijnzaken.ZaakdetailVraag;
import nl.klantreis.projecties.tijd.Peiling;
import nl.klantreis.infrastructuur.privacy.Pseudoniemen;

import nl.klantreis.api.openapi.Documentatie;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import reactor.core.publisher.Mono;

/**
 * MijnZaken for the burger in the token: his zaken and one zaak in detail, now or as they were
 * ({@code alsOp}, {@code tijdas}). Another's zaak is answered exactly as one that does not exist,
 * and the probe is logged. Every answer is logged before it leaves.
 */
@RestController
@Tag(name = Documentatie.MIJNZAKEN)
@RequestMapping(value = "/api/v1/mijnzaken", produces = MediaType.APPLICATION_JSON_VALUE)
class MijnZakenController {
    static final String ACTIVITEIT_LIJST = "mijnzaken-inzien";
    static final String ACTIVITEIT_ZAAK = "zaak-inzien";

    private final QueryGateway vragen;
    private final Verwerkingslog log;
    private final Pseudoniemen pseudoniemen;
    private final Clock klok;

    MijnZakenController(QueryGateway vragen, Verwerkingslog log, Pseudoniemen pseudoniemen, Clock klok) {
        this.vragen = vragen;
        this.log = log;
        this.pseudoniemen = pseudoniemen;
        this.klok = klok;
    }

    @Operation(operationId = "mijnZaken", summary = "Mijn zaken",
            description = "De zaken van de burger van het token (zijn `bsn`-claim), nieuwste eerst, nu of zoals ze"
                    + " waren op `alsOp`. Elke inzage wordt gelogd voordat het antwoord vertrekt.")
    @GetMapping
    Mono<MijnZakenAntwoord> zaken(@RequestParam(required = false) String alsOp,
                                  @RequestParam(required = false) String tijdas, ServerWebExchange verzoek) {
        Peiling peiling = Peilingparameters.uit(alsOp, tijdas, klok);
        return Gebruikers.huidige().flatMap(burger -> {
            KlantId klant = pseudoniemen.voor(Identificatiesoort.BSN, burger.bsn());
            return Werkers.blokkerend(() -> vragen.query(new MijnZakenVraag(klant, peiling.moment(), peiling.tijdas()),
                            instanceOf(MijnZakenAntwoord.class)).join())
                    .flatMap(antwoord -> log.leg(verslag(burger, verzoek, ACTIVITEIT_LIJST, List.of(klant),
                            Audits.GETOOND)).thenReturn(antwoord));
        });
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
        return Gebruikers.huidige().flatMap(burger -> {
            KlantId klant = pseudoniemen.voor(Identificatiesoort.BSN, burger.bsn());
            return Werkers.blokkerend(() -> vragen.query(new ZaakdetailVraag(zaak, klant, peiling.moment(), peiling.tijdas()),
                            optionalInstanceOf(Zaakdetail.class)).join())
                    .flatMap(detail -> detail.isPresent()
                            ? log.leg(verslag(burger, verzoek, ACTIVITEIT_ZAAK, List.of(klant), Audits.GETOOND))
                                    .thenReturn(detail.get())
                            // A probe of another's zaak: no data shown, but accounted for.
                            : log.leg(verslag(burger, verzoek, ACTIVITEIT_ZAAK, List.of(), Audits.NIET_GEVONDEN))
                                    .then(Mono.error(new NietGevonden("deze zaak bestaat niet"))));
        });
    }

    static ZaakId zaakId(String tekst) {
        try {
            return new ZaakId(Uuids.strikt(tekst));
        } catch (IllegalArgumentException e) {
            throw new OngeldigeParameters(List.of(new OngeldigeParameters.Parameterfout("zaakId", "geen geldige UUID")));
        }
    }

    private static Verwerkingsverslag verslag(Gebruiker burger, ServerWebExchange verzoek, String activiteit,
                                              List<KlantId> betrokkenen, String resultaat) {
        return new Verwerkingsverslag(burger, Tracering.van(verzoek), activiteit, Audits.DIENSTVERLENING_BURGER,
                Audits.PUBLIEKE_TAAK, betrokkenen, resultaat);
    }
}
