package nl.klantreis.projecties.leesmodel;

import java.time.Instant;
import java.util.List;

/**
 * The pure part of a read model kept as one document per key (a klant, a zaak): which document an
 * event changes, and how. The projection engine does the rest: it groups a batch of events by key,
 * loads the documents in one query, applies the events in order, and writes the documents back
 * in one batch, in the same transaction as the processor's token; replayed events (at or before a
 * document's stored position) are skipped, which makes the projection idempotent.
 *
 * @param <D> the document: a mutable class or record that Jackson can write and read with
 *            {@code Eventserialisatie.objectMapper()} (ids as strings, times as RFC 3339)
 */
public interface Documentleesregels<D> {

    /** The read model's name: its processing group and the base of its table names. */
    String naam();

    Class<D> documenttype();

    /**
     * The key of the document this event changes, or null when the event does not concern this
     * read model. Also the sequencing key: all events of one document are handled in order by one
     * segment.
     *
     * @param aggregaat the identifier of the aggregate that applied the event
     */
    String documentsleutel(Object event, String aggregaat);

    /**
     * Whether this document receives every event of the aggregate that applied {@code event} (the
     * klant's dossier, every event of the Klant aggregate). The aggregate's sequence numbers then
     * follow each other in the document without a hole, and a hole means the processor never
     * delivered an event that is in the store: the projection reads it from the store and applies
     * it first ({@link Documentprojectie.Aanvulling}), rather than build on an incomplete history.
     */
    default boolean heelAggregaat(Object event) {
        return false;
    }

    /**
     * Applies one event.
     *
     * @param document the current document, or null when there is none yet
     * @param bekendOp when the engine stored the event (the {@code bekend} time axis)
     * @return the document after the event (the same instance, changed, or a new one)
     */
    D pasToe(D document, String documentsleutel, Object event, Instant bekendOp);

    /**
     * Part of a document that an event moves out into a document of its own, under a key that no
     * event names: what a forgotten klant leaves behind, kept anonymously so it keeps counting.
     * Asked before {@link #pasToe} with the document as it was; the split-off document is written
     * in the same transaction and never changed again.
     *
     * @param eventId the event's message identifier: random, only in the event store, and the
     *                  same in every rebuild, so the new key is too
     * @return the new document, or null when the event splits nothing off
     */
    default Afsplitsing<D> splitsAf(D document, Object event, String eventId) {
        return null;
    }

    /**
     * Whether, after this event, the document forgets which events of its aggregate it applied,
     * instead of remembering the last one: the aggregate's id is a klant's pseudonym, and a
     * forgotten klant must not stay named in a document that is not his (a zaak he named).
     */
    default boolean vergeetBron(Object event) {
        return false;
    }

    /** A document moved out of another one under a new key. */
    record Afsplitsing<D>(String documentsleutel, D document) {
    }

    /** The klant pseudonym the document belongs to, for lookups per klant; null when unknown. */
    default String eigenaar(D document) {
        return null;
    }

    /** Further values the document can be found by (e.g. the ids of the klantreizen it holds). */
    default List<String> zoeksleutels(D document) {
        return List.of();
    }

    /**
     * Whether the serving generation announces each changed document on the PostgreSQL channel
     * {@code leesmodel_<naam>} ({@link Documentprojectie#kanaal(String)}), with payload
     * {@code <documentsleutel>:<positie>}, in the transaction that writes it: PostgreSQL delivers a
     * NOTIFY only when that transaction commits, so a listener never hears of a change that a
     * read could not yet see. For read models that are pushed live (MijnZaken).
     */
    default boolean meldWijzigingen() {
        return false;
    }
}
