package nl.klantreis.bronnen;

/**
 * Reads the source's current state of one zaak or klantcontact and says which CloudEvents of the ingestion
 * contract it amounts to. Blocking (HTTP); without side effects of its own, so running it twice for the same
 * {@link Melding} is harmless: the same state gives the same messages with the same ids.
 */
public interface Synchronisatie {

    /**
     * @throws Bronfout when the source could not answer (temporary: retried with back-off; lasting: dead
     *                  letter at once)
     */
    Resultaat synchroniseer(Melding melding) throws Bronfout;
}
