package dev.ferry.translator.sql;

/**
 * A named, typed column of a table or view.
 *
 * @param origin where a source table's column comes from: the line's fields, or what the file source knows of the
 *     row's place in the input (RANK without BY numbers rows by it)
 */
public record Column(String name, SqlType type, Origin origin) {

    /** A column of the rows' own fields. */
    public Column(String name, SqlType type) {
        this(name, type, Origin.DATA);
    }

    /** Where a source's column is read from. */
    public enum Origin {
        /** The row's fields, as the format reads them. */
        DATA,
        /** The path of the file the row is in. */
        FILE_PATH,
        /** The size in bytes of the file the row is in. */
        FILE_SIZE,
        /** The row's number in its file, counted from its first record (1, 2, 3...). */
        RECORD_NUMBER
    }
}
