package nl.klantreis.projecties.kanaaldag;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import javax.sql.DataSource;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.domein.gedeeld.Tijd;
import nl.klantreis.domein.klant.KlantcontactGeregistreerd;
import nl.klantreis.domein.klant.KlantVergeten;
import nl.klantreis.infrastructuur.TestDatabase;
import nl.klantreis.projecties.leesmodel.Documentlezer;
import nl.klantreis.projecties.leesmodel.Documentprojectie;
import nl.klantreis.infrastructuur.opslag.Eventserialisatie;

/**
 * Rebuild == live on real PostgreSQL, through the engine's own {@link Documentprojectie}: the same
 * events, once one per transaction in order (as the serving processor gets them), once in big
 * batches in another order, with repeats (segments, late commits, a rebuild), give the same documents; the
 * query handler answers from them; no table names a klant.
 */
class KanaaldagHerbouwTest {
    private static final String LIVE = "leesmodel_kanaaldag_g1";
    private static final String HERBOUW = "leesmodel_kanaaldag_g2";
    private static final List<String> KANALEN = List.of("telefoon", "balie", "webformulier", "email");

    private DataSource database;
    private JdbcTemplate jdbc;
    private Documentprojectie<Kanaaldag> projectie;

    @BeforeEach
    void tabellen() {
        database = TestDatabase.nieuweDatabase();
        jdbc = new JdbcTemplate(database);
        jdbc.queryForObject("SELECT leesmodel_maak_tabel(?)::text", String.class, LIVE);
        jdbc.queryForObject("SELECT leesmodel_maak_tabel(?)::text", String.class, HERBOUW);
        projectie = new Documentprojectie<>(new KanaaldagLeesregels(), database, Eventserialisatie.objectMapper());
    }

    @Test
    void herbouwInAndereVolgordeMetHerhalingen_isGelijkAanLive_enDeVraagTeltPerDagEnKanaal() {
        List<EventMessage<?>> events = gebeurtenissen();

        for (EventMessage<?> event : events) {
            verwerk(LIVE, List.of(event));
        }
        List<EventMessage<?>> geschud = doorElkaar(events, new Random(7));
        List<EventMessage<?>> herhaald = new ArrayList<>(events.subList(0, 40));
        Collections.shuffle(herhaald, new Random(8));
        geschud.addAll(herhaald);
        for (int i = 0; i < geschud.size(); i += 100) {
            verwerk(HERBOUW, geschud.subList(i, Math.min(geschud.size(), i + 100)));
        }

        Documentlezer<Kanaaldag> live = new Documentlezer<>(projectie, () -> LIVE, database);
        assertThat(live.aantal()).isPositive();
        assertThat(live.controlegetal(HERBOUW)).isEqualTo(live.controlegetal());

        KanaaldagAntwoord antwoord = new KanaaldagVragen(live)
                .tellingen(new KanaaldagVraag(LocalDate.parse("2026-04-01"), LocalDate.parse("2026-04-08")));
        assertThat(antwoord.tellingen()).extracting(Kanaaldagtelling::datum).isSorted()
                .allSatisfy(dag -> assertThat(dag).isBetween(LocalDate.parse("2026-04-01"), LocalDate.parse("2026-04-07")));
        assertThat(antwoord.tellingen()).filteredOn(t -> t.datum().equals(LocalDate.parse("2026-04-01")))
                .extracting(Kanaaldagtelling::kanaal).isSorted();
        // Every contact in the week counted once, whatever order and repeats the rebuild had.
        long inDeWeek = events.stream().map(EventMessage::getPayload)
                .filter(p -> p instanceof KlantcontactGeregistreerd c
                        && Tijd.datum(c.plaatsgevondenOp()).isBefore(LocalDate.parse("2026-04-08")))
                .count();
        assertThat(antwoord.tellingen().stream().mapToInt(Kanaaldagtelling::contacten).sum()).isEqualTo((int) inDeWeek);

        for (String tabel : List.of(LIVE, HERBOUW)) {
            assertThat(jdbc.queryForObject("SELECT count(*) FROM " + tabel + " WHERE volgnummers::text LIKE '%klant-%'"
                    + " OR document::text LIKE '%klant-%' OR eigenaar IS NOT NULL", Long.class)).as(tabel).isZero();
        }
    }

    /**
     * Another order the engine can deliver: klanten interleaved at random, each klant's own events
     * still in their order (one aggregate commits in sequence order; only different aggregates
     * can arrive out of global-index order).
     */
    private static List<EventMessage<?>> doorElkaar(List<EventMessage<?>> events, Random toeval) {
        Map<String, ArrayDeque<EventMessage<?>>> perKlant = new LinkedHashMap<>();
        for (EventMessage<?> event : events) {
            perKlant.computeIfAbsent(((DomainEventMessage<?>) event).getAggregateIdentifier(),
                    k -> new ArrayDeque<>()).add(event);
        }
        List<ArrayDeque<EventMessage<?>>> rijen = new ArrayList<>(perKlant.values());
        List<EventMessage<?>> uit = new ArrayList<>();
        while (!rijen.isEmpty()) {
            int i = toeval.nextInt(rijen.size());
            uit.add(rijen.get(i).poll());
            if (rijen.get(i).isEmpty()) {
                rijen.remove(i);
            }
        }
        return uit;
    }

    /** 20 klanten, 10 contacts each over 12 days and 4 kanalen, one forgotten halfway: 200 contacts. */
    private static List<EventMessage<?>> gebeurtenissen() {
        Random toeval = new Random(42);
        List<EventMessage<?>> events = new ArrayList<>();
        long positie = 0;
        for (int contact = 0; contact < 10; contact++) {
            for (int k = 0; k < 20; k++) {
                String klant = String.format("klant-%08d", k);
                Instant op = Instant.parse("2026-04-01T06:00:00Z").plusSeconds(toeval.nextInt(12 * 24 * 3600));
                events.add(event(klant, contact + (k == 3 && contact >= 5 ? 1 : 0), ++positie,
                        KanaaldagLeesregelsTest.contact(klant, contact, op.toString(), KANALEN.get(toeval.nextInt(4)))));
                if (k == 3 && contact == 4) {
                    events.add(event(klant, 5, ++positie, new KlantVergeten(new KlantId(klant), op)));
                }
            }
        }
        return events;
    }

    private void verwerk(String tabel, List<EventMessage<?>> events) {
        var dodeBrieven = JdbcSequencedDeadLetterQueue.<EventMessage<?>>builder().processingGroup(tabel)
                .connectionProvider(database::getConnection).transactionManager(NoTransactionManager.INSTANCE)
                .schema(DeadLetterSchema.defaultSchema()).genericSerializer(Eventserialisatie.serializer())
                .eventSerializer(Eventserialisatie.serializer()).build();
        DefaultUnitOfWork<?> werk = DefaultUnitOfWork.startAndGet(null);
        werk.execute(() -> {
            for (EventMessage<?> event : events) {
                try {
                    projectie.handler(tabel, dodeBrieven, tabel, () -> false).handle(event);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        });
    }

    private static EventMessage<?> event(String klant, long volgnummer, long positie, Object payload) {
        return new GenericTrackedDomainEventMessage<>(GapAwareTrackingToken.newInstance(positie, List.of()),
                new GenericDomainEventMessage<>("Klant", klant, volgnummer, payload));
    }
}
