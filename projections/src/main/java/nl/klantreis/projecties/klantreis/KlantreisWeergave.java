package nl.klantreis.projecties.klantreis;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import nl.klantreis.domein.gedeeld.KlantreisId;
import nl.klantreis.domein.gedeeld.Tijd;
import nl.klantreis.domein.gedeeld.Identificatiesoort;
import nl.klantreis.domein.klantreis.Contactgegevens;
import nl.klantreis.domein.klantreis.Zaakgegevens;
import nl.klantreis.domein.klantreis.Kanaalwissel;
import nl.klantreis.domein.klantreis.KlantreisRegels;
import nl.klantreis.domein.klantreis.Klantreisindeling;
import nl.klantreis.domein.klantreis.Klantreissoort;
import nl.klantreis.domein.klantreis.Reisstap;
import nl.klantreis.domein.klantreis.Thema;

/**
 * Renders the klantreizen of a {@link Klantdossier} as they stood at a peilmoment on the
 * {@code gebeurd} axis: steps and kanaalwissels that happened after it are left out, and whether a
 * klantreis has ended is decided at the peilmoment (KLANTREIS-EN-KPI.md §1 and §3), because the end
 * of a klantreis without a zaak is silence, which no event records.
 */
public final class KlantreisWeergave {

    private KlantreisWeergave() {
    }

    /** The klant's klantreizen that had begun by the peilmoment, by start, then id. */
    public static List<Klantreis> klantreizen(Klantdossier dossier, Instant peilmoment) {
        Objects.requireNonNull(peilmoment, "peilmoment");
        return dossier.indelingen().stream()
                .map(indeling -> weergave(dossier.klantId(), indeling, peilmoment))
                .flatMap(Optional::stream)
                .toList();
    }

    /**
     * The klantreizen as they were at {@code alsOp} on the {@code gebeurd} axis: computed again
     * from only the facts that had happened by then (a zaak registered later has not yet pulled
     * the orientation call into its klantreis; a zaak closed later was still open).
     */
    public static List<Klantreis> zoalsGebeurdOp(Klantdossier dossier, Instant alsOp) {
        Objects.requireNonNull(alsOp, "alsOp");
        List<Contactgegevens> contacten = dossier.contactgegevens().stream().filter(c -> !c.op().isAfter(alsOp)).toList();
        List<Zaakgegevens> zaken = dossier.zaakgegevens().stream().filter(z -> !z.geregistreerdOp().isAfter(alsOp))
                .map(z -> z.afgeslotenOp() != null && z.afgeslotenOp().isAfter(alsOp) ? z.afgeslotenOp(null) : z)
                .toList();
        return KlantreisRegels.deelIn(dossier.reisnaamruimte(), contacten, zaken,
                        dossier.soort() == Identificatiesoort.ANONIEM).stream()
                .map(indeling -> weergave(dossier.klantId(), indeling, alsOp))
                .flatMap(Optional::stream)
                .toList();
    }

    /** Empty when the dossier holds no such klantreis, or none of its steps had happened by the peilmoment. */
    public static Optional<Klantreis> klantreis(Klantdossier dossier, KlantreisId klantreisId, Instant peilmoment) {
        Objects.requireNonNull(peilmoment, "peilmoment");
        return dossier.indelingen().stream()
                .filter(indeling -> indeling.id().equals(klantreisId))
                .findFirst()
                .flatMap(indeling -> weergave(dossier.klantId(), indeling, peilmoment));
    }

    private static Optional<Klantreis> weergave(String klantId, Klantreisindeling indeling, Instant peilmoment) {
        List<Reisstap> stappen = indeling.stappen().stream().filter(stap -> !stap.op().isAfter(peilmoment)).toList();
        if (stappen.isEmpty()) {
            return Optional.empty();
        }
        Instant beeindigdOp = beeindigdOp(indeling, stappen, peilmoment);
        return Optional.of(new Klantreis(
                indeling.id().toString(),
                klantId,
                thema(indeling.thema()),
                beeindigdOp == null ? Klantreis.LOPEND : Klantreis.BEEINDIGD,
                stappen.get(0).op(),
                beeindigdOp,
                stappen.stream().map(KlantreisWeergave::stap).toList(),
                indeling.kanaalwissels().stream()
                        .filter(wissel -> !wissel.op().isAfter(peilmoment))
                        .map(KlantreisWeergave::kanaalwissel)
                        .toList()));
    }

    /**
     * A zaak's klantreis ends when its zaak is closed (at or before the peilmoment); any other
     * klantreis 14 calendar days after its last contact, once that moment lies before the peilmoment.
     */
    private static Instant beeindigdOp(Klantreisindeling indeling, List<Reisstap> stappen, Instant peilmoment) {
        if (indeling.soort() == Klantreissoort.ZAAK) {
            Instant afgeslotenOp = indeling.beeindigdOp();
            return afgeslotenOp != null && !afgeslotenOp.isAfter(peilmoment) ? afgeslotenOp : null;
        }
        Instant laatsteContact = stappen.stream().filter(stap -> stap.soort() == Reisstap.Soort.KLANTCONTACT)
                .map(Reisstap::op).max(Instant::compareTo).orElse(null);
        if (laatsteContact == null) {
            return null;
        }
        Instant einde = Tijd.plusDagen(laatsteContact, KlantreisRegels.TERMIJN_DAGEN);
        return einde.isBefore(peilmoment) ? einde : null;
    }

    private static Klantreis.Thema thema(Thema thema) {
        if (thema == null) {
            return new Klantreis.Thema(null, null);
        }
        return new Klantreis.Thema(thema.zaakId() == null ? null : thema.zaakId().toString(), thema.onderwerp());
    }

    private static Klantreis.Stap stap(Reisstap stap) {
        return new Klantreis.Stap(
                stap.soort() == Reisstap.Soort.KLANTCONTACT
                        ? Klantreis.Stap.KLANTCONTACT : Klantreis.Stap.ZAAK_GEREGISTREERD,
                stap.kanaal(),
                stap.op(),
                stap.klantcontactId() == null ? null : stap.klantcontactId().toString(),
                stap.zaakId() == null ? null : stap.zaakId().toString(),
                stap.resultaat());
    }

    private static Klantreis.Kanaalwissel kanaalwissel(Kanaalwissel wissel) {
        return new Klantreis.Kanaalwissel(wissel.van(), wissel.naar(), wissel.op(), wissel.warm());
    }
}
