package nl.klantreis.api.paginas.analyse;

import static org.axonframework.messaging.responsetypes.ResponseTypes.instanceOf;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ResponseStatusException;

import nl.klantreis.api.web.Werkers;
import nl.klantreis.domein.referentie.Kanalen;
import nl.klantreis.projecties.kpi.Kanaalwisselreizen;
import nl.klantreis.projecties.kpi.KanaalwisselreizenVraag;
import nl.klantreis.projecties.kpi.Kpiuitkomst;
import nl.klantreis.projecties.kpi.Kpivraag;
import reactor.core.publisher.Mono;

/**
 * The analyst's KPI dashboard, the kanaalwissels as a Sankey diagram and a table, and the
 * klantreizen behind one of its cells (ADR 0024). Aggregates and pseudonymous klantreis ids only:
 * nothing here is personal data, so nothing is logged as a processing (as {@code /api/v1/kpi}).
 * The data comes through the query bus with the API's own queries.
 */
@Controller
class AnalyseController {
    static final String KANAALWISSELS = AnalyseGebied.PAD + "/kanaalwissels";
    static final String WISSELREIZEN = KANAALWISSELS + "/klantreizen";

    private final QueryGateway vragen;
    private final Kanalen kanalen;
    private final Clock klok;

    AnalyseController(QueryGateway vragen, Kanalen kanalen, Clock klok) {
        this.vragen = vragen;
        this.kanalen = kanalen;
        this.klok = klok;
    }

    @GetMapping(AnalyseGebied.PAD)
    Mono<Rendering> dashboard(@RequestParam(required = false) String van, @RequestParam(required = false) String tot,
                              @RequestParam(required = false) String peilmoment,
                              @RequestParam(required = false) String per) {
        Periode periode = Periode.uit(van, tot, peilmoment, per, klok);
        if (!periode.geldig()) {
            return Mono.just(pagina("paginas/analyse/dashboard", periode).status(HttpStatus.BAD_REQUEST).build());
        }
        return Werkers.blokkerend(() -> {
            List<Kpiuitkomst> uitkomsten = new ArrayList<>();
            for (String kpi : Kpivraag.KPIS) {
                uitkomsten.add(kpi(kpi, periode, periode.per()));
            }
            Kpiuitkomst volume = periode.per() == null ? uitkomsten.get(Kpivraag.KPIS.indexOf("contactvolume"))
                    : kpi("contactvolume", periode, null);
            return Kpioverzicht.van(uitkomsten, periode.per(), volume, kanalen);
        }).map(overzicht -> pagina("paginas/analyse/dashboard", periode).modelAttribute("overzicht", overzicht).build());
    }

    @GetMapping(KANAALWISSELS)
    Mono<Rendering> kanaalwissels(@RequestParam(required = false) String van, @RequestParam(required = false) String tot,
                                  @RequestParam(required = false) String peilmoment) {
        Periode periode = Periode.uit(van, tot, peilmoment, null, klok);
        if (!periode.geldig()) {
            return Mono.just(pagina("paginas/analyse/kanaalwissels", periode).status(HttpStatus.BAD_REQUEST).build());
        }
        return Werkers.blokkerend(() -> kpi("kanaalwissel-matrix", periode, null))
                .map(matrix -> Kanaalwisselmatrix.van(matrix.cijfers().cellen(), periode, kanalen))
                .map(matrix -> pagina("paginas/analyse/kanaalwissels", periode).modelAttribute("matrix", matrix).build());
    }

    /** The klantreizen behind one cell (or one of its Sankey links): warm, koud or both. */
    @GetMapping(WISSELREIZEN)
    Mono<Rendering> wisselreizen(@RequestParam(required = false) String van, @RequestParam(required = false) String tot,
                                 @RequestParam(required = false) String peilmoment,
                                 @RequestParam(required = false) String vanKanaal,
                                 @RequestParam(required = false) String naarKanaal,
                                 @RequestParam(required = false) String soort) {
        Periode periode = Periode.uit(van, tot, peilmoment, null, klok);
        Boolean warm = switch (soort == null ? "alle" : soort) {
            case "warm" -> Boolean.TRUE;
            case "koud" -> Boolean.FALSE;
            case "alle" -> null;
            default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "soort: warm, koud of alle");
        };
        if (!periode.geldig() || vanKanaal == null || vanKanaal.isBlank() || naarKanaal == null || naarKanaal.isBlank()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "periode of kanalen ongeldig");
        }
        KanaalwisselreizenVraag vraag = new KanaalwisselreizenVraag(periode.van(), periode.tot(), periode.peilmoment(),
                vanKanaal, naarKanaal, warm);
        return Werkers.blokkerend(() -> vragen.query(vraag, instanceOf(Kanaalwisselreizen.class)).join())
                .map(reizen -> pagina("paginas/analyse/klantreizen", periode)
                        .modelAttribute("lijst", Reizenlijst.van(reizen, vraag, periode, soort == null ? "alle" : soort,
                                kanalen))
                        .build());
    }

    private Kpiuitkomst kpi(String kpi, Periode periode, String per) {
        Kpivraag vraag;
        try {
            vraag = new Kpivraag(kpi, periode.van(), periode.tot(), periode.peilmoment(), per);
        } catch (IllegalArgumentException nietZoUitTeSplitsen) {
            // This KPI cannot be broken down so (the matrix per kanaal, the zaak KPIs per kanaal): as a whole.
            vraag = new Kpivraag(kpi, periode.van(), periode.tot(), periode.peilmoment(), null);
        }
        return vragen.query(vraag, instanceOf(Kpiuitkomst.class)).join();
    }

    static Rendering.Builder<?> pagina(String weergave, Periode periode) {
        return Rendering.view(weergave)
                .modelAttribute("periode", periode)
                .modelAttribute("dashboardLink", periode.geldig() ? periode.link(AnalyseGebied.PAD) : AnalyseGebied.PAD)
                .modelAttribute("wisselLink", periode.geldig() ? periode.link(KANAALWISSELS) : KANAALWISSELS)
                .modelAttribute("sturingLink", periode.geldig() ? periode.link(KanaalsturingController.PAD)
                        : KanaalsturingController.PAD);
    }
}
