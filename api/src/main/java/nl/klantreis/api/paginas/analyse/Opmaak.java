package nl.klantreis.api.paginas.analyse;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import nl.klantreis.api.paginas.Nederlands;
import nl.klantreis.domein.gedeeld.Tijd;
import nl.klantreis.domein.referentie.Kanalen;

/**
 * Figures and moments as the analyst reads them: Dutch notation (decimal comma), times in
 * Europe/Amsterdam, kanalen by their name. The pages get strings, so a template never formats.
 */
final class Opmaak {
    private static final Locale NL = Nederlands.TAAL;
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm", NL);
    static final String NIETS = "geen (niets om over te rekenen)";

    private Opmaak() {
    }

    static String aantal(Long aantal) {
        return aantal == null ? "" : NumberFormat.getIntegerInstance(NL).format(aantal);
    }

    /** A ratio or mean: four digits after the comma (the contract's minimum); over nothing says so. */
    static String waarde(BigDecimal waarde) {
        if (waarde == null) {
            return NIETS;
        }
        NumberFormat opmaak = NumberFormat.getNumberInstance(NL);
        opmaak.setMinimumFractionDigits(4);
        opmaak.setMaximumFractionDigits(4);
        return opmaak.format(waarde.setScale(4, RoundingMode.HALF_UP));
    }

    /** Euro cents as euros: "€ 12,20"; null is "onbekend". */
    static String euro(Long centen) {
        if (centen == null) {
            return "onbekend";
        }
        NumberFormat opmaak = NumberFormat.getNumberInstance(NL);
        opmaak.setMinimumFractionDigits(2);
        opmaak.setMaximumFractionDigits(2);
        return "€ " + opmaak.format(BigDecimal.valueOf(centen).movePointLeft(2));
    }

    static String moment(Instant moment) {
        return moment == null ? "" : MOMENT.format(moment.atZone(Tijd.AMSTERDAM));
    }

    static String datum(LocalDate datum) {
        return Nederlands.datum(datum);
    }

    /** The kanaal's name from the reference list; a code it does not know stays as it is. */
    static String kanaal(Kanalen kanalen, String code) {
        return kanalen.herken(code).map(k -> k.naam()).orElse(code);
    }
}
