package nl.klantreis.api.ingestie;

/**
 * Text helpers for {@link Fout}: quoting what a sender sent, and JSON Pointer escaping.
 *
 * <p>A detail may echo a code the sender got wrong ("onbekend kanaal 'postduif'"), but never
 * anything that may be a BSN or KVK number, whichever field the sender put it in: values with
 * a run of eight or more digits, or long values, are not echoed.
 */
final class KeuringTekst {
    private static final int LANGSTE_CITAAT = 60;
    private static final int KORTSTE_NUMMER = 8;

    private KeuringTekst() {
    }

    /** {@code " 'waarde'"} when it is safe to echo, else the empty string. */
    static String citaat(String waarde) {
        if (waarde == null || waarde.length() > LANGSTE_CITAAT || heeftNummer(waarde)
                || KeuringTekens.fout(waarde) != null) {
            return "";
        }
        for (int i = 0; i < waarde.length(); i++) {
            if (Character.isISOControl(waarde.charAt(i))) {
                return "";
            }
        }
        return " '" + waarde + "'";
    }

    /** Replaces every run of eight or more digits by {@code ***} (for texts from elsewhere, e.g. the SDK). */
    static String zonderNummers(String tekst) {
        if (tekst == null || !heeftNummer(tekst)) {
            return tekst;
        }
        StringBuilder uit = new StringBuilder(tekst.length());
        int i = 0;
        while (i < tekst.length()) {
            int eind = i;
            while (eind < tekst.length() && Character.isDigit(tekst.charAt(eind))) {
                eind++;
            }
            if (eind - i >= KORTSTE_NUMMER) {
                uit.append("***");
                i = eind;
            } else if (eind > i) {
                uit.append(tekst, i, eind);
                i = eind;
            } else {
                uit.append(tekst.charAt(i++));
            }
        }
        return uit.toString();
    }

    static boolean heeftNummer(String tekst) {
        int reeks = 0;
        for (int i = 0; i < tekst.length(); i++) {
            if (Character.isDigit(tekst.charAt(i))) {
                if (++reeks >= KORTSTE_NUMMER) {
                    return true;
                }
            } else {
                reeks = 0;
            }
        }
        return false;
    }

    /** One reference token of an RFC 6901 pointer: {@code ~} becomes {@code ~0}, {@code /} becomes {@code ~1}. */
    static String pointerdeel(String naam) {
        if (naam.indexOf('~') < 0 && naam.indexOf('/') < 0) {
            return naam;
        }
        return naam.replace("~", "~0").replace("/", "~1");
    }
}
