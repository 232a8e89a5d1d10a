package dev.ferry.cli;

import dev.ferry.parser.pig.PigExpr;
import dev.ferry.parser.pig.PigRelation;
import dev.ferry.parser.pig.PigStatement;
import dev.ferry.parser.pig.PigType;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The values a script compares its fields with, so that the rows {@code ferry verify} generates pass its conditions
 * where the script allows it (an output that is empty on both sides shows nothing of the translation): the literal of
 * {@code x > 18} (and 19, which passes a strict comparison), every value of {@code x IN (...)}, a string that
 * {@code x MATCHES 'regex'} accepts, the values of {@code CASE x WHEN v}; in FILTERs, SPLIT branches, nested FILTERs
 * and bincond conditions alike. Taken from the whole script by field name ({@code A::x} and {@code r.x} are {@code x})
 * and by position ({@code $1}), as {@link VerifyInputs.Reads} takes casts; the fields a JOIN or COGROUP pairs as keys
 * share their values, so a row that passes a FILTER on one side meets a row of the other.
 */
final class LiteralSeeds {

    static final LiteralSeeds NONE = new LiteralSeeds(Map.of());

    /** By key: a field's name, or {@code $n} for a position. In the script's order: generated rows are deterministic. */
    private final Map<String, Set<String>> values;

    private LiteralSeeds(Map<String, Set<String>> values) {
        this.values = values;
    }

    /**
     * The values of a script's statements (macros expanded); a parameter used as a value ({@code x > $MIN}) takes its
     * value in {@code params}.
     */
    static LiteralSeeds of(List<PigStatement> statements, Map<String, String> params) {
        Collector collector = new Collector(params);
        for (PigStatement statement : statements) {
            collector.statement(statement);
        }
        return new LiteralSeeds(collector.shared());
    }

    boolean isEmpty() {
        return values.isEmpty();
    }

    /**
     * The values for a loaded field of type {@code type} (its name null when the AS gives none, and at {@code position}):
     * those compared with its name and with its position that a {@code type} field holds, and that fit in one field of
     * a line split on {@code delimiter}.
     */
    List<String> of(String name, int position, PigType type, String delimiter) {
        Set<String> all = new LinkedHashSet<>();
        if (name != null) {
            all.addAll(values.getOrDefault(name, Set.of()));
        }
        all.addAll(values.getOrDefault("$" + position, Set.of()));
        return all.stream()
                .filter(v -> !v.isEmpty() && !v.contains(delimiter) && !v.contains("\n") && !v.contains("\r"))
                .filter(v -> holds(type, v))
                .toList();
    }

