package nl.klantreis.api.audit;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

import nl.klantreis.api.beveiliging.Gebruiker;
import nl.klantreis.domein.gedeeld.KlantId;

/**
 * One processing of personal data, to be logged before the answer leaves the engine (Logboek
 * Dataverwerkingen): one processing record per data subject, plus one user-audit record with the
 * actor, joined on the trace id.
 *
 * @param activiteit  the registered processing activity, e.g. "mijnzaken-inzien", "klantbeeld-inzien"
 * @param doel        the purpose, e.g. "dienstverlening aan de burger"
 * @param grondslag   the legal ground, e.g. "AVG art. 6 lid 1 sub e"
 * @param betrokkenen the pseudonyms of the data subjects in the answer, one processing record each (a
 *                    klant named twice counts once; empty: only the user-audit record
 *                    is written, e.g. for a refused or not-found request, which is still accounted for)
 * @param resultaat   e.g. "getoond", "niet-gevonden", "geweigerd"
 */
public record Verwerkingsverslag(Gebruiker gebruiker, Tracecontext trace, String activiteit, String doel,
                                 String grondslag, List<KlantId> betrokkenen, String resultaat) {
    public Verwerkingsverslag {
        Objects.requireNonNull(gebruiker, "gebruiker");
        Objects.requireNonNull(trace, "trace");
        Objects.requireNonNull(activiteit, "activiteit");
        Objects.requireNonNull(doel, "doel");
        Objects.requireNonNull(grondslag, "grondslag");
        Objects.requireNonNull(resultaat, "resultaat");
        betrokkenen = List.copyOf(new LinkedHashSet<>(betrokkenen));
    }
}
