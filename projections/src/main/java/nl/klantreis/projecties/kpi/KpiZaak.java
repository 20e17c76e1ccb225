package nl.klantreis.projecties.kpi;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import nl.klantreis.domein.gedeeld.ZaakId;

/**
 * One registered zaak, as input to the zaak KPIs of {@link Kpiberekening}.
 *
 * @param afgeslotenOp when it was closed, or null while open
 * @param basis        the {@code uiterlijkeEinddatum} sent with the zaak, or else the registration date
 *                     plus the zaaktype's servicenormDagen (see {@code UiterlijkeEinddatum.basis})
 * @param verlengingen the {@code duurDagen} of every verlenging
 * @param opgeschort   every {@code opgeschortOp}, in any order
 * @param hervat       every {@code hervatOp}, in any order
 */
public record KpiZaak(ZaakId zaak, String zaaktype, Instant geregistreerdOp, Instant afgeslotenOp, LocalDate basis,
                      List<Integer> verlengingen, List<Instant> opgeschort, List<Instant> hervat) {
    public KpiZaak {
        Objects.requireNonNull(zaak, "zaak");
        Objects.requireNonNull(zaaktype, "zaaktype");
        Objects.requireNonNull(geregistreerdOp, "geregistreerdOp");
        Objects.requireNonNull(basis, "basis");
        verlengingen = verlengingen == null ? List.of() : List.copyOf(verlengingen);
        opgeschort = opgeschort == null ? List.of() : List.copyOf(opgeschort);
        hervat = hervat == null ? List.of() : List.copyOf(hervat);
    }
}
