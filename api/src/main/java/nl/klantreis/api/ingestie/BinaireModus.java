package nl.klantreis.api.ingestie;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpHeaders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The CloudEvents HTTP binding's binary content mode (what the CloudEvents SDKs send by default):
 * the attributes in {@code ce-*} headers, {@code Content-Type} as {@code datacontenttype}, the
 * body as {@code data}. It is turned into the structured form of the same event, so that one
 * judge ({@link BerichtKeuring}) and one path to the database serve both modes and their
 * answers are the same.
 *
 * <p>Header values are percent-decoded as the binding says (3.1.3.2): {@code %XX} sequences are
 * UTF-8 bytes. A sender that put raw non-ASCII in a header would be read differently by every
 * server in between, so that is refused, as is a {@code %} sequence that is no valid UTF-8.
 */
final class BinaireModus {
    static final String VOORVOEGSEL = "ce-";
    /** Not attributes that a header may carry: the data is the body, its type the Content-Type. */
    private static final Set<String> GEEN_KOP = Set.of("data", "data_base64", "datacontenttype");

    private BinaireModus() {
    }

    /** True when the request carries CloudEvents attributes as headers. */
    static boolean isBinair(HttpHeaders koppen) {
        return koppen.containsKey(VOORVOEGSEL + "specversion");
    }

    /**
     * @param data the body read as JSON, or {@code null} when the body is empty
     * @throws IngestieController.Onleesbaar when a header cannot be read as an attribute
     */
    static ObjectNode alsGestructureerd(HttpHeaders koppen, JsonNode data) {
        ObjectNode bericht = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, List<String>> kop : koppen.entrySet()) {
            String naam = kop.getKey().toLowerCase(Locale.ROOT);
            if (!naam.startsWith(VOORVOEGSEL) || naam.length() == VOORVOEGSEL.length()) {
                continue;
            }
            String attribuut = naam.substring(VOORVOEGSEL.length());
            if (GEEN_KOP.contains(attribuut)) {
                throw new IngestieController.Onleesbaar("kop " + naam + " is niet toegestaan in de binaire modus: "
                        + "de data is de body, het datatype de Content-Type");
            }
            if (kop.getValue().size() != 1 || bericht.has(attribuut)) {
                throw new IngestieController.Onleesbaar("kop " + naam + " komt meer dan eens voor");
            }
            bericht.put(attribuut, decodeer(naam, kop.getValue().get(0)));
        }
        String inhoudstype = koppen.getFirst(HttpHeaders.CONTENT_TYPE);
        if (inhoudstype != null) {
            bericht.put("datacontenttype", decodeer(HttpHeaders.CONTENT_TYPE, inhoudstype));
        }
        if (data != null) {
            bericht.set("data", data);
        }
        return bericht;
    }

    /** Percent-decoding per the HTTP binding: {@code %XX} are bytes of UTF-8; everything else printable ASCII. */
    static String decodeer(String kop, String waarde) {
        if (waarde.indexOf('%') < 0) {
            for (int i = 0; i < waarde.length(); i++) {
                if (!isZichtbaarAscii(waarde.charAt(i))) {
                    throw nietAscii(kop);
                }
            }
            return waarde;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(waarde.length());
        for (int i = 0; i < waarde.length(); i++) {
            char c = waarde.charAt(i);
            if (c == '%') {
                int hoog = i + 2 < waarde.length() ? Character.digit(waarde.charAt(i + 1), 16) : -1;
                int laag = hoog < 0 ? -1 : Character.digit(waarde.charAt(i + 2), 16);
                if (laag < 0) {
                    throw new IngestieController.Onleesbaar("kop " + kop
                            + ": ongeldige procentcodering (verwacht %XX met twee hexadecimale cijfers)");
                }
                bytes.write(hoog * 16 + laag);
                i += 2;
            } else if (isZichtbaarAscii(c)) {
                bytes.write(c);
            } else {
                throw nietAscii(kop);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new IngestieController.Onleesbaar("kop " + kop + ": de procentcodering is geen geldige UTF-8");
        }
    }

    /** Printable ASCII and space and tab (between words of a header value). */
    private static boolean isZichtbaarAscii(char c) {
        return (c >= 0x20 && c < 0x7f) || c == '\t';
    }

    private static IngestieController.Onleesbaar nietAscii(String kop) {
        return new IngestieController.Onleesbaar("kop " + kop
                + " bevat tekens buiten ASCII; codeer die als UTF-8 met %XX (CloudEvents HTTP binding, 3.1.3.2)");
    }
}
