package nl.klantreis.api.paginas;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import nl.klantreis.domein.gedeeld.Tijd;

/**
 * Dates and moments as every page writes them: Dutch words ("8 mei 2026", "4 maart 2026 om 20:31"),
 * on the municipality's clock (Europe/Amsterdam, {@link Tijd#AMSTERDAM}) whatever the server's zone.
 * One place, so the citizen, the KCC employee and the analyst read the same date the same way.
 */
public final class Nederlands {
    public static final Locale TAAL = Locale.forLanguageTag("nl-NL");
    private static final DateTimeFormatter DATUM = DateTimeFormatter.ofPattern("d MMMM yyyy", TAAL);
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMMM yyyy 'om' HH:mm", TAAL)
            .withZone(Tijd.AMSTERDAM);

    private Nederlands() {
    }

    /** "8 mei 2026"; empty for null. */
    public static String datum(LocalDate dag) {
        return dag == null ? "" : DATUM.format(dag);
    }

    /** The Amsterdam date of this moment, "21 april 2026"; empty for null. */
    public static String datum(Instant moment) {
        return moment == null ? "" : DATUM.format(moment.atZone(Tijd.AMSTERDAM));
    }

    /** "4 maart 2026 om 20:31", Amsterdam time; empty for null. */
    public static String moment(Instant moment) {
        return moment == null ? "" : MOMENT.format(moment);
    }
}
