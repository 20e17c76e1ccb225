package nl.klantreis.domein.gedeeld;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Calendar rules of the contract: dates and day counts in the Europe/Amsterdam time zone. */
public final class Tijd {
    public static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private Tijd() {
    }

    public static LocalDate datum(Instant moment) {
        return moment.atZone(AMSTERDAM).toLocalDate();
    }

    /** The same wall-clock time {@code dagen} calendar days later (23 or 25 hours across DST). */
    public static Instant plusDagen(Instant moment, int dagen) {
        return moment.atZone(AMSTERDAM).plusDays(dagen).toInstant();
    }
}
