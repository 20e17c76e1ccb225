package nl.klantreis.domein.gedeeld;

/** A Chamber of Commerce number: 8 digits. */
public record Kvknummer(String nummer) {
    public Kvknummer {
        if (!isGeldig(nummer)) {
            throw new IllegalArgumentException("geen geldig KVK-nummer (8 cijfers)");
        }
    }

    public static boolean isGeldig(String nummer) {
        return nummer != null && nummer.matches("[0-9]{8}");
    }

    @Override
    public String toString() {
        return "Kvknummer[***]";
    }
}
