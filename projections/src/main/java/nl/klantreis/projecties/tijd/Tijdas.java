package nl.klantreis.projecties.tijd;

/**
 * Which facts count at a peilmoment: those that had happened by then ({@code GEBEURD}), or those
 * the engine knew by then ({@code BEKEND}). Every read model that travels in time (MijnZaken,
 * klantreis, klantbeeld) asks the same question, so the axis lives here and not in one of them.
 */
public enum Tijdas {
    GEBEURD, BEKEND
}
