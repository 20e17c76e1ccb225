package nl.klantreis.domein.referentie;

/** A step of a zaaktype; the highest volgnummer is the end status. */
public record Statustype(int volgnummer, String code, String omschrijving, String groep,
                         boolean informeren, String statustekst) {
}
