package nl.klantreis.api.paginas.analyse;

import static org.axonframework.messaging.responsetypes.ResponseTypes.optionalInstanceOf;

import java.time.Clock;
import java.util.Optional;

import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;

import nl.klantreis.api.web.NietGevonden;
import nl.klantreis.api.web.OngeldigeParameters;
import nl.klantreis.api.web.Peilingparameters;
import nl.klantreis.api.web.Uuids;
import nl.klantreis.api.web.Werkers;
import nl.klantreis.domein.gedeeld.KlantreisId;
import nl.klantreis.domein.referentie.Kanalen;
import nl.klantreis.projecties.klantreis.Klantreis;
import nl.klantreis.projecties.klantreis.KlantreisVraag;
import nl.klantreis.projecties.tijd.Peiling;
import nl.klantreis.projecties.tijd.Tijdas;
import reactor.core.publisher.Mono;

/**
 * One klantreis replayed step by step (ADR 0024), as it stood at {@code alsOp} on the time axis
 * {@code tijdas}, exactly as {@code GET /api/v1/klantreizen/{id}} answers an analist: without the
 * klant's pseudonym, so nothing ties it to a person and nothing is logged. The step shown is a GET
 * parameter ({@code stap}, moved by {@code ga=vorige|volgende}), so the replay works without
 * JavaScript; the module {@code /js/analyse/afspelen.js} moves it in place.
 */
@Controller
class ReisafspeelController {
    static final String PAD = AnalyseGebied.PAD + "/klantreizen";

    private final QueryGateway vragen;
    private final Kanalen kanalen;
    private final Clock klok;

    ReisafspeelController(QueryGateway vragen, Kanalen kanalen, Clock klok) {
        this.vragen = vragen;
        this.kanalen = kanalen;
        this.klok = klok;
    }

    @GetMapping(PAD + "/{klantreisId}")
    Mono<Rendering> afspelen(@PathVariable String klantreisId, @RequestParam(required = false) String alsOp,
                             @RequestParam(required = false) String tijdas, @RequestParam(required = false) String stap,
                             @RequestParam(required = false) String ga) {
        KlantreisId id;
        try {
            id = new KlantreisId(Uuids.strikt(klantreisId));
        } catch (IllegalArgumentException e) {
            throw new NietGevonden("geen klantreis-id");
        }
        Peiling peiling;
        try {
            peiling = Peilingparameters.uit(alsOp == null || alsOp.isBlank() ? null : alsOp.strip(), tijdas, klok);
        } catch (OngeldigeParameters e) {
            return Mono.just(weergave(klantreisId, null, alsOp, tijdas, 1)
                    .modelAttribute("fout", "Vul bij 'Zoals bekend op' een tijdstip in als 2026-03-10T12:00:00+01:00"
                            + " of een datum als 2026-03-10, en kies 'gebeurd' of 'bekend'.")
                    .status(HttpStatus.BAD_REQUEST).build());
        }
        String moment = alsOp == null || alsOp.isBlank() ? peiling.moment().toString() : alsOp.strip();
        String as = peiling.tijdas() == Tijdas.BEKEND ? "bekend" : "gebeurd";
        int gevraagd = stapnummer(stap, ga);
        return Werkers.blokkerend(() -> vragen.query(new KlantreisVraag(id, peiling.moment(), peiling.tijdas()),
                        optionalInstanceOf(Klantreis.class)).join())
                .map(gevonden -> gevonden.map(ReisafspeelController::zonderKlant))
                .map(gevonden -> weergave(klantreisId, gevonden.orElse(null), moment, as, gevraagd)
                        .modelAttribute("fout", gevonden.isPresent() ? ""
                                : "Deze klantreis bestond op dat moment niet, of is niet (meer) te vinden.")
                        .status(gevonden.isPresent() ? HttpStatus.OK : HttpStatus.NOT_FOUND)
                        .build());
    }

    private Rendering.Builder<?> weergave(String klantreisId, Klantreis reis, String alsOp, String tijdas, int stap) {
        return Rendering.view("paginas/analyse/afspelen")
                .modelAttribute("klantreisId", klantreisId)
                .modelAttribute("alsOp", alsOp == null ? "" : alsOp)
                .modelAttribute("tijdas", "bekend".equals(tijdas) ? "bekend" : "gebeurd")
                .modelAttribute("afspeling", Optional.ofNullable(reis).map(r -> Afspeling.van(r, stap, kanalen))
                        .orElse(null));
    }

    /** The step asked for, moved one back or on by the previous and next buttons; clamped later. */
    static int stapnummer(String stap, String ga) {
        int nummer;
        try {
            nummer = stap == null ? 1 : Integer.parseInt(stap.strip());
        } catch (NumberFormatException e) {
            nummer = 1;
        }
        if ("vorige".equals(ga)) {
            nummer--;
        } else if ("volgende".equals(ga)) {
            nummer++;
        }
        return nummer;
    }

    /** As the API answers an analist: the klant's pseudonym left out. */
    private static Klantreis zonderKlant(Klantreis reis) {
        return new Klantreis(reis.klantreisId(), null, reis.thema(), reis.status(), reis.gestartOp(), reis.beeindigdOp(),
                reis.stappen(), reis.kanaalwissels());
    }
}
