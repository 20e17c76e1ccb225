package nl.klantreis.domein.zaak;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * A period in which the zaak's servicenorm clock stood still.
 *
 * @param tot when it was resumed; null while it lasts
 */
public record Opschorting(Instant van, Instant tot) {

    /**
     * Pairs suspensions and resumptions by when they happened, whatever order they arrived in:
     * each opschorting runs to the first hervatting after it. A second opschorting while
     * suspended, or a hervatting while not, changes nothing.
     */
    public static List<Opschorting> paren(Collection<Instant> opgeschort, Collection<Instant> hervat) {
        record Moment(Instant op, boolean hervatting) {
        }
        List<Moment> tijdlijn = new ArrayList<>();
        opgeschort.forEach(op -> tijdlijn.add(new Moment(op, false)));
        hervat.forEach(op -> tijdlijn.add(new Moment(op, true)));
        // At the same moment a suspension comes first: suspended and resumed at once counts 0 days.
        tijdlijn.sort(Comparator.comparing(Moment::op).thenComparing(Moment::hervatting));

        List<Opschorting> perioden = new ArrayList<>();
        Instant sinds = null;
        for (Moment moment : tijdlijn) {
            if (!moment.hervatting() && sinds == null) {
                sinds = moment.op();
            } else if (moment.hervatting() && sinds != null) {
                perioden.add(new Opschorting(sinds, moment.op()));
                sinds = null;
            }
        }
        if (sinds != null) {
            perioden.add(new Opschorting(sinds, null));
        }
        return perioden;
    }
}
