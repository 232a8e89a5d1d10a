package dev.ferry.translator.sql;

/** A named, typed column of a table or view. */
public record Column(String name, SqlType type) {}
