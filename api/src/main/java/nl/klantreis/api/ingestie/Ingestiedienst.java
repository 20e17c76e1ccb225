package nl.klantreis.api.ingestie;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.common.lock.DeadlockException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.databind.JsonNode;

import reactor.core.scheduler.Schedulers;

import nl.klantreis.domein.gedeeld.Identificatiesoort;
import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.domein.gedeeld.KlantcontactId;
import nl.klantreis.domein.gedeeld.RegelOvertreden;
import nl.klantreis.domein.gedeeld.Versleuteld;
import nl.klantreis.domein.gedeeld.Verwerking;
import nl.klantreis.domein.gedeeld.ZaakId;
import nl.klantreis.domein.klant.KoppelZaakAanKlant;
import nl.klantreis.domein.klant.LegKanaalvoorkeurVast;
import nl.klantreis.domein.klant.MeldZaakAfgesloten;
import nl.klantreis.domein.klant.RegistreerKlantcontact;
import nl.klantreis.domein.referentie.Catalogus;
import nl.klantreis.domein.referentie.Zaaktype;
import nl.klantreis.domein.zaak.HervatZaak;
import nl.klantreis.domein.zaak.RegistreerZaak;
import nl.klantreis.domein.zaak.SchortZaakOp;
import nl.klantreis.domein.zaak.SluitZaakAf;
import nl.klantreis.domein.zaak.VerlengZaak;
import nl.klantreis.domein.zaak.ZaakUitkomst;
import nl.klantreis.domein.zaak.ZetZaakstatus;
import nl.klantreis.projecties.privacy.Pseudoniemen;
import nl.klantreis.projecties.privacy.Sleutel;
import nl.klantreis.projecties.privacy.Sleutelring;
import nl.klantreis.projecties.privacy.Versleuteling;
import nl.klantreis.projecties.opslag.VoorladendeEventopslag;

/**
 * Turns CloudEvents into commands and stores their events. A batch is one unit of work and one
 * database transaction: the (source, id) rows that make resends idempotent, the klanten's keys
 * and every event are committed together, and only then is the answer given. A message the
 * domain refuses (it contradicts what is known) is taken out and the rest is done again, so
 * nothing of a rejected message is stored and nothing accepted is lost. Blocking: callers run it
 * on a worker thread, never on an event loop.
 */
@Service
public class Ingestiedienst {
    private static final Logger LOG = LoggerFactory.getLogger(Ingestiedienst.class);
    private static final int POGINGEN_BIJ_CONFLICT = 8;

    private final BerichtKeuring keuring;
    private final Pseudoniemen pseudoniemen;
    private final Sleutelring sleutelring;
    private final Versleuteling versleuteling;
    private final CommandGateway commands;
    private final TransactionManager transacties;
    private final JdbcTemplate jdbc;
    private final Catalogus catalogus;
    private final Clock klok;
    private final Ingestiemetrieken metrieken;
    private final VoorladendeEventopslag eventopslag;

    public Ingestiedienst(BerichtKeuring keuring, Pseudoniemen pseudoniemen, Sleutelring sleutelring,
                          Versleuteling versleuteling, CommandGateway commands, TransactionManager transacties,
                          JdbcTemplate jdbc, Catalogus catalogus, Clock klok, Ingestiemetrieken metrieken,
                          VoorladendeEventopslag eventopslag) {
        this.eventopslag = eventopslag;
        this.keuring = keuring;
        this.pseudoniemen = pseudoniemen;
        this.sleutelring = sleutelring;
        this.versleuteling = versleuteling;
        this.commands = commands;
        this.transacties = transacties;
        this.jdbc = jdbc;
        this.catalogus = catalogus;
        this.klok = klok;
        this.metrieken = metrieken;
    }

