package nl.klantreis.api.ingestie;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import nl.klantreis.domein.gedeeld.Bsn;

/**
 * Reads the fields of one JSON object (the {@code data} of a message) and records every
 * broken rule as a {@link Fout} instead of stopping at the first. A reader returns
 * {@code null} when the field is absent or broken; the caller builds its record only when no
 * fout was recorded.
 *
 * <p>The checks are hand-written character tests before any parse, so that a valid message
 * costs no exception and no regular expression.
 */
final class KeuringVelden {
    static final String VERPLICHT = "verplicht veld ontbreekt";
    static final String GEEN_TEKST = "moet een tekst zijn";
    static final String LEEG = "mag niet leeg zijn";
    static final int ONBEPERKT = Integer.MAX_VALUE;
    /** Codes of the reference data are under 40 characters; a longer one names nothing. */
    static final int LANGSTE_CODE = 100;

    private final JsonNode object;
    private final String pointer;
    private final List<Fout> fouten;
    private final Instant uiterstToegestaan;

    /**
     * @param pointer           JSON Pointer of {@code object} itself, e.g. {@code /data}
     * @param uiterstToegestaan the latest instant a time in the object may name
     */
    KeuringVelden(JsonNode object, String pointer, List<Fout> fouten, Instant uiterstToegestaan) {
        this.object = object;
        this.pointer = pointer;
        this.fouten = fouten;
        this.uiterstToegestaan = uiterstToegestaan;
    }

    /** Whether the message (not only this object) has no fout so far: then its record may be built. */
    boolean foutloos() {
        return fouten.isEmpty();
    }

    void fout(String veld, String detail) {
        fouten.add(new Fout(pointer + "/" + veld, detail));
    }

    /** The field's value, or {@code null} when absent or JSON null (then an error when required). */
    JsonNode waarde(String veld, boolean verplicht) {
        JsonNode waarde = object.get(veld);
        if (waarde == null || waarde.isNull()) {
            if (verplicht) {
                fout(veld, VERPLICHT);
            }
            return null;
        }
        return waarde;
    }

    /** A code (kanaal, onderwerp, statustype, ...): at most {@link #LANGSTE_CODE} characters, no control characters. */
    String tekst(String veld, boolean verplicht) {
        return tekst(veld, verplicht, LANGSTE_CODE);
    }

    /**
     * A string that identifies or names something; when required it may not be blank; at most
     * {@code maxTekens} characters (code points); no control characters (no line breaks either).
     */
    String tekst(String veld, boolean verplicht, int maxTekens) {
        return tekst(veld, verplicht, maxTekens, false);
    }

    /** Free text for people (at most {@link BerichtKeuring#LANGSTE_TEKST} characters): tab and line breaks allowed. */
    String vrijeTekst(String veld, boolean verplicht) {
        return tekst(veld, verplicht, BerichtKeuring.LANGSTE_TEKST, true);
    }

    private String tekst(String veld, boolean verplicht, int maxTekens, boolean vrij) {
        JsonNode waarde = waarde(veld, verplicht);
        if (waarde == null) {
            return null;
        }
        if (!waarde.isTextual()) {
            fout(veld, GEEN_TEKST);
            return null;
        }
        String tekst = waarde.textValue();
        if (verplicht && tekst.isBlank()) {
            fout(veld, LEEG);
            return null;
        }
        if (tekst.length() > maxTekens && KeuringTekens.tekens(tekst) > maxTekens) {
            fout(veld, "mag hoogstens " + maxTekens + " tekens bevatten");
            return null;
        }
        if (vrij ? KeuringTekens.heeftStuurtekenInTekst(tekst) : KeuringTekens.heeftStuurteken(tekst)) {
            fout(veld, vrij ? KeuringTekens.STUURTEKEN_IN_TEKST : KeuringTekens.STUURTEKEN);
            return null;
        }
        return tekst;
    }

    UUID uuid(String veld, boolean verplicht) {
        JsonNode waarde = waarde(veld, verplicht);
        if (waarde == null) {
            return null;
        }
        if (!waarde.isTextual() || !isUuid(waarde.textValue())) {
            fout(veld, "geen geldige UUID");
            return null;
        }
        return UUID.fromString(waarde.textValue());
    }

    /** An RFC 3339 time with offset, no more than the allowed margin in the future. */
    Instant tijdstip(String veld, boolean verplicht) {
        JsonNode waarde = waarde(veld, verplicht);
        if (waarde == null) {
            return null;
        }
        Instant tijdstip = waarde.isTextual() ? rfc3339(waarde.textValue()) : null;
        if (tijdstip == null) {
            fout(veld, "geen geldig tijdstip volgens RFC 3339 met tijdzone, zoals 2026-03-02T09:12:40+01:00");
            return null;
        }
        if (tijdstip.isAfter(uiterstToegestaan)) {
            fout(veld, "tijdstip ligt meer dan 5 minuten in de toekomst");
            return null;
        }
        return tijdstip;
    }

    /** A calendar date {@code YYYY-MM-DD}. */
    LocalDate datum(String veld, boolean verplicht) {
        JsonNode waarde = waarde(veld, verplicht);
        if (waarde == null) {
            return null;
        }
        LocalDate datum = waarde.isTextual() ? datum(waarde.textValue()) : null;
        if (datum == null) {
            fout(veld, "geen geldige datum (JJJJ-MM-DD)");
        }
        return datum;
    }

