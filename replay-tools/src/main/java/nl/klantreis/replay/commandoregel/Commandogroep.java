package nl.klantreis.replay.commandoregel;

import picocli.CommandLine;

/**
 * A command that only groups subcommands ({@code klantreis audit}, {@code projectie}, ...): called
 * on its own it is wrong use (exit code 2), and the message names what to choose.
 */
public abstract class Commandogroep implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final String keuze;

    /** @param keuze the subcommands to choose from, as the message says it ("toon of van") */
    protected Commandogroep(String keuze) {
        this.keuze = keuze;
    }

    @Override
    public final void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "kies " + keuze);
    }
}
