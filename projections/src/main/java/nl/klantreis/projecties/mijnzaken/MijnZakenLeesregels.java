package nl.klantreis.projecties.mijnzaken;

import org.springframework.stereotype.Component;
import java.time.Instant;

import nl.klantreis.domein.gedeeld.ZaakId;
import nl.klantreis.domein.klant.KlantcontactGeregistreerd;
import nl.klantreis.domein.klant.ZaakKoppelingVergeten;
import nl.klantreis.domein.zaak.ZaakEvent;
import nl.klantreis.projecties.leesmodel.Documentleesregels;

/**
 * The MijnZaken read model: one {@link Zaakdossier} per zaak, found per citizen through its
 * initiator. A klantcontact that names a zaak goes into that zaak's dossier, whichever aggregate
 * recorded it, so the citizen sees his contacts about a zaak next to its statuses.
 */
@Component
public final class MijnZakenLeesregels implements Documentleesregels<Zaakdossier> {
    public static final String NAAM = "mijnzaken";

    @Override
    public String naam() {
        return NAAM;
    }

    @Override
    public Class<Zaakdossier> documenttype() {
        return Zaakdossier.class;
    }

    @Override
    public String documentsleutel(Object event, String aggregaat) {
        if (event instanceof ZaakEvent zaakEvent) {
            return zaakEvent.zaakId().toString();
        }
        if (event instanceof KlantcontactGeregistreerd contact && contact.zaakId() != null) {
            return contact.zaakId().toString();
        }
        if (event instanceof ZaakKoppelingVergeten vergeten) {
            return vergeten.zaakId().toString();
        }
        return null;
    }

    /** Every event of the Zaak aggregate goes to the zaak's own dossier (contacts come from klanten). */
    @Override
    public boolean heelAggregaat(Object event) {
        return event instanceof ZaakEvent;
    }

    @Override
    public Zaakdossier pasToe(Zaakdossier document, String documentsleutel, Object event, Instant bekendOp) {
        if (document == null && event instanceof ZaakKoppelingVergeten) {
            return null; // nothing of him to forget in a dossier that does not exist
        }
        Zaakdossier dossier = document != null ? document : new Zaakdossier(ZaakId.van(documentsleutel));
        dossier.pasToe(event, bekendOp);
        return dossier;
    }

    /** Every change of a zaak is announced after commit: the live track and trace pushes it. */
    @Override
    public boolean meldWijzigingen() {
        return true;
    }

    /**
     * Null until registered: a status that arrived first does not yet say whose zaak it is. Null
     * again once its initiator is forgotten: then it is nobody's.
     */
    @Override
    public String eigenaar(Zaakdossier document) {
        return document.isGeregistreerd() && document.registratie().initiator() != null
                ? document.registratie().initiator().waarde() : null;
    }

    /** Forgetting a klant also forgets which of his events this dossier applied (his pseudonym is the key). */
    @Override
    public boolean vergeetBron(Object event) {
        return event instanceof ZaakKoppelingVergeten;
    }
}
