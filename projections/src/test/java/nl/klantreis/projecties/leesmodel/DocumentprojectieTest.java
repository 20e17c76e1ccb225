package nl.klantreis.projecties.leesmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.common.transaction.NoTransactionManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.klantreis.infrastructuur.TestDatabase;
import nl.klantreis.infrastructuur.opslag.Eventserialisatie;

/**
 * The projection engine's idempotency on real PostgreSQL: a document keeps, per source aggregate,
 * the last sequence number it applied. A repeat is skipped; an event of another aggregate that
 * committed late, with a lower global index, is still applied; a failing event is parked and the
 * document keeps what applied before it.
 */
class DocumentprojectieTest {
    private DataSource database;
    private Documentprojectie<Spoor> projectie;
    private JdbcSequencedDeadLetterQueue<EventMessage<?>> dodeBrieven;

    /** The test document: the events applied, in order. */
    public static class Spoor {
        public List<String> events = new ArrayList<>();
    }

    static class Spoorleesregels implements Documentleesregels<Spoor> {
        @Override
        public String naam() {
            return "spoor";
        }

        @Override
        public Class<Spoor> documenttype() {
            return Spoor.class;
        }

        @Override
        public String documentsleutel(Object event, String aggregaat) {
            return "doc";
        }

        @Override
        public Spoor pasToe(Spoor document, String documentsleutel, Object event, Instant bekendOp) {
            if ("kapot".equals(event)) {
                throw new IllegalStateException("dit event is niet te verwerken");
            }
            Spoor spoor = document == null ? new Spoor() : document;
            spoor.events.add((String) event);
            return spoor;
        }
    }

    @BeforeEach
    void tabel() {
        database = TestDatabase.nieuweDatabase();
        new JdbcTemplate(database).queryForObject("SELECT leesmodel_maak_tabel('spoor_g1')::text", String.class);
        projectie = new Documentprojectie<>(new Spoorleesregels(), database, Eventserialisatie.objectMapper());
        dodeBrieven = JdbcSequencedDeadLetterQueue.<EventMessage<?>>builder().processingGroup("spoor-g1")
                .connectionProvider(database::getConnection).transactionManager(NoTransactionManager.INSTANCE)
                .schema(DeadLetterSchema.defaultSchema()).genericSerializer(Eventserialisatie.serializer())
                .eventSerializer(Eventserialisatie.serializer()).build();
    }

    @Test
    void eenLaatGecommitEventVanEenAnderAggregaat_wordtToegepast_eenHerhalingNiet() {
        verwerk(event("zaak", 0, 10, "zaak-0"));
        verwerk(event("klant", 0, 5, "klant-0"), event("zaak", 0, 10, "zaak-0"));
        verwerk(event("zaak", 1, 12, "zaak-1"), event("klant", 0, 5, "klant-0"));

        assertThat(document().events).containsExactly("zaak-0", "klant-0", "zaak-1");
        assertThat(new JdbcTemplate(database).queryForObject("SELECT positie FROM spoor_g1", Long.class)).isEqualTo(3);
    }

    @Test
    void eenOnverwerkbaarEvent_gaatNaarDeDodeBrieven_enWatErVoorKwamBlijft() {
        verwerk(event("zaak", 0, 1, "zaak-0"), event("zaak", 1, 2, "kapot"), event("zaak", 2, 3, "zaak-2"));

        assertThat(document().events).containsExactly("zaak-0");
        assertThat(new JdbcTemplate(database).queryForObject(
                "SELECT count(*) FROM deadletterentry WHERE processinggroup = 'spoor-g1'", Long.class)).isEqualTo(2);
    }

    /** The klant's events all go to the document: a hole in their sequence numbers is a lost event. */
    static final class HeleKlantleesregels extends Spoorleesregels {
        @Override
        public boolean heelAggregaat(Object event) {
            return ((String) event).startsWith("klant");
        }
    }

