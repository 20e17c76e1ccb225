package nl.klantreis.api.ingestie;

import java.util.Objects;

/**
 * How one type of the ingestion contract is read: its CloudEvent type, the record it becomes, the
 * shape of its {@code data} for the OpenAPI description, and the checks of that {@code data}. Each
 * message record declares its own as a constant {@code SOORT}, so that one file holds everything
 * about a type; {@link Berichtsoorten} collects them from the records {@link Bericht} permits.
 * Stateless: one instance serves every thread.
 */
final class Berichtsoort {
    private final String type;
    private final Class<? extends Bericht> bericht;
    private final Class<? extends Record> data;
    private final Lezer<?> lezer;

    /** Reads the {@code data} of one type. */
    @FunctionalInterface
    interface Lezer<B extends Bericht> {
        /**
         * Reads {@code data}, recording every broken rule in {@code velden}.
         *
         * @return the message, or {@code null} when any fout has been recorded for the message
         */
        B lees(Identiteit identiteit, KeuringVelden velden, Naslag naslag);
    }

    private Berichtsoort(String type, Class<? extends Bericht> bericht, Class<? extends Record> data, Lezer<?> lezer) {
        this.type = Objects.requireNonNull(type, "type");
        this.bericht = Objects.requireNonNull(bericht, "bericht");
        this.data = Objects.requireNonNull(data, "data");
        this.lezer = Objects.requireNonNull(lezer, "lezer");
    }

    /**
     * @param bericht the record the type is read into, which is also where this soort is declared
     *                (the registry checks that, so a copied home cannot go on reading into the old record)
     * @param data    the {@code data} as the contract describes it, with swagger's {@code @Schema}
     *                named {@code XxxData}: the OpenAPI description's only source for the type
     */
    static <B extends Bericht> Berichtsoort van(String type, Class<B> bericht, Class<? extends Record> data,
                                                Lezer<B> lezer) {
        return new Berichtsoort(type, bericht, data, lezer);
    }

    /** The CloudEvent {@code type} this reads. */
    String type() {
        return type;
    }

    Class<? extends Bericht> bericht() {
        return bericht;
    }

    Class<? extends Record> data() {
        return data;
    }

    /** See {@link Lezer#lees}. */
    Bericht lees(Identiteit identiteit, KeuringVelden velden, Naslag naslag) {
        return lezer.lees(identiteit, velden, naslag);
    }

    @Override
    public String toString() {
        return "Berichtsoort[" + type + "]";
    }
}
