package nl.klantreis.projecties.kpi;

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

    KpiVragen(Projectiebeheer beheer, DataSource database, Kanalen kanalen) {
        this.klanten = new Documentlezer<>(beheer, KlantreisLeesregels.NAAM, database);
        this.zaken = new Documentlezer<>(beheer, MijnZakenLeesregels.NAAM, database);
        this.berekening = new Kpiberekening(kanalen);
    }

    @QueryHandler
    public Kpiuitkomst kpi(Kpivraag vraag) {
        return berekening.bereken(vraag, () -> klanten.stroom().map(KpiVragen::alsKpiKlant),
                () -> zaken.stroom().filter(Zaakdossier::isGeregistreerd).map(KpiVragen::alsKpiZaak));
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
