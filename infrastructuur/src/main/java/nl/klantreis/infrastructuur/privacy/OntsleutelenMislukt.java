package nl.klantreis.infrastructuur.privacy;

/**
 * A value could not be decrypted although its key exists: it was altered, truncated, or made with
 * another key. Never the normal case of a forgotten klant (that is an empty Optional), so it must
 * not be swallowed.
 */
public final class OntsleutelenMislukt extends RuntimeException {

    private static final long serialVersionUID = 1L;

    OntsleutelenMislukt(String bericht, Throwable oorzaak) {
        super(bericht, oorzaak);
    }

    OntsleutelenMislukt(String bericht) {
        super(bericht);
    }
}
