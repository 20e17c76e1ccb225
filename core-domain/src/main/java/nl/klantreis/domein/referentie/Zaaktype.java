package nl.klantreis.domein.referentie;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** A kind of zaak with its statustypen, resultaten and terms (calendar days). */
public record Zaaktype(String code, String omschrijving, Vertrouwelijkheid vertrouwelijkheid,
                       int doorlooptijdDagen, int servicenormDagen, boolean opschortingMogelijk,
                       boolean verlengingMogelijk, int verlengingDagen,
                       List<Statustype> statustypen, List<String> resultaten) {
    public Zaaktype {
        statustypen = statustypen.stream().sorted(Comparator.comparingInt(Statustype::volgnummer)).toList();
        resultaten = List.copyOf(resultaten);
        if (servicenormDagen < 0 || verlengingDagen < 0) {
            throw new IllegalArgumentException("termijnen van zaaktype " + code + " zijn negatief");
        }
    }

    public Optional<Statustype> statustype(String statustypeCode) {
        return statustypen.stream().filter(s -> s.code().equals(statustypeCode)).findFirst();
    }

    /** The rules a zaak is handled under, frozen into its registration event. */
    public ZaaktypeRegels regels() {
        return new ZaaktypeRegels(servicenormDagen, opschortingMogelijk,
                verlengingMogelijk ? verlengingDagen : 0,
                statustypen.stream().map(Statustype::code).toList(), resultaten);
    }
}
