package nl.klantreis.replay.verzenden;

/** One request's worth: the JSON array as bytes, and where its messages stood in the file. */
record Batch(byte[] inhoud, int aantal, long[] regels) {
    static final Batch EINDE = new Batch(new byte[0], 0, new long[0]);

    /** The line number (from 1) of the message at this position of the batch (from 0). */
    long regel(int positie) {
        return positie >= 0 && positie < regels.length ? regels[positie] : -1;
    }

    String regelbereik() {
        return "regels " + regels[0] + "-" + regels[regels.length - 1];
    }
}
