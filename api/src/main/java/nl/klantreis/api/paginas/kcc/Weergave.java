package nl.klantreis.api.paginas.kcc;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

import nl.klantreis.api.paginas.Nederlands;
import nl.klantreis.domein.gedeeld.Tijd;
import nl.klantreis.domein.referentie.Catalogus;
import nl.klantreis.domein.referentie.Kanaal;
import nl.klantreis.domein.referentie.Kanalen;
import nl.klantreis.domein.referentie.Zaaktype;

/**
 * How the KCC pages write codes and moments for people: kanalen and zaaktypen by their names in the
 * reference data, moments in Dutch in Europe/Amsterdam (the municipality's clock, whatever the
 * server's zone), codes such as {@code zaak-gestart} as words. In every page's model as
 * {@code weergave}. Its methods are public because the templates call them (SpEL finds public methods only).
 */
@Component
class Weergave {
    private static final DateTimeFormatter MACHINE = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(Tijd.AMSTERDAM);

    private final Kanalen kanalen;
    private final Catalogus catalogus;

    Weergave(Kanalen kanalen, Catalogus catalogus) {
        this.kanalen = kanalen;
        this.catalogus = catalogus;
    }

    /**
     * The kanaal's name without its explanation in brackets ("Telefoon (KCC, 14+netnummer)" is
     * "Telefoon"): short enough for a column or a lane; an unknown code as it came.
     */
    public String kanaal(String code) {
        if (code == null) {
            return "";
        }
        return kanalen.metCode(code).map(Kanaal::naam).map(naam -> naam.replaceFirst("\\s*\\(.*\\)$", ""))
                .orElse(code);
    }

    public String zaaktype(String code) {
        if (code == null) {
            return "";
        }
        return catalogus.zaaktype(code).map(Zaaktype::omschrijving).orElse(tekst(code));
    }

    /** {@code 2 maart 2026 om 09:12}, Amsterdam time. */
    public String moment(Instant op) {
        return Nederlands.moment(op);
    }

    /** For {@code <time datetime>}: the same moment with its offset. */
    public String machinetijd(Instant op) {
        return op == null ? "" : MACHINE.format(op);
    }

    public String datum(LocalDate dag) {
        return Nederlands.datum(dag);
    }

    /** A code as words: {@code zaak-gestart} is "Zaak gestart", {@code in_behandeling} "In behandeling". */
    public String tekst(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String woorden = code.replace('-', ' ').replace('_', ' ');
        return Character.toUpperCase(woorden.charAt(0)) + woorden.substring(1);
    }
}
