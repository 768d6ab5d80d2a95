package org.bnn.fuzz;

/**
 * The stages a .bnn text goes through, in order. A file with syntax errors stops after VALIDATE, one
 * with errors after FORMAT; only a file without errors goes on to ESTIMATE and beyond.
 */
public enum Stage {
    PARSE,
    VALIDATE,
    FORMAT,
    ESTIMATE,
    GENERATE,
    COMPILE,
    RUN;
}
