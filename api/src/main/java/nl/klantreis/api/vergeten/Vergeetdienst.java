package nl.klantreis.api.vergeten;

import java.time.Clock;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Service;

import nl.klantreis.domein.gedeeld.KlantId;
import nl.klantreis.domein.klant.VergeetKlant;
import nl.klantreis.infrastructuur.privacy.Sleutelring;

/**
 * Crypto-shredding: records that the klant is forgotten and deletes his keys (his own and his
 * zaken's) in one transaction; the key-encryption keys that wrapped them are rotated, and destroyed
 * after the commit, so copies of the keys left on disk are unreadable too (ADR 0011). Afterwards no personal field in any of his events can be read,
 * by this node or any other, while the events themselves remain and keep counting.
 */
@Service
public class Vergeetdienst {
    private final CommandGateway commands;
    private final Sleutelring sleutelring;
    private final TransactionManager transacties;
    private final Clock klok;

    Vergeetdienst(CommandGateway commands, Sleutelring sleutelring, TransactionManager transacties, Clock klok) {
        this.commands = commands;
        this.sleutelring = sleutelring;
        this.transacties = transacties;
        this.klok = klok;
    }

    /**
     * @return the number of keys deleted
     * @throws OnbekendeKlant when the engine never heard of this klant
     */
    public int vergeet(KlantId klant) {
        DefaultUnitOfWork<?> werk = DefaultUnitOfWork.startAndGet(new GenericMessage<>("vergeten"));
        werk.attachTransaction(transacties);
        ResultMessage<Integer> uitkomst = werk.executeWithResult(() -> {
            // Keys first: that takes the key ring's exclusive lock before this transaction holds any
            // row lock an ingesting transaction (holding the shared lock) might wait for.
            int verwijderd = sleutelring.vergeet(klant);
            commands.sendAndWait(new VergeetKlant(klant, klok.instant()));
            return verwijderd;
        });
        if (uitkomst.isExceptional()) {
            for (Throwable t = uitkomst.exceptionResult(); t != null; t = t.getCause()) {
                if (t instanceof AggregateNotFoundException) {
                    throw new OnbekendeKlant(klant);
                }
            }
            Throwable fout = uitkomst.exceptionResult();
            throw fout instanceof RuntimeException runtime ? runtime : new IllegalStateException(fout);
        }
        return uitkomst.getPayload();
    }

    /** No klant with this id was ever recorded. */
    public static final class OnbekendeKlant extends RuntimeException {
        OnbekendeKlant(KlantId klant) {
            super("onbekende klant " + klant);
        }
    }
}
