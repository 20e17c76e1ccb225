package nl.klantreis.api.paginas.audit;

import java.time.Instant;
import java.time.LocalDate;

import nl.klantreis.domein.gedeeld.Tijd;
import nl.klantreis.projecties.tijd.Tijdstipinvoer;

/**
 * The bounds of a period as a person types them on a page, read with the project's rules
 * ({@link Tijdstipinvoer}): a date-time with offset, a date-time without (Europe/Amsterdam, what a
 * {@code datetime-local} field sends), or a date alone. A date alone is a whole day: as {@code van} its
 * start, as {@code tot} (exclusive) the start of the next day, so "van 1 tot en met 3 maart" is
 * written 2026-03-01 .. 2026-03-03. The API itself takes RFC 3339 only; what is read here goes to it
 * as RFC 3339.
 */
final class Periode {
    private Periode() {
    }

    /** @throws Tijdstipinvoer.Ongeldig naming what was expected */
    static Instant van(String tekst) {
        LocalDate datum = datum(tekst);
        return datum != null ? datum.atStartOfDay(Tijd.AMSTERDAM).toInstant() : Tijdstipinvoer.moment(tekst);
    }

    /** @throws Tijdstipinvoer.Ongeldig naming what was expected */
    static Instant tot(String tekst) {
        LocalDate datum = datum(tekst);
        if (datum != null && datum.equals(Tijdstipinvoer.LAATSTE_DATUM)) {
            return Tijdstipinvoer.LAATSTE;
        }
        return datum != null ? datum.plusDays(1).atStartOfDay(Tijd.AMSTERDAM).toInstant() : Tijdstipinvoer.moment(tekst);
    }

    private static LocalDate datum(String tekst) {
        return tekst != null && tekst.matches("\\d{4}-\\d{2}-\\d{2}") ? Tijdstipinvoer.datum(tekst) : null;
    }
}
