package nl.klantreis.projecties.klantbeeld;

import javax.sql.DataSource;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import nl.klantreis.projecties.klantreis.Klantdossier;
import nl.klantreis.projecties.klantreis.Klantgeschiedenis;
import nl.klantreis.projecties.klantreis.KlantreisLeesregels;
import nl.klantreis.projecties.leesmodel.Documentlezer;
import nl.klantreis.projecties.leesmodel.Projectiebeheer;
import nl.klantreis.projecties.mijnzaken.MijnZakenVragen;
import nl.klantreis.projecties.tijd.Tijdas;
import nl.klantreis.projecties.mijnzaken.Zaakkaart;
import nl.klantreis.projecties.privacy.Ontsleuteling;

/**
 * The klantbeeld, made from the klantreis read model (contacts, klantreizen, preferences) and
 * MijnZaken (his open zaken); personal fields are decrypted only now, when it is read.
 */
@Component
class KlantbeeldVragen {
    private final Documentlezer<Klantdossier> dossiers;
    private final MijnZakenVragen mijnZaken;
    private final Ontsleuteling ontsleuteling;

    private final Klantgeschiedenis geschiedenis;

    KlantbeeldVragen(Projectiebeheer beheer, DataSource database, MijnZakenVragen mijnZaken,
                     Ontsleuteling ontsleuteling, Klantgeschiedenis geschiedenis) {
        this.geschiedenis = geschiedenis;
        this.dossiers = new Documentlezer<>(beheer, KlantreisLeesregels.NAAM, database);
        this.mijnZaken = mijnZaken;
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
                        vraag.tijdas(), ontsleuteling.voorEenAntwoord(),
                        mijnZaken.openZaken(vraag.klantId().waarde(), vraag.peilmoment(), vraag.tijdas())))
                .orElse(null));
    }
}
