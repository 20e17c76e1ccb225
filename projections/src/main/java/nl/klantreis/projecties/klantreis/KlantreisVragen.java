package nl.klantreis.projecties.klantreis;

import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.projecties.leesmodel.Documentlezer;
import nl.klantreis.projecties.leesmodel.Projectiebeheer;
import nl.klantreis.projecties.tijd.Tijdas;

/**
 * Query handlers of the klantreis read model, on both time axes: {@code gebeurd} computes the
 * klantreizen again from the facts that had happened by the moment; {@code bekend} replays the
 * klant's events stored by then, which is what the live view showed at that moment. Blocking
 * (JDBC): the API calls them from a worker thread.
 */
@Component
class KlantreisVragen {
    private final Documentlezer<Klantdossier> dossiers;
    private final Klantgeschiedenis geschiedenis;

    KlantreisVragen(Projectiebeheer beheer, DataSource database, Klantgeschiedenis geschiedenis) {
        this.dossiers = new Documentlezer<>(beheer, KlantreisLeesregels.NAAM, database);
        this.geschiedenis = geschiedenis;
    }

    @QueryHandler
    KlantreizenAntwoord klantreizen(KlantreizenVraag vraag) {
        return new KlantreizenAntwoord(dossier(vraag.klantId(), vraag.tijdas(), vraag.peilmoment())
                .map(dossier -> weergave(dossier, vraag.tijdas(), vraag.peilmoment()))
                .orElse(List.of()));
    }

    @QueryHandler
    Optional<Klantreis> klantreis(KlantreisVraag vraag) {
        String id = vraag.klantreisId().toString();
        return dossiers.metZoeksleutel(id)
                .flatMap(huidig -> dossier(new KlantId(huidig.klantId()), vraag.tijdas(), vraag.peilmoment()))
                .flatMap(dossier -> weergave(dossier, vraag.tijdas(), vraag.peilmoment()).stream()
                        .filter(reis -> reis.klantreisId().equals(id)).findFirst());
    }

    @QueryHandler
    Boolean bekend(KlantBekendVraag vraag) {
        // A forgotten klant who never came back is unknown, exactly like one the engine never heard of.
        return dossiers.document(vraag.klantId().waarde()).filter(dossier -> !dossier.isVergeten()).isPresent();
    }

    private Optional<Klantdossier> dossier(KlantId klant, Tijdas tijdas, java.time.Instant peilmoment) {
        return (tijdas == Tijdas.BEKEND ? geschiedenis.zoalsBekendOp(klant, peilmoment)
                : dossiers.document(klant.waarde())).filter(dossier -> !dossier.isVergeten());
    }

    private static List<Klantreis> weergave(Klantdossier dossier, Tijdas tijdas, java.time.Instant peilmoment) {
        return tijdas == Tijdas.BEKEND ? KlantreisWeergave.klantreizen(dossier, peilmoment)
                : KlantreisWeergave.zoalsGebeurdOp(dossier, peilmoment);
    }
}