    private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,18}");
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,18}(\\.[0-9]{1,18})?");

    /** Whether a field of {@code type} read from the text {@code value} holds it (rather than a null or a failure). */
    static boolean holds(PigType type, String value) {
        return switch (type) {
            case INT ->
                INTEGER.matcher(value).matches()
                        && Long.parseLong(value) >= Integer.MIN_VALUE
                        && Long.parseLong(value) <= Integer.MAX_VALUE;
            case LONG, BIGINTEGER -> INTEGER.matcher(value).matches();
            case FLOAT, DOUBLE, BIGDECIMAL -> DECIMAL.matcher(value).matches();
            case BOOLEAN -> value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false");
            case CHARARRAY, BYTEARRAY -> true;
            // A datetime, tuple, bag or map is compared through functions, never with a literal of its own.
            default -> false;
        };
    }

    /** Walks a script's expressions, collecting the values by key and the keys a JOIN or COGROUP pairs. */
    private static final class Collector {
        private final Map<String, String> params;
        private final Map<String, Set<String>> byKey = new LinkedHashMap<>();
        /** The union-find of paired keys: each key's parent, a root its own. */
        private final Map<String, String> parent = new LinkedHashMap<>();

        Collector(Map<String, String> params) {
            this.params = params;
        }

        void statement(PigStatement statement) {
            if (statement instanceof PigStatement.Assign assign) {
                relation(assign.relation());
            } else if (statement instanceof PigStatement.Split split) {
                split.branches().forEach(b -> expr(b.condition()));
            } else if (statement instanceof PigStatement.Assert check) {
                expr(check.condition());
            }
        }

        private void relation(PigRelation relation) {
            if (relation instanceof PigRelation.Filter filter) {
                expr(filter.condition());
            } else if (relation instanceof PigRelation.Foreach foreach) {
                foreach.items().forEach(i -> expr(i.expr()));
            } else if (relation instanceof PigRelation.NestedForeach nested) {
                for (PigRelation.NestedCommand command : nested.commands()) {
                    nestedOp(command.op());
                }
                nested.items().forEach(i -> expr(i.expr()));
            } else if (relation instanceof PigRelation.Join join) {
                pair(join.joinInputs().stream().map(PigRelation.JoinInput::keys).toList());
            } else if (relation instanceof PigRelation.Cogroup cogroup) {
                pair(cogroup.groupInputs().stream()
                        .map(PigRelation.GroupInput::keys)
                        .toList());
            }
        }

        private void nestedOp(PigRelation.NestedOp op) {
            if (op instanceof PigRelation.NestedOp.Filter filter) {
                expr(filter.condition());
            } else if (op instanceof PigRelation.NestedOp.Assign assign) {
                expr(assign.expr());
            } else if (op instanceof PigRelation.NestedOp.Foreach foreach) {
                foreach.items().forEach(i -> expr(i.expr()));
            }
        }

        /** The i-th keys of every input name one key ({@code BY (a, b)} is two): their fields share their values. */
        private void pair(List<List<PigExpr>> byInput) {
            List<List<PigExpr>> keys = byInput.stream()
                    .map(k -> k.size() == 1 && k.get(0) instanceof PigExpr.TupleExpr t ? t.items() : k)
                    .toList();
            int width = keys.stream().mapToInt(List::size).max().orElse(0);
            for (int i = 0; i < width; i++) {
                String first = null;
                for (List<PigExpr> input : keys) {
                    Optional<String> key = i < input.size() ? key(input.get(i)) : Optional.empty();
                    if (key.isPresent()) {
                        first = first == null ? key.get() : union(first, key.get());
                    }
                }
            }
        }

        private void expr(PigExpr expr) {
            if (expr instanceof PigExpr.Binary binary && binary.op().isComparison()) {
                compared(binary.left(), binary.op(), binary.right());
                compared(binary.right(), flipped(binary.op()), binary.left());
            } else if (expr instanceof PigExpr.In in) {
                key(in.expr())
                        .ifPresent(k -> in.values().forEach(v -> literal(v).ifPresent(add(k))));
            } else if (expr instanceof PigExpr.Matches matches && matches.regex() != null) {
                key(matches.expr()).ifPresent(k -> matching(matches.regex()).ifPresent(add(k)));
            } else if (expr instanceof PigExpr.Case c && c.subject() != null) {
                key(c.subject())
                        .ifPresent(
                                k -> c.branches().forEach(w -> literal(w.test()).ifPresent(add(k))));
            }
            PigExpr.children(expr).forEach(this::expr);
        }

        /** {@code field op literal}: the literal, and for a strict comparison a value beyond it that passes. */
        private void compared(PigExpr field, PigExpr.BinaryOp op, PigExpr other) {
            Optional<String> key = key(field);
            Optional<String> value = literal(other);
            if (key.isPresent() && key(other).isPresent() && op == PigExpr.BinaryOp.EQ) {
                // Two fields equal (a FILTER after a CROSS): a join key as JOIN's are.
                union(key.get(), key(other).get());
            }
            if (key.isEmpty() || value.isEmpty()) {
                return;
            }
            add(key.get()).accept(value.get());
            if (op == PigExpr.BinaryOp.GT || op == PigExpr.BinaryOp.LT) {
                beyond(value.get(), op == PigExpr.BinaryOp.GT).ifPresent(add(key.get()));
            }
        }

        private Consumer<String> add(String key) {
            return value ->
                    byKey.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(value);
        }

        /** The keys that share values, each with the values of its whole class, in the script's order. */
        Map<String, Set<String>> shared() {
            Map<String, Set<String>> byRoot = new LinkedHashMap<>();
            byKey.forEach((key, vs) -> byRoot.computeIfAbsent(root(key), r -> new LinkedHashSet<>())
                    .addAll(vs));
            Map<String, Set<String>> all = new LinkedHashMap<>();
            Set<String> keys = new LinkedHashSet<>(byKey.keySet());
            keys.addAll(parent.keySet());
            for (String key : keys) {
                Set<String> vs = byRoot.get(root(key));
                if (vs != null && !vs.isEmpty()) {
                    all.put(key, vs);
                }
            }
            return all;
        }

        private String root(String key) {
            String r = key;
            while (parent.containsKey(r) && !parent.get(r).equals(r)) {
                r = parent.get(r);
            }
            return r;
        }

        private String union(String a, String b) {
            String ra = root(a);
            String rb = root(b);
            parent.putIfAbsent(ra, ra);
            if (!ra.equals(rb)) {
                parent.put(rb, ra);
            }
            return ra;
        }

        /** The key of a field a value is compared with: its name, {@code $n}; through a cast. Else empty. */
        private static Optional<String> key(PigExpr expr) {
            if (expr instanceof PigExpr.FieldRef ref) {
                return Optional.of(ref.name());
            }
            if (expr instanceof PigExpr.PositionalRef ref) {
                return Optional.of("$" + ref.index());
            }
            if (expr instanceof PigExpr.Dereference d) {
                return Optional.of(d.field());
            }
            if (expr instanceof PigExpr.Cast cast) {
                return key(cast.expr());
            }
            return Optional.empty();
        }

        /** A literal's text as PigStorage holds it; a parameter's value; a negated number. Else empty (a null too). */
        private Optional<String> literal(PigExpr expr) {
            if (expr instanceof PigExpr.Literal literal && literal.value() != null) {
                return Optional.of(literal.value().toString());
            }
            if (expr instanceof PigExpr.Negate negate
                    && negate.expr() instanceof PigExpr.Literal literal
                    && literal.value() instanceof Number n) {
                return Optional.of("-" + n);
            }
            if (expr instanceof PigExpr.Param param && params.containsKey(param.name())) {
                return Optional.of(params.get(param.name()));
            }
            if (expr instanceof PigExpr.Cast cast) {
                return literal(cast.expr());
            }
            return Optional.empty();
        }
    }

    private static PigExpr.BinaryOp flipped(PigExpr.BinaryOp op) {
        return switch (op) {
            case LT -> PigExpr.BinaryOp.GT;
            case GT -> PigExpr.BinaryOp.LT;
            case LE -> PigExpr.BinaryOp.GE;
            case GE -> PigExpr.BinaryOp.LE;
            default -> op;
        };
    }

    /**
     * A value just beyond {@code value} on the side a strict comparison takes: a number one more or less (a half for a
     * decimal), a string with one more character or one less. Empty when there is none (nothing is less than '').
     */
    static Optional<String> beyond(String value, boolean greater) {
        if (INTEGER.matcher(value).matches()) {
            return Optional.of(String.valueOf(Long.parseLong(value) + (greater ? 1 : -1)));
        }
        if (DECIMAL.matcher(value).matches()) {
            BigDecimal step = new BigDecimal("0.5");
            BigDecimal d = new BigDecimal(value);
            return Optional.of((greater ? d.add(step) : d.subtract(step)).toPlainString());
        }
        if (greater) {
            return Optional.of(value + "a");
        }
        return value.isEmpty() ? Optional.empty() : Optional.of(value.substring(0, value.length() - 1));
    }

    /**
     * A string the Java regex {@code regex} matches whole (Pig's MATCHES), built from its literal characters: a
     * {@code .} or a class gives one of its characters, a quantifier keeps one occurrence ({@code .*} none), of
     * alternatives the first is taken, anchors go. Checked against the regex itself: empty when the simple reading does
     * not match (counted repeats, negated classes, flags).
     */
    static Optional<String> matching(String regex) {
        StringBuilder b = new StringBuilder();
        int i = 0;
        while (i < regex.length()) {
            char c = regex.charAt(i);
            boolean optional = i + 1 < regex.length() && (regex.charAt(i + 1) == '*' || regex.charAt(i + 1) == '?');
            if (c == '\\' && i + 1 < regex.length()) {
                char e = regex.charAt(i + 1);
                String one = switch (e) {
                    case 'd' -> "1";
                    case 'w' -> "a";
                    case 's' -> " ";
                    default -> Character.isLetterOrDigit(e) ? null : String.valueOf(e);
                };
                if (one == null) {
                    return Optional.empty();
                }
                b.append(one);
                i += 2;
            } else if (c == '[') {
                int end = regex.indexOf(']', i + 2);
                if (end < 0 || regex.charAt(i + 1) == '^' || regex.charAt(i + 1) == '\\') {
                    return Optional.empty();
                }
                b.append(regex.charAt(i + 1));
                i = end + 1;
            } else if (c == '.') {
                if (!optional) {
                    b.append('a');
                }
                i += optional ? 2 : 1;
            } else if (c == '|') {
                // The first alternative is the one taken: the others, up to the group's end, are skipped.
                int depth = 0;
                while (i < regex.length() && (depth > 0 || regex.charAt(i) != ')')) {
                    char skipped = regex.charAt(i);
                    if (skipped == '\\') {
                        i++;
                    } else if (skipped == '(') {
                        depth++;
                    } else if (skipped == ')') {
                        depth--;
                    }
                    i++;
                }
            } else if (c == '^' || c == '$' || c == '*' || c == '?' || c == '+' || c == '(' || c == ')') {
                i++;
            } else {
                b.append(c);
                i++;
            }
        }
        try {
            return Pattern.matches(regex, b) ? Optional.of(b.toString()) : Optional.empty();
        } catch (PatternSyntaxException bad) {
            return Optional.empty();
        }
    }
}
