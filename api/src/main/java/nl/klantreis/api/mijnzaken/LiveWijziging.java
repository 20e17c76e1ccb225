package nl.klantreis.api.mijnzaken;

/**
 * What the {@link Wijzigingsluisteraar} heard: zaak {@code zaakId} has been committed at
 * {@code positie} (the global index of the last event in its dossier), or, for
 * {@link #HERSYNCHRONISATIE}, that changes may have been missed and every stream should read its
 * zaak again.
 *
 * @param ontvangenOp {@link System#nanoTime()} when the notification came in: the first moment
 *                    after the commit this node can observe, where push latency is measured from
 */
record LiveWijziging(String zaakId, long positie, long ontvangenOp) {

    /** Notifications may have been lost (reconnect, switch of generation): read again. */
    static final LiveWijziging HERSYNCHRONISATIE = new LiveWijziging(null, -1, 0);

    boolean hersynchronisatie() {
        return zaakId == null;
    }

    /** From a payload {@code <sleutel>:<positie>}, or {@code *} for a resync; null when unreadable. */
    static LiveWijziging uit(String payload, long ontvangenOp) {
        if (payload == null) {
            return null;
        }
        if (payload.equals("*")) {
            return HERSYNCHRONISATIE;
        }
        int scheiding = payload.lastIndexOf(':');
        if (scheiding <= 0) {
            return null;
        }
        try {
            return new LiveWijziging(payload.substring(0, scheiding), Long.parseLong(payload.substring(scheiding + 1)),
                    ontvangenOp);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
