package nl.klantreis.domein.zaak;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

import nl.klantreis.domein.gedeeld.Afhandeling;
import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.domein.gedeeld.RegelOvertreden;
import nl.klantreis.domein.gedeeld.ZaakId;
import nl.klantreis.domein.referentie.ZaaktypeRegels;

/**
 * A zaak: registration, statussen, opschorting and hervatting, verlenging, afsluiting. Facts may
 * arrive before the registration (zaaksystemen do that): they are recorded, wait, and are applied
 * or declared unusable once the zaak and its zaaktype are known. When the zaak is known, a fact
 * its zaaktype does not allow is refused.
 */
public class Zaak {
    @AggregateIdentifier
    private ZaakId zaakId;
    private boolean geregistreerd;
    private String zaaktype;
    private String identificatie;
    private ZaaktypeRegels regels;
    private KlantId initiator;
    private Instant geregistreerdOp;
    private LocalDate opgegevenEinddatum;
    private final Map<String, ZaakstatusGezet> statussen = new LinkedHashMap<>();
    private final TreeSet<Instant> opgeschort = new TreeSet<>();
    private final TreeSet<Instant> hervat = new TreeSet<>();
    private final Map<String, ZaakVerlengd> verlengingen = new LinkedHashMap<>();
    private ZaakAfgesloten afsluiting;
    private UiterlijkeEinddatumBepaald einddatum;

    /** Required by Axon to rebuild the aggregate from its events. */
    protected Zaak() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    ZaakUitkomst handle(RegistreerZaak opdracht) {
        if (geregistreerd) {
            boolean zelfde = identificatie.equals(opdracht.identificatie()) && zaaktype.equals(opdracht.zaaktype())
                    && initiator.equals(opdracht.initiator()) && geregistreerdOp.equals(opdracht.geregistreerdOp());
            if (zelfde) {
                return uitkomst(Afhandeling.AL_BEKEND);
            }
            throw new RegelOvertreden("zaakId", "deze zaak is al geregistreerd met andere gegevens");
        }
        apply(new ZaakGeregistreerd(opdracht.zaakId(), opdracht.identificatie(), opdracht.zaaktype(),
                opdracht.regels(), opdracht.vertrouwelijkheid(), opdracht.initiator(), opdracht.initiatorSoort(),
                opdracht.initiatorNummer(), opdracht.kanaal(), opdracht.kanaalOntvangen(), opdracht.geregistreerdOp(),
                opdracht.omschrijving(), opdracht.uiterlijkeEinddatum()));
        toetsWachtendeFeiten();
        bepaalEinddatum();
        return uitkomst(Afhandeling.NIEUW);
    }

