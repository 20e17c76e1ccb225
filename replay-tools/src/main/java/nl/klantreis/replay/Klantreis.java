package nl.klantreis.replay;

import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command-line tool for people working with the engine. Exit codes scripts can rely on:
 * 0 done, 1 failed, 2 wrong use.
 */
@Command(name = "klantreis", mixinStandardHelpOptions = true, version = "klantreis 0.1.0",
        description = "Gereedschap bij de Klantreis-engine.",
        subcommands = {TokenOpdracht.class, SimuleerOpdracht.class, VerstuurOpdracht.class, ExportOpdracht.class, KpiOpdracht.class,
                KlantreisOpdracht.class, KlantreisOpdracht.Toon.class, KlantreisOpdracht.Van.class,
                MijnzakenOpdracht.class, ProjectieOpdracht.class, WatAlsOpdracht.class, AuditOpdracht.class,
                CommandLine.HelpCommand.class})
public final class Klantreis implements Callable<Integer> {

    public static void main(String[] argumenten) {
        System.exit(opdrachtregel().execute(argumenten));
    }

    static CommandLine opdrachtregel() {
        return new CommandLine(new Klantreis())
                .setExitCodeExceptionMapper(fout -> fout instanceof CommandLine.ParameterException ? 2 : 1);
    }

    @Override
    public Integer call() {
        CommandLine.usage(this, System.out);
        return 2;
    }
}
