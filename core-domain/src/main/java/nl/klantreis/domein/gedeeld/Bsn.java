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

    /**
     * The BSN that eight digits begin, with the ninth digit the elfproef asks; empty when there is none (the sum leaves
     * 10 over 11), so a test or a simulation that needs valid numbers draws eight digits and asks this.
     */
    public static java.util.Optional<String> aangevuld(String achtCijfers) {
        if (achtCijfers == null || achtCijfers.length() != 8 || !achtCijfers.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("verwacht 8 cijfers");
        }
        int som = 0;
        for (int i = 0; i < 8; i++) {
            som += (9 - i) * (achtCijfers.charAt(i) - '0');
        }
        int laatste = som % 11;
        String nummer = achtCijfers + laatste;
        return laatste < 10 && isGeldig(nummer) ? java.util.Optional.of(nummer) : java.util.Optional.empty();
    }

    /**
     * A valid BSN beginning with {@code voorvoegsel} (e.g. {@code 9999}, the range of test numbers), its other digits
     * drawn from {@code kans}: for tests, examples and simulations that need many distinct numbers.
     */
    public static String willekeurig(java.util.random.RandomGenerator kans, String voorvoegsel) {
        while (true) {
            StringBuilder acht = new StringBuilder(voorvoegsel);
            while (acht.length() < 8) {
                acht.append(kans.nextInt(10));
            }
            java.util.Optional<String> nummer = aangevuld(acht.toString());
            if (nummer.isPresent()) {
                return nummer.get();
            }
        }
    }

    /** Never print the number itself: toString ends up in logs. */
    @Override
    public String toString() {
        return "Bsn[***]";
    }
}
