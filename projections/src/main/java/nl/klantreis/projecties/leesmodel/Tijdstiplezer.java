package nl.klantreis.projecties.leesmodel;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;

/**
 * Reads the instants of a read-model document without {@code DateTimeFormatter}: a document holds
 * dozens of them, and Jackson's {@link InstantDeserializer} parses each with
 * {@code DateTimeFormatter.ISO_INSTANT}, about 3% of the CPU of a MijnZaken read (ADR 0033).
 *
 * <p>Only the form the documents are written in ({@code yyyy-MM-ddTHH:mm:ss[.f]Z}, UTC, a fraction
 * of 1 to 9 digits) is read here; anything else (a number, an offset, a leap second, an invalid
 * date) goes to Jackson's own deserializer, which gives the same instant or the same error as before.
 * Public for {@code Leeskosten} (api test sources), which weighs it against Jackson's.
 */
public final class Tijdstiplezer extends StdScalarDeserializer<Instant> {
    private static final long SECONDEN_PER_DAG = 86_400;

    Tijdstiplezer() {
        super(Instant.class);
    }

    /** The module that puts this reader in front of Jackson's for {@link Instant}. */
    public static SimpleModule module() {
        return new SimpleModule("klantreis-tijdstiplezer").addDeserializer(Instant.class, new Tijdstiplezer());
    }

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.hasToken(JsonToken.VALUE_STRING)) {
            Instant snel = lees(parser.getText());
            if (snel != null) {
                return snel;
            }
        }
        return InstantDeserializer.INSTANT.deserialize(parser, context);
    }

    /** The instant of {@code yyyy-MM-ddTHH:mm:ss[.f]Z}, or null when the text has another form. */
    static Instant lees(String tekst) {
        int lengte = tekst.length();
        if (lengte < 20 || tekst.charAt(4) != '-' || tekst.charAt(7) != '-' || tekst.charAt(10) != 'T'
                || tekst.charAt(13) != ':' || tekst.charAt(16) != ':' || tekst.charAt(lengte - 1) != 'Z') {
            return null;
        }
        int jaar = cijfers(tekst, 0, 4);
        int maand = cijfers(tekst, 5, 7);
        int dag = cijfers(tekst, 8, 10);
        int uur = cijfers(tekst, 11, 13);
        int minuut = cijfers(tekst, 14, 16);
        int seconde = cijfers(tekst, 17, 19);
        int nanos = 0;
        if (lengte > 20) {
            int breuk = lengte - 21;
            if (tekst.charAt(19) != '.' || breuk < 1 || breuk > 9) {
                return null;
            }
            nanos = cijfers(tekst, 20, lengte - 1);
            if (nanos < 0) {
                return null;
            }
            for (int i = breuk; i < 9; i++) {
                nanos *= 10;
            }
        }
        if (jaar < 0 || maand < 0 || dag < 0 || uur < 0 || uur > 23 || minuut < 0 || minuut > 59 || seconde < 0
                || seconde > 59) {
            return null;
        }
        try {
            long dagen = LocalDate.of(jaar, maand, dag).toEpochDay();
            return Instant.ofEpochSecond(dagen * SECONDEN_PER_DAG + uur * 3_600L + minuut * 60L + seconde, nanos);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The number written in {@code tekst[van, tot)}, or -1 when a character there is not a digit 0-9. */
    private static int cijfers(String tekst, int van, int tot) {
        int waarde = 0;
        for (int i = van; i < tot; i++) {
            char c = tekst.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            waarde = waarde * 10 + (c - '0');
        }
        return waarde;
    }
}