    /** Facts that arrived before the zaak are held against its zaaktype now, in the order they happened. */
    private void toetsWachtendeFeiten() {
        statussen.values().stream().sorted(Comparator.comparing(ZaakstatusGezet::datumStatusGezet)
                        .thenComparing(ZaakstatusGezet::statustype)).toList().stream()
                .filter(s -> !regels.statustypen().contains(s.statustype()))
                .forEach(s -> apply(new ZaakfeitOnbruikbaar(zaakId, Zaakfeitsoort.STATUS_GEZET, s.statustype(),
                        s.datumStatusGezet(), statustypeOnbekend(s.statustype()))));
        if (!regels.opschortingMogelijk()) {
            List.copyOf(opgeschort).forEach(op -> apply(new ZaakfeitOnbruikbaar(zaakId,
                    Zaakfeitsoort.ZAAK_OPGESCHORT, null, op, geenOpschorting())));
            List.copyOf(hervat).forEach(op -> apply(new ZaakfeitOnbruikbaar(zaakId,
                    Zaakfeitsoort.ZAAK_HERVAT, null, op, geenOpschorting())));
        }
        verlengingen.values().stream().sorted(Comparator.comparing(ZaakVerlengd::verlengdOp)).toList().forEach(v -> {
            String bezwaar = verlengingBezwaar(v.duurDagen());
            if (bezwaar != null) {
                apply(new ZaakfeitOnbruikbaar(zaakId, Zaakfeitsoort.ZAAK_VERLENGD, Integer.toString(v.duurDagen()),
                        v.verlengdOp(), bezwaar));
            }
        });
        if (afsluiting != null && !regels.resultaten().contains(afsluiting.resultaat())) {
            apply(new ZaakfeitOnbruikbaar(zaakId, Zaakfeitsoort.ZAAK_AFGESLOTEN, afsluiting.resultaat(),
                    afsluiting.afgeslotenOp(), resultaatOnbekend(afsluiting.resultaat())));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    ZaakUitkomst handle(ZetZaakstatus opdracht) {
        if (statussen.containsKey(statussleutel(opdracht.statustype(), opdracht.datumStatusGezet()))) {
            return uitkomst(Afhandeling.AL_BEKEND);
        }
        if (geregistreerd && !regels.statustypen().contains(opdracht.statustype())) {
            throw new RegelOvertreden("statustype", statustypeOnbekend(opdracht.statustype()));
        }
        apply(new ZaakstatusGezet(opdracht.zaakId(), opdracht.statustype(), opdracht.datumStatusGezet(),
                opdracht.statustoelichting()));
        return uitkomst(Afhandeling.NIEUW);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    ZaakUitkomst handle(SchortZaakOp opdracht) {
        if (opgeschort.contains(opdracht.opgeschortOp())) {
            return uitkomst(Afhandeling.AL_BEKEND);
        }
        if (geregistreerd && !regels.opschortingMogelijk()) {
            throw new RegelOvertreden("zaakId", geenOpschorting());
        }
        apply(new ZaakOpgeschort(opdracht.zaakId(), opdracht.opgeschortOp(), opdracht.reden()));
        bepaalEinddatum();
        return uitkomst(Afhandeling.NIEUW);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    ZaakUitkomst handle(HervatZaak opdracht) {
        if (hervat.contains(opdracht.hervatOp())) {
            return uitkomst(Afhandeling.AL_BEKEND);
        }
        if (geregistreerd && !regels.opschortingMogelijk()) {
            throw new RegelOvertreden("zaakId", geenOpschorting());
        }
        apply(new ZaakHervat(opdracht.zaakId(), opdracht.hervatOp(), opdracht.reden()));
        bepaalEinddatum();
        return uitkomst(Afhandeling.NIEUW);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    ZaakUitkomst handle(VerlengZaak opdracht) {
        if (verlengingen.containsKey(verlengingsleutel(opdracht.verlengdOp(), opdracht.duurDagen()))) {
            return uitkomst(Afhandeling.AL_BEKEND);
        }
        if (geregistreerd) {
            String bezwaar = verlengingBezwaar(opdracht.duurDagen());
            if (bezwaar != null) {
                throw new RegelOvertreden("duurDagen", bezwaar);
            }
        }
        apply(new ZaakVerlengd(opdracht.zaakId(), opdracht.verlengdOp(), opdracht.duurDagen(), opdracht.reden()));
        bepaalEinddatum();
        return uitkomst(Afhandeling.NIEUW);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    ZaakUitkomst handle(SluitZaakAf opdracht) {
        if (afsluiting != null) {
            if (afsluiting.afgeslotenOp().equals(opdracht.afgeslotenOp())
                    && afsluiting.resultaat().equals(opdracht.resultaat())) {
                return uitkomst(Afhandeling.AL_BEKEND);
            }
            throw new RegelOvertreden("afgeslotenOp", "deze zaak is al afgesloten met een ander moment of resultaat");
        }
        if (geregistreerd && !regels.resultaten().contains(opdracht.resultaat())) {
            throw new RegelOvertreden("resultaat", resultaatOnbekend(opdracht.resultaat()));
        }
        apply(new ZaakAfgesloten(opdracht.zaakId(), opdracht.afgeslotenOp(), opdracht.resultaat(),
                opdracht.toelichting()));
        return uitkomst(Afhandeling.NIEUW);
    }

    private void bepaalEinddatum() {
        if (!geregistreerd) {
            return;
        }
        UiterlijkeEinddatum berekend = UiterlijkeEinddatum.bereken(
                UiterlijkeEinddatum.basis(geregistreerdOp, opgegevenEinddatum, regels.servicenormDagen()),
                verlengingen.values().stream().map(ZaakVerlengd::duurDagen).toList(),
                Opschorting.paren(opgeschort, hervat), null);
        UiterlijkeEinddatumBepaald nieuw = new UiterlijkeEinddatumBepaald(zaakId, berekend.datum(), berekend.basis(),
                berekend.verlengingDagen(), berekend.opschortingDagen(), berekend.opgeschortSinds());
        if (!nieuw.equals(einddatum)) {
            apply(nieuw);
        }
    }

    private ZaakUitkomst uitkomst(Afhandeling afhandeling) {
        return new ZaakUitkomst(afhandeling, geregistreerd ? initiator : null,
                afsluiting == null ? null : afsluiting.afgeslotenOp());
    }

    private String verlengingBezwaar(int duurDagen) {
        if (!regels.verlengingMogelijk()) {
            return "zaaktype '" + zaaktype + "' staat geen verlenging toe";
        }
        if (duurDagen > regels.verlengingDagen()) {
            return "een verlenging van " + duurDagen + " dagen is meer dan de " + regels.verlengingDagen()
                    + " die zaaktype '" + zaaktype + "' toestaat";
        }
        return null;
    }

    private String statustypeOnbekend(String statustype) {
        return "statustype '" + statustype + "' hoort niet bij zaaktype '" + zaaktype + "'";
    }

    private String resultaatOnbekend(String resultaat) {
        return "resultaat '" + resultaat + "' hoort niet bij zaaktype '" + zaaktype + "'";
    }

    private String geenOpschorting() {
        return "zaaktype '" + zaaktype + "' staat geen opschorting toe";
    }

    private static String statussleutel(String statustype, Instant op) {
        return statustype + "@" + op;
    }

    private static String verlengingsleutel(Instant op, int duurDagen) {
        return op + "+" + duurDagen;
    }

    @EventSourcingHandler
    void on(ZaakGeregistreerd gebeurd) {
        zaakId = gebeurd.zaakId();
        geregistreerd = true;
        zaaktype = gebeurd.zaaktype();
        identificatie = gebeurd.identificatie();
        regels = gebeurd.regels();
        initiator = gebeurd.initiator();
        geregistreerdOp = gebeurd.geregistreerdOp();
        opgegevenEinddatum = gebeurd.opgegevenUiterlijkeEinddatum();
    }

    @EventSourcingHandler
    void on(ZaakstatusGezet gebeurd) {
        zaakId = gebeurd.zaakId();
        statussen.put(statussleutel(gebeurd.statustype(), gebeurd.datumStatusGezet()), gebeurd);
    }

    @EventSourcingHandler
    void on(ZaakOpgeschort gebeurd) {
        zaakId = gebeurd.zaakId();
        opgeschort.add(gebeurd.opgeschortOp());
    }

    @EventSourcingHandler
    void on(ZaakHervat gebeurd) {
        zaakId = gebeurd.zaakId();
        hervat.add(gebeurd.hervatOp());
    }

    @EventSourcingHandler
    void on(ZaakVerlengd gebeurd) {
        zaakId = gebeurd.zaakId();
        verlengingen.put(verlengingsleutel(gebeurd.verlengdOp(), gebeurd.duurDagen()), gebeurd);
    }

    @EventSourcingHandler
    void on(ZaakAfgesloten gebeurd) {
        zaakId = gebeurd.zaakId();
        afsluiting = gebeurd;
    }

    @EventSourcingHandler
    void on(UiterlijkeEinddatumBepaald gebeurd) {
        einddatum = gebeurd;
    }

    /**
     * An unusable fact no longer counts: it is removed from the state, so that it neither moves
     * the uiterlijke einddatum nor blocks a usable fact of the same kind arriving later.
     */
    @EventSourcingHandler
    void on(ZaakfeitOnbruikbaar gebeurd) {
        switch (gebeurd.feit()) {
            case STATUS_GEZET -> statussen.remove(statussleutel(gebeurd.code(), gebeurd.op()));
            case ZAAK_OPGESCHORT -> opgeschort.remove(gebeurd.op());
            case ZAAK_HERVAT -> hervat.remove(gebeurd.op());
            case ZAAK_VERLENGD ->
                    verlengingen.remove(verlengingsleutel(gebeurd.op(), Integer.parseInt(gebeurd.code())));
            case ZAAK_AFGESLOTEN -> afsluiting = null;
        }
    }

    // Visible for the domain's own tests of derived state.
    List<String> statustypen() {
        return new ArrayList<>(statussen.values().stream().map(ZaakstatusGezet::statustype).toList());
    }

    boolean isGeregistreerd() {
        return geregistreerd && Objects.nonNull(regels);
    }
}