    @Test
    void eenNooitAfgeleverdEventVanEenHeelAggregaat_wordtUitDeEventStoreAangevuld() {
        // What the event store holds of aggregate "klant"; the processor delivers 0 and 3 only.
        List<org.axonframework.eventhandling.DomainEventMessage<?>> opslag = new ArrayList<>();
        for (int i = 0; i <= 3; i++) {
            opslag.add(new GenericDomainEventMessage<>("Test", "klant", i, "klant-" + i));
        }
        List<String> gevraagd = new ArrayList<>();
        projectie = new Documentprojectie<>(new HeleKlantleesregels(), database, Eventserialisatie.objectMapper(),
                (aggregaat, vanaf) -> {
                    gevraagd.add(aggregaat + "@" + vanaf);
                    return opslag.stream().filter(e -> e.getAggregateIdentifier().equals(aggregaat)
                            && e.getSequenceNumber() >= vanaf);
                });

        verwerk(event("klant", 0, 1, "klant-0"), event("zaak", 0, 2, "zaak-0"));
        verwerk(event("klant", 3, 9, "klant-3"));
        verwerk(event("klant", 3, 9, "klant-3"), event("klant", 2, 7, "klant-2"));

        assertThat(document().events).containsExactly("klant-0", "zaak-0", "klant-1", "klant-2", "klant-3");
        assertThat(gevraagd).containsExactly("klant@1");
        assertThat(projectie.aangevuld()).isEqualTo(2);
        assertThat(new JdbcTemplate(database).queryForObject("SELECT positie FROM spoor_g1", Long.class)).isEqualTo(5);
        assertThat(new JdbcTemplate(database).queryForObject("SELECT volgnummers->>'klant' FROM spoor_g1",
                String.class)).isEqualTo("3");
    }

    @Test
    void eenGatDatDeEventStoreNietKanVullen_laatDeBatchMislukken_enSlaatNietsOver() {
        projectie = new Documentprojectie<>(new HeleKlantleesregels(), database, Eventserialisatie.objectMapper(),
                (aggregaat, vanaf) -> java.util.stream.Stream.of(
                        new GenericDomainEventMessage<>("Test", aggregaat, 1, "klant-1")));
        verwerk(event("klant", 0, 1, "klant-0"));

        Throwable fout = org.assertj.core.api.Assertions.catchThrowable(() -> verwerk(event("klant", 3, 9, "klant-3")));
        assertThat(fout).isNotNull();
        while (fout.getCause() != null) {
            fout = fout.getCause();
        }
        assertThat(fout).hasMessage("leesmodel spoor, document doc: events 1..2 van aggregaat klant zijn nooit"
                + " afgeleverd en niet volledig in de event store te vinden");
        assertThat(document().events).containsExactly("klant-0");
    }

    @Test
    void zonderHeelAggregaat_isEenSprongInVolgnummersGeenGat() {
        verwerk(event("klant", 0, 1, "klant-0"), event("klant", 5, 9, "klant-5"));

        assertThat(document().events).containsExactly("klant-0", "klant-5");
        assertThat(projectie.aangevuld()).isZero();
    }

    private void verwerk(EventMessage<?>... events) {
        DefaultUnitOfWork<?> werk = DefaultUnitOfWork.startAndGet(null);
        werk.execute(() -> {
            for (EventMessage<?> event : events) {
                try {
                    projectie.handler("spoor_g1", dodeBrieven, "spoor-g1", () -> false).handle(event);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        });
    }

    private Spoor document() {
        return projectie.lees(new JdbcTemplate(database).queryForObject("SELECT document::text FROM spoor_g1",
                String.class));
    }

    private static EventMessage<?> event(String aggregaat, long volgnummer, long positie, String inhoud) {
        return new GenericTrackedDomainEventMessage<>(GapAwareTrackingToken.newInstance(positie, List.of()),
                new GenericDomainEventMessage<>("Test", aggregaat, volgnummer, inhoud));
    }
}
