package nl.klantreis.api.ingestie;

/**
 * How one type of the ingestion contract is read: its CloudEvent type and the checks of its
 * {@code data}. Each message record nests its own (a class {@code Soort}), so that one file holds
 * everything about a type; {@link Berichtsoorten} finds them, so nothing else lists the types.
 * Needs a constructor without arguments, and must be stateless: one instance serves every thread.
 */
interface Berichtsoort {
    /** The CloudEvent {@code type} this reads. */
    String type();

    /**
     * Reads {@code data}, recording every broken rule in {@code velden}.
     *
     * @return the message, or {@code null} when any fout has been recorded for the message
     */
    Bericht lees(Identiteit identiteit, KeuringVelden velden, Naslag naslag);
}
