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
import nl.klantreis.projecties.tijd.Tijdas;

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
        return zaakstand(vraag).map(Zaakstand::detail);
    }

    /**
     * A zaak's detail as {@link ZaakdetailVraag} answers it, with the position of its dossier
     * read in the same row: the id of a live update, rising with every change of the zaak.
     * Blocking (JDBC).
     */
    public Optional<Zaakstand> zaakstand(ZaakdetailVraag vraag) {
        return dossiers.documentMetPositie(vraag.zaak().toString())
                .filter(gelezen -> vraag.burger() == null || (gelezen.document().getRegistratie() != null
                        && vraag.burger().equals(gelezen.document().getRegistratie().initiator())))
                .filter(gelezen -> weergave.zichtbaar(gelezen.document(), vraag.peilmoment(), vraag.tijdas()))
                .map(gelezen -> new Zaakstand(weergave.detail(gelezen.document(), vraag.peilmoment(), vraag.tijdas(),
                        ontsleuteling.voorEenAntwoord()), gelezen.positie()));
    }

    /** A zaak's detail and the position (global event index) of the dossier it was rendered from. */
    public record Zaakstand(Zaakdetail detail, long positie) {
    }

    /** The open zaken of a klant (for the klantbeeld): registered and not closed at the peilmoment. */
    public List<Zaakkaart> openZaken(String klantId, java.time.Instant peilmoment, Tijdas tijdas) {
        return weergave.kaarten(dossiers.vanEigenaar(klantId), peilmoment, tijdas,
                        ontsleuteling.voorEenAntwoord()).stream()
                .filter(kaart -> kaart.afgesloten() == null).toList();
    }
}
