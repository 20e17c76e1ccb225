package nl.klantreis.projecties.klantreis;

import java.util.Optional;

import javax.sql.DataSource;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import nl.klantreis.projecties.leesmodel.Documentlezer;
import nl.klantreis.projecties.leesmodel.Projectiebeheer;

/** Query handlers of the klantreis read model. Blocking (JDBC): the API calls them from a worker thread. */
@Component
class KlantreisVragen {
    private final Documentlezer<Klantdossier> dossiers;

    KlantreisVragen(Projectiebeheer beheer, DataSource database) {
        this.dossiers = new Documentlezer<>(beheer, KlantreisLeesregels.NAAM, database);
    }

    @QueryHandler
    KlantreizenAntwoord klantreizen(KlantreizenVraag vraag) {
        return new KlantreizenAntwoord(dossiers.document(vraag.klantId().waarde())
                .map(dossier -> KlantreisWeergave.klantreizen(dossier, vraag.peilmoment()))
                .orElse(java.util.List.of()));
    }

    @QueryHandler
    Optional<Klantreis> klantreis(KlantreisVraag vraag) {
        return dossiers.metZoeksleutel(vraag.klantreisId().toString())
                .flatMap(dossier -> KlantreisWeergave.klantreis(dossier, vraag.klantreisId(), vraag.peilmoment()));
    }
}
