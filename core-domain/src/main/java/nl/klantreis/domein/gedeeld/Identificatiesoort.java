package nl.klantreis.domein.gedeeld;

/** How a klant made himself known. */
public enum Identificatiesoort {
    BSN, KVK, ANONIEM
}
