package nl.klantreis.domein.gedeeld;

/** A burgerservicenummer: 9 digits that pass the elfproef. An invalid one cannot exist. */
public record Bsn(String nummer) {
    public Bsn {
        if (!isGeldig(nummer)) {
            throw new IllegalArgumentException("geen geldig BSN (9 cijfers en elfproef)");
        }
    }

    /** 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 is divisible by 11 (and the number is not all zeros). */
    public static boolean isGeldig(String nummer) {
        if (nummer == null || nummer.length() != 9) {
            return false;
        }
        int som = 0;
        for (int i = 0; i < 9; i++) {
            char c = nummer.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            int cijfer = c - '0';
            som += i < 8 ? (9 - i) * cijfer : -cijfer;
        }
        return som % 11 == 0 && !"000000000".equals(nummer);
    }

    /** Never print the number itself: toString ends up in logs. */
    @Override
    public String toString() {
        return "Bsn[***]";
    }
}