    /** Judges and stores the messages; the answer lists, per position, what became of each. */
    public List<Uitslag> verwerk(List<JsonNode> berichten) {
        if (Schedulers.isInNonBlockingThread()) {
            throw new IllegalStateException("ingestie blokkeert op de database en hoort niet op een event-loop-thread");
        }
        Uitslag[] uitslagen = new Uitslag[berichten.size()];
        List<Beoordeling> geldig = new ArrayList<>();
        for (int positie = 0; positie < berichten.size(); positie++) {
            Beoordeling beoordeling = keuring.keur(positie, berichten.get(positie));
            if (beoordeling.geldig()) {
                geldig.add(beoordeling);
            } else {
                uitslagen[positie] = afgewezen(beoordeling, beoordeling.fouten());
                metrieken.tel(beoordeling, Uitslag.Resultaat.REJECTED);
            }
        }

        // Keys are made in a short transaction of their own, before the batch: a new klant's key row
        // would otherwise stay locked until the batch commits, and every other batch with that
        // klant would wait for all of it. A key nobody ends up using is harmless.
        Sleutels sleutels = geldig.isEmpty() ? new Sleutels(Map.of(), Map.of())
                : transacties.fetchInTransaction(() -> haalSleutels(geldig));
        Map<Integer, List<Fout>> weigeringen = new HashMap<>();
        try {
            bewaar(geldig, sleutels, weigeringen, uitslagen);
        } catch (BlijvendeDatabasefout blijvend) {
            // One message the database will never take (the checks should have made this impossible):
            // which one is unknown, so each is stored on its own; only the one that fails is rejected.
            List<Beoordeling> over = geldig.stream().filter(b -> !weigeringen.containsKey(b.positie())).toList();
            LOG.warn("de database weigert een bericht blijvend (SQLSTATE {}); {} bericht(en) worden elk apart opgeslagen",
                    blijvend.sqlState, over.size());
            for (Beoordeling b : over) {
                try {
                    if (over.size() == 1) {
                        throw blijvend;
                    }
                    bewaar(List.of(b), sleutels, weigeringen, uitslagen);
                } catch (BlijvendeDatabasefout alleen) {
                    LOG.warn("bericht op positie {} blijvend geweigerd door de database (SQLSTATE {})", b.positie(),
                            alleen.sqlState);
                    weigeringen.put(b.positie(), List.of(new Fout("", "de database kan dit bericht niet opslaan"
                            + " (SQLSTATE " + alleen.sqlState + "); het wordt ook later niet aangenomen")));
                }
            }
        }
        for (Map.Entry<Integer, List<Fout>> weigering : weigeringen.entrySet()) {
            Beoordeling b = geldig.stream().filter(g -> g.positie() == weigering.getKey()).findFirst().orElseThrow();
            uitslagen[b.positie()] = afgewezen(b, weigering.getValue());
            metrieken.tel(b, Uitslag.Resultaat.REJECTED);
        }
        return Arrays.asList(uitslagen);
    }

    /**
     * Stores the messages in one transaction, taking out each one the domain refuses and doing the
     * rest again; a concurrent write to the same aggregate is retried.
     *
     * @throws BlijvendeDatabasefout when the database refuses the data itself; nothing is stored then
     */
    private void bewaar(List<Beoordeling> geldig, Sleutels sleutels, Map<Integer, List<Fout>> weigeringen,
                        Uitslag[] uitslagen) {
        int conflicten = 0;
        while (true) {
            List<Beoordeling> teDoen = geldig.stream().filter(b -> !weigeringen.containsKey(b.positie())).toList();
            try {
                Map<Integer, Uitslag.Resultaat> resultaten = inEenTransactie(teDoen, sleutels);
                for (Beoordeling b : teDoen) {
                    Uitslag.Resultaat resultaat = resultaten.get(b.positie());
                    uitslagen[b.positie()] = new Uitslag(b.positie(), b.source(), b.id(), resultaat, List.of());
                    metrieken.tel(b, resultaat);
                }
                return;
            } catch (Geweigerd geweigerd) {
                weigeringen.put(geweigerd.positie, List.of(geweigerd.fout));
            } catch (RuntimeException fout) {
                String blijvend = blijvendeSqlState(fout);
                if (blijvend != null) {
                    throw new BlijvendeDatabasefout(blijvend);
                }
                if (!isConflict(fout) || ++conflicten >= POGINGEN_BIJ_CONFLICT) {
                    throw fout;
                }
                // Another node or request wrote the same aggregate first: do it again on fresh state.
                LOG.debug("gelijktijdige wijziging; batch opnieuw ({}e keer)", conflicten);
                metrieken.herhaling();
                wacht(conflicten);
            }
        }
    }

