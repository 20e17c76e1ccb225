package nl.klantreis.replay.kringterug;

import nl.klantreis.replay.kringheen.Heen;

/** The other half of {@link Heen}'s cycle, for {@code ArchitectuurTest}. */
public final class Terug {
    Heen heen;
}
