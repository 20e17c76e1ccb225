package nl.klantreis.domein.zaak;

import java.util.Arrays;

/**
 * The kind of a fact about a zaak that can arrive before the zaak and turn out not to fit its
 * zaaktype ({@link ZaakfeitOnbruikbaar}). The aggregate, which declares such a fact unusable, and
 * every read model that has to forget it switch on this one type, so a new kind is a compile
 * error in each of them instead of a string that falls through.
 *
 * <p>The {@link #code() code} is what the event store keeps (the CloudEvent type's last part, as
 * in {@code status-gezet}); the stored JSON of {@link ZaakfeitOnbruikbaar} is frozen and stays
 * exactly that string. {@link #toString()} gives the code too, so a serializer that writes a
 * value by its text (the event store's, as for the ids) writes the same.
 */
public enum Zaakfeitsoort {
    STATUS_GEZET("status-gezet"),
    ZAAK_OPGESCHORT("zaak-opgeschort"),
    ZAAK_HERVAT("zaak-hervat"),
    ZAAK_VERLENGD("zaak-verlengd"),
    ZAAK_AFGESLOTEN("zaak-afgesloten");

    private final String code;

    Zaakfeitsoort(String code) {
        this.code = code;
    }

    /** The kind as stored, e.g. {@code status-gezet}. */
    public String code() {
        return code;
    }

    /** @throws IllegalArgumentException for a code that names no kind */
    public static Zaakfeitsoort metCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("onbekend soort zaakfeit: " + code));
    }

    @Override
    public String toString() {
        return code;
    }
}
