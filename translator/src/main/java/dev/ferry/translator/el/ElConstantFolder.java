package dev.ferry.translator.el;

import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.diagnostics.SourceSpan;
import dev.ferry.parser.el.ElExpr;
import dev.ferry.parser.el.ElExpr.FunctionCall;
import dev.ferry.parser.el.ElExpr.Identifier;
import dev.ferry.parser.el.ElExpr.Literal;
import dev.ferry.parser.el.ElParser;
import dev.ferry.parser.el.ElPart;
import dev.ferry.parser.el.ElPart.ElExpression;
import dev.ferry.parser.el.ElPart.ElText;
import dev.ferry.parser.el.ElTemplate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves an EL template to plain text at conversion time, for values that must be known then (a pig
 * {@code <script>} path, an app path). Only literals and variables found in {@code knownProperties} are
 * substituted, variables whose values hold EL themselves included (as Oozie resolves job.properties);
 * empty as soon as a function, an operator or an unknown variable remains.
 */
public final class ElConstantFolder {

    private static final int MAX_DEPTH = 32;
    /** Past this many characters a value is not folded (it stays a run-time value): expansion is bounded. */
    private static final int MAX_LENGTH = 1_000_000;

    private ElConstantFolder() {}

    public static Optional<String> resolve(ElTemplate template, Map<String, String> knownProperties) {
        return resolve(template, knownProperties, new ArrayDeque<>(), false);
    }

    /**
     * As {@link #resolve}, in Oozie's bundle-submit EL (a bundle's coordinator {@code <configuration>} values), which
     * also has {@code bundle:conf('name')} (BundleELFunctions#bundle_conf): the bundle job's property {@code name}.
     */
    public static Optional<String> resolveInBundle(ElTemplate template, Map<String, String> bundleProperties) {
        return resolve(template, bundleProperties, new ArrayDeque<>(), true);
    }

    private static Optional<String> resolve(ElTemplate template, Map<String, String> known, Deque<String> resolving,
                                            boolean bundle) {
        StringBuilder out = new StringBuilder();
        for (ElPart part : template.parts()) {
            if (part instanceof ElText text) {
                out.append(text.text());
                continue;
            }
            Optional<String> value = value(((ElExpression) part).expr(), known, resolving, bundle);
            if (value.isEmpty() || out.length() + value.get().length() > MAX_LENGTH) {
                return Optional.empty();
            }
            out.append(value.get());
        }
        return Optional.of(out.toString());
    }

    private static Optional<String> value(ElExpr expr, Map<String, String> known, Deque<String> resolving,
                                          boolean bundle) {
        if (bundle && expr instanceof FunctionCall call && call.qualifiedName().equals("bundle:conf")
                && call.arguments().size() == 1 && call.arguments().get(0) instanceof Literal name
                && name.kind() == Literal.Kind.STRING) {
            expr = new Identifier(name.value(), call.span());
        }
        if (expr instanceof Literal literal) {
            return Optional.of(switch (literal.kind()) {
                case STRING, BOOLEAN -> literal.value();
                case INTEGER -> Long.toString(Long.parseLong(literal.value()));
                case DECIMAL -> Double.toString(Double.parseDouble(literal.value()));
                case NULL -> "";
            });
        }
        if (!(expr instanceof Identifier id) || !known.containsKey(id.name())
                || resolving.contains(id.name()) || resolving.size() >= MAX_DEPTH) {
            return Optional.empty();
        }
        String raw = known.get(id.name());
        if (raw == null || !raw.contains("${")) {
            return Optional.ofNullable(raw);
        }
        Optional<ElTemplate> nested = ElParser.parse(raw, SourceSpan.file(id.name()), new Diagnostics());
        if (nested.isEmpty()) {
            return Optional.empty();
        }
        resolving.push(id.name());
        try {
            return resolve(nested.get(), known, resolving, bundle);
        } finally {
            resolving.pop();
        }
    }
}
