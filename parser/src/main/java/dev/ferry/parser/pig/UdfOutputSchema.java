package dev.ferry.parser.pig;

import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.stmt.ReturnStmt;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The schema a UDF's {@code outputSchema(Schema)} returns, when its source spells it as a literal: {@code new
 * Schema(new Schema.FieldSchema("word", DataType.CHARARRAY))}, a FieldSchema of an inner schema ({@code new
 * FieldSchema("t", inner, DataType.TUPLE)}, the inner one a local {@code Schema} filled with {@code add(...)}
 * calls), or {@code Utils.getSchemaFromString("t:tuple(a:int, b:chararray)")}. Read from the syntax tree only:
 * the method is never run. Anything else (a schema computed from the input, two different returns) is not a
 * literal, and the UDF's type argument stays what types it. {@code return null} (Pig's "no schema") is ignored
 * beside one literal, as in a {@code catch}.
 */
final class UdfOutputSchema {

    private UdfOutputSchema() {}

    /** The result's field, when the method returns one literal schema of one field. */
    static Optional<FieldSchema> of(MethodDeclaration method) {
        List<Expression> returned = method.findAll(ReturnStmt.class).stream()
                .flatMap(r -> r.getExpression().stream())
                .filter(e -> !(e instanceof NullLiteralExpr))
                .toList();
        if (returned.size() != 1) {
            return Optional.empty();
        }
        return new UdfOutputSchema.Reader(method)
                .schema(returned.get(0))
                .filter(fields -> fields.size() == 1)
                .map(fields -> fields.get(0));
    }

    /**
     * The fields a LoadMetadata's {@code getSchema(String location, Job job)} returns, when it returns one literal
     * {@code new ResourceSchema(schema)} of a schema read as {@link #of} reads one.
     */
    static Optional<List<FieldSchema>> ofLoader(MethodDeclaration method) {
        List<Expression> returned = method.findAll(ReturnStmt.class).stream()
                .flatMap(r -> r.getExpression().stream())
                .filter(e -> !(e instanceof NullLiteralExpr))
                .toList();
        if (returned.size() != 1
                || !(returned.get(0) instanceof ObjectCreationExpr created)
                || !created.getType().getNameAsString().equals("ResourceSchema")
                || created.getArguments().size() != 1) {
            return Optional.empty();
        }
        return new UdfOutputSchema.Reader(method).schema(created.getArgument(0)).filter(fields -> !fields.isEmpty());
    }

    /** Evaluates schema expressions of one method; empty for anything that is not a literal. */
    private record Reader(MethodDeclaration method) {

        Optional<List<FieldSchema>> schema(Expression e) {
            if (e instanceof MethodCallExpr call
                    && call.getNameAsString().equals("getSchemaFromString")
                    && call.getArguments().size() == 1
                    && call.getArgument(0) instanceof StringLiteralExpr text) {
                return fromString(text.asString());
            }
            if (e instanceof ObjectCreationExpr created
                    && created.getType().getNameAsString().equals("Schema")) {
                NodeList<Expression> args = created.getArguments();
                if (args.isEmpty()) {
                    return Optional.of(List.of());
                }
                if (args.size() == 1) {
                    Expression only = args.get(0);
                    if (only instanceof MethodCallExpr list
                            && (list.getNameAsString().equals("asList")
                                    || list.getNameAsString().equals("of"))) {
                        return fields(list.getArguments());
                    }
                    return field(only).map(List::of);
                }
                return Optional.empty();
            }
            if (e instanceof NameExpr name) {
                return variable(name.getNameAsString()).flatMap(this::schema).flatMap(base -> added(name, base));
            }
            return Optional.empty();
        }

        Optional<FieldSchema> field(Expression e) {
            if (e instanceof NameExpr name) {
                return variable(name.getNameAsString()).flatMap(this::field);
            }
            if (!(e instanceof ObjectCreationExpr created)
                    || !created.getType().getNameAsString().equals("FieldSchema")) {
                return Optional.empty();
            }
            NodeList<Expression> args = created.getArguments();
            if (args.size() < 2 || args.size() > 3) {
                return Optional.empty();
            }
            Optional<PigType> type = dataType(args.get(args.size() - 1));
            String alias = args.get(0) instanceof StringLiteralExpr s ? s.asString() : null;
            if (type.isEmpty()) {
                return Optional.empty();
            }
            if (args.size() == 2) {
                return Optional.of(new FieldSchema(alias, type.get(), null));
            }
            return schema(args.get(1)).map(inner -> new FieldSchema(alias, type.get(), inner, null));
        }

        private Optional<List<FieldSchema>> fields(NodeList<Expression> args) {
            List<FieldSchema> out = new ArrayList<>();
            for (Expression arg : args) {
                Optional<FieldSchema> f = field(arg);
                if (f.isEmpty()) {
                    return Optional.empty();
                }
                out.add(f.get());
            }
            return Optional.of(out);
        }

        /** {@code DataType.CHARARRAY}: Pig's type constants that have a Pig type. */
        private static Optional<PigType> dataType(Expression e) {
            if (!(e instanceof FieldAccessExpr access)
                    || !access.getScope().toString().endsWith("DataType")) {
                return Optional.empty();
            }
            String constant = access.getNameAsString();
            try {
                return Optional.of(
                        constant.equals("INTEGER") ? PigType.INT : PigType.valueOf(constant.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException notAPigType) { // DataType.NULL, ERROR, ...
                return Optional.empty();
            }
        }

        /** The initializer of a local variable assigned nowhere else in the method. */
        private Optional<Expression> variable(String name) {
            List<VariableDeclarator> declared = method.findAll(
                    VariableDeclarator.class, v -> v.getNameAsString().equals(name));
            boolean reassigned = method.findAll(AssignExpr.class).stream()
                    .anyMatch(a -> a.getTarget() instanceof NameExpr n
                            && n.getNameAsString().equals(name));
            if (declared.size() != 1 || reassigned) {
                return Optional.empty();
            }
            return declared.get(0).getInitializer();
        }

        /** The fields {@code name.add(field)} calls append, in source order (any other call on it: not a literal). */
        private Optional<List<FieldSchema>> added(NameExpr name, List<FieldSchema> base) {
            List<FieldSchema> out = new ArrayList<>(base);
            for (MethodCallExpr call : method.findAll(MethodCallExpr.class)) {
                if (!(call.getScope().orElse(null) instanceof NameExpr scope)
                        || !scope.getNameAsString().equals(name.getNameAsString())) {
                    continue;
                }
                if (!call.getNameAsString().equals("add") || call.getArguments().size() != 1) {
                    return Optional.empty();
                }
                Optional<FieldSchema> f = field(call.getArgument(0));
                if (f.isEmpty()) {
                    return Optional.empty();
                }
                out.add(f.get());
            }
            return Optional.of(out);
        }
    }

    /** Pig's schema text ({@code Utils.getSchemaFromString}), read by Ferry's own Pig parser as a LOAD's AS. */
    static Optional<List<FieldSchema>> fromString(String text) {
        return PigParser.schema(text, "outputSchema");
    }
}
