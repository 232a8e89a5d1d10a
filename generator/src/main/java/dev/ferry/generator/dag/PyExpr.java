package dev.ferry.generator.dag;

import java.util.List;

/**
 * A small Python expression tree, what the DAG file's task calls are built from: strings, names, calls with
 * keywords, lists, tuples and dicts. {@link PythonPrinter} lays it out, one way for every call.
 */
sealed interface PyExpr {

    /** A string literal. */
    record Str(String value) implements PyExpr {}

    /** Python source that is not a string literal: a name ({@code REPO}), {@code True}, {@code None}, a number. */
    record Name(String source) implements PyExpr {}

    /** {@code left op right} for the arithmetic operators only, left-associative: {@code a * 24 - 1}. */
    record Arithmetic(PyExpr left, Operator operator, PyExpr right) implements PyExpr {}

    /** The operators of {@link Arithmetic}. */
    enum Operator {
        PLUS("+"),
        MINUS("-"),
        TIMES("*");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        String symbol() {
            return symbol;
        }
    }

    /** {@code function(positional..., name=value...)}. */
    record Call(String function, List<PyExpr> positional, List<Keyword> keywords, Layout layout) implements PyExpr {
        public Call {
            positional = List.copyOf(positional);
            keywords = List.copyOf(keywords);
        }

        /** Exploded when it has keywords, else on one line. */
        public Call(String function, List<PyExpr> positional, List<Keyword> keywords) {
            this(function, positional, keywords, keywords.isEmpty() ? Layout.ONE_LINE : Layout.EXPLODED);
        }
    }

    /** How a call is laid out. */
    enum Layout {
        /** On one line. */
        ONE_LINE,
        /** One argument per line with a magic trailing comma. */
        EXPLODED,
        /** On one line when it fits, else exploded. */
        FIT
    }

    /** One keyword argument of a {@link Call}. */
    record Keyword(String name, PyExpr value) {}

    /**
     * {@code [e, ...]}: exploded, one element per line with a magic trailing comma, or on one line when it fits
     * ({@code exploded} false, for short lists of names).
     */
    record ListOf(List<PyExpr> elements, boolean exploded) implements PyExpr {
        public ListOf {
            elements = List.copyOf(elements);
        }
    }

    /** {@code (e, ...)}: on one line when it fits, else exploded. */
    record Tuple(List<PyExpr> elements) implements PyExpr {
        public Tuple {
            elements = List.copyOf(elements);
        }
    }

    /** {@code {"key": value, ...}} with string keys in the given order, always exploded. */
    record Dict(List<Entry> entries) implements PyExpr {
        public Dict {
            entries = List.copyOf(entries);
        }
    }

    /** One entry of a {@link Dict}. */
    record Entry(String key, PyExpr value) {}

    static Str str(String value) {
        return new Str(value);
    }

    /** A string, or {@code None} for null. */
    static PyExpr strOrNone(String value) {
        return value == null ? new Name("None") : new Str(value);
    }

    static Name name(String source) {
        return new Name(source);
    }

    static Keyword keyword(String name, PyExpr value) {
        return new Keyword(name, value);
    }

    static ListOf list(List<? extends PyExpr> elements) {
        return new ListOf(List.copyOf(elements), true);
    }

    static Tuple strings(String... values) {
        return new Tuple(java.util.Arrays.stream(values)
                .map(PyExpr::str)
                .map(PyExpr.class::cast)
                .toList());
    }

    /** An exploded list of strings. */
    static ListOf strings(List<String> values) {
        return list(values.stream().map(PyExpr::str).toList());
    }

    /** A dict of string values, in the map's order. */
    static Dict dict(java.util.Map<String, String> map) {
        return new Dict(map.entrySet().stream()
                .map(e -> new Entry(e.getKey(), str(e.getValue())))
                .toList());
    }
}
