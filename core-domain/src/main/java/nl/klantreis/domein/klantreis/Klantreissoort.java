package nl.klantreis.domein.klantreis;

/** Why a klantreis exists; part of the key from which its id is derived. */
public enum Klantreissoort {
    /** The klantreis of a zaak: from orientation to after-care. */
    ZAAK,
    /** Contacts naming a zaak more than 14 days after it was closed. */
    VERVOLG,
    /** Contacts without a zaak, on one onderwerp. */
    ONDERWERP,
    /** One anonymous contact. */
    ANONIEM
}
