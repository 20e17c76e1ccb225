package nl.klantreis.domein.klant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

import nl.klantreis.domein.gedeeld.Afhandeling;
import nl.klantreis.domein.gedeeld.Identificatiesoort;
import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.domein.gedeeld.KlantcontactId;
import nl.klantreis.domein.gedeeld.KlantreisId;
import nl.klantreis.domein.gedeeld.RegelOvertreden;
import nl.klantreis.domein.gedeeld.Versleuteld;
import nl.klantreis.domein.gedeeld.ZaakId;
import nl.klantreis.domein.klantreis.Contactgegevens;
import nl.klantreis.domein.klantreis.Kanaalwissel;
import nl.klantreis.domein.klantreis.KlantreisRegels;
import nl.klantreis.domein.klantreis.Klantreisindeling;
import nl.klantreis.domein.klantreis.Klantreissoort;
import nl.klantreis.domein.klantreis.Reisstap;
import nl.klantreis.domein.klantreis.Zaakgegevens;

/**
 * A klant and his klantreizen. Keeps the facts (contacts, his zaken) and the klantreizen and
 * kanaalwissels it has announced; after every new fact it recomputes the klantreizen with
 * {@link KlantreisRegels} and records the differences as new events (corrections included), so
 * the result never depends on the order in which facts arrived and nothing is rewritten.
 */
public class Klant {
    private static final Comparator<Kanaalwissel> WISSELVOLGORDE = Comparator.comparing(Kanaalwissel::op)
            .thenComparing(Kanaalwissel::klantreisId).thenComparing(Kanaalwissel::vanStap)
            .thenComparing(Kanaalwissel::naarStap);

    @AggregateIdentifier
    private KlantId klantId;
    private Identificatiesoort soort;
    private boolean ingeschreven;
    private final Map<KlantcontactId, Contactgegevens> contacten = new HashMap<>();
    private final Map<ZaakId, Zaakgegevens> zaken = new HashMap<>();
    private final Map<KlantcontactId, KlantreisId> indeling = new HashMap<>();
    private final Set<KlantreisId> klantreizen = new HashSet<>();
    private final Set<Kanaalwissel> kanaalwissels = new HashSet<>();
    private final Set<KanaalvoorkeurVastgelegd> voorkeuren = new HashSet<>();
    /**
     * The contacts and zaken of the life before his last forgetting: facts about them that arrive
     * again (a sender retrying, a zaaksysteem closing the zaak) are taken as known and change
     * nothing, so they never join a returning klant's new klantreizen. Ids only, no personal data.
     */
    private final Set<KlantcontactId> vergetenContacten = new HashSet<>();
    private final Set<ZaakId> vergetenZaken = new HashSet<>();
    /** How often he was forgotten: his klantreis ids after a forgetting never equal one from before. */
    private int vergetenKeer;

