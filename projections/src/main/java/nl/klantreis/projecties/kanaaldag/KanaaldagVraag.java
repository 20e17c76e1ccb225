package nl.klantreis.projecties.kanaaldag;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The contacts per kanaal per day over a period. Checked here, so a wrong query fails with a
 * message naming the parameter (the API turns an {@link IllegalArgumentException} into a 400).
 *
 * @param van first day (Europe/Amsterdam), inclusive
 * @param tot end of the period, exclusive, at most {@link #MAXIMAAL_DAGEN} days after {@code van}
 */
public record KanaaldagVraag(LocalDate van, LocalDate tot) {
    /** A year, leap day included: the handler asks one query per day. */
    public static final int MAXIMAAL_DAGEN = 366;

    public KanaaldagVraag {
        if (van == null) {
            throw new IllegalArgumentException("parameter 'van': ontbreekt");
        }
        if (tot == null) {
            throw new IllegalArgumentException("parameter 'tot': ontbreekt");
        }
        if (!van.isBefore(tot)) {
            throw new IllegalArgumentException("parameter 'van' (" + van + ") moet voor 'tot' (" + tot
                    + ") liggen: de periode is [van, tot) en mag niet leeg zijn");
        }
        if (ChronoUnit.DAYS.between(van, tot) > MAXIMAAL_DAGEN) {
            throw new IllegalArgumentException("parameter 'tot': de periode is langer dan " + MAXIMAAL_DAGEN + " dagen");
        }
    }
}
