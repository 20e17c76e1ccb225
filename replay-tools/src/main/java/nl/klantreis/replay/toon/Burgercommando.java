package nl.klantreis.replay.toon;

import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.replay.commandoregel.Engineverbinding;
import nl.klantreis.replay.commandoregel.Leescommando;
import picocli.CommandLine;

/**
 * A display about one burger ({@code klantreis van}, {@code mijnzaken toon}): the options are
 * {@link Burgerpeilingopties}, checked before the engine is reached; the command gets the
 * burger's pseudonym (the BSN already forgotten) and the peiling asked for.
 */
abstract class Burgercommando extends Leescommando {
    @CommandLine.Mixin
    Burgerpeilingopties opties = new Burgerpeilingopties();

    @Override
    protected final void controleer() {
        opties.controleer();
    }

    @Override
    protected final int voerUit(Engineverbinding verbinding) throws Exception {
        return voerUitVoor(verbinding, opties.burger(verbinding), opties.peiling);
    }

    /** What the command shows of this burger; returns the exit code, as {@link #voerUit} does. */
    abstract int voerUitVoor(Engineverbinding verbinding, KlantId burger, Peilingopties peiling) throws Exception;
}
