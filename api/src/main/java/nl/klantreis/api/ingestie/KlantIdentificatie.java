package nl.klantreis.api.ingestie;

import java.util.Objects;

import io.swagger.v3.oas.annotations.media.Schema;

import nl.klantreis.domein.gedeeld.Bsn;
import nl.klantreis.domein.gedeeld.Identificatiesoort;
import nl.klantreis.domein.gedeeld.Kvknummer;

/**
 * How the klant of a message made himself known.
 *
 * @param nummer the BSN or KVK number; {@code null} for {@link Identificatiesoort#ANONIEM}
 */
record KlantIdentificatie(Identificatiesoort soort, String nummer) {
    private static final KlantIdentificatie ANONIEM = new KlantIdentificatie(Identificatiesoort.ANONIEM, null);

    public KlantIdentificatie {
        Objects.requireNonNull(soort, "soort");
        // The messages never repeat the number: they end up in logs.
        switch (soort) {
            case BSN -> {
                if (!Bsn.isGeldig(nummer)) {
                    throw new IllegalArgumentException("geen geldig BSN (9 cijfers en elfproef)");
                }
            }
            case KVK -> {
                if (!Kvknummer.isGeldig(nummer)) {
                    throw new IllegalArgumentException("geen geldig KVK-nummer (8 cijfers)");
                }
            }
            case ANONIEM -> {
                if (nummer != null) {
                    throw new IllegalArgumentException("een anonieme klant heeft geen nummer");
                }
            }
        }
    }

    public static KlantIdentificatie bsn(String bsn) {
        return new KlantIdentificatie(Identificatiesoort.BSN, bsn);
    }

    public static KlantIdentificatie kvk(String kvk) {
        return new KlantIdentificatie(Identificatiesoort.KVK, kvk);
    }

    public static KlantIdentificatie anoniem() {
        return ANONIEM;
    }

    /** The klant of a message's {@code data} as EVENTS.md describes it, for the OpenAPI description. */
    @Schema(name = "Klantidentificatie", description = "Precies een van `bsn` (9 cijfers, elfproef) of `kvk` (8"
            + " cijfers); bij een klantcontact ook `{\"anoniem\": true}`.", minProperties = 1, maxProperties = 1)
    record Data(
            @Schema(pattern = "^[0-9]{9}$") String bsn,
            @Schema(pattern = "^[0-9]{8}$") String kvk,
            @Schema(description = "Alleen bij een klantcontact: een klant die niet bekend wil of hoeft te zijn.")
            Boolean anoniem) {
    }

    /** Never prints the number: toString ends up in logs. */
    @Override
    public String toString() {
        return "KlantIdentificatie[soort=" + soort + (nummer == null ? "" : ", nummer=***") + "]";
    }
}
