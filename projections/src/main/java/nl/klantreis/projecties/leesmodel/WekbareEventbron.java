package nl.klantreis.projecties.leesmodel;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * The event store as the read-model processors see it, with one difference: its streams accept an
 * availability callback. Axon's pooled processor otherwise looks for new events only every 500 ms
 * (the embedded event store offers no callback), which is what a citizen waiting for a push
 * would feel. The callbacks are called every {@code interval}: a cheap look (the coordinator
 * checks its stream and goes back to sleep when nothing is there), so new events are picked up
 * within that interval.
 */
public final class WekbareEventbron implements StreamableMessageSource<TrackedEventMessage<?>>, AutoCloseable {
    private final StreamableMessageSource<TrackedEventMessage<?>> bron;
    private final Set<Runnable> wachtenden = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService wekker;

    public WekbareEventbron(StreamableMessageSource<TrackedEventMessage<?>> bron, Duration interval) {
        this.bron = bron;
        this.wekker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread draad = new Thread(r, "leesmodel-wekker");
            draad.setDaemon(true);
            return draad;
        });
        long ms = Math.max(1, interval.toMillis());
        wekker.scheduleWithFixedDelay(() -> wachtenden.forEach(Runnable::run), ms, ms, TimeUnit.MILLISECONDS);
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken token) {
        return new Stroom(bron.openStream(token));
    }

    @Override
    public TrackingToken createTailToken() {
        return bron.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return bron.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant moment) {
        return bron.createTokenAt(moment);
    }

    @Override
    public TrackingToken createTokenSince(Duration duur) {
        return bron.createTokenSince(duur);
    }

    @Override
    public void close() {
        wekker.shutdownNow();
    }

    private final class Stroom implements BlockingStream<TrackedEventMessage<?>> {
        private final BlockingStream<TrackedEventMessage<?>> stroom;
        private volatile Runnable terugroep;

        Stroom(BlockingStream<TrackedEventMessage<?>> stroom) {
            this.stroom = stroom;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return stroom.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit eenheid) throws InterruptedException {
            return stroom.hasNextAvailable(timeout, eenheid);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return stroom.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> genegeerd) {
            stroom.skipMessagesWithPayloadTypeOf(genegeerd);
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            if (terugroep != null) {
                wachtenden.remove(terugroep);
            }
            terugroep = callback;
            wachtenden.add(callback);
            return true;
        }

        @Override
        public void close() {
            if (terugroep != null) {
                wachtenden.remove(terugroep);
            }
            stroom.close();
        }
    }
}
