package nl.klantreis.replay.kringheen;

import nl.klantreis.replay.KlantreisGereedschap;
import nl.klantreis.replay.kringterug.Terug;

/** Breaks the package rules on purpose, for {@code ArchitectuurTest}: one half of a cycle, and it knows the root command. */
public final class Heen {
    Terug terug;
    KlantreisGereedschap gereedschap;
}
