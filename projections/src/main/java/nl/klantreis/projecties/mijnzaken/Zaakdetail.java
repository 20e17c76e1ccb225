package nl.klantreis.projecties.mijnzaken;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One zaak in full for its citizen (API.md, {@code Zaakdetail}): the fields of a
 * {@link Zaakkaart} plus the history. Above {@code zaakvertrouwelijk} the card fields follow
 * the card's rule and the four lists are empty.
 *
 * @param statussen      oldest first
 * @param klantcontacten the initiator's own contacts that named this zaak, oldest first
 * @param opschortingen  oldest first; {@code tot} is null while one runs
 * @param verlengingen   oldest first
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Zaakdetail(String zaakId, String identificatie, String zaaktype, String omschrijving,
                         Zaakkaart.Status status, LocalDate beslissingUiterlijk, Boolean opgeschort,
                         Zaakkaart.Afgesloten afgesloten, Zaakkaart.VolgendeStap volgendeStap,
                         Instant laatstGewijzigd, List<Statusregel> statussen, List<Klantcontact> klantcontacten,
                         List<Opschorting> opschortingen, List<Verlenging> verlengingen) {

    public Zaakdetail {
        statussen = List.copyOf(statussen);
        klantcontacten = List.copyOf(klantcontacten);
        opschortingen = List.copyOf(opschortingen);
        verlengingen = List.copyOf(verlengingen);
    }

    static Zaakdetail van(Zaakkaart kaart, List<Statusregel> statussen, List<Klantcontact> klantcontacten,
                          List<Opschorting> opschortingen, List<Verlenging> verlengingen) {
        return new Zaakdetail(kaart.zaakId(), kaart.identificatie(), kaart.zaaktype(), kaart.omschrijving(),
                kaart.status(), kaart.beslissingUiterlijk(), kaart.opgeschort(), kaart.afgesloten(),
                kaart.volgendeStap(), kaart.laatstGewijzigd(), statussen, klantcontacten, opschortingen,
                verlengingen);
    }

    /** The card part, as the list shows it. */
    public Zaakkaart alsKaart() {
        return new Zaakkaart(zaakId, identificatie, zaaktype, omschrijving, status, beslissingUiterlijk, opgeschort,
                afgesloten, volgendeStap, laatstGewijzigd);
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Statusregel(String code, String omschrijving, String groep, Integer stap, Instant gezetOp,
                              String tekst) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Klantcontact(String kanaal, Instant plaatsgevondenOp, String onderwerp, String resultaat) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Opschorting(Instant van, Instant tot) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Verlenging(Instant op, int duurDagen) {
    }
}
