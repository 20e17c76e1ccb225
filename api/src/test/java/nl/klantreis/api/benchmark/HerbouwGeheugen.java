package nl.klantreis.api.benchmark;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.management.ListenerNotFoundException;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * The heap in use right after every collection while it is open (from the JVM's GC
 * notifications): without forcing a collection, an upper bound of what is live at that moment.
 * With G1 the old generation is only partly collected by most pauses, so it also holds garbage
 * that has not yet been reclaimed; what does not grow over a long run is not retained.
 */
final class HerbouwGeheugen implements AutoCloseable {
    private final List<NotificationEmitter> bronnen = new ArrayList<>();
    private final NotificationListener luisteraar;
    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    private double max;
    private int aantal;

    HerbouwGeheugen() {
        luisteraar = (melding, terug) -> {
            if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(melding.getType())) {
                return;
            }
            GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                    (CompositeData) melding.getUserData());
            long gebruikt = 0;
            for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                if (heapPools.contains(pool.getKey())) {
                    gebruikt += pool.getValue().getUsed();
                }
            }
            synchronized (this) {
                max = Math.max(max, gebruikt / 1048576.0);
                aantal++;
            }
        };
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter bron) {
                bron.addNotificationListener(luisteraar, null, null);
                bronnen.add(bron);
            }
        }
    }

    /** The largest heap in use after a collection so far, MiB. */
    synchronized double max() {
        return max;
    }

    /** Collections so far (young, mixed and full). */
    synchronized int aantal() {
        return aantal;
    }

    @Override
    public void close() {
        for (NotificationEmitter bron : bronnen) {
            try {
                bron.removeNotificationListener(luisteraar);
            } catch (ListenerNotFoundException e) {
                // Already gone.
            }
        }
    }
}
