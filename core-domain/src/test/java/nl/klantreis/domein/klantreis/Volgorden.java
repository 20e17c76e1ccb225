package nl.klantreis.domein.klantreis;

import java.util.ArrayList;
import java.util.List;

/** Every order in which a handful of facts can arrive. */
public final class Volgorden {
    private Volgorden() {
    }

    public static <T> List<List<T>> permutaties(List<T> elementen) {
        if (elementen.isEmpty()) {
            return List.of(List.of());
        }
        List<List<T>> uitkomst = new ArrayList<>();
        for (int i = 0; i < elementen.size(); i++) {
            List<T> rest = new ArrayList<>(elementen);
            T eerste = rest.remove(i);
            for (List<T> staart : permutaties(rest)) {
                List<T> volgorde = new ArrayList<>();
                volgorde.add(eerste);
                volgorde.addAll(staart);
                uitkomst.add(volgorde);
            }
        }
        return uitkomst;
    }
}
