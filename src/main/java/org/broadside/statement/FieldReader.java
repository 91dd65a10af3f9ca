package org.broadside.statement;

/** Reads one front-matter value as one type, reporting what is wrong with it. */
@FunctionalInterface
interface FieldReader<T> {

    /**
     * @param field never empty: empty values are handled by {@link KeyedMapping} and {@link ListReader}
     * @return the value, or null when a problem was reported instead
     */
    T read(Field field, Problems problems);
}
