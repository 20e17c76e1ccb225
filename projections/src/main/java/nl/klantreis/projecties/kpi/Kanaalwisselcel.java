package nl.klantreis.projecties.kpi;

/**
 * One cell of the {@code kanaalwissel-matrix}: the kanaalwissels from {@code van} to {@code naar},
 * and how many of them were warm.
 */
public record Kanaalwisselcel(String van, String naar, long aantal, long warm) {
}
