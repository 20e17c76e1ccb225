package nl.klantreis.api.audit;

/**
 * The processing records of a request could not be stored: the caller must not show the
 * answer it was about to give (it answers 503 through the general error handling).
 */
final class AuditNietOpgeslagen extends RuntimeException {
    AuditNietOpgeslagen(String reden, Throwable oorzaak) {
        super(reden, oorzaak);
    }
}