    /** Required by Axon to rebuild the aggregate from its events. */
    protected Klant() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    Afhandeling handle(RegistreerKlantcontact opdracht) {
        Contactgegevens nieuw = new Contactgegevens(opdracht.klantcontactId(), opdracht.plaatsgevondenOp(),
                opdracht.kanaal(), opdracht.onderwerp(), opdracht.zaakId(), opdracht.resultaat(), opdracht.wasKlantcontact());
        if (vergetenContacten.contains(nieuw.id())) {
            return Afhandeling.AL_BEKEND;
        }
        Contactgegevens bekend = contacten.get(nieuw.id());
        if (bekend != null) {
            if (bekend.equals(nieuw)) {
                return Afhandeling.AL_BEKEND;
            }
            throw new RegelOvertreden("klantcontactId", "dit klantcontact is al geregistreerd met andere gegevens");
        }
        if (soort != null && soort != opdracht.soort()) {
            throw new RegelOvertreden("klant", "deze klant is bekend als " + soort.name().toLowerCase());
        }
        schrijfIn(opdracht.klantId(), opdracht.soort(), opdracht.nummer());
        List<Contactgegevens> contactenNa = new ArrayList<>(contacten.values());
        contactenNa.add(nieuw);
        herindeel(contactenNa, zaken.values(), () -> apply(new KlantcontactGeregistreerd(klantId, nieuw.id(),
                nieuw.op(), nieuw.kanaal(), opdracht.kanaalOntvangen(), opdracht.richting(), nieuw.onderwerp(),
                nieuw.zaak(), nieuw.resultaat(), opdracht.doorverwezenNaar(), nieuw.wasKlantcontact(),
                opdracht.medewerker(), opdracht.inhoud(), opdracht.duurSeconden())));
        return Afhandeling.NIEUW;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    Afhandeling handle(KoppelZaakAanKlant opdracht) {
        Zaakgegevens nieuw = new Zaakgegevens(opdracht.zaakId(), opdracht.zaaktype(), opdracht.kanaal(),
                opdracht.geregistreerdOp(), null);
        if (vergetenZaken.contains(nieuw.zaak())) {
            return Afhandeling.AL_BEKEND;
        }
        Zaakgegevens bekend = zaken.get(nieuw.zaak());
        if (bekend != null) {
            if (bekend.afgeslotenOp(null).equals(nieuw)) {
                return opdracht.afgeslotenOp() == null ? Afhandeling.AL_BEKEND : sluitAf(nieuw.zaak(), opdracht.afgeslotenOp());
            }
            throw new RegelOvertreden("zaakId", "deze zaak is al aan de klant gekoppeld met andere gegevens");
        }
        if (opdracht.soort() == Identificatiesoort.ANONIEM) {
            throw new RegelOvertreden("initiator", "een zaak heeft een initiator met BSN of KVK-nummer");
        }
        if (soort != null && soort != opdracht.soort()) {
            throw new RegelOvertreden("initiator", "deze klant is bekend als " + soort.name().toLowerCase());
        }
        schrijfIn(opdracht.klantId(), opdracht.soort(), opdracht.nummer());
        Map<ZaakId, Zaakgegevens> zakenNa = new HashMap<>(zaken);
        zakenNa.put(nieuw.zaak(), nieuw);
        KlantreisId klantreis = KlantreisRegels.klantreisId(reisnaamruimte(), Klantreissoort.ZAAK,
                nieuw.zaak().toString());
        herindeel(contacten.values(), zakenNa.values(), () -> apply(new ZaakAanKlantGekoppeld(klantId, nieuw.zaak(),
                nieuw.zaaktype(), nieuw.kanaal(), nieuw.geregistreerdOp(), klantreis)));
        if (opdracht.afgeslotenOp() != null) {
            sluitAf(nieuw.zaak(), opdracht.afgeslotenOp());
        }
        return Afhandeling.NIEUW;
    }

    @CommandHandler
    Afhandeling handle(MeldZaakAfgesloten opdracht) {
        if (vergetenZaken.contains(opdracht.zaakId())) {
            return Afhandeling.AL_BEKEND;
        }
        if (!zaken.containsKey(opdracht.zaakId())) {
            throw new RegelOvertreden("zaakId", "deze zaak is niet van deze klant");
        }
        return sluitAf(opdracht.zaakId(), opdracht.afgeslotenOp());
    }

    private Afhandeling sluitAf(ZaakId zaakId, Instant afgeslotenOp) {
        Zaakgegevens zaak = zaken.get(zaakId);
        if (afgeslotenOp.equals(zaak.afgeslotenOp())) {
            return Afhandeling.AL_BEKEND;
        }
        Map<ZaakId, Zaakgegevens> zakenNa = new HashMap<>(zaken);
        zakenNa.put(zaakId, zaak.afgeslotenOp(afgeslotenOp));
        KlantreisId klantreis = KlantreisRegels.klantreisId(reisnaamruimte(), Klantreissoort.ZAAK, zaakId.toString());
        herindeel(contacten.values(), zakenNa.values(),
                () -> apply(new KlantreisBeeindigd(klantId, klantreis, zaakId, afgeslotenOp)));
        return Afhandeling.NIEUW;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    Afhandeling handle(LegKanaalvoorkeurVast opdracht) {
        KanaalvoorkeurVastgelegd voorkeur = new KanaalvoorkeurVastgelegd(opdracht.klantId(), opdracht.kanaal(),
                opdracht.onderwerp(), opdracht.vastgelegdOp());
        if (voorkeuren.contains(voorkeur)) {
            return Afhandeling.AL_BEKEND;
        }
        if (opdracht.soort() == Identificatiesoort.ANONIEM) {
            throw new RegelOvertreden("klant", "een kanaalvoorkeur hoort bij een klant met BSN of KVK-nummer");
        }
        schrijfIn(opdracht.klantId(), opdracht.soort(), opdracht.nummer());
        apply(voorkeur);
        return Afhandeling.NIEUW;
    }

    @CommandHandler
    Afhandeling handle(VergeetKlant opdracht) {
        if (!ingeschreven) {
            return Afhandeling.AL_BEKEND;
        }
        Set<ZaakId> zijnZaken = new TreeSet<>();
        zijnZaken.addAll(zaken.keySet());
        contacten.values().stream().map(Contactgegevens::zaak).filter(Objects::nonNull).forEach(zijnZaken::add);
        zijnZaken.forEach(zaak -> apply(new ZaakKoppelingVergeten(klantId, zaak)));
        apply(new KlantVergeten(klantId, opdracht.op()));
        return Afhandeling.NIEUW;
    }

    /**
     * The name his klantreis ids are derived from: his pseudonym, and after a forgetting his
     * pseudonym with the count, so a returning klant's contact about a zaak he had before does not
     * land in a klantreis with the id the old one had (which still counts, anonymously, in the KPIs).
     */
    private KlantId reisnaamruimte() {
        return vergetenKeer == 0 ? klantId : new KlantId(klantId.waarde() + "-" + vergetenKeer);
    }

    private void schrijfIn(KlantId id, Identificatiesoort soortVanKlant, Versleuteld nummer) {
        if (!ingeschreven) {
            apply(new KlantIngeschreven(id, soortVanKlant, nummer));
        }
    }

    /**
     * Computes the klantreizen as they are with the new fact and records the differences in an
     * order a reader can follow: retracted wissels, new klantreizen, the fact itself, contacts
     * (re)assigned, new wissels, klantreizen that no longer exist.
     */
    private void herindeel(java.util.Collection<Contactgegevens> contactenNa, java.util.Collection<Zaakgegevens> zakenNa,
                           Runnable legFeitVast) {
        List<Klantreisindeling> nieuw = KlantreisRegels.deelIn(reisnaamruimte(), contactenNa, zakenNa,
                soort == Identificatiesoort.ANONIEM);
        Set<Kanaalwissel> nieuweWissels = new HashSet<>();
        Set<KlantreisId> nieuweReizen = new HashSet<>();
        nieuw.forEach(reis -> {
            nieuweWissels.addAll(reis.kanaalwissels());
            nieuweReizen.add(reis.id());
        });

        kanaalwissels.stream().filter(w -> !nieuweWissels.contains(w)).sorted(WISSELVOLGORDE).toList()
                .forEach(w -> apply(new KanaalwisselIngetrokken(klantId, w.klantreisId(), w.vanStap(), w.naarStap(),
                        w.van(), w.naar(), w.op(), w.warm())));
        nieuw.stream().filter(reis -> !klantreizen.contains(reis.id())).toList()
                .forEach(reis -> apply(new KlantreisGestart(klantId, reis.id(), reis.soort(), reis.thema().zaakId(),
                        reis.thema().onderwerp())));
        legFeitVast.run();
        for (Klantreisindeling reis : nieuw) {
            for (Reisstap stap : reis.stappen()) {
                if (stap.soort() == Reisstap.Soort.KLANTCONTACT
                        && !Objects.equals(indeling.get(stap.klantcontactId()), reis.id())) {
                    apply(new KlantcontactIngedeeld(klantId, stap.klantcontactId(), reis.id(),
                            indeling.get(stap.klantcontactId())));
                }
            }
        }
        nieuweWissels.stream().filter(w -> !kanaalwissels.contains(w)).sorted(WISSELVOLGORDE).toList()
                .forEach(w -> apply(new KanaalGewisseld(klantId, w.klantreisId(), w.vanStap(), w.naarStap(),
                        w.van(), w.naar(), w.op(), w.warm())));
        klantreizen.stream().filter(id -> !nieuweReizen.contains(id)).sorted().toList()
                .forEach(id -> apply(new KlantreisVervallen(klantId, id)));
    }

    @EventSourcingHandler
    void on(KlantIngeschreven gebeurd) {
        klantId = gebeurd.klantId();
        soort = gebeurd.soort();
        ingeschreven = true;
    }

    @EventSourcingHandler
    void on(KlantcontactGeregistreerd gebeurd) {
        contacten.put(gebeurd.klantcontactId(), new Contactgegevens(gebeurd.klantcontactId(), gebeurd.plaatsgevondenOp(),
                gebeurd.kanaal(), gebeurd.onderwerp(), gebeurd.zaakId(), gebeurd.resultaat(),
                gebeurd.wasKlantcontact()));
    }

    @EventSourcingHandler
    void on(ZaakAanKlantGekoppeld gebeurd) {
        zaken.put(gebeurd.zaakId(), new Zaakgegevens(gebeurd.zaakId(), gebeurd.zaaktype(), gebeurd.kanaal(),
                gebeurd.geregistreerdOp(), null));
    }

    @EventSourcingHandler
    void on(KlantreisBeeindigd gebeurd) {
        zaken.computeIfPresent(gebeurd.zaakId(), (id, zaak) -> zaak.afgeslotenOp(gebeurd.beeindigdOp()));
    }

    @EventSourcingHandler
    void on(KlantreisGestart gebeurd) {
        klantreizen.add(gebeurd.klantreisId());
    }

    @EventSourcingHandler
    void on(KlantcontactIngedeeld gebeurd) {
        indeling.put(gebeurd.klantcontactId(), gebeurd.klantreisId());
    }

    @EventSourcingHandler
    void on(KlantreisVervallen gebeurd) {
        klantreizen.remove(gebeurd.klantreisId());
    }

    @EventSourcingHandler
    void on(KanaalGewisseld gebeurd) {
        kanaalwissels.add(new Kanaalwissel(gebeurd.klantreisId(), gebeurd.vanStap(), gebeurd.naarStap(),
                gebeurd.van(), gebeurd.naar(), gebeurd.op(), gebeurd.warm()));
    }

    @EventSourcingHandler
    void on(KanaalwisselIngetrokken gebeurd) {
        kanaalwissels.remove(new Kanaalwissel(gebeurd.klantreisId(), gebeurd.vanStap(), gebeurd.naarStap(),
                gebeurd.van(), gebeurd.naar(), gebeurd.op(), gebeurd.warm()));
    }

    @EventSourcingHandler
    void on(KanaalvoorkeurVastgelegd gebeurd) {
        voorkeuren.add(gebeurd);
    }

    /**
     * A forgotten klant starts again from nothing: a klant who returns is inscribed anew and his new
     * contacts make new klantreizen, never joining the old ones (which stay, anonymously, in the
     * event store and the KPIs). Only the ids of the old facts are kept, to recognise them.
     */
    @EventSourcingHandler
    void on(KlantVergeten gebeurd) {
        ingeschreven = false;
        soort = null;
        vergetenKeer++;
        vergetenContacten.addAll(contacten.keySet());
        vergetenZaken.addAll(zaken.keySet());
        contacten.clear();
        zaken.clear();
        indeling.clear();
        klantreizen.clear();
        kanaalwissels.clear();
        voorkeuren.clear();
    }
}
