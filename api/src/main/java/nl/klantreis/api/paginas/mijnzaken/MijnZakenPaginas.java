package nl.klantreis.api.paginas.mijnzaken;

import java.time.Clock;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;

import nl.klantreis.api.audit.EigenVerwerkingen;
import nl.klantreis.api.audit.Tracering;
import nl.klantreis.api.beveiliging.Gebruikers;
import nl.klantreis.api.mijnzaken.MijnZakenInzage;
import nl.klantreis.api.web.NietGevonden;
import nl.klantreis.api.web.Peilingparameters;
import nl.klantreis.projecties.tijd.Peiling;
import nl.klantreis.api.web.Uuids;
import nl.klantreis.domein.gedeeld.ZaakId;
import reactor.core.publisher.Mono;

/**
 * The citizen's MijnZaken pages: his zaken as cards, one zaak with its status timeline, contacts
 * and changes of its term, and "Wie heeft mijn gegevens ingezien". Data and processing records come
 * from the same services as the JSON API ({@link MijnZakenInzage}, {@link EigenVerwerkingen}), so a
 * page reads what {@code GET /api/v1/mijnzaken...} reads and leaves the same record, stored before
 * the page is rendered. Another's zaak and a missing one: the one 404 page.
 */
@Controller
class MijnZakenPaginas {
    /** Enough for years of use; the page says when there are more. */
    static final int VERWERKINGEN_OP_PAGINA = 200;

    private final MijnZakenInzage inzage;
    private final EigenVerwerkingen verwerkingen;
    private final Clock klok;

    MijnZakenPaginas(MijnZakenInzage inzage, EigenVerwerkingen verwerkingen, Clock klok) {
        this.inzage = inzage;
        this.verwerkingen = verwerkingen;
        this.klok = klok;
    }

    @GetMapping(MijnZakenGebied.PAD)
    Mono<Rendering> zaken(ServerWebExchange verzoek) {
        Peiling nu = Peilingparameters.uit(null, null, klok);
        return Gebruikers.huidige()
                .flatMap(burger -> inzage.zaken(burger, nu, Tracering.van(verzoek)))
                .map(antwoord -> Rendering.view("paginas/mijnzaken/zaken")
                        .modelAttribute("zaken", antwoord.zaken().stream().map(Zaakweergave::kaart).toList())
                        .build());
    }

    @GetMapping(MijnZakenGebied.PAD + "/verwerkingen")
    Mono<Rendering> verwerkingen(ServerWebExchange verzoek) {
        return Gebruikers.huidige()
                .flatMap(burger -> verwerkingen.lees(burger, Tracering.van(verzoek), VERWERKINGEN_OP_PAGINA))
                .map(lijst -> Rendering.view("paginas/mijnzaken/verwerkingen")
                        .modelAttribute("verwerkingen", lijst.verwerkingen().stream().map(Verwerkingweergave::van).toList())
                        .modelAttribute("meer", lijst.meer())
                        .build());
    }

    @GetMapping(MijnZakenGebied.PAD + "/{zaakId}")
    Mono<Rendering> zaak(@PathVariable String zaakId, ServerWebExchange verzoek) {
        ZaakId zaak = zaakId(zaakId);
        Peiling nu = Peilingparameters.uit(null, null, klok);
        return Gebruikers.huidige()
                .flatMap(burger -> inzage.zaak(burger, zaak, nu, Tracering.van(verzoek)))
                .map(detail -> Rendering.view(Statusfragment.SJABLOON)
                        .modelAttribute("zaak", Zaakweergave.zaak(detail))
                        .build());
    }

    /**
     * A page address that is no zaak id is a page that does not exist: the 404 page (the API answers
     * 400 to it; no data is looked up, so, as there, no record).
     */
    static ZaakId zaakId(String tekst) {
        try {
            return new ZaakId(Uuids.strikt(tekst));
        } catch (IllegalArgumentException e) {
            throw new NietGevonden("geen zaak-id");
        }
    }
}
