package nl.klantreis.replay;

import java.util.concurrent.Callable;

import nl.klantreis.replay.audit.AuditCommando;
import nl.klantreis.replay.bronnen.BronnenCommando;
import nl.klantreis.replay.export.ExportCommando;
import nl.klantreis.replay.kpi.KpiCommando;
import nl.klantreis.replay.kpi.WatAlsCommando;
import nl.klantreis.replay.projectie.ProjectieCommando;
import nl.klantreis.replay.token.TokenCommando;
import nl.klantreis.replay.toon.KlantreisCommando;
import nl.klantreis.replay.toon.MijnzakenCommando;
import nl.klantreis.replay.verzenden.SimuleerCommando;
import nl.klantreis.replay.verzenden.VerstuurCommando;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command-line tool for people working with the engine. Exit codes scripts can rely on:
 * 0 done, 1 failed, 2 wrong use.
 *
 * <p>One package per capability: {@code verzenden} (simuleer, verstuur), {@code export},
 * {@code kpi} (kpi, wat-als), {@code audit}, {@code projectie} (herbouw), {@code toon} (klantreis
 * toon/van, mijnzaken toon), {@code token} and {@code bronnen} (abonneer, inlezen, meldingen, opnieuw),
 * all on {@code commandoregel}: the connection to the
 * engine, the mixins for the options the commands share, and the progress lines. A CLI subcommand
 * is a {@code ...Commando} ({@code Opdracht} is the engine's word for an Axon command). This class,
 * on top, lists them all, so nothing below may use it (replay-tools' {@code ArchitectuurTest}).
 */
@Command(name = "klantreis", mixinStandardHelpOptions = true, version = "klantreis 0.1.0",
        description = "Gereedschap bij de Klantreis-engine.",
        subcommands = {TokenCommando.class, SimuleerCommando.class, VerstuurCommando.class, ExportCommando.class, KpiCommando.class,
                KlantreisCommando.class, KlantreisCommando.Toon.class, KlantreisCommando.Van.class,
                MijnzakenCommando.class, ProjectieCommando.class, WatAlsCommando.class, AuditCommando.class, BronnenCommando.class,
                CommandLine.HelpCommand.class})
public final class KlantreisGereedschap implements Callable<Integer> {

    public static void main(String[] argumenten) {
        System.exit(commandoregel().execute(argumenten));
    }

    public static CommandLine commandoregel() {
        return new CommandLine(new KlantreisGereedschap())
                .setExitCodeExceptionMapper(fout -> fout instanceof CommandLine.ParameterException ? 2 : 1);
    }

    @Override
    public Integer call() {
        CommandLine.usage(this, System.out);
        return 2;
    }
}
