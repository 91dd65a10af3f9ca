package org.broadside.validation;

/**
 * One thing wrong with an input file, located so that an operator can go straight to it.
 *
 * @param file the file name as the operator gave it (not resolved to an absolute path)
 * @param line the 1-based line, or 0 when the problem concerns the whole file
 * @param message what is wrong, in plain words, naming the field and the offending value
 */
public record Problem(String file, int line, String message) {

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
