package nl.klantreis.api.web;

/** Answered 404; the same answer whether a thing does not exist or is not the caller's to see. */
public final class NietGevonden extends RuntimeException {
    public NietGevonden(String detail) {
        super(detail, null, false, false);
    }
}
