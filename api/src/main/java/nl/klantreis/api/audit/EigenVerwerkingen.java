package nl.klantreis.api.audit;

import java.util.List;

import org.springframework.stereotype.Component;

import nl.klantreis.api.beveiliging.Gebruiker;
import nl.klantreis.api.web.Werkers;
import nl.klantreis.domein.gedeeld.Identificatiesoort;
import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.infrastructuur.privacy.Pseudoniemen;
import reactor.core.publisher.Mono;

/**
 * "Who processed my data" (AVG art. 15) for the burger himself: his processing records, newest
 * first, and the record of this look, stored before the list is given. One place for the JSON API
 * ({@code GET /api/v1/mijn-gegevens/verwerkingen}) and the MijnZaken page "Wie heeft mijn gegevens
 * ingezien", so both read the same records and leave the same record.
 */
@Component
public class EigenVerwerkingen {
    public static final int MAXIMALE_LIMIET = Auditvragen.MAXIMALE_LIMIET;

    private final Auditvragen vragen;
    private final Verwerkingslog log;
    private final Pseudoniemen pseudoniemen;

    EigenVerwerkingen(Auditvragen vragen, Verwerkingslog log, Pseudoniemen pseudoniemen) {
        this.vragen = vragen;
        this.log = log;
        this.pseudoniemen = pseudoniemen;
    }

    /** @param meer whether there were more than the limit */
    public record Lijst(List<EigenVerwerking> verwerkingen, boolean meer) {
        public Lijst {
            verwerkingen = List.copyOf(verwerkingen);
        }
    }

    /** At most {@code limiet} (1 to {@link #MAXIMALE_LIMIET}) of this burger's processing records. */
    public Mono<Lijst> lees(Gebruiker burger, Tracecontext trace, int limiet) {
        KlantId klant = pseudoniemen.voor(Identificatiesoort.BSN, burger.bsn());
        return Werkers.blokkerend(() -> vragen.vanBetrokkene(klant, limiet))
                .flatMap(uitkomst -> log.leg(new Verwerkingsverslag(burger, trace, AuditController.VERWERKINGEN_INZIEN,
                                AuditController.DOEL_INZAGE, AuditController.GRONDSLAG_INZAGE, List.of(klant),
                                AuditController.GETOOND))
                        .thenReturn(new Lijst(uitkomst.regels(), uitkomst.meer())));
    }
}
