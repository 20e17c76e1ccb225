package nl.klantreis.projecties.leesmodel;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Runs {@link Documentleesregels} as a projection into one generation's table. Events of a batch are
 * collected per document; when the batch commits, the documents are read in one query, the events
 * applied in order, and the changed documents written in one JDBC batch, in the processor's
 * transaction (so together with its token). A document remembers, per aggregate whose events it
 * applied, the last sequence number: an event at or before it was applied before and is skipped,
 * so re-delivery and replays change nothing, while an event of another aggregate that committed
 * late (with a lower global index) is still applied. Its revision ({@code positie}) rises by one
 * per applied event. Where a document holds every event of an aggregate
 * ({@link Documentleesregels#heelAggregaat}), a hole in that aggregate's sequence numbers is filled
 * from the event store before the event after it applies ({@link Aanvulling}).
 */
public final class Documentprojectie<D> {
    private static final Logger LOG = LoggerFactory.getLogger(Documentprojectie.class);
    private static final com.fasterxml.jackson.core.type.TypeReference<Map<String, Long>> VOLGNUMMERS =
            new com.fasterxml.jackson.core.type.TypeReference<>() {
            };
    private final Documentleesregels<D> regels;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Aanvulling aanvulling;
    private final LongAdder aangevuld = new LongAdder();

    /**
     * The events an aggregate applied from a sequence number on, in order, as the event store
     * gives them ({@code EventStore.readEvents(aggregaat, vanaf)}).
     *
     * <p>A tracking processor can pass an event by: Axon's token gives up on a gap in the global
     * index once the events after it are older than the gap timeout, or more than its maximum gap
     * offset further on, and a transaction that committed later than that is never delivered. Events
     * of one aggregate commit in sequence order, so the document sees such a loss as a hole in the
     * aggregate's sequence numbers, and fills it from here.
     */
    @FunctionalInterface
    public interface Aanvulling {
        /** For projections without an event store at hand: a hole stops the processor. */
        Aanvulling GEEN = (aggregaat, vanaf) -> {
            throw new IllegalStateException("geen event store om events van aggregaat " + aggregaat + " vanaf "
                    + vanaf + " te lezen");
        };

        Stream<? extends DomainEventMessage<?>> vanaf(String aggregaat, long volgnummer);
    }

    public Documentprojectie(Documentleesregels<D> regels, DataSource database, ObjectMapper json) {
        this(regels, database, json, Aanvulling.GEEN);
    }

    public Documentprojectie(Documentleesregels<D> regels, DataSource database, ObjectMapper json, Aanvulling aanvulling) {
        this.regels = regels;
        this.jdbc = new JdbcTemplate(database);
        this.json = json;
        this.aanvulling = java.util.Objects.requireNonNull(aanvulling, "aanvulling");
    }

    /** Events read from the event store to fill holes, since start (a metric). */
    public long aangevuld() {
        return aangevuld.sum();
    }

    public Documentleesregels<D> regels() {
        return regels;
    }

    /**
     * The event handler that writes into {@code tabel}; an event whose document rules fail is
     * parked in {@code dodeBrieven} (with every later event of that document), not skipped.
     *
     * @param dient asked at each commit: whether {@code tabel} is the serving generation, so its
     *              changes are announced (a rebuild filling a new generation stays silent)
     */
    public EventMessageHandler handler(String tabel, SequencedDeadLetterQueue<EventMessage<?>> dodeBrieven,
                                       String processor, BooleanSupplier dient) {
        String partijSleutel = Documentprojectie.class.getName() + "/" + tabel;
        return new EventMessageHandler() {
            @Override
            public Object handle(EventMessage<?> event) {
                Object payload = event.getPayload();
                String documentsleutel = regels.documentsleutel(payload, aggregaat(event));
                if (documentsleutel == null) {
                    return null;
                }
                UnitOfWork<?> werk = CurrentUnitOfWork.get().root();
                Partij partij = werk.getOrComputeResource(partijSleutel, k -> {
                    Partij nieuw = new Partij();
                    werk.onPrepareCommit(u -> schrijf(tabel, nieuw, dodeBrieven, processor, dient));
                    return nieuw;
                });
                partij.voegToe(documentsleutel, positie(event), event);
                return null;
            }

            @Override
            public Class<?> getTargetType() {
                return regels.getClass();
            }
        };
    }

    /** Events of one document in order; documents are independent, so segments never share rows. */
    public SequencingPolicy<EventMessage<?>> volgorde() {
        return event -> regels.documentsleutel(event.getPayload(), aggregaat(event));
    }

    /** The PostgreSQL channel on which a read model announces its changed documents. */
    public static String kanaal(String naam) {
        return "leesmodel_" + naam.replace('-', '_');
    }

    private void schrijf(String tabel, Partij partij, SequencedDeadLetterQueue<EventMessage<?>> dodeBrieven,
                         String processor, BooleanSupplier dient) {
        Map<String, Opgeslagen> bestaand = new HashMap<>();
        String[] documentsleutels = partij.perDocumentsleutel.keySet().toArray(String[]::new);
        jdbc.query(verbinding -> {
            PreparedStatement vraag = verbinding.prepareStatement(
                    "SELECT sleutel, document, positie, volgnummers FROM " + tabel + " WHERE sleutel = ANY(?)");
            vraag.setArray(1, verbinding.createArrayOf("text", documentsleutels));
            return vraag;
        }, rij -> {
            bestaand.put(rij.getString(1), new Opgeslagen(rij.getString(2), rij.getLong(3), volgnummers(rij.getString(4))));
        });

        Set<String> geblokkeerd = new HashSet<>(jdbc.query(verbinding -> {
            PreparedStatement vraag = verbinding.prepareStatement("SELECT DISTINCT sequenceidentifier FROM deadletterentry "
                    + "WHERE processinggroup = ? AND sequenceidentifier = ANY(?)");
            vraag.setString(1, processor);
            vraag.setArray(2, verbinding.createArrayOf("text", documentsleutels));
            return vraag;
        }, (rij, nr) -> rij.getString(1)));

        List<Rij> rijen = new ArrayList<>();
        for (Map.Entry<String, List<Gebeurtenis>> paar : partij.perDocumentsleutel.entrySet()) {
            String documentsleutel = paar.getKey();
            Opgeslagen opgeslagen = bestaand.get(documentsleutel);
            D document = opgeslagen == null ? null : lees(opgeslagen.document());
            long revisie = opgeslagen == null ? 0 : opgeslagen.positie();
            Map<String, Long> volgnummers = opgeslagen == null ? new HashMap<>() : new HashMap<>(opgeslagen.volgnummers());
            List<Gebeurtenis> toegepast = new ArrayList<>();
            Map<String, D> afgesplitst = new LinkedHashMap<>();
            for (Gebeurtenis gebeurtenis : paar.getValue()) {
                String aggregaat = gebeurtenis.aggregaat();
                Long laatste = aggregaat == null ? null : volgnummers.get(aggregaat);
                if (laatste != null && gebeurtenis.volgnummer() <= laatste) {
                    continue;
                }
                if (geblokkeerd.contains(documentsleutel)) {
                    // Later events of a document wait behind the one that failed, in order.
                    dodeBrieven.enqueue(documentsleutel, new GenericDeadLetter<>(documentsleutel, gebeurtenis.event()));
                    continue;
                }
                List<DomainEventMessage<?>> ontbrekend = ontbrekend(documentsleutel, gebeurtenis, laatste,
                        opgeslagen == null || !opgeslagen.volgnummers().isEmpty());
                try {
                    for (DomainEventMessage<?> eerder : ontbrekend) {
                        splitsAf(afgesplitst, document, eerder);
                        document = regels.pasToe(document, documentsleutel, eerder.getPayload(), eerder.getTimestamp());
                        volgnummers.put(aggregaat, eerder.getSequenceNumber());
                        revisie++;
                        toegepast.add(new Gebeurtenis(-1, eerder));
                    }
                    splitsAf(afgesplitst, document, gebeurtenis.event());
                    document = regels.pasToe(document, documentsleutel, gebeurtenis.payload(), gebeurtenis.bekendOp());
                } catch (RuntimeException fout) {
                    LOG.error("leesmodel {}: event {} van document {} is niet te verwerken en staat nu in de dode-brievenlijst",
                            regels.naam(), gebeurtenis.event().getIdentifier(), documentsleutel, fout);
                    dodeBrieven.enqueue(documentsleutel, new GenericDeadLetter<>(documentsleutel, gebeurtenis.event(), fout));
                    geblokkeerd.add(documentsleutel);
                    // pasToe may have half-changed the document: make it again from the stored one
                    // and the events of this batch that did apply (they are pure and did so before).
                    document = opgeslagen == null ? null : lees(opgeslagen.document());
                    afgesplitst.clear();
                    for (Gebeurtenis eerder : toegepast) {
                        splitsAf(afgesplitst, document, eerder.event());
                        document = regels.pasToe(document, documentsleutel, eerder.payload(), eerder.bekendOp());
                    }
                    continue;
                }
                if (aggregaat != null && regels.vergeetBron(gebeurtenis.payload())) {
                    volgnummers.remove(aggregaat);
                } else if (aggregaat != null) {
                    volgnummers.put(aggregaat, gebeurtenis.volgnummer());
                }
                revisie++;
                toegepast.add(gebeurtenis);
            }
            if (!toegepast.isEmpty() && document != null) {
                rijen.add(new Rij(documentsleutel, regels.eigenaar(document),
                        regels.zoeksleutels(document).toArray(String[]::new), schrijf(document), revisie,
                        schrijfVolgnummers(volgnummers)));
            }
            // Written once and never changed: no events, no sequence numbers that would name the
            // aggregate it came from, and found by no key other than its own.
            afgesplitst.forEach((nieuweDocumentsleutel, deel) -> rijen.add(new Rij(nieuweDocumentsleutel, regels.eigenaar(deel),
                    new String[0], schrijf(deel), 1, "{}")));
        }
        if (rijen.isEmpty()) {
            return;
        }
        if (!dient.getAsBoolean()) {
            // A rebuild need not wait for each commit's fsync (71% of its time when measured): its
            // documents and its token commit together, so after a crash it simply resumes from
            // the last durable token. The serving generation keeps synchronous commits.
            jdbc.execute("SET LOCAL synchronous_commit TO OFF");
        }
        jdbc.batchUpdate("INSERT INTO " + tabel + " (sleutel, eigenaar, zoeksleutels, document, positie, volgnummers) "
                + "VALUES (?, ?, ?, ?::jsonb, ?, ?::jsonb) ON CONFLICT (sleutel) DO UPDATE SET eigenaar = excluded.eigenaar, "
                + "zoeksleutels = excluded.zoeksleutels, document = excluded.document, positie = excluded.positie, "
                + "volgnummers = excluded.volgnummers",
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement opdracht, int i) throws SQLException {
                        Rij rij = rijen.get(i);
                        opdracht.setString(1, rij.documentsleutel());
                        opdracht.setString(2, rij.eigenaar());
                        opdracht.setArray(3, opdracht.getConnection().createArrayOf("text", rij.zoeksleutels()));
                        opdracht.setString(4, rij.document());
                        opdracht.setLong(5, rij.positie());
                        opdracht.setString(6, rij.volgnummers());
                    }

                    @Override
                    public int getBatchSize() {
                        return rijen.size();
                    }
                });
        if (regels.meldWijzigingen() && dient.getAsBoolean()) {
            meld(rijen);
        }
    }

    private void splitsAf(Map<String, D> afgesplitst, D document, EventMessage<?> event) {
        Documentleesregels.Afsplitsing<D> deel = document == null ? null
                : regels.splitsAf(document, event.getPayload(), event.getIdentifier());
        if (deel != null) {
            afgesplitst.put(deel.documentsleutel(), deel.document());
        }
    }

    /**
     * The events of the gebeurtenis's aggregate between the last one the document applied and it,
     * when the document should hold them all and does not: read from the event store, and exactly
     * those, or the batch fails (the processor stops and retries) rather than build on a hole.
     *
     * @param volgnummersBekend whether the document records sequence numbers at all (a document
     *                          written before they were kept says nothing about holes)
     */
    private List<DomainEventMessage<?>> ontbrekend(String documentsleutel, Gebeurtenis gebeurtenis, Long laatste,
                                                   boolean volgnummersBekend) {
        String aggregaat = gebeurtenis.aggregaat();
        if (aggregaat == null || !regels.heelAggregaat(gebeurtenis.payload())) {
            return List.of();
        }
        long verwacht;
        if (laatste != null) {
            verwacht = laatste + 1;
        } else if (volgnummersBekend) {
            verwacht = 0;
        } else {
            return List.of();
        }
        long volgnummer = gebeurtenis.volgnummer();
        if (volgnummer <= verwacht) {
            return List.of();
        }
        List<DomainEventMessage<?>> gelezen;
        try (Stream<? extends DomainEventMessage<?>> stroom = aanvulling.vanaf(aggregaat, verwacht)) {
            gelezen = stroom.filter(e -> e.getSequenceNumber() < volgnummer).<DomainEventMessage<?>>map(e -> e).toList();
        }
        for (int i = 0; i < gelezen.size(); i++) {
            if (gelezen.get(i).getSequenceNumber() != verwacht + i) {
                gelezen = List.of();
                break;
            }
        }
        if (gelezen.size() != volgnummer - verwacht) {
            throw new IllegalStateException("leesmodel " + regels.naam() + ", document " + documentsleutel + ": events "
                    + verwacht + ".." + (volgnummer - 1) + " van aggregaat " + aggregaat
                    + " zijn nooit afgeleverd en niet volledig in de event store te vinden");
        }
        LOG.warn("leesmodel {}, document {}: events {}..{} van aggregaat {} zijn nooit afgeleverd (voorbij een gat in"
                        + " de globale index gegaan?); uit de event store gelezen en eerst toegepast",
                regels.naam(), documentsleutel, verwacht, volgnummer - 1, aggregaat);
        aangevuld.add(gelezen.size());
        return gelezen;
    }

    /**
     * One NOTIFY per written document, {@code <documentsleutel>:<positie>}, in one round trip. Queued in
     * this transaction: sent on commit, dropped on rollback.
     */
    private void meld(List<Rij> rijen) {
        String[] meldingen = rijen.stream().map(r -> r.documentsleutel() + ":" + r.positie()).toArray(String[]::new);
        jdbc.query(verbinding -> {
            PreparedStatement opdracht = verbinding.prepareStatement(
                    "SELECT pg_notify(?, melding) FROM unnest(?::text[]) AS melding");
            opdracht.setString(1, kanaal(regels.naam()));
            opdracht.setArray(2, verbinding.createArrayOf("text", meldingen));
            return opdracht;
        }, rij -> {
        });
    }

    D lees(String document) {
        try {
            return json.readValue(document, regels.documenttype());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("document van leesmodel " + regels.naam() + " onleesbaar", e);
        }
    }

    private String schrijf(D document) {
        try {
            return json.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("document van leesmodel " + regels.naam() + " niet te schrijven", e);
        }
    }

    private Map<String, Long> volgnummers(String tekst) {
        try {
            return tekst == null ? Map.of() : json.readValue(tekst, VOLGNUMMERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("volgnummers van leesmodel " + regels.naam() + " onleesbaar", e);
        }
    }

    private String schrijfVolgnummers(Map<String, Long> volgnummers) {
        try {
            return json.writeValueAsString(new java.util.TreeMap<>(volgnummers));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String aggregaat(EventMessage<?> event) {
        return event instanceof DomainEventMessage<?> domein ? domein.getAggregateIdentifier() : null;
    }

    private static long positie(EventMessage<?> event) {
        return event instanceof TrackedEventMessage<?> gevolgd && gevolgd.trackingToken() != null
                ? gevolgd.trackingToken().position().orElse(-1) : -1;
    }

    private record Gebeurtenis(long positie, EventMessage<?> event) {
        String aggregaat() {
            return Documentprojectie.aggregaat(event);
        }

        long volgnummer() {
            return event instanceof DomainEventMessage<?> domein ? domein.getSequenceNumber() : -1;
        }

        Object payload() {
            return event.getPayload();
        }

        Instant bekendOp() {
            return event.getTimestamp();
        }
    }

    private record Opgeslagen(String document, long positie, Map<String, Long> volgnummers) {
    }

    private record Rij(String documentsleutel, String eigenaar, String[] zoeksleutels, String document, long positie,
                       String volgnummers) {
    }

    private static final class Partij {
        private final Map<String, List<Gebeurtenis>> perDocumentsleutel = new LinkedHashMap<>();

        void voegToe(String documentsleutel, long positie, EventMessage<?> event) {
            perDocumentsleutel.computeIfAbsent(documentsleutel, k -> new ArrayList<>()).add(new Gebeurtenis(positie, event));
        }
    }
}