    /**
     * The SQLSTATE when the database refused the data itself, so that sending it again can never
     * succeed: class 22 (data exception: a NUL in text, an invalid byte sequence, a value too long)
     * and 54 (program limit exceeded: an index row too large). Anything else (a lost connection, a
     * full disk, a bug of ours) may pass, and stays a 503 "try again later".
     */
    static String blijvendeSqlState(Throwable fout) {
        for (Throwable t = fout; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException s = sql; s != null; s = s.getNextException()) {
                    String staat = s.getSQLState();
                    if (staat != null && (staat.startsWith("22") || staat.startsWith("54"))) {
                        return staat;
                    }
                }
            }
        }
        return null;
    }

    private Map<Integer, Uitslag.Resultaat> inEenTransactie(List<Beoordeling> teDoen, Sleutels sleutels) {
        if (teDoen.isEmpty()) {
            return Map.of();
        }
        DefaultUnitOfWork<?> werk = DefaultUnitOfWork.startAndGet(new GenericMessage<>("ingestie"));
        werk.attachTransaction(transacties);
        ResultMessage<Map<Integer, Uitslag.Resultaat>> uitkomst = werk.executeWithResult(() -> verwerkGeldige(teDoen, sleutels));
        if (uitkomst.isExceptional()) {
            Throwable oorzaak = uitkomst.exceptionResult();
            if (oorzaak instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("opslaan mislukt", oorzaak);
        }
        return uitkomst.getPayload();
    }

    private Map<Integer, Uitslag.Resultaat> verwerkGeldige(List<Beoordeling> teDoen, Sleutels sleutels) {
        Instant nu = klok.instant();
        Set<String> nieuw = legOntvangstVast(teDoen, nu);
        Map<Integer, Uitslag.Resultaat> resultaten = new LinkedHashMap<>();
        List<Beoordeling> uitTeVoeren = new ArrayList<>();
        Set<String> gezien = new HashSet<>();
        for (Beoordeling b : teDoen) {
            String sleutel = ontvangstsleutel(b.source(), b.id());
            if (nieuw.contains(sleutel) && gezien.add(sleutel)) {
                uitTeVoeren.add(b);
            } else {
                resultaten.put(b.positie(), Uitslag.Resultaat.DUPLICATE);
            }
        }

        eventopslag.voorlaad(aggregaten(uitTeVoeren));
        Map<java.util.UUID, String> eigenaren = legKlantcontactenVast(uitTeVoeren);
        Map<ZaakId, KlantId> zaakKoppelingen = new HashMap<>();
        for (Beoordeling b : uitTeVoeren) {
            if (b.bericht() instanceof KlantcontactBericht contact
                    && !klantId(contact.klant(), contact.klantcontactId()).waarde()
                    .equals(eigenaren.get(contact.klantcontactId()))) {
                throw new Geweigerd(b.positie(), new Fout("/data/klantcontactId",
                        "dit klantcontact is al geregistreerd bij een andere klant; een klantcontact hoort bij één klant"));
            }
            try {
                Verwerking verwerking = voerUit(b.bericht(), sleutels, zaakKoppelingen);
                resultaten.put(b.positie(), verwerking == Verwerking.NIEUW
                        ? Uitslag.Resultaat.ACCEPTED : Uitslag.Resultaat.DUPLICATE);
            } catch (RegelOvertreden overtreden) {
                throw new Geweigerd(b.positie(), new Fout("/data/" + overtreden.veld(), overtreden.getMessage()));
            }
        }
        sleutelring.koppelZakenAanKlant(zaakKoppelingen);
        return resultaten;
    }

    private Verwerking voerUit(Bericht bericht, Sleutels sleutels, Map<ZaakId, KlantId> zaakKoppelingen) {
        if (bericht instanceof KlantcontactBericht b) {
            KlantId klant = klantId(b.klant(), b.klantcontactId());
            Sleutel sleutel = sleutels.klant(klant);
            return stuur(new RegistreerKlantcontact(klant, b.klant().soort(), versleutel(sleutel, b.klant().nummer()),
                    new KlantcontactId(b.klantcontactId()), b.plaatsgevondenOp(), b.kanaal(), b.kanaalOntvangen(),
                    b.richting(), b.onderwerp(), zaakId(b.zaakId()), b.resultaat(), b.doorverwezenNaar(),
                    b.wasKlantcontact() == null ? null : new KlantcontactId(b.wasKlantcontact()), b.medewerker(),
                    versleutel(sleutel, b.inhoud()), b.duurSeconden()));
        }
        if (bericht instanceof ZaakGeregistreerdBericht b) {
            KlantId klant = pseudoniemen.voor(b.initiator().soort(), b.initiator().nummer());
            ZaakId zaak = new ZaakId(b.zaakId());
            Sleutel zaakSleutel = sleutels.zaak(zaak);
            Zaaktype zaaktype = catalogus.zaaktype(b.zaaktype()).orElseThrow();
            ZaakUitkomst geregistreerd = commands.sendAndWait(new RegistreerZaak(zaak, b.identificatie(),
                    zaaktype.code(), zaaktype.regels(),
                    b.vertrouwelijkheid() != null ? b.vertrouwelijkheid() : zaaktype.vertrouwelijkheid().code(),
                    klant, b.initiator().soort(), versleutel(zaakSleutel, b.initiator().nummer()), b.kanaal(),
                    b.kanaalOntvangen(), b.geregistreerdOp(), versleutel(zaakSleutel, b.omschrijving()),
                    b.uiterlijkeEinddatum()));
            Verwerking gekoppeld = stuur(new KoppelZaakAanKlant(klant, b.initiator().soort(),
                    versleutel(sleutels.klant(klant), b.initiator().nummer()), zaak, zaaktype.code(), b.kanaal(),
                    b.geregistreerdOp(), geregistreerd.afgeslotenOp()));
            zaakKoppelingen.put(zaak, klant);
            return geregistreerd.verwerking() == Verwerking.NIEUW ? Verwerking.NIEUW : gekoppeld;
        }
        if (bericht instanceof StatusGezetBericht b) {
            ZaakId zaak = new ZaakId(b.zaakId());
            return zaakStuur(new ZetZaakstatus(zaak, b.statustype(), b.datumStatusGezet(),
                    versleutel(sleutels.zaak(zaak), b.statustoelichting())));
        }
        if (bericht instanceof ZaakOpgeschortBericht b) {
            ZaakId zaak = new ZaakId(b.zaakId());
            return zaakStuur(new SchortZaakOp(zaak, b.opgeschortOp(), versleutel(sleutels.zaak(zaak), b.reden())));
        }
        if (bericht instanceof ZaakHervatBericht b) {
            ZaakId zaak = new ZaakId(b.zaakId());
            return zaakStuur(new HervatZaak(zaak, b.hervatOp(), versleutel(sleutels.zaak(zaak), b.reden())));
        }
        if (bericht instanceof ZaakVerlengdBericht b) {
            ZaakId zaak = new ZaakId(b.zaakId());
            return zaakStuur(new VerlengZaak(zaak, b.verlengdOp(), b.duurDagen(),
                    versleutel(sleutels.zaak(zaak), b.reden())));
        }
        if (bericht instanceof ZaakAfgeslotenBericht b) {
            ZaakId zaak = new ZaakId(b.zaakId());
            ZaakUitkomst afgesloten = commands.sendAndWait(new SluitZaakAf(zaak, b.afgeslotenOp(), b.resultaat(),
                    versleutel(sleutels.zaak(zaak), b.toelichting())));
            if (afgesloten.verwerking() == Verwerking.NIEUW && afgesloten.initiator() != null) {
                stuur(new MeldZaakAfgesloten(afgesloten.initiator(), zaak, afgesloten.afgeslotenOp()));
            }
            return afgesloten.verwerking();
        }
        if (bericht instanceof KanaalvoorkeurBericht b) {
            KlantId klant = pseudoniemen.voor(b.klant().soort(), b.klant().nummer());
            return stuur(new LegKanaalvoorkeurVast(klant, b.klant().soort(),
                    versleutel(sleutels.klant(klant), b.klant().nummer()), b.kanaal(), b.onderwerp(),
                    b.vastgelegdOp()));
        }
        throw new IllegalArgumentException("onbekend soort bericht: " + bericht.type());
    }

    private Verwerking stuur(Object opdracht) {
        return commands.sendAndWait(opdracht);
    }

    private Verwerking zaakStuur(Object opdracht) {
        ZaakUitkomst uitkomst = commands.sendAndWait(opdracht);
        return uitkomst.verwerking();
    }

    private Versleuteld versleutel(Sleutel sleutel, String tekst) {
        return tekst == null ? null : versleuteling.versleutel(sleutel, tekst);
    }

    private KlantId klantId(KlantIdentificatie klant, java.util.UUID klantcontactId) {
        return klant.soort() == Identificatiesoort.ANONIEM
                ? pseudoniemen.anoniem(new KlantcontactId(klantcontactId))
                : pseudoniemen.voor(klant.soort(), klant.nummer());
    }

    private static ZaakId zaakId(java.util.UUID waarde) {
        return waarde == null ? null : new ZaakId(waarde);
    }

    /** The keys this batch needs, fetched (or made) in two statements rather than one per message. */
    private Sleutels haalSleutels(List<Beoordeling> berichten) {
        Set<KlantId> klanten = new HashSet<>();
        Set<ZaakId> zaken = new HashSet<>();
        for (Beoordeling b : berichten) {
            Bericht bericht = b.bericht();
            if (bericht instanceof KlantcontactBericht k) {
                if (k.klant().soort() != Identificatiesoort.ANONIEM || k.inhoud() != null) {
                    klanten.add(klantId(k.klant(), k.klantcontactId()));
                }
            } else if (bericht instanceof ZaakGeregistreerdBericht z) {
                klanten.add(pseudoniemen.voor(z.initiator().soort(), z.initiator().nummer()));
                zaken.add(new ZaakId(z.zaakId()));
            } else if (bericht instanceof KanaalvoorkeurBericht v) {
                klanten.add(pseudoniemen.voor(v.klant().soort(), v.klant().nummer()));
            } else if (persoonlijkeZaaktekst(bericht) != null) {
                zaken.add(persoonlijkeZaaktekst(bericht));
            }
        }
        return new Sleutels(klanten.isEmpty() ? Map.of() : sleutelring.voorKlanten(klanten),
                zaken.isEmpty() ? Map.of() : sleutelring.voorZaken(zaken));
    }

    /** The aggregates the messages will load: read in one query rather than two per command. */
    private List<String> aggregaten(List<Beoordeling> berichten) {
        List<String> ids = new ArrayList<>();
        for (Beoordeling b : berichten) {
            Bericht bericht = b.bericht();
            if (bericht instanceof KlantcontactBericht k) {
                ids.add(klantId(k.klant(), k.klantcontactId()).waarde());
            } else if (bericht instanceof ZaakGeregistreerdBericht z) {
                ids.add(z.zaakId().toString());
                ids.add(pseudoniemen.voor(z.initiator().soort(), z.initiator().nummer()).waarde());
            } else if (bericht instanceof KanaalvoorkeurBericht v) {
                ids.add(pseudoniemen.voor(v.klant().soort(), v.klant().nummer()).waarde());
            } else {
                ids.add(zaakVan(bericht).toString());
            }
        }
        return ids;
    }

    private static java.util.UUID zaakVan(Bericht bericht) {
        if (bericht instanceof StatusGezetBericht s) {
            return s.zaakId();
        }
        if (bericht instanceof ZaakOpgeschortBericht o) {
            return o.zaakId();
        }
        if (bericht instanceof ZaakHervatBericht h) {
            return h.zaakId();
        }
        if (bericht instanceof ZaakVerlengdBericht v) {
            return v.zaakId();
        }
        if (bericht instanceof ZaakAfgeslotenBericht a) {
            return a.zaakId();
        }
        throw new IllegalArgumentException("geen zaakbericht: " + bericht.type());
    }

    /** The zaak whose key a zaak message needs, when it carries a free text; else null. */
    private static ZaakId persoonlijkeZaaktekst(Bericht bericht) {
        java.util.UUID zaak = null;
        if (bericht instanceof StatusGezetBericht s && s.statustoelichting() != null) {
            zaak = s.zaakId();
        } else if (bericht instanceof ZaakOpgeschortBericht o && o.reden() != null) {
            zaak = o.zaakId();
        } else if (bericht instanceof ZaakHervatBericht h && h.reden() != null) {
            zaak = h.zaakId();
        } else if (bericht instanceof ZaakVerlengdBericht v && v.reden() != null) {
            zaak = v.zaakId();
        } else if (bericht instanceof ZaakAfgeslotenBericht a && a.toelichting() != null) {
            zaak = a.zaakId();
        }
        return zaak == null ? null : new ZaakId(zaak);
    }

    /**
     * Records (source, id) of every message in one statement, in key order (so that two
     * concurrent batches cannot deadlock on each other's rows); returns the keys that were new.
     */
    private Set<String> legOntvangstVast(List<Beoordeling> berichten, Instant nu) {
        List<Beoordeling> geordend = berichten.stream()
                .sorted(Comparator.comparing(Beoordeling::source).thenComparing(Beoordeling::id)).toList();
        String[] bronnen = geordend.stream().map(Beoordeling::source).toArray(String[]::new);
        String[] ids = geordend.stream().map(Beoordeling::id).toArray(String[]::new);
        String[] typen = geordend.stream().map(Beoordeling::type).toArray(String[]::new);
        Timestamp moment = Timestamp.from(nu);
        return jdbc.execute((ConnectionCallback<Set<String>>) verbinding -> {
            Set<String> nieuw = new HashSet<>();
            try (var opdracht = verbinding.prepareStatement("""
                    INSERT INTO ontvangen_bericht (bron, bericht_id, type, ontvangen_op)
                    SELECT b, i, t, ? FROM unnest(?::text[], ?::text[], ?::text[]) AS r(b, i, t)
                    ON CONFLICT DO NOTHING
                    RETURNING bron, bericht_id""")) {
                opdracht.setTimestamp(1, moment);
                opdracht.setArray(2, tekstArray(verbinding, bronnen));
                opdracht.setArray(3, tekstArray(verbinding, ids));
                opdracht.setArray(4, tekstArray(verbinding, typen));
                try (var rijen = opdracht.executeQuery()) {
                    while (rijen.next()) {
                        nieuw.add(ontvangstsleutel(rijen.getString(1), rijen.getString(2)));
                    }
                }
            }
            return nieuw;
        });
    }

    /**
     * Records, in this batch's transaction, the klant each new klantcontactId belongs to (the first
     * message in the batch naming it wins), and returns the klant every klantcontactId of the batch
     * belongs to. Rows are inserted in id order, so concurrent batches cannot deadlock on them.
     */
    private Map<java.util.UUID, String> legKlantcontactenVast(List<Beoordeling> berichten) {
        Map<java.util.UUID, String> eerste = new LinkedHashMap<>();
        for (Beoordeling b : berichten) {
            if (b.bericht() instanceof KlantcontactBericht contact) {
                eerste.putIfAbsent(contact.klantcontactId(), klantId(contact.klant(), contact.klantcontactId()).waarde());
            }
        }
        if (eerste.isEmpty()) {
            return Map.of();
        }
        java.util.UUID[] ids = eerste.keySet().stream().sorted().toArray(java.util.UUID[]::new);
        String[] klanten = Arrays.stream(ids).map(eerste::get).toArray(String[]::new);
        return jdbc.execute((ConnectionCallback<Map<java.util.UUID, String>>) verbinding -> {
            try (var opdracht = verbinding.prepareStatement("INSERT INTO klantcontact_klant (klantcontact_id, klant_id)"
                    + " SELECT c, k FROM unnest(?::uuid[], ?::text[]) WITH ORDINALITY AS r(c, k, n) ORDER BY n"
                    + " ON CONFLICT DO NOTHING")) {
                opdracht.setArray(1, verbinding.createArrayOf("uuid", ids));
                opdracht.setArray(2, tekstArray(verbinding, klanten));
                opdracht.executeUpdate();
            }
            Map<java.util.UUID, String> eigenaren = new HashMap<>();
            try (var vraag = verbinding.prepareStatement(
                    "SELECT klantcontact_id, klant_id FROM klantcontact_klant WHERE klantcontact_id = ANY(?)")) {
                vraag.setArray(1, verbinding.createArrayOf("uuid", ids));
                try (var rijen = vraag.executeQuery()) {
                    while (rijen.next()) {
                        eigenaren.put(rijen.getObject(1, java.util.UUID.class), rijen.getString(2));
                    }
                }
            }
            return eigenaren;
        });
    }

    private static Array tekstArray(java.sql.Connection verbinding, String[] waarden) throws SQLException {
        return verbinding.createArrayOf("text", waarden);
    }

    private static String ontvangstsleutel(String bron, String id) {
        return bron + '\u0000' + id;
    }

    private static Uitslag afgewezen(Beoordeling beoordeling, List<Fout> fouten) {
        return new Uitslag(beoordeling.positie(), beoordeling.source(), beoordeling.id(), Uitslag.Resultaat.REJECTED,
                fouten);
    }

    static boolean isConflict(Throwable fout) {
        for (Throwable t = fout; t != null; t = t.getCause()) {
            if (t instanceof ConcurrencyException || t instanceof AggregateStreamCreationException
                    || t instanceof DeadlockException
                    || t instanceof ConcurrencyFailureException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().equals("40001") || sql.getSQLState().equals("40P01"))) {
                return true;
            }
        }
        return false;
    }

    private static void wacht(int poging) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * poging));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("onderbroken", e);
        }
    }

    private record Sleutels(Map<KlantId, Sleutel> klanten, Map<ZaakId, Sleutel> zaken) {
        Sleutel klant(KlantId id) {
            return klanten.get(id);
        }

        Sleutel zaak(ZaakId id) {
            return zaken.get(id);
        }
    }

    /** The database refused the data of some message of the transaction, which was rolled back. */
    private static final class BlijvendeDatabasefout extends RuntimeException {
        private final String sqlState;

        BlijvendeDatabasefout(String sqlState) {
            super("SQLSTATE " + sqlState, null, false, false);
            this.sqlState = sqlState;
        }
    }

    /** The domain refused one message: the transaction is rolled back and the batch done again without it. */
    private static final class Geweigerd extends RuntimeException {
        private final int positie;
        private final Fout fout;

        Geweigerd(int positie, Fout fout) {
            super(fout.detail(), null, false, false);
            this.positie = positie;
            this.fout = fout;
        }
    }
}
