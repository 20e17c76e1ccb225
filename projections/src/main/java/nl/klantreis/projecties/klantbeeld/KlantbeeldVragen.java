package nl.klantreis.projecties.klantbeeld;

import static org.axonframework.messaging.responsetypes.ResponseTypes.instanceOf;

import java.util.List;

import javax.sql.DataSource;

import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import nl.klantreis.projecties.klantreis.Klantdossier;
import nl.klantreis.projecties.klantreis.Klantgeschiedenis;
import nl.klantreis.projecties.klantreis.KlantreisLeesregels;
import nl.klantreis.projecties.leesmodel.Documentlezer;
import nl.klantreis.projecties.leesmodel.Projectiebeheer;
import nl.klantreis.projecties.mijnzaken.MijnZakenAntwoord;
import nl.klantreis.projecties.mijnzaken.MijnZakenVraag;
import nl.klantreis.projecties.mijnzaken.Zaakkaart;
import nl.klantreis.infrastructuur.privacy.Ontsleuteling;
import nl.klantreis.projecties.tijd.Tijdas;

/**
 * The klantbeeld, made from the klantreis read model (contacts, klantreizen, preferences) and
 * MijnZaken (his open zaken); personal fields are decrypted only now, when it is read. His zaken
 * are asked of the query bus, the one read path for a zaak's state (ADR 0019), so the klantbeeld
 * shows them exactly as MijnZaken does.
 */
@Component
class KlantbeeldVragen {
    private final Documentlezer<Klantdossier> dossiers;
    private final QueryGateway vragen;
    private final Ontsleuteling ontsleuteling;

    private final Klantgeschiedenis geschiedenis;

    KlantbeeldVragen(Projectiebeheer beheer, DataSource database, QueryGateway vragen,
                     Ontsleuteling ontsleuteling, Klantgeschiedenis geschiedenis) {
        this.geschiedenis = geschiedenis;
        this.dossiers = new Documentlezer<>(beheer, KlantreisLeesregels.NAAM, database);
        this.vragen = vragen;
        this.ontsleuteling = ontsleuteling;
    }

    @QueryHandler
    KlantbeeldAntwoord klantbeeld(KlantbeeldVraag vraag) {
        var dossier = vraag.tijdas() == Tijdas.BEKEND
                ? geschiedenis.zoalsBekendOp(vraag.klantId(), vraag.peilmoment())
                : dossiers.document(vraag.klantId().waarde());
        // Forgotten (or what a forgotten klant left behind): unknown, like a klant never heard of.
        dossier = dossier.filter(d -> !d.isVergeten());
        return new KlantbeeldAntwoord(dossier.map(d -> KlantbeeldWeergave.klantbeeld(d, vraag.peilmoment(),
                        vraag.tijdas(), ontsleuteling.voorEenAntwoord(), openZaken(vraag)))
                .orElse(null));
    }

    /** His zaken as MijnZaken shows them at the same moment on the same axis, without the closed ones. */
    private List<Zaakkaart> openZaken(KlantbeeldVraag vraag) {
        // The in-process query bus answers on this thread: join() waits for nothing.
        return vragen.query(new MijnZakenVraag(vraag.klantId(), vraag.peilmoment(), vraag.tijdas()),
                        instanceOf(MijnZakenAntwoord.class)).join().zaken().stream()
                .filter(kaart -> kaart.afgesloten() == null)
                .toList();
    }
}
