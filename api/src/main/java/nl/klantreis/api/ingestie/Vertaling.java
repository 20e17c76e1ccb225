package nl.klantreis.api.ingestie;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.domein.gedeeld.ZaakId;
import nl.klantreis.domein.referentie.Catalogus;
import nl.klantreis.infrastructuur.privacy.Pseudoniemen;
import nl.klantreis.infrastructuur.privacy.Sleutelring;
import nl.klantreis.infrastructuur.privacy.Versleuteling;

/**
 * Turns a batch's messages into commands: gathers what they need (keys, aggregates) in one
 * statement each rather than one per message, and hands each message an {@link Omzetting}. What a
 * message becomes is the message's own ({@link Bericht#voerUit}); this class knows no type.
 */
@Component
class Vertaling {
    private final Klanten klanten;
    private final Sleutelring sleutelring;
    private final Versleuteling versleuteling;
    private final Batchaggregaten aggregaten;
    private final Catalogus catalogus;

    Vertaling(Pseudoniemen pseudoniemen, Sleutelring sleutelring, Versleuteling versleuteling,
              Batchaggregaten aggregaten, Catalogus catalogus) {
        this.klanten = new Klanten(pseudoniemen);
        this.sleutelring = sleutelring;
        this.versleuteling = versleuteling;
        this.aggregaten = aggregaten;
        this.catalogus = catalogus;
    }

    Klanten klanten() {
        return klanten;
    }

    /** The keys the messages need, fetched (or made) in two statements; the caller gives the transaction. */
    Sleutels haalSleutels(List<Beoordeling> berichten) {
        Set<KlantId> klantsleutels = new HashSet<>();
        Set<ZaakId> zaaksleutels = new HashSet<>();
        for (Beoordeling b : berichten) {
            b.bericht().sleutels(klanten, klantsleutels, zaaksleutels);
        }
        return new Sleutels(klantsleutels.isEmpty() ? Map.of() : sleutelring.voorKlanten(klantsleutels),
                zaaksleutels.isEmpty() ? Map.of() : sleutelring.voorZaken(zaaksleutels));
    }

    /** The aggregates the messages will load, in message order. */
    List<String> aggregaten(List<Beoordeling> berichten) {
        List<String> ids = new ArrayList<>();
        for (Beoordeling b : berichten) {
            b.bericht().aggregaten(klanten, ids);
        }
        return ids;
    }

    /** The start of one attempt at a batch; {@link #rondAf} once all its messages are done. */
    Omzetting begin(Sleutels sleutels) {
        return new Omzetting(klanten, sleutels, versleuteling, aggregaten.begin(), catalogus);
    }

    /**
     * Hands the attempt's events to the event store and links each zaak registered in it to its
     * klant's key, both in the batch's transaction.
     */
    void rondAf(Omzetting omzetting) {
        omzetting.publiceer();
        sleutelring.koppelZakenAanKlant(omzetting.zaakKoppelingen());
    }
}
