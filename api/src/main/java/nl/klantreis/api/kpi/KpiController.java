package nl.klantreis.api.kpi;

import static org.axonframework.messaging.responsetypes.ResponseTypes.instanceOf;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import nl.klantreis.api.web.NietGevonden;
import nl.klantreis.api.web.OngeldigeParameters;
import nl.klantreis.api.web.OngeldigeParameters.Parameterfout;
import nl.klantreis.api.web.Werkers;
import nl.klantreis.projecties.kpi.Kpiuitkomst;
import nl.klantreis.projecties.kpi.Kpivraag;
import nl.klantreis.projecties.tijd.Tijdstipinvoer;

import nl.klantreis.api.openapi.Documentatie;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import reactor.core.publisher.Mono;

/**
 * The KPIs of KLANTREIS-EN-KPI.md §3 for the analist: aggregates only, so nothing to log as a
 * processing of personal data. {@code van} and {@code tot} are dates ({@code tot} exclusive),
 * {@code peilmoment} as {@link Tijdstipinvoer#moment} reads it (default now), {@code per} kanaal or zaaktype.
 */
@RestController
@Tag(name = Documentatie.KPI)
@RequestMapping(value = "/api/v1/kpi", produces = MediaType.APPLICATION_JSON_VALUE)
class KpiController {
    private final QueryGateway vragen;
    private final Clock klok;

    KpiController(QueryGateway vragen, Clock klok) {
        this.vragen = vragen;
        this.klok = klok;
    }

    @Operation(operationId = "kpi", summary = "Een KPI over een periode",
            description = "Een KPI van KLANTREIS-EN-KPI.md over de klantreizen met hun eerste stap in [`van`,"
                    + " `tot`), gemeten op `peilmoment`, eventueel uitgesplitst `per` kanaal of zaaktype. Alleen"
                    + " aggregaten, dus niets te loggen.")
    @GetMapping("/{kpi}")
    Mono<Kpiuitkomst> kpi(@PathVariable String kpi, @RequestParam(required = false) String van,
                          @RequestParam(required = false) String tot, @RequestParam(required = false) String peilmoment,
                          @RequestParam(required = false) String per) {
        if (!Kpivraag.KPIS.contains(kpi)) {
            throw new NietGevonden("onbekende KPI '" + kpi + "'; bekend zijn " + String.join(", ", Kpivraag.KPIS));
        }
        List<Parameterfout> fouten = new ArrayList<>();
        LocalDate vanaf = datum("van", van, fouten);
        LocalDate totDatum = datum("tot", tot, fouten);
        Instant peil = klok.instant();
        if (peilmoment != null) {
            // Read as alsOp is (a date is the end of that day), so an analist and a tool agree.
            try {
                peil = Tijdstipinvoer.moment(peilmoment);
            } catch (Tijdstipinvoer.Ongeldig e) {
                fouten.add(new Parameterfout("peilmoment", e.getMessage()));
            }
        }
        if (!fouten.isEmpty()) {
            throw new OngeldigeParameters(fouten);
        }
        Kpivraag vraag;
        try {
            vraag = new Kpivraag(kpi, vanaf, totDatum, peil, per);
        } catch (IllegalArgumentException e) {
            throw new OngeldigeParameters(List.of(new Parameterfout(parameterUit(e.getMessage()), e.getMessage())));
        }
        return Werkers.blokkerend(() -> vragen.query(vraag, instanceOf(Kpiuitkomst.class)).join());
    }

    private static LocalDate datum(String naam, String waarde, List<Parameterfout> fouten) {
        if (waarde == null) {
            fouten.add(new Parameterfout(naam, "verplicht: een datum JJJJ-MM-DD"));
            return null;
        }
        try {
            return Tijdstipinvoer.datum(waarde);
        } catch (Tijdstipinvoer.Ongeldig e) {
            fouten.add(new Parameterfout(naam, e.getMessage()));
            return null;
        }
    }

    /** Kpivraag names the parameter at fault as "parameter 'x': ...". */
    private static String parameterUit(String melding) {
        int begin = melding == null ? -1 : melding.indexOf('\'');
        int einde = begin < 0 ? -1 : melding.indexOf('\'', begin + 1);
        return einde > begin ? melding.substring(begin + 1, einde) : "kpi";
    }
}
