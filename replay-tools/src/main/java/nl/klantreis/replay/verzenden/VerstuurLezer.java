package nl.klantreis.replay.verzenden;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Cuts an NDJSON stream into batches for {@code POST /api/v1/events}: each batch the JSON array
 * {@code [line,line,...]} as bytes. The lines are not parsed; a line that is not a CloudEvent is
 * for the engine to reject, with its reasons. Blank lines are skipped, a {@code \r} before the
 * newline is dropped, and the last line needs no newline. Reads in blocks: memory is one batch.
 */
final class VerstuurLezer {
    private static final int BLOK = 1 << 16;

    private final InputStream invoer;
    private final int grootte;
    private final byte[] blok = new byte[BLOK];
    private int gevuld;
    private int plek;
    private boolean op;
    private long regelnummer;
    private final ByteArrayOutputStream regel = new ByteArrayOutputStream(2048);

    VerstuurLezer(InputStream invoer, int grootte) {
        this.invoer = invoer;
        this.grootte = grootte;
    }

    /** The next batch, or null at the end of the stream. */
    Batch volgende() throws IOException {
        ByteArrayOutputStream batch = new ByteArrayOutputStream(grootte * 1024);
        long[] regels = new long[grootte];
        int aantal = 0;
        while (aantal < grootte && leesRegel()) {
            if (leeg()) {
                continue;
            }
            batch.write(aantal == 0 ? '[' : ',');
            regel.writeTo(batch);
            regels[aantal++] = regelnummer;
        }
        if (aantal == 0) {
            return null;
        }
        batch.write(']');
        return new Batch(batch.toByteArray(), aantal, Arrays.copyOf(regels, aantal));
    }

    /** Reads the next line into {@code regel}, without its line end; false at the end of the stream. */
    private boolean leesRegel() throws IOException {
        regel.reset();
        boolean iets = false;
        while (true) {
            if (plek == gevuld) {
                if (op) {
                    break;
                }
                gevuld = invoer.read(blok);
                plek = 0;
                if (gevuld <= 0) {
                    gevuld = 0;
                    op = true;
                    break;
                }
            }
            iets = true;
            int begin = plek;
            while (plek < gevuld && blok[plek] != '\n') {
                plek++;
            }
            regel.write(blok, begin, plek - begin);
            if (plek < gevuld) {
                plek++;
                regelnummer++;
                return true;
            }
        }
        if (iets) {
            regelnummer++;
        }
        return iets;
    }

    private boolean leeg() {
        byte[] inhoud = regel.toByteArray();
        int einde = inhoud.length;
        if (einde > 0 && inhoud[einde - 1] == '\r') {
            regel.reset();
            regel.write(inhoud, 0, einde - 1);
            einde--;
        }
        for (int i = 0; i < einde; i++) {
            byte b = inhoud[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    /** How many lines a file has (a last line without newline counts), for the progress line. */
    static long telRegels(Path pad) throws IOException {
        long regels = 0;
        byte vorige = '\n';
        byte[] blok = new byte[1 << 20];
        try (InputStream invoer = Files.newInputStream(pad)) {
            for (int n = invoer.read(blok); n > 0; n = invoer.read(blok)) {
                for (int i = 0; i < n; i++) {
                    if (blok[i] == '\n') {
                        regels++;
                    }
                }
                vorige = blok[n - 1];
            }
        }
        return vorige == '\n' ? regels : regels + 1;
    }
}
