package nl.klantreis.api.paginas.analyse;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.web.util.UriComponentsBuilder;

import nl.klantreis.domein.gedeeld.Tijd;
import nl.klantreis.projecties.kpi.Kpivraag;
import nl.klantreis.projecties.tijd.Tijdstipinvoer;

/**
 * The question every Analyse page shares: a period [van, tot), a peilmoment and an uitsplitsing,
 * read from a GET form as the API reads {@code GET /api/v1/kpi/{kpi}} (no personal data, so the
 * address may carry it). Without a period: the last full month; without a peilmoment: now. Links
 * onward carry the peilmoment as the exact moment used, so the journey list a cell leads to counts
 * the same klantreizen as the cell.
 *
 * @param invoer what was typed, to show again in the form
 * @param fouten per field what is wrong; empty when the question can be asked
 *
 * <p>Public, as every page model of this area: the templates read it through reflection (SpEL),
 * which a package-private type refuses.
 */
public record Periode(LocalDate van, LocalDate tot, Instant peilmoment, String per, Invoer invoer, List<Veldfout> fouten) {

    /** The form's fields as typed (or their defaults). */
    public record Invoer(String van, String tot, String peilmoment, String per) {
    }

    public record Veldfout(String veld, String melding) {
    }

    static Periode uit(String van, String tot, String peilmoment, String per, Clock klok) {
        List<Veldfout> fouten = new ArrayList<>();
        LocalDate vandaag = Tijd.datum(klok.instant());
        LocalDate eerste = vandaag.withDayOfMonth(1);
        LocalDate vanaf = datum("van", van, eerste.minusMonths(1), fouten);
        LocalDate totDatum = datum("tot", tot, eerste, fouten);
        if (vanaf != null && totDatum != null && !vanaf.isBefore(totDatum)) {
            fouten.add(new Veldfout("tot", "De einddatum moet na de begindatum liggen."));
        }
        Instant peil = klok.instant();
        if (leeg(peilmoment)) {
            peilmoment = "";
        } else {
            try {
                peil = Tijdstipinvoer.moment(peilmoment.strip());
            } catch (Tijdstipinvoer.Ongeldig e) {
                fouten.add(new Veldfout("peilmoment", "Vul in: " + e.verwacht() + "."));
            }
        }
        String uitsplitsing = leeg(per) ? "" : per.strip();
        if (!uitsplitsing.isEmpty() && !uitsplitsing.equals(Kpivraag.PER_KANAAL)
                && !uitsplitsing.equals(Kpivraag.PER_ZAAKTYPE)) {
            fouten.add(new Veldfout("per", "Kies geen uitsplitsing, per kanaal of per zaaktype."));
            uitsplitsing = "";
        }
        return new Periode(vanaf, totDatum, peil, uitsplitsing.isEmpty() ? null : uitsplitsing,
                new Invoer(leeg(van) ? String.valueOf(vanaf) : van, leeg(tot) ? String.valueOf(totDatum) : tot,
                        peilmoment, uitsplitsing),
                List.copyOf(fouten));
    }

    private static LocalDate datum(String veld, String tekst, LocalDate standaard, List<Veldfout> fouten) {
        if (leeg(tekst)) {
            return standaard;
        }
        try {
            return Tijdstipinvoer.datum(tekst.strip());
        } catch (Tijdstipinvoer.Ongeldig e) {
            fouten.add(new Veldfout(veld, "Vul een datum in als 2026-03-01."));
            return null;
        }
    }

    private static boolean leeg(String tekst) {
        return tekst == null || tekst.isBlank();
    }

    public boolean geldig() {
        return fouten.isEmpty();
    }

    /** The message for a field, or null: for the form's error text and aria-invalid. */
    public String fout(String veld) {
        return fouten.stream().filter(f -> f.veld().equals(veld)).map(Veldfout::melding).findFirst().orElse(null);
    }

    /** This period and its exact peilmoment as a link to {@code pad}, with the extra parameters (name, value, ...). */
    String link(String pad, String... extra) {
        UriComponentsBuilder adres = UriComponentsBuilder.fromPath(pad)
                .queryParam("van", van).queryParam("tot", tot).queryParam("peilmoment", peilmoment.toString());
        if (per != null) {
            adres.queryParam("per", per);
        }
        for (int i = 0; i + 1 < extra.length; i += 2) {
            adres.queryParam(extra[i], extra[i + 1]);
        }
        return adres.encode().build().toUriString();
    }

    /** How the page names the question: "1 maart 2026 tot 1 april 2026, peilmoment 1 juni 2026 02:00". */
    public String omschrijving() {
        return Opmaak.datum(van) + " tot " + Opmaak.datum(tot) + " (de einddatum telt niet mee), gemeten op "
                + Opmaak.moment(peilmoment);
    }
}
