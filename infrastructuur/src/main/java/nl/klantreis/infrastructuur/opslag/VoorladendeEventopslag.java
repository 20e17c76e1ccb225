package nl.klantreis.infrastructuur.opslag;

import java.sql.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.axonframework.common.jdbc.JdbcUtils;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Axon's JDBC storage engine plus one thing: a unit of work that will touch many aggregates (an
 * ingested batch) can read all their events in one query up front, instead of two queries per
 * aggregate (snapshot, then events) as each command loads its aggregate. What is read is kept
 * only for that unit of work, so no node caches aggregates across transactions; a concurrent
 * append by another node is still caught by the unique key on (aggregate, sequence).
 * Snapshots are not used by this engine, so a preloaded aggregate needs none.
 */
public class VoorladendeEventopslag extends JdbcEventStorageEngine {
    private static final String VOORGELADEN = VoorladendeEventopslag.class.getName() + ".voorgeladen";

    public VoorladendeEventopslag(JdbcEventStorageEngine.Builder builder) {
        super(builder);
    }

    /** Reads the events of all these aggregates now, for the current unit of work. */
    public void voorlaad(Collection<String> aggregaten) {
        if (aggregaten.isEmpty() || !CurrentUnitOfWork.isStarted()) {
            return;
        }
        String[] ids = aggregaten.stream().distinct().toArray(String[]::new);
        String sql = "SELECT " + domainEventFields() + " FROM " + schema().domainEventTable() + " WHERE "
                + schema().aggregateIdentifierColumn() + " = ANY(?) ORDER BY " + schema().aggregateIdentifierColumn()
                + ", " + schema().sequenceNumberColumn();
        List<DomainEventData<?>> rijen = JdbcUtils.executeQuery(getConnection(), verbinding -> {
            var opdracht = verbinding.prepareStatement(sql);
            Array array = verbinding.createArrayOf("varchar", ids);
            opdracht.setArray(1, array);
            return opdracht;
        }, JdbcUtils.listResults(this::getDomainEventData), e -> new EventStoreException("voorladen mislukt", e));
        Map<String, List<DomainEventData<?>>> perAggregaat = voorgeladen(CurrentUnitOfWork.get());
        for (String id : ids) {
            perAggregaat.put(id, new ArrayList<>());
        }
        rijen.forEach(rij -> perAggregaat.get(rij.getAggregateIdentifier()).add(rij));
    }

    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregaat, long vanaf, int batchSize) {
        List<DomainEventData<?>> bekend = bekendeEvents(aggregaat);
        if (bekend == null) {
            return super.fetchDomainEvents(aggregaat, vanaf, batchSize);
        }
        return bekend.stream().filter(e -> e.getSequenceNumber() >= vanaf).limit(batchSize).toList();
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregaat) {
        return bekendeEvents(aggregaat) != null ? Stream.empty() : super.readSnapshotData(aggregaat);
    }

    private static List<DomainEventData<?>> bekendeEvents(String aggregaat) {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        Map<String, List<DomainEventData<?>>> voorgeladen =
                CurrentUnitOfWork.get().root().getResource(VOORGELADEN);
        return voorgeladen == null ? null : voorgeladen.get(aggregaat);
    }

    private static Map<String, List<DomainEventData<?>>> voorgeladen(UnitOfWork<?> werk) {
        return werk.root().getOrComputeResource(VOORGELADEN, k -> new HashMap<>());
    }
}
