package nl.klantreis.api.paginas.audit;

import java.util.List;
import java.util.stream.Collectors;

/**
 * CSV as RFC 4180 writes it (comma, CRLF after every record, a field with a comma, quote, CR or LF in
 * double quotes with its quotes doubled), made safe to open in a spreadsheet: a field that starts
 * with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return would be taken as a
 * formula (OWASP "CSV Injection"), so it gets a leading {@code '} and is quoted. Actors and
 * organisatieonderdelen come from tokens, so they are not ours to trust.
 */
final class Csv {
    private Csv() {
    }

    /** One record, ending in CRLF; a null field is empty. */
    static String regel(List<String> velden) {
        return velden.stream().map(Csv::veld).collect(Collectors.joining(",", "", "\r\n"));
    }

    static String veld(String waarde) {
        if (waarde == null || waarde.isEmpty()) {
            return "";
        }
        boolean formule = "=+-@\t\r".indexOf(waarde.charAt(0)) >= 0;
        String tekst = formule ? "'" + waarde : waarde;
        if (formule || tekst.indexOf(',') >= 0 || tekst.indexOf('"') >= 0 || tekst.indexOf('\r') >= 0
                || tekst.indexOf('\n') >= 0) {
            return '"' + tekst.replace("\"", "\"\"") + '"';
        }
        return tekst;
    }
}
