package nl.klantreis.projecties.tijd;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import nl.klantreis.domein.gedeeld.Tijd;

/**
 * How a person writes a peilmoment ({@code alsOp}, {@code --alsop}, {@code peilmoment}) and a time
 * axis, read the same way by the API and the tools (ADR 0006, addendum "één lezer"):
 * <ul>
 * <li>an RFC 3339 date-time with offset ({@code 2026-03-10T12:00:00+01:00} or {@code ...Z});</li>
 * <li>a date-time without offset ({@code 2026-03-10T12:00}), taken in Europe/Amsterdam;</li>
 * <li>a date alone ({@code 2026-03-10}): the <em>end</em> of that day in Europe/Amsterdam (its last
 * microsecond), because "as of 10 March" means everything of that day counted, as on a
 * statement.</li>
 * </ul>
 * Accepted moments lie in {@link #EERSTE} .. {@link #LAATSTE} (years 1900 to 9999): every
 * calculation on them (Amsterdam dates, "12 months before", day counts) and PostgreSQL's
 * timestamptz can handle those, where java.time's own extremes overflow as soon as a time zone
 * is applied. Years before 1900 have no klantreis in them, and RFC 3339 has four-digit years only.
 */
public final class Tijdstipinvoer {
    /** The first moment accepted: 1900-01-01T00:00:00Z. */
    public static final Instant EERSTE = Instant.parse("1900-01-01T00:00:00Z");
    /** The last moment accepted: 9999-12-31T23:59:59.999999Z (microseconds, as PostgreSQL keeps them). */
    public static final Instant LAATSTE = Instant.parse("9999-12-31T23:59:59.999999Z");
    /** The first and last date accepted, same range. */
    public static final LocalDate EERSTE_DATUM = LocalDate.of(1900, 1, 1);
    public static final LocalDate LAATSTE_DATUM = LocalDate.of(9999, 12, 31);

    /** Longer than any form above; longer input is refused before any parsing. */
    private static final int LANGSTE = 40;

    private static final String VORMEN = "een tijdstip als 2026-03-10T12:00:00+01:00 (RFC 3339), 2026-03-10T12:00 "
            + "(Europe/Amsterdam) of een datum 2026-03-10 (het eind van die dag), in de jaren 1900 tot en met 9999";

    private Tijdstipinvoer() {
    }

    /**
     * A peilmoment in one of the forms above, in the accepted range.
     *
     * @throws Ongeldig naming what was expected (never echoing the input, which may be long or odd)
     */
    public static Instant moment(String tekst) {
        if (tekst == null || tekst.isBlank() || tekst.length() > LANGSTE) {
            throw new Ongeldig(VORMEN);
        }
        Instant moment;
        try {
            moment = OffsetDateTime.parse(tekst).toInstant();
        } catch (DateTimeParseException metOffset) {
            try {
                moment = LocalDateTime.parse(tekst).atZone(Tijd.AMSTERDAM).toInstant();
            } catch (DateTimeParseException zonderOffset) {
                moment = eindVan(datumOfNull(tekst));
            } catch (DateTimeException buitenJavaTime) {
                // A year like +999999999 parses but cannot be placed in a time zone.
                throw new Ongeldig("een tijdstip van " + EERSTE + " tot en met " + LAATSTE);
            }
        }
        return binnenBereik(moment);
    }

    /**
     * An RFC 3339 date-time with offset only, in the accepted range: for bounds of a search
     * ({@code van}, {@code tot} of the audit log), where "the end of a day" would be wrong for a start.
     */
    public static Instant rfc3339(String tekst) {
        if (tekst == null || tekst.isBlank() || tekst.length() > LANGSTE) {
            throw new Ongeldig("een RFC 3339-tijdstip met tijdzone, bijvoorbeeld 2026-03-16T10:00:00+01:00");
        }
        try {
            return binnenBereik(OffsetDateTime.parse(tekst).toInstant());
        } catch (DateTimeParseException e) {
            throw new Ongeldig("een RFC 3339-tijdstip met tijdzone, bijvoorbeeld 2026-03-16T10:00:00+01:00");
        }
    }

    /** A calendar date {@code JJJJ-MM-DD} (a KPI period), years 1900 to 9999. */
    public static LocalDate datum(String tekst) {
        LocalDate datum = datumOfNull(tekst);
        if (datum == null) {
            throw new Ongeldig("een datum JJJJ-MM-DD");
        }
        if (datum.isBefore(EERSTE_DATUM) || datum.isAfter(LAATSTE_DATUM)) {
            throw new Ongeldig("een datum van " + EERSTE_DATUM + " tot en met " + LAATSTE_DATUM);
        }
        return datum;
    }

    /** {@code gebeurd} (also when absent) or {@code bekend}, in any case. */
    public static Tijdas tijdas(String tekst) {
        if (tekst == null) {
            return Tijdas.GEBEURD;
        }
        return switch (tekst.toLowerCase(Locale.ROOT)) {
            case "gebeurd" -> Tijdas.GEBEURD;
            case "bekend" -> Tijdas.BEKEND;
            default -> throw new Ongeldig("'gebeurd' of 'bekend'");
        };
    }

    private static LocalDate datumOfNull(String tekst) {
        if (tekst == null || tekst.length() > LANGSTE) {
            return null;
        }
        try {
            return LocalDate.parse(tekst);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Instant eindVan(LocalDate datum) {
        if (datum == null) {
            throw new Ongeldig(VORMEN);
        }
        if (datum.isBefore(EERSTE_DATUM) || datum.isAfter(LAATSTE_DATUM)) {
            throw new Ongeldig("een tijdstip van " + EERSTE + " tot en met " + LAATSTE);
        }
        return datum.plusDays(1).atStartOfDay(Tijd.AMSTERDAM).toInstant().minusNanos(1_000);
    }

    private static Instant binnenBereik(Instant moment) {
        if (moment.isBefore(EERSTE) || moment.isAfter(LAATSTE)) {
            throw new Ongeldig("een tijdstip van " + EERSTE + " tot en met " + LAATSTE);
        }
        return moment;
    }

    /** Input that is not a moment (or axis) in an accepted form or range; the message says what is expected. */
    public static final class Ongeldig extends IllegalArgumentException {
        Ongeldig(String verwacht) {
            super("verwacht " + verwacht);
        }

        /** What was expected, without the "verwacht" prefix, for messages that name the parameter first. */
        public String verwacht() {
            return getMessage().substring("verwacht ".length());
        }
    }
}
