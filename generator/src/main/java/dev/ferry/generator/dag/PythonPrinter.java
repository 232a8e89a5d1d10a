package dev.ferry.generator.dag;

import dev.ferry.generator.dag.PyExpr.Call;
import dev.ferry.generator.dag.PyExpr.Dict;
import dev.ferry.generator.dag.PyExpr.Keyword;
import dev.ferry.generator.dag.PyExpr.ListOf;
import dev.ferry.generator.dag.PyExpr.Name;
import dev.ferry.generator.dag.PyExpr.Str;
import dev.ferry.generator.dag.PyExpr.Tuple;
import java.util.List;

/**
 * Prints a {@link PyExpr} as {@code ruff format} lays it out: calls with keywords, lists and dicts exploded with
 * magic trailing commas (ruff keeps them so), tuples and short name lists on one line when they fit, strings
 * as {@link PythonSource#string(String, int, int)} breaks them. Deterministic: the same tree, the same text.
 */
final class PythonPrinter {

    private PythonPrinter() {}

    /**
     * {@code expr} starting on a line of indentation {@code depth} after {@code prefix} columns of code; its
     * inner lines are indented from {@code depth}.
     */
    static String print(PyExpr expr, int depth, int prefix) {
        if (expr instanceof Str s) {
            return PythonSource.string(s.value(), depth, prefix);
        }
        if (expr instanceof Name n) {
            return n.source();
        }
        if (expr instanceof PyExpr.Arithmetic a) {
            // Built left-associative with * only on the right of + and -: no parentheses are needed.
            return inline(a.left()) + " " + a.operator().symbol() + " " + inline(a.right());
        }
        if (expr instanceof Call call) {
            return call(call, depth, prefix);
        }
        if (expr instanceof ListOf list) {
            return list(list, depth, prefix);
        }
        if (expr instanceof Tuple tuple) {
            return tuple(tuple, depth, prefix);
        }
        return dict((Dict) expr, depth);
    }

    /** {@code expr} on one line (strings unbroken): the elements of a one-line tuple or list. */
    static String inline(PyExpr expr) {
        if (expr instanceof Str s) {
            return PythonSource.string(s.value());
        }
        if (expr instanceof Name n) {
            return n.source();
        }
        if (expr instanceof PyExpr.Arithmetic a) {
            // Built left-associative with * only on the right of + and -: no parentheses are needed.
            return inline(a.left()) + " " + a.operator().symbol() + " " + inline(a.right());
        }
        if (expr instanceof Call call && call.layout() != PyExpr.Layout.EXPLODED) {
            List<String> arguments = new java.util.ArrayList<>(
                    call.positional().stream().map(PythonPrinter::inline).toList());
            call.keywords().forEach(k -> arguments.add(k.name() + "=" + inline(k.value())));
            return call.function() + "(" + String.join(", ", arguments) + ")";
        }
        if (expr instanceof Tuple tuple) {
            return "("
                    + String.join(
                            ", ",
                            tuple.elements().stream().map(PythonPrinter::inline).toList()) + ")";
        }
        if (expr instanceof ListOf list && !list.exploded()) {
            return "["
                    + String.join(
                            ", ",
                            list.elements().stream().map(PythonPrinter::inline).toList()) + "]";
        }
        throw new IllegalArgumentException("not printable on one line: " + expr);
    }

    private static String call(Call call, int depth, int prefix) {
        if (call.layout() == PyExpr.Layout.ONE_LINE
                || call.layout() == PyExpr.Layout.FIT && fits(depth, prefix, inline(call))) {
            return inline(call);
        }
        StringBuilder out = new StringBuilder(call.function()).append("(\n");
        for (PyExpr p : call.positional()) {
            out.append(PythonSource.indent(depth + 1))
                    .append(print(p, depth + 1, 0))
                    .append(",\n");
        }
        for (Keyword k : call.keywords()) {
            out.append(PythonSource.indent(depth + 1))
                    .append(k.name())
                    .append('=')
                    .append(print(k.value(), depth + 1, k.name().length() + 1))
                    .append(",\n");
        }
        return out.append(PythonSource.indent(depth)).append(')').toString();
    }

    private static String list(ListOf list, int depth, int prefix) {
        if (list.elements().isEmpty()) {
            return "[]";
        }
        if (!list.exploded() && fits(depth, prefix, inline(list))) {
            return inline(list);
        }
        return exploded("[", list.elements(), "]", depth);
    }

    private static String tuple(Tuple tuple, int depth, int prefix) {
        String line = inline(tuple);
        return fits(depth, prefix, line) ? line : exploded("(", tuple.elements(), ")", depth);
    }

    private static String dict(Dict dict, int depth) {
        if (dict.entries().isEmpty()) {
            return "{}";
        }
        StringBuilder out = new StringBuilder("{\n");
        for (PyExpr.Entry e : dict.entries()) {
            String key = PythonSource.string(e.key()) + ": ";
            out.append(PythonSource.indent(depth + 1))
                    .append(key)
                    .append(print(e.value(), depth + 1, key.length()))
                    .append(",\n");
        }
        return out.append(PythonSource.indent(depth)).append('}').toString();
    }

    private static String exploded(String open, List<PyExpr> elements, String close, int depth) {
        StringBuilder out = new StringBuilder(open).append('\n');
        elements.forEach(e -> out.append(PythonSource.indent(depth + 1))
                .append(print(e, depth + 1, 0))
                .append(",\n"));
        return out.append(PythonSource.indent(depth)).append(close).toString();
    }

    /** The text fits the line after the indentation and prefix, with the trailing comma that follows it. */
    private static boolean fits(int depth, int prefix, String text) {
        return PythonSource.indent(depth).length() + prefix + text.length() + 1 <= PythonSource.LINE_LENGTH;
    }
}