    /** An integer in {@code [min, max]}; 1.5, "12" and numbers outside the range are refused. */
    Integer geheelGetal(String veld, boolean verplicht, int min, int max) {
        JsonNode waarde = waarde(veld, verplicht);
        if (waarde == null) {
            return null;
        }
        if (!waarde.isIntegralNumber()) {
            fout(veld, "moet een geheel getal zijn");
            return null;
        }
        if (!waarde.canConvertToInt() || waarde.intValue() < min || waarde.intValue() > max) {
            fout(veld, max == ONBEPERKT ? "moet een geheel getal van " + min + " of meer zijn"
                    : "moet een geheel getal van " + min + " tot en met " + max + " zijn");
            return null;
        }
        return waarde.intValue();
    }

    /**
     * A klant: an object with exactly one of {@code bsn}, {@code kvk} or (when allowed)
     * {@code anoniem: true}. The details never repeat the number.
     */
    KlantIdentificatie klant(String veld, boolean anoniemToegestaan) {
        JsonNode klant = waarde(veld, true);
        if (klant == null) {
            return null;
        }
        String verwacht = anoniemToegestaan ? "bsn, kvk of anoniem" : "bsn of kvk";
        if (!klant.isObject()) {
            fout(veld, "moet een object zijn met " + verwacht);
            return null;
        }
        JsonNode bsn = aanwezig(klant.get("bsn"));
        JsonNode kvk = aanwezig(klant.get("kvk"));
        JsonNode anoniem = aanwezig(klant.get("anoniem"));
        int aantal = (bsn == null ? 0 : 1) + (kvk == null ? 0 : 1) + (anoniem == null ? 0 : 1);
        if (aantal != 1) {
            fout(veld, "moet precies één van " + verwacht + " bevatten");
            return null;
        }
        if (bsn != null) {
            return bsn(veld + "/bsn", bsn);
        }
        if (kvk != null) {
            if (!kvk.isTextual()) {
                fout(veld + "/kvk", GEEN_TEKST);
                return null;
            }
            if (!cijfers(kvk.textValue(), 8)) {
                fout(veld + "/kvk", "KVK-nummer moet uit 8 cijfers bestaan");
                return null;
            }
            return KlantIdentificatie.kvk(kvk.textValue());
        }
        if (!anoniemToegestaan) {
            fout(veld + "/anoniem", "anoniem is hier niet toegestaan: geef bsn of kvk");
            return null;
        }
        if (!anoniem.isBoolean() || !anoniem.booleanValue()) {
            fout(veld + "/anoniem", "anoniem moet true zijn");
            return null;
        }
        return KlantIdentificatie.anoniem();
    }

    private KlantIdentificatie bsn(String pad, JsonNode bsn) {
        if (!bsn.isTextual()) {
            fout(pad, GEEN_TEKST);
            return null;
        }
        String nummer = bsn.textValue();
        if (!cijfers(nummer, 9)) {
            fout(pad, "BSN moet uit 9 cijfers bestaan");
            return null;
        }
        if (!Bsn.isGeldig(nummer)) {
            fout(pad, "BSN voldoet niet aan de elfproef");
            return null;
        }
        return KlantIdentificatie.bsn(nummer);
    }

    private static JsonNode aanwezig(JsonNode waarde) {
        return waarde == null || waarde.isNull() ? null : waarde;
    }

    static boolean cijfers(String tekst, int aantal) {
        if (tekst.length() != aantal) {
            return false;
        }
        for (int i = 0; i < aantal; i++) {
            char c = tekst.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Canonical 8-4-4-4-12 hexadecimal form, either case. */
    static boolean isUuid(String tekst) {
        if (tekst.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = tekst.charAt(i);
            boolean streepje = i == 8 || i == 13 || i == 18 || i == 23;
            if (streepje ? c != '-' : !isHex(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /**
     * RFC 3339 {@code date-time}: seconds required, offset {@code Z} or {@code ±hh:mm}.
     * The shape is checked first, so only a malformed value reaches the parser's exception.
     *
     * @return the instant, or {@code null} when the text is no RFC 3339 date-time
     */
    static Instant rfc3339(String tekst) {
        int lengte = tekst.length();
        if (lengte < 20 || tekst.charAt(4) != '-' || tekst.charAt(7) != '-'
                || (tekst.charAt(10) != 'T' && tekst.charAt(10) != 't')
                || tekst.charAt(13) != ':' || tekst.charAt(16) != ':') {
            return null;
        }
        char laatste = tekst.charAt(lengte - 1);
        boolean zulu = laatste == 'Z' || laatste == 'z';
        if (!zulu) {
            char teken = tekst.charAt(lengte - 6);
            if ((teken != '+' && teken != '-') || tekst.charAt(lengte - 3) != ':') {
                return null;
            }
        }
        try {
            return OffsetDateTime.parse(tekst, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** @return the date, or {@code null} when the text is not {@code YYYY-MM-DD} or no real day */
    static LocalDate datum(String tekst) {
        if (tekst.length() != 10 || tekst.charAt(4) != '-' || tekst.charAt(7) != '-'
                || !cijfers(tekst.substring(0, 4), 4) || !cijfers(tekst.substring(5, 7), 2)
                || !cijfers(tekst.substring(8), 2)) {
            return null;
        }
        try {
            return LocalDate.parse(tekst);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
