package nl.klantreis.opstelling;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting for what processes do by themselves (a takeover, a push, a recovery), with a bound. */
final class Wachten {
    private Wachten() {
    }

    /** Returns once {@code voorwaarde} holds; fails the test naming {@code wat} after {@code binnen}. */
    static void tot(String wat, Duration binnen, BooleanSupplier voorwaarde) {
        long tot = System.nanoTime() + binnen.toNanos();
        while (!voorwaarde.getAsBoolean()) {
            if (System.nanoTime() > tot) {
                throw new AssertionError("niet binnen " + binnen + ": " + wat);
            }
            Knooppunt.slaap(Duration.ofMillis(100));
        }
    }
}
