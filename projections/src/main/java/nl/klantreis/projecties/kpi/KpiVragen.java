package nl.klantreis.projecties.kpi;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import nl.klantreis.domein.gedeeld.Identificatiesoort;
import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.domein.gedeeld.ZaakId;
import nl.klantreis.domein.referentie.Kanalen;
import nl.klantreis.domein.zaak.UiterlijkeEinddatum;
import nl.klantreis.projecties.klantreis.Klantdossier;
import nl.klantreis.projecties.klantreis.KlantreisLeesregels;
import nl.klantreis.projecties.leesmodel.Documentlezer;
import nl.klantreis.projecties.leesmodel.Projectiebeheer;
import nl.klantreis.projecties.mijnzaken.MijnZakenLeesregels;
import nl.klantreis.projecties.mijnzaken.Zaakdossier;

/**
 * KPIs for any period, peilmoment and breakdown, computed at question time from the facts in the
 * klantreis and MijnZaken read models (so a peilmoment in the past sees the klantreizen as they
 * were then). Streams both read models once: memory does not grow with the number of klanten.
 */
@Component
public class KpiVragen {
    private final Documentlezer<Klantdossier> klanten;
    private final Documentlezer<Zaakdossier> zaken;
    private final Kpiberekening berekening;
    private final Kanalen kanalen;

    KpiVragen(Projectiebeheer beheer, DataSource database, Kanalen kanalen) {
        this.klanten = new Documentlezer<>(beheer, KlantreisLeesregels.NAAM, database);
        this.zaken = new Documentlezer<>(beheer, MijnZakenLeesregels.NAAM, database);
        this.berekening = new Kpiberekening(kanalen);
        this.kanalen = kanalen;
    }

    @QueryHandler
    public Kpiuitkomst kpi(Kpivraag vraag) {
        return berekening.bereken(vraag, () -> klanten.stroom().map(KpiVragen::alsKpiKlant),
                () -> zaken.stroom().filter(Zaakdossier::isGeregistreerd).map(KpiVragen::alsKpiZaak));
    }

    @QueryHandler
    public Kanaalwisselreizen kanaalwisselreizen(KanaalwisselreizenVraag vraag) {
        Wisselreizenselectie selectie = new Wisselreizenselectie(vraag, kanalen);
        try (Stream<Klantdossier> stroom = klanten.stroom()) {
            stroom.forEach(dossier -> selectie.klant(alsKlantMetReisnamen(dossier), teOpenen(dossier)));
        }
        return selectie.uitkomst();
    }

    /**
     * The klant under the namespace his klantreis ids derive from (his pseudonym, with the count after
     * a forgetting), so the ids computed are those {@code KlantreisVraag} finds.
     */
    static KpiKlant alsKlantMetReisnamen(Klantdossier dossier) {
        return new KpiKlant(dossier.reisnaamruimte(), dossier.soort() == Identificatiesoort.ANONIEM,
                dossier.contactgegevens(), dossier.zaakgegevens());
    }

    /** The ids the klantreis read model answers by; none for what a forgotten klant left. */
    static Predicate<String> teOpenen(Klantdossier dossier) {
        if (dossier.isVergeten()) {
            return id -> false;
        }
        Set<String> ids = new HashSet<>();
        dossier.klantreizen().forEach(reis -> ids.add(reis.klantreisId().toString()));
        dossier.vervallenKlantreizen().forEach(id -> ids.add(id.toString()));
        return ids::contains;
    }

    static KpiKlant alsKpiKlant(Klantdossier dossier) {
        return new KpiKlant(new KlantId(dossier.klantId()), dossier.soort() == Identificatiesoort.ANONIEM,
                dossier.contactgegevens(), dossier.zaakgegevens());
    }

    static KpiZaak alsKpiZaak(Zaakdossier dossier) {
        Zaakdossier.Registratie registratie = dossier.registratie();
        return new KpiZaak(new ZaakId(java.util.UUID.fromString(dossier.zaakId().toString())), registratie.zaaktype(),
                registratie.geregistreerdOp(),
                dossier.afsluiting() == null ? null : dossier.afsluiting().afgeslotenOp(),
                UiterlijkeEinddatum.basis(registratie.geregistreerdOp(), registratie.opgegevenUiterlijkeEinddatum(),
                        registratie.regels().servicenormDagen()),
                dossier.verlengingen().stream().map(Zaakdossier.Verlenging::duurDagen).toList(),
                dossier.opschortingen().stream().map(Zaakdossier.Moment::op).toList(),
                dossier.hervattingen().stream().map(Zaakdossier.Moment::op).toList());
    }
}
