package nl.klantreis.replay;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.axonframework.commandhandling.gateway.CommandGateway;

import com.zaxxer.hikari.HikariDataSource;

import nl.klantreis.infrastructuur.TestDatabase;
import nl.klantreis.projecties.leesmodel.Projectiebeheer;
import nl.klantreis.replay.commandoregel.Engineverbinding;

/**
 * A fresh test database filled through the engine's own command handlers and read models (the
 * tool's context with the aggregates registered and the processors running), and a way to run a
 * command of the tool against it as an operator would.
 */
public final class Testomgeving implements AutoCloseable {
    private final DataSource database;
    private final Engineverbinding schrijver;

    private Testomgeving(DataSource database) {
        this.database = database;
        HikariDataSource hikari = (HikariDataSource) database;
        this.schrijver = Engineverbinding.naar(hikari.getJdbcUrl(), hikari.getUsername(), hikari.getPassword())
                .metVerwerking()
                .metBron(Testaggregaten.class)
                .metEigenschap("klantreis.projecties.bewaak-ms", 200)
                .start();
    }

    public static Testomgeving nieuw() {
        return new Testomgeving(TestDatabase.nieuweDatabase());
    }

    /** A fresh one with the dakkapel story ({@link Verhaal#dakkapel()}) sent and every read model up to date. */
    public static Testomgeving metDakkapel() {
        Testomgeving omgeving = nieuw();
        omgeving.stuur(new Verhaal(omgeving.schrijver().pseudoniemen()).dakkapel().opdrachten);
        omgeving.wachtOpLeesmodellen();
        return omgeving;
    }

    /** Sends the commands in order, each to completion. */
    public void stuur(List<?> opdrachten) {
        CommandGateway gateway = schrijver.bean(CommandGateway.class);
        for (Object opdracht : opdrachten) {
            gateway.sendAndWait(opdracht);
        }
    }

    /** Waits until every read model has processed every event stored so far. */
    public void wachtOpLeesmodellen() {
        Projectiebeheer beheer = schrijver.bean(Projectiebeheer.class);
        for (String naam : beheer.namen()) {
            if (!beheer.wachtTotBijgewerkt(naam, Duration.ofMinutes(2))) {
                throw new AssertionError("leesmodel " + naam + " is niet bijgewerkt: " + beheer.voortgang(naam));
            }
        }
    }

    public Engineverbinding schrijver() {
        return schrijver;
    }

    public DataSource database() {
        return database;
    }

    /** Runs {@code klantreis <argumenten> --db-url ...} and returns its exit code, stdout and stderr. */
    public Uitvoer voerUit(String... argumenten) {
        HikariDataSource hikari = (HikariDataSource) database;
        List<String> alle = new ArrayList<>(List.of(argumenten));
        alle.addAll(List.of("--db-url", hikari.getJdbcUrl(), "--db-user", hikari.getUsername(),
                "--db-password", hikari.getPassword() == null ? "" : hikari.getPassword()));
        StringWriter uit = new StringWriter();
        StringWriter fout = new StringWriter();
        int code = KlantreisGereedschap.commandoregel()
                .setOut(new PrintWriter(uit, true))
                .setErr(new PrintWriter(fout, true))
                .execute(alle.toArray(String[]::new));
        return new Uitvoer(code, uit.toString(), fout.toString());
    }

    public record Uitvoer(int code, String uit, String fout) {
    }

    @Override
    public void close() {
        schrijver.close();
    }
}
