package nl.klantreis.replay.bronnen;

import nl.klantreis.replay.commandoregel.Commandogroep;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code klantreis bronnen ...}: the connection to Open Zaak, Open Klant and Open Notificaties (docs/bronnen.md). */
@Command(name = "bronnen", mixinStandardHelpOptions = true,
        description = "Open Zaak, Open Klant en Open Notificaties: abonnement, inlezen, meldingen, opnieuw.",
        subcommands = {AbonneerCommando.class, InlezenCommando.class, MeldingenCommando.class, OpnieuwCommando.class,
                CommandLine.HelpCommand.class})
public final class BronnenCommando extends Commandogroep {
    public BronnenCommando() {
        super("abonneer, inlezen, meldingen of opnieuw");
    }
}
