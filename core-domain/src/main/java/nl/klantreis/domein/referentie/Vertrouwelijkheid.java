package nl.klantreis.domein.referentie;

import java.util.Arrays;
import java.util.Optional;

/** ZGW's eight levels of confidentiality, lowest first. */
public enum Vertrouwelijkheid {
    OPENBAAR, BEPERKT_OPENBAAR, INTERN, ZAAKVERTROUWELIJK, VERTROUWELIJK, CONFIDENTIEEL, GEHEIM, ZEER_GEHEIM;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Optional<Vertrouwelijkheid> metCode(String code) {
        return Arrays.stream(values()).filter(v -> v.code().equals(code)).findFirst();
    }

    /** Above zaakvertrouwelijk MijnZaken shows only that the zaak is being handled. */
    public boolean boven(Vertrouwelijkheid ander) {
        return compareTo(ander) > 0;
    }
}
