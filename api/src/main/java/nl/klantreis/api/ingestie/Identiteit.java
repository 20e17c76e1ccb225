package nl.klantreis.api.ingestie;

/** The CloudEvent attributes every {@link Bericht} carries; (source, id) is the idempotency key. */
record Identiteit(String source, String id, String type) {
}
