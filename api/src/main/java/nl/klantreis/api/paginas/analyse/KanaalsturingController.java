package nl.klantreis.api.paginas.analyse;

import static org.axonframework.messaging.responsetypes.ResponseTypes.instanceOf;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;

import nl.klantreis.api.web.Werkers;
import nl.klantreis.domein.referentie.Kanaal;
import nl.klantreis.domein.referentie.Kanalen;
import nl.klantreis.projecties.kpi.Kpideel;
import nl.klantreis.projecties.kpi.Kpiuitkomst;
import nl.klantreis.projecties.kpi.Kpivraag;
import reactor.core.publisher.Mono;

/**
 * The kanaalsturing calculator as a GET form (works without JavaScript): the contactvolume of
 * kanaal A measured over the period (the {@code contactvolume} KPI), the prices of kanalen.json,
 * and {@link Kanaalsturing} for the arithmetic.
 */
@Controller
class KanaalsturingController {
    static final String PAD = AnalyseGebied.PAD + "/kanaalsturing";

    private final QueryGateway vragen;
    private final Kanalen kanalen;
    private final Clock klok;

    KanaalsturingController(QueryGateway vragen, Kanalen kanalen, Clock klok) {
        this.vragen = vragen;
        this.kanalen = kanalen;
        this.klok = klok;
    }

    @GetMapping(PAD)
    Mono<Rendering> rekenhulp(@RequestParam(required = false) String van, @RequestParam(required = false) String tot,
                              @RequestParam(required = false) String peilmoment,
                              @RequestParam(required = false) String uit, @RequestParam(required = false) String naar,
                              @RequestParam(required = false) String procent) {
        Periode periode = Periode.uit(van, tot, peilmoment, null, klok);
        List<String> fouten = new ArrayList<>();
        boolean gevraagd = uit != null || naar != null || procent != null;
        Optional<Kanaal> kanaalA = uit == null ? Optional.empty() : kanalen.metCode(uit);
        Optional<Kanaal> kanaalB = naar == null ? Optional.empty() : kanalen.metCode(naar);
        BigDecimal deel = null;
        if (gevraagd) {
            if (kanaalA.isEmpty()) {
                fouten.add("Kies het kanaal waar de contacten vandaan komen.");
            }
            if (kanaalB.isEmpty()) {
                fouten.add("Kies het kanaal waar de contacten heen gaan.");
            }
            if (kanaalA.isPresent() && kanaalA.equals(kanaalB)) {
                fouten.add("Kies twee verschillende kanalen.");
            }
            deel = percentage(procent);
            if (deel == null) {
                fouten.add("Vul een percentage in van 0 tot en met 100, bijvoorbeeld 20.");
            }
        }
        Rendering.Builder<?> pagina = AnalyseController.pagina("paginas/analyse/kanaalsturing", periode)
                .modelAttribute("kanalen", kanalen.alle().stream().sorted(Comparator.comparing(Kanaal::naam))
                        .map(k -> new Kanaalsturingsweergave.Kanaalkeuze(k.code(), k.naam() + " (" + k.kosten().map(c -> Opmaak.euro((long) c))
                                .orElse("kosten onbekend") + ")"))
                        .toList())
                .modelAttribute("uit", uit == null ? "telefoon" : uit)
                .modelAttribute("naar", naar == null ? "webformulier" : naar)
                .modelAttribute("procent", procent == null ? "20" : procent)
                .modelAttribute("fouten", fouten);
        if (!periode.geldig() || !gevraagd || !fouten.isEmpty()) {
            boolean fout = !periode.geldig() || !fouten.isEmpty();
            return Mono.just(pagina.status(fout ? HttpStatus.BAD_REQUEST : HttpStatus.OK).build());
        }
        Kanaal a = kanaalA.orElseThrow();
        Kanaal b = kanaalB.orElseThrow();
        BigDecimal percentage = deel;
        return Werkers.blokkerend(() -> vragen.query(new Kpivraag("contactvolume", periode.van(), periode.tot(),
                        periode.peilmoment(), Kpivraag.PER_KANAAL), instanceOf(Kpiuitkomst.class)).join())
                .map(volume -> {
                    long gemeten = volume.cijfers().uitsplitsing().stream()
                            .filter(d -> a.code().equals(d.kanaal())).map(Kpideel::cijfers)
                            .mapToLong(c -> c.aantal()).sum();
                    long dagen = ChronoUnit.DAYS.between(periode.van(), periode.tot());
                    Kanaalsturing.Uitkomst uitkomst = Kanaalsturing.bereken(gemeten, dagen, percentage, a.naam(),
                            a.kosten(), b.naam(), b.kosten());
                    String verschil = uitkomst.verschilCent().map(c -> Opmaak.euro(Math.abs(c)) + " per jaar "
                            + (c < 0 ? "minder" : c > 0 ? "meer" : "verschil")).orElse(null);
                    return pagina.modelAttribute("antwoord", new Kanaalsturingsweergave.Antwoord(a.naam(), b.naam(),
                            percentage.stripTrailingZeros().toPlainString().replace('.', ','), Opmaak.aantal(gemeten),
                            Opmaak.aantal(dagen), Opmaak.aantal(uitkomst.contactenPerJaar()),
                            Opmaak.aantal(uitkomst.verschovenPerJaar()),
                            a.kosten().map(c -> Opmaak.euro((long) c)).orElse("onbekend"),
                            b.kosten().map(c -> Opmaak.euro((long) c)).orElse("onbekend"), verschil,
                            uitkomst.verschilCent().map(c -> c < 0).orElse(false), uitkomst.onbekend())).build();
                });
    }

    /** 0 to 100, a decimal comma or point allowed; null when it is not such a number. */
    static BigDecimal percentage(String tekst) {
        if (tekst == null || tekst.isBlank() || tekst.length() > 10) {
            return null;
        }
        try {
            BigDecimal waarde = new BigDecimal(tekst.strip().replace(',', '.'));
            return waarde.signum() < 0 || waarde.compareTo(BigDecimal.valueOf(100)) > 0 ? null : waarde;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
