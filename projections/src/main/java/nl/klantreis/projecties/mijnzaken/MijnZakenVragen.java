package nl.klantreis.projecties.mijnzaken;

import java.util.Optional;

import javax.sql.DataSource;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import nl.klantreis.domein.referentie.Catalogus;
import nl.klantreis.projecties.leesmodel.Documentlezer;
import nl.klantreis.projecties.leesmodel.Projectiebeheer;
import nl.klantreis.infrastructuur.privacy.Ontsleuteling;

/**
 * Query handlers of MijnZaken: the one read path for a zaak's state. GET, the live updates, the
 * klantbeeld and the tools all ask the query bus (ADR 0019); nothing calls this class directly.
 * Blocking (JDBC): the API calls the bus from a worker thread.
 */
@Component
class MijnZakenVragen {
    private final Documentlezer<Zaakdossier> dossiers;
    private final MijnZakenWeergave weergave;
    private final Ontsleuteling ontsleuteling;

    MijnZakenVragen(Projectiebeheer beheer, DataSource database, Catalogus catalogus, Ontsleuteling ontsleuteling) {
        this.dossiers = new Documentlezer<>(beheer, MijnZakenLeesregels.NAAM, database);
        this.weergave = new MijnZakenWeergave(catalogus);
        this.ontsleuteling = ontsleuteling;
    }

    @QueryHandler
    MijnZakenAntwoord mijnZaken(MijnZakenVraag vraag) {
        return new MijnZakenAntwoord(weergave.kaarten(dossiers.vanEigenaar(vraag.burger().waarde()),
                vraag.peilmoment(), vraag.tijdas(), ontsleuteling.voorEenAntwoord()));
    }

    @QueryHandler
    Optional<Zaakdetail> zaakdetail(ZaakdetailVraag vraag) {
        return zaakstand(vraag).map(Zaakstand::detail);
    }

    /**
     * The same question answered with the position of the dossier, read in the same row; the bus
     * picks this handler when asked for a {@link Zaakstand}.
     */
    @QueryHandler
    Optional<Zaakstand> zaakstand(ZaakdetailVraag vraag) {
        return dossiers.documentMetPositie(vraag.zaak().toString())
                .filter(gelezen -> vraag.burger() == null || (gelezen.document().registratie() != null
                        && vraag.burger().equals(gelezen.document().registratie().initiator())))
                .filter(gelezen -> weergave.zichtbaar(gelezen.document(), vraag.peilmoment(), vraag.tijdas()))
                .map(gelezen -> new Zaakstand(weergave.detail(gelezen.document(), vraag.peilmoment(), vraag.tijdas(),
                        ontsleuteling.voorEenAntwoord()), gelezen.positie()));
    }
}
