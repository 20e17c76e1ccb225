package nl.klantreis.replay.commandoregel;

import nl.klantreis.replay.kringheen.Heen;

/** Shared plumbing that knows a capability, which {@code ArchitectuurTest} must refuse. */
public final class KentEenCapaciteit {
    public Heen capaciteit;
}
