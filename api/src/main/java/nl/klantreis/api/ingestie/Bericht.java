package nl.klantreis.api.ingestie;

import java.util.List;
import java.util.Set;

import nl.klantreis.domein.gedeeld.Afhandeling;
import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.domein.gedeeld.ZaakId;

/**
 * An accepted message, read into the fields of its type. {@code source}, {@code id} and
 * {@code type} are the CloudEvent's; ({@code source}, {@code id}) is the idempotency key.
 *
 * <p>Each type is the home of everything about it: its record declares the {@link Berichtsoort}
 * that reads and checks it and describes its {@code data}, and implements here what the batch
 * needs of it, so that the batch, the keuring, the metrics and the OpenAPI description never ask
 * which type a message is.
 *
 * <p>Sealed: the {@code permits} (here and in {@link Zaakbericht}) is the list of types that
 * {@link Berichtsoorten} reads, in the order of the contract and so of the OpenAPI description.
 */
sealed interface Bericht permits KlantcontactBericht, ZaakGeregistreerdBericht, Zaakbericht, KanaalvoorkeurBericht {
    String source();

    String id();

    String type();

    /** The metrics' kanaal label: a kanaal code of the reference data, or {@code geen} for a type without one. */
    default String kanaal() {
        return "geen";
    }

    /**
     * The klanten and zaken whose keys encrypt this message's personal fields. They are fetched
     * (or made) for the whole batch at once, before its transaction.
     */
    void sleutels(Klanten klanten, Set<KlantId> klantsleutels, Set<ZaakId> zaaksleutels);

    /** The identifiers of the aggregates its commands load, so the batch reads them in one query. */
    void aggregaten(Klanten klanten, List<String> ids);

    /** The klantcontact this message registers for a klant; {@code null} when it registers none. */
    default Klantcontactclaim klantcontactclaim(Klanten klanten) {
        return null;
    }

    /**
     * Sends the command(s) this message becomes, within the batch's unit of work.
     *
     * @throws nl.klantreis.domein.gedeeld.RegelOvertreden when the domain refuses it
     */
    Afhandeling voerUit(Omzetting omzetting);
}
