package nl.klantreis.api.mijnzaken;

import static org.axonframework.messaging.responsetypes.ResponseTypes.instanceOf;
import static org.axonframework.messaging.responsetypes.ResponseTypes.optionalInstanceOf;

import java.util.List;

import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import nl.klantreis.api.audit.Tracecontext;
import nl.klantreis.api.audit.Verwerkingslog;
import nl.klantreis.api.audit.Verwerkingsverslag;
import nl.klantreis.api.beveiliging.Gebruiker;
import nl.klantreis.api.web.Audits;
import nl.klantreis.api.web.NietGevonden;
import nl.klantreis.projecties.tijd.Peiling;
import nl.klantreis.api.web.Werkers;
import nl.klantreis.domein.gedeeld.Identificatiesoort;
import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.domein.gedeeld.ZaakId;
import nl.klantreis.infrastructuur.privacy.Pseudoniemen;
import nl.klantreis.projecties.mijnzaken.MijnZakenAntwoord;
import nl.klantreis.projecties.mijnzaken.MijnZakenVraag;
import nl.klantreis.projecties.mijnzaken.Zaakdetail;
import nl.klantreis.projecties.mijnzaken.ZaakdetailVraag;
import reactor.core.publisher.Mono;

/**
 * A burger's look at his zaken: the query on the bus and its processing record, stored before the
 * answer is given. One place for the JSON API ({@code GET /api/v1/mijnzaken...}) and the MijnZaken
 * pages, so that both read the same data and leave the same records (issue 11).
 */
@Component
public class MijnZakenInzage {
    public static final String ACTIVITEIT_LIJST = "mijnzaken-inzien";
    public static final String ACTIVITEIT_ZAAK = "zaak-inzien";

    private final QueryGateway vragen;
    private final Verwerkingslog log;
    private final Pseudoniemen pseudoniemen;

    MijnZakenInzage(QueryGateway vragen, Verwerkingslog log, Pseudoniemen pseudoniemen) {
        this.vragen = vragen;
        this.log = log;
        this.pseudoniemen = pseudoniemen;
    }

    /** His zaken, newest first, as they stood at {@code peiling}; logged before they are given. */
    public Mono<MijnZakenAntwoord> zaken(Gebruiker burger, Peiling peiling, Tracecontext trace) {
        KlantId klant = klant(burger);
        return Werkers.blokkerend(() -> vragen.query(new MijnZakenVraag(klant, peiling.moment(), peiling.tijdas()),
                        instanceOf(MijnZakenAntwoord.class)).join())
                .flatMap(antwoord -> log.leg(verslag(burger, trace, ACTIVITEIT_LIJST, List.of(klant), Audits.GETOOND))
                        .thenReturn(antwoord));
    }

    /**
     * One of his zaken in detail; {@link NietGevonden} for another's zaak and for one that does not
     * exist alike, after the probe was logged (no data shown, but accounted for).
     */
    public Mono<Zaakdetail> zaak(Gebruiker burger, ZaakId zaak, Peiling peiling, Tracecontext trace) {
        KlantId klant = klant(burger);
        return Werkers.blokkerend(() -> vragen.query(new ZaakdetailVraag(zaak, klant, peiling.moment(), peiling.tijdas()),
                        optionalInstanceOf(Zaakdetail.class)).join())
                .flatMap(detail -> detail.isPresent()
                        ? log.leg(verslag(burger, trace, ACTIVITEIT_ZAAK, List.of(klant), Audits.GETOOND))
                                .thenReturn(detail.get())
                        : log.leg(verslag(burger, trace, ACTIVITEIT_ZAAK, List.of(), Audits.NIET_GEVONDEN))
                                .then(Mono.error(new NietGevonden("deze zaak bestaat niet"))));
    }

    private KlantId klant(Gebruiker burger) {
        return pseudoniemen.voor(Identificatiesoort.BSN, burger.bsn());
    }

    private static Verwerkingsverslag verslag(Gebruiker burger, Tracecontext trace, String activiteit,
                                              List<KlantId> betrokkenen, String resultaat) {
        return new Verwerkingsverslag(burger, trace, activiteit, Audits.DIENSTVERLENING_BURGER, Audits.PUBLIEKE_TAAK,
                betrokkenen, resultaat);
    }
}
