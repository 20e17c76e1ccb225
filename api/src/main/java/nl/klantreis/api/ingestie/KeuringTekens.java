package nl.klantreis.api.ingestie;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The checks that hold for every string of a message, wherever it stands (an attribute, any
 * field of {@code data}, an object key), made before anything of the message reaches the
 * database or the CloudEvents SDK.
 *
 * <p>Why: Jackson hands a JSON escape {@code "\ud800"} over as a Java string with a lone
 * surrogate, and PostgreSQL's driver writes such a string as {@code ?}: {@code x\ud800},
 * {@code x\udfff} and {@code x?} then became one idempotency key, and a first send was
 * answered {@code duplicate}. PostgreSQL text cannot hold NUL at all, and the whole batch then
 * failed. Both are refused here, per message and naming the field, so a batch never fails on them.
 */
final class KeuringTekens {
    /** Below the message: {@code data} is 1, {@code data.klant} 2. No type of the contract goes deeper than 2. */
    static final int DIEPSTE_NESTING = 10;
    /** An object key; the contract's names are under 30 characters. */
    static final int LANGSTE_NAAM = 256;
    /** Any string the contract gives no limit of its own (unknown fields, which are not stored). */
    static final int LANGSTE_WAARDE = 10_000;

    static final String ONGELDIG_UNICODE =
            "bevat een ongeldig Unicode-teken (een losse UTF-16-surrogaat, zoals \\ud800)";
    static final String NUL = "bevat het NUL-teken (\\u0000)";
    static final String STUURTEKEN = "bevat een stuurteken (zoals een regelovergang of tab); niet toegestaan in een identificatie of code";
    static final String STUURTEKEN_IN_TEKST = "bevat een stuurteken; alleen tab en regelovergang zijn toegestaan in vrije tekst";

    private KeuringTekens() {
    }

    /**
     * Walks the whole message. Encoding faults go into {@code tekens}; values longer than any
     * field may be and nesting too deep go into {@code lengte} (the caller prefers a field's own
     * limit, which names the right number, when the field has one).
     */
    static void keur(JsonNode bericht, List<Fout> tekens, List<Fout> lengte) {
        loop(bericht, "", 0, tekens, lengte);
    }

    private static void loop(JsonNode knoop, String pointer, int diepte, List<Fout> tekens, List<Fout> lengte) {
        if (knoop.isTextual()) {
            String fout = fout(knoop.textValue());
            if (fout != null) {
                tekens.add(new Fout(pointer, fout));
            } else if (knoop.textValue().length() > LANGSTE_WAARDE
                    && tekens(knoop.textValue()) > LANGSTE_WAARDE) {
                lengte.add(new Fout(pointer, "mag hoogstens " + LANGSTE_WAARDE + " tekens bevatten"));
            }
            return;
        }
        if (!knoop.isContainerNode()) {
            return;
        }
        if (diepte > DIEPSTE_NESTING) {
            lengte.add(new Fout(pointer, "te diep genest: hoogstens " + DIEPSTE_NESTING + " niveaus in een bericht"));
            return;
        }
        if (knoop.isArray()) {
            for (int i = 0; i < knoop.size(); i++) {
                loop(knoop.get(i), pointer + "/" + i, diepte + 1, tekens, lengte);
            }
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> velden = knoop.fields();
        while (velden.hasNext()) {
            Map.Entry<String, JsonNode> veld = velden.next();
            String naam = veld.getKey();
            String naamFout = fout(naam);
            if (naamFout != null) {
                tekens.add(new Fout(pointer + "/" + pointerdeel(naam), "veldnaam " + naamFout));
                continue;
            }
            String hier = pointer + "/" + pointerdeel(naam);
            if (tekens(naam) > LANGSTE_NAAM) {
                lengte.add(new Fout(hier, "veldnaam mag hoogstens " + LANGSTE_NAAM + " tekens bevatten"));
                continue;
            }
            loop(veld.getValue(), hier, diepte + 1, tekens, lengte);
        }
    }

    /** What is wrong with the characters of any string, or {@code null}: lone surrogates and NUL. */
    static String fout(String tekst) {
        for (int i = 0; i < tekst.length(); i++) {
            char c = tekst.charAt(i);
            if (c == '\u0000') {
                return NUL;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < tekst.length() && Character.isLowSurrogate(tekst.charAt(i + 1))) {
                    i++;
                } else {
                    return ONGELDIG_UNICODE;
                }
            } else if (Character.isLowSurrogate(c)) {
                return ONGELDIG_UNICODE;
            }
        }
        return null;
    }

    /** True when the text holds a control character (C0, DEL or C1); for identifiers and codes. */
    static boolean heeftStuurteken(String tekst) {
        for (int i = 0; i < tekst.length(); i++) {
            if (Character.isISOControl(tekst.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when free text holds a control character other than tab, line feed and carriage
     * return (texts from e-mail and web forms end their lines with CR LF).
     */
    static boolean heeftStuurtekenInTekst(String tekst) {
        for (int i = 0; i < tekst.length(); i++) {
            char c = tekst.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return true;
            }
        }
        return false;
    }

    /** Characters as a reader counts them: code points, a pair of surrogates is one. */
    static int tekens(String tekst) {
        return tekst.codePointCount(0, tekst.length());
    }

    /**
     * A key as one pointer token. A key with a broken character cannot be written back in a
     * valid answer as it came; each such character is shown as U+FFFD, and a very long key is
     * cut, so that the answer stays small and valid JSON.
     */
    private static String pointerdeel(String naam) {
        StringBuilder schoon = new StringBuilder(Math.min(naam.length(), LANGSTE_NAAM + 1));
        for (int i = 0; i < naam.length() && schoon.length() < LANGSTE_NAAM; i++) {
            char c = naam.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < naam.length() && Character.isLowSurrogate(naam.charAt(i + 1))) {
                schoon.append(c).append(naam.charAt(++i));
            } else if (Character.isSurrogate(c) || c == '\u0000') {
                schoon.append('\uFFFD');
            } else {
                schoon.append(c);
            }
        }
        if (schoon.length() < naam.length()) {
            schoon.append('…');
        }
        return KeuringTekst.pointerdeel(schoon.toString());
    }
}
