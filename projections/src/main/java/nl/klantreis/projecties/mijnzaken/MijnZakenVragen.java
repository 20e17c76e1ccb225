package nl.klantreis.projecties.mijnzaken;

import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import nl.klantreis.domein.referentie.Catalogus;
import nl.klantreis.projecties.leesmodel.Documentlezer;
import nl.klantreis.projecties.leesmodel.Projectiebeheer;
import nl.klantreis.projecties.privacy.Ontsleuteling;

/** Query handlers of MijnZaken. Blocking (JDBC): the API calls them from a worker thread. */
@Component
public class MijnZakenVragen {
    private final Documentlezer<Zaakdossier> dossiers;
    private final MijnZakenWeergave weergave;
    private final Ontsleuteling ontsleuteling;

    MijnZakenVragen(Projectiebeheer beheer, DataSource database, Catalogus catalogus, Ontsleuteling ontsleuteling) {
        this.dossiers = new Documentlezer<>(beheer, MijnZakenRegels.NAAM, database);
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
        return dossiers.document(vraag.zaak().toString())
                .filter(dossier -> vraag.burger() == null || (dossier.getRegistratie() != null
                        && vraag.burger().equals(dossier.getRegistratie().initiator())))
                .filter(dossier -> weergave.zichtbaar(dossier, vraag.peilmoment(), vraag.tijdas()))
                .map(dossier -> weergave.detail(dossier, vraag.peilmoment(), vraag.tijdas(),
                        ontsleuteling.voorEenAntwoord()));
    }

    /** The open zaken of a klant (for the klantbeeld): registered and not closed at the peilmoment. */
    public List<Zaakkaart> openZaken(String klantId, java.time.Instant peilmoment) {
        return weergave.kaarten(dossiers.vanEigenaar(klantId), peilmoment, MijnZakenWeergave.Tijdas.GEBEURD,
                        ontsleuteling.voorEenAntwoord()).stream()
                .filter(kaart -> kaart.afgesloten() == null).toList();
    }
}
