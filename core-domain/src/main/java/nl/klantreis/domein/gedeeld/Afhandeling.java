package nl.klantreis.domein.gedeeld;

/** What a command did: recorded a new fact, or found the fact already known (nothing stored). */
public enum Afhandeling {
    NIEUW, AL_BEKEND
}
