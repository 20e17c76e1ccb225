package nl.klantreis.projecties.mijnzaken;

import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One zaak in the citizen's MijnZaken list (API.md, {@code Zaakkaart}).
 *
 * <p>Every field is nullable and always written, also by a mapper that leaves nulls out: the
 * contract says "or null", and a zaak above {@code zaakvertrouwelijk} shows only
 * {@code zaakId}, {@code identificatie}, {@code zaaktype} and {@code status.groep}, with every
 * other field null.
 *
 * @param zaaktype           the zaaktype code, as in the ingestion contract
 * @param omschrijving       null when absent or no longer readable (the klant was forgotten)
 * @param status             the current status; null while no status is set
 * @param opgeschort         whether an opschorting runs at the peilmoment
 * @param afgesloten         null while the zaak is open
 * @param volgendeStap       null at the last statustype or once the zaak is closed
 * @param laatstGewijzigd    the latest change this card shows: when the engine learned it, or, on the gebeurd axis
 *                           for a fact learned only after the peilmoment, when it happened; never after the peilmoment
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Zaakkaart(String zaakId, String identificatie, String zaaktype, String omschrijving, Status status,
                        LocalDate beslissingUiterlijk, Boolean opgeschort, Afgesloten afgesloten,
                        VolgendeStap volgendeStap, Instant laatstGewijzigd) {

    /**
     * @param stap       the position of the statustype among the zaaktype's, in volgnummer order
     * @param vanStappen how many statustypen the zaaktype has
     * @param tekst      the statustoelichting, else the statustype's statustekst when the
     *                   statustype informs the klant, else null
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Status(String code, String omschrijving, String groep, Integer stap, Integer vanStappen,
                         Instant gezetOp, String tekst) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Afgesloten(Instant op, String resultaat) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record VolgendeStap(String code, String omschrijving, String groep) {
    }
}
