package dev.ferry.parser.pig;

import dev.ferry.diagnostics.DiagnosticCode;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.diagnostics.DidYouMean;
import dev.ferry.diagnostics.SourceSpan;
import dev.ferry.parser.pig.PigExpr.BinaryOp;
import dev.ferry.parser.pig.PigLatinParser.*;
import dev.ferry.parser.pig.PigRelation.GenerateItem;
import dev.ferry.parser.pig.PigRelation.JoinInput;
import dev.ferry.parser.pig.PigRelation.JoinType;
import dev.ferry.parser.pig.PigRelation.NestedOp;
import dev.ferry.parser.pig.PigRelation.OrderKey;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Builds the immutable Pig AST from a syntax tree that parsed without errors. Inline operators
 * used as inputs become assignments of their own; a use of an alias that no earlier statement
 * defines is reported as PIG-E010, as Pig's parser does ("Undefined alias").
 */
final class PigAstBuilder {

    private final String file;
    private final Diagnostics diagnostics;
    private final List<PigStatement> statements = new ArrayList<>();
    private final List<PigScript.ParamDefault> defaults = new ArrayList<>();
    private final Set<String> defined = new LinkedHashSet<>();
    private String lastAlias;
    /** After RUN, aliases may come from another script: undefined ones are not reported. */
    private boolean aliasesFromElsewhere;

    private int generated;
    /** The functions called by a qualified class name ({@code com.acme.ToLower(x)}), in name order. */
    private final Set<String> qualifiedCalls = new TreeSet<>();

    PigAstBuilder(String file, Diagnostics diagnostics, boolean checkAliases) {
        this.file = file;
        this.diagnostics = diagnostics;
        this.aliasesFromElsewhere = !checkAliases;
    }

    PigScript script(ScriptContext ctx) {
        add(ctx);
        return result();
    }

    /** Builds the statements of one group of a script's statements (the parser hands them over a group at a time). */
    void add(ScriptContext ctx) {
        for (StatementContext s : ctx.statement()) {
            statement(s);
        }
    }

    /** The script of every statement added so far. */
    PigScript result() {
        return new PigScript(file, statements, defaults, Map.of(), List.of(), List.copyOf(qualifiedCalls));
    }

    // ------------------------------------------------------------ statements

    private void statement(StatementContext s) {
        if (s instanceof PreprocessorStatementContext p) {
            preprocessor(p.PREPROCESSOR().getSymbol());
        } else if (s instanceof GruntStatementContext g) {
            grunt(g.GRUNT_COMMAND().getSymbol());
        } else if (s instanceof MacroStatementContext m) {
            macro(m.macroDefinition());
        } else if (s instanceof OpStatementContext o) {
            general(o.generalStatement());
        } else if (s instanceof SplitStatementContext sp) {
            split(sp.splitClause());
        } else if (s instanceof InlineStatementContext in) {
            inline(in.inlineClause());
        } else if (s instanceof ImportStatementContext im) {
            statements.add(new PigStatement.Import(unquote(im.importClause().STRING()), span(im)));
        } else if (s instanceof RealiasStatementContext r) {
            String source = use(r.realiasClause().identifierPlus());
            assign(r.realiasClause().alias().getText(), new PigRelation.Alias(source, span(r)), span(r));
        } else if (s instanceof AssertStatementContext a) {
            AssertClauseContext c = a.assertClause();
            String input = rel(c.rel());
            statements.add(new PigStatement.Assert(
                    input, cond(c.cond()), c.STRING() == null ? null : unquote(c.STRING()), span(a)));
        } else if (s instanceof ForeachStmtContext f) {
            ForeachStatementContext fs = f.foreachStatement();
            PigRelation relation = foreach(
                    fs.rel(),
                    fs.foreachPlanComplex(),
                    fs.foreachPlanSimple(),
                    span(fs.FOREACH().getSymbol()));
            assign(aliasOf(fs.alias(), fs.FAT_ARROW()), relation, span(fs), parallel(fs.parallelClause()));
        }
    }

    private void preprocessor(Token token) {
        String text = token.getText().strip();
        boolean declare = text.regionMatches(true, 0, "%declare", 0, 8);
        String rest = text.substring(8).strip();
        int space = indexOfWhitespace(rest);
        String name = space < 0 ? rest : rest.substring(0, space);
        String value = space < 0 ? "" : rest.substring(space).strip();
        if (value.endsWith(";")) {
            value = value.substring(0, value.length() - 1).strip();
        }
        if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
            value = PigStrings.unquoteKeepingDollarEscapes(value);
        } else if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        defaults.add(new PigScript.ParamDefault(name, value, declare, span(token)));
    }

    private static int indexOfWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private void grunt(Token token) {
        String text = token.getText().strip();
        int space = indexOfWhitespace(text);
        String keyword = (space < 0 ? text : text.substring(0, space)).toUpperCase(Locale.ROOT);
        PigStatement.Command command = new PigStatement.Command(keyword, text, span(token));
        if (command.argument().equals("@") && lastAlias != null) {
            // DUMP @ (DESCRIBE @, ...): the previous relation, as in an operator's input.
            int at = text.lastIndexOf('@');
            command = new PigStatement.Command(
                    keyword, text.substring(0, at) + lastAlias + text.substring(at + 1), span(token));
        }
        if (("DUMP".equals(keyword) || "DESCRIBE".equals(keyword) || "ILLUSTRATE".equals(keyword))
                && command.argument().matches("[A-Za-z][A-Za-z0-9_]*(::[A-Za-z][A-Za-z0-9_]*)*")) {
            use(command.argument(), span(token));
        }
        if ("RUN".equals(keyword)) {
            aliasesFromElsewhere = true;
        }
        statements.add(command);
    }

    private void general(GeneralStatementContext g) {
        SourceSpan span = span(g);
        OpClauseContext op = g.opClause();
        if (op == null) {
            PigRelation relation = nestedOp(g.nestedOpClause());
            assign(
                    aliasOf(g.alias(), g.FAT_ARROW()),
                    relation,
                    span,
                    parallel(g.nestedOpClause().parallelClause()));
            return;
        }
        if (op.defineClause() != null) {
            define(op.defineClause());
            return;
        }
        if (op.storeClause() != null && g.alias() == null) {
            StoreClauseContext st = op.storeClause();
            String input = rel(st.rel());
            statements.add(new PigStatement.Store(
                    input,
                    unquoteKeepingDollarEscapes(st.STRING()),
                    st.funcClause() == null ? null : funcSpec(st.funcClause()),
                    span,
                    parallel(g.parallelClause())));
            return;
        }
        PigRelation relation = opClause(op, span(op));
        assign(aliasOf(g.alias(), g.FAT_ARROW()), relation, span, parallel(g.parallelClause()));
    }

    private PigStatement.Parallel parallel(ParallelClauseContext clause) {
        return clause == null
                ? null
                : new PigStatement.Parallel(clause.getChild(1).getText(), span(clause));
    }

    private String aliasOf(AliasContext alias, TerminalNode fatArrow) {
        if (alias != null) {
            return alias.getText();
        }
        return "__" + (fatArrow != null ? "macro_result" : "unnamed_" + (++generated));
    }

    private void assign(String alias, PigRelation relation, SourceSpan span) {
        assign(alias, relation, span, null);
    }

    private void assign(String alias, PigRelation relation, SourceSpan span, PigStatement.Parallel parallel) {
        statements.add(new PigStatement.Assign(alias, relation, span, parallel));
        defined.add(alias);
        lastAlias = alias;
    }

    private void define(DefineClauseContext d) {
        String name = d.IDENTIFIER().getText();
        SourceSpan span = span(d);
        if (d.funcClause() != null) {
            statements.add(new PigStatement.DefineFunction(name, funcSpec(d.funcClause()), span));
        } else {
            statements.add(defineCommand(name, d.cmd(), span));
        }
    }

    private void macro(MacroDefinitionContext d) {
        MacroClauseContext m = d.macroClause();
        List<String> params = m.macroParamClause().identifierPlus().stream()
                .map(ParserRuleContext::getText)
                .toList();
        List<String> returns = m.macroReturnClause().identifierPlus().stream()
                .map(ParserRuleContext::getText)
                .toList();
        MacroContentContext body = m.macroContent();
        String text = originalText(body);
        statements.add(new PigStatement.MacroDefinition(
                d.IDENTIFIER().getText(), params, returns, text.substring(1, text.length() - 1), span(body), span(d)));
    }

    private PigStatement defineCommand(String name, CmdContext cmd, SourceSpan span) {
        String command = stripBackticks(cmd.EXECCOMMAND().getText());
        List<String> ship = new ArrayList<>();
        List<String> cache = new ArrayList<>();
        List<PigStatement.StreamSpec> input = new ArrayList<>();
        List<PigStatement.StreamSpec> output = new ArrayList<>();
        String stderr = null;
        Integer limit = null;
        for (ShipClauseContext s : cmd.shipClause()) {
            ship.addAll(paths(s.pathList()));
        }
        for (CacheClauseContext c : cmd.cacheClause()) {
            cache.addAll(paths(c.pathList()));
        }
        for (InputClauseContext i : cmd.inputClause()) {
            i.streamCmd().forEach(sc -> input.add(streamSpec(sc)));
        }
        for (OutputClauseContext o : cmd.outputClause()) {
            o.streamCmd().forEach(sc -> output.add(streamSpec(sc)));
        }
        for (ErrorClauseContext e : cmd.errorClause()) {
            stderr = e.STRING() == null ? "" : unquote(e.STRING());
            limit = e.INTEGER() == null ? null : Integer.valueOf(e.INTEGER().getText());
        }
        return new PigStatement.DefineCommand(name, command, ship, cache, input, output, stderr, limit, span);
    }

    private PigStatement.StreamSpec streamSpec(StreamCmdContext sc) {
        String target = sc.STRING() != null
                ? unquote(sc.STRING())
                : sc.getStart().getText().toLowerCase(Locale.ROOT);
        return new PigStatement.StreamSpec(target, sc.funcClause() == null ? null : funcSpec(sc.funcClause()));
    }

    private static List<String> paths(PathListContext p) {
        return p == null
                ? List.of()
                : p.STRING().stream().map(PigAstBuilder::unquote).toList();
    }

    private void split(SplitClauseContext s) {
        String input = rel(s.rel());
        List<PigStatement.SplitBranch> branches = new ArrayList<>();
        for (SplitBranchContext b : s.splitBranch()) {
            branches.add(new PigStatement.SplitBranch(b.identifierPlus().getText(), cond(b.cond()), span(b)));
        }
        String otherwise = s.splitOtherwise() == null
                ? null
                : s.splitOtherwise().identifierPlus().getText();
        statements.add(new PigStatement.Split(input, branches, otherwise, span(s)));
        branches.forEach(b -> defined.add(b.alias()));
        if (otherwise != null) {
            defined.add(otherwise);
        }
    }

    private void inline(InlineClauseContext in) {
        List<IdentifierPlusContext> names = in.identifierPlus();
        List<String> outputs = names.subList(0, names.size() - 1).stream()
                .map(ParserRuleContext::getText)
                .toList();
        String macro = names.get(names.size() - 1).getText();
        List<String> args = in.macroArgument().stream()
                .map(a -> a.STRING() != null ? unquote(a.STRING()) : a.getText())
                .toList();
        statements.add(new PigStatement.MacroCall(outputs, macro, args, span(in)));
        defined.addAll(outputs);
        if (!outputs.isEmpty()) {
            lastAlias = outputs.get(outputs.size() - 1);
        }
    }

    // ------------------------------------------------------------ relational operators

    /** The alias a {@code rel} names; an inline operator is assigned to a generated alias first. */
    private String rel(RelContext r) {
        if (r.identifierPlus() != null) {
            return use(r.identifierPlus());
        }
        if (r.ARROBA() != null) {
            if (lastAlias == null) {
                diagnostics.report(
                        DiagnosticCode.PIG_E010, span(r), "'@' refers to the previous relation, but there is none");
                return "@";
            }
            return lastAlias;
        }
        PigRelation relation = nestedOp(r.nestedOpClause());
        String alias = "__inline_" + (++generated);
        assign(alias, relation, span(r), parallel(r.nestedOpClause().parallelClause()));
        return alias;
    }

    private PigRelation nestedOp(NestedOpClauseContext n) {
        if (n.opClause() != null) {
            return opClause(n.opClause(), span(n));
        }
        return foreach(n.rel(), n.foreachPlanComplex(), n.foreachPlanSimple(), span(n));
    }

    private PigRelation foreach(
            RelContext input, ForeachPlanComplexContext complex, ForeachPlanSimpleContext simple, SourceSpan span) {
        String in = rel(input);
        if (simple != null) {
            return new PigRelation.Foreach(
                    in,
                    simple.flattenGeneratedItem().stream()
                            .map(this::generateItem)
                            .toList(),
                    span);
        }
        NestedBlkContext blk = complex.nestedBlk();
        List<PigRelation.NestedCommand> commands =
                blk.nestedCommand().stream().map(this::nestedCommand).toList();
        return new PigRelation.NestedForeach(
                in,
                commands,
                blk.flattenGeneratedItem().stream().map(this::generateItem).toList(),
                span);
    }

    private PigRelation.NestedCommand nestedCommand(NestedCommandContext c) {
        if (c instanceof NestedExprCommandContext e) {
            return new PigRelation.NestedCommand(
                    e.identifierPlus().getText(), new NestedOp.Assign(expr(e.expr())), span(c));
        }
        NestedOpCommandContext o = (NestedOpCommandContext) c;
        NestedOpContext op = o.nestedOp();
        NestedOp nested;
        if (op instanceof NestedFilterContext f) {
            nested = new NestedOp.Filter(nestedInput(f.nestedOpInput()), cond(f.cond()));
        } else if (op instanceof NestedSortContext s) {
            nested = new NestedOp.Order(
                    nestedInput(s.nestedOpInput()),
                    orderKeys(s.orderByClause()),
                    s.funcClause() == null ? null : funcSpec(s.funcClause()));
        } else if (op instanceof NestedDistinctContext d) {
            nested = new NestedOp.Distinct(nestedInput(d.nestedOpInput()));
        } else if (op instanceof NestedLimitContext l) {
            nested = new NestedOp.Limit(nestedInput(l.nestedOpInput()), expr(l.expr()));
        } else if (op instanceof NestedCrossContext x) {
            nested = new NestedOp.Cross(
                    x.nestedOpInput().stream().map(this::nestedInput).toList());
        } else {
            NestedForeachContext fe = (NestedForeachContext) op;
            nested = new NestedOp.Foreach(
                    nestedInput(fe.nestedOpInput()),
                    fe.foreachPlanSimple().flattenGeneratedItem().stream()
                            .map(this::generateItem)
                            .toList());
        }
        return new PigRelation.NestedCommand(o.identifierPlus().getText(), nested, span(c));
    }

    private PigExpr nestedInput(NestedOpInputContext n) {
        PigExpr base = colRef(n.colRef(0));
        if (n.PERIOD() == null) {
            return base;
        }
        List<PigExpr> columns = n.colRef().subList(1, n.colRef().size()).stream()
                .map(this::colRef)
                .toList();
        return projection(base, columns, span(n));
    }

    private PigRelation opClause(OpClauseContext op, SourceSpan span) {
        if (op.loadClause() != null) {
            return load(op.loadClause(), span);
        }
        if (op.filterClause() != null) {
            FilterClauseContext f = op.filterClause();
            return new PigRelation.Filter(rel(f.rel()), cond(f.cond()), span);
        }
        if (op.groupClause() != null) {
            return group(op.groupClause(), span);
        }
        if (op.joinClause() != null) {
            return join(op.joinClause(), span);
        }
        if (op.orderClause() != null) {
            OrderClauseContext o = op.orderClause();
            String input = rel(o.rel());
            return new PigRelation.Order(
                    input,
                    orderKeys(o.orderByClause()),
                    o.funcClause() == null ? null : funcSpec(o.funcClause()),
                    span);
        }
        if (op.limitClause() != null) {
            LimitClauseContext l = op.limitClause();
            String input = rel(l.rel());
            return new PigRelation.Limit(input, expr(l.expr()), span);
        }
        if (op.sampleClause() != null) {
            SampleClauseContext s = op.sampleClause();
            String input = rel(s.rel());
            return new PigRelation.Sample(input, expr(s.expr()), span);
        }
        if (op.distinctClause() != null) {
            DistinctClauseContext d = op.distinctClause();
            return new PigRelation.Distinct(rel(d.rel()), partitioner(d.partitionClause()), span);
        }
        if (op.crossClause() != null) {
            CrossClauseContext c = op.crossClause();
            return new PigRelation.Cross(
                    c.rel().stream().map(this::rel).toList(), partitioner(c.partitionClause()), span);
        }
        if (op.unionClause() != null) {
            UnionClauseContext u = op.unionClause();
            List<String> inputs = u.rel().stream().map(this::rel).toList();
            distinctInputs(inputs, span, "UNION");
            return new PigRelation.Union(inputs, u.ONSCHEMA() != null, span);
        }
        if (op.rankClause() != null) {
            return rank(op.rankClause(), span);
        }
        if (op.cubeClause() != null) {
            CubeClauseContext c = op.cubeClause();
            String input = rel(c.rel());
            List<PigRelation.CubeDimensions> dims = c.cubeRollupList().stream()
                    .map(d -> new PigRelation.CubeDimensions(
                            d.ROLLUP() != null,
                            d.realArg().stream().map(this::realArg).toList()))
                    .toList();
            return new PigRelation.Cube(input, dims, span);
        }
        if (op.streamClause() != null) {
            StreamClauseContext s = op.streamClause();
            String input = rel(s.rel());
            String command = s.EXECCOMMAND() == null
                    ? null
                    : stripBackticks(s.EXECCOMMAND().getText());
            String definedName =
                    s.identifierPlus() == null ? null : s.identifierPlus().getText();
            return new PigRelation.Stream(input, command, definedName, asClause(s.asClause()), span);
        }
        if (op.mrClause() != null) {
            MrClauseContext m = op.mrClause();
            StoreClauseContext st = m.storeClause();
            String stored = rel(st.rel());
            PigRelation.Load load = load(m.loadClause(), span(m.loadClause()));
            return new PigRelation.MapReduce(
                    unquote(m.STRING()),
                    paths(m.pathList()),
                    stored,
                    unquote(st.STRING()),
                    st.funcClause() == null ? null : funcSpec(st.funcClause()),
                    load,
                    m.EXECCOMMAND() == null
                            ? null
                            : stripBackticks(m.EXECCOMMAND().getText()),
                    span);
        }
        if (op.storeClause() != null) {
            // `X = STORE A INTO ...`: Pig accepts the alias; the store is still a store.
            StoreClauseContext st = op.storeClause();
            String input = rel(st.rel());
            statements.add(new PigStatement.Store(
                    input,
                    unquoteKeepingDollarEscapes(st.STRING()),
                    st.funcClause() == null ? null : funcSpec(st.funcClause()),
                    span));
            return new PigRelation.Alias(input, span);
        }
        // DEFINE with an alias in front: Pig parses it; it defines the function all the same.
        define(op.defineClause());
        return new PigRelation.Alias(lastAlias == null ? "__none" : lastAlias, span);
    }

    private PigRelation.Load load(LoadClauseContext l, SourceSpan span) {
        return new PigRelation.Load(
                unquoteKeepingDollarEscapes(l.STRING()),
                l.funcClause() == null ? null : funcSpec(l.funcClause()),
                asClause(l.asClause()),
                span);
    }

    private PigRelation group(GroupClauseContext g, SourceSpan span) {
        List<PigRelation.GroupInput> inputs = new ArrayList<>();
        for (GroupItemContext item : g.groupItem()) {
            String alias = rel(item.rel());
            boolean all = item.ALL() != null;
            List<PigExpr> keys = all ? List.of() : keys(item.joinGroupByClause());
            inputs.add(new PigRelation.GroupInput(alias, keys, all, item.INNER() != null, span(item)));
        }
        String strategy = g.STRING() == null ? null : unquote(g.STRING());
        String partitioner = partitioner(g.partitionClause());
        boolean plain = inputs.size() == 1
                && strategy == null
                && partitioner == null
                && g.groupItem(0).INNER() == null
                && g.groupItem(0).OUTER() == null;
        if (plain) {
            PigRelation.GroupInput only = inputs.get(0);
            return new PigRelation.Group(only.alias(), only.keys(), only.all(), span);
        }
        return new PigRelation.Cogroup(inputs, strategy, partitioner, span);
    }

    private PigRelation join(JoinClauseContext j, SourceSpan span) {
        List<JoinInput> inputs = new ArrayList<>();
        for (JoinItemContext item : j.joinItem()) {
            String alias = rel(item.rel());
            inputs.add(new JoinInput(alias, keys(item.joinGroupByClause()), span(item)));
        }
        JoinType type = j.LEFT() != null
                ? JoinType.LEFT
                : j.RIGHT() != null ? JoinType.RIGHT : j.FULL() != null ? JoinType.FULL : JoinType.INNER;
        String strategy = j.STRING() == null ? null : unquote(j.STRING());
        distinctInputs(inputs.stream().map(JoinInput::alias).toList(), span, "JOIN");
        return new PigRelation.Join(inputs, type, strategy, partitioner(j.partitionClause()), span);
    }

    /**
     * Pig refuses an alias named twice among a JOIN's or a UNION's inputs (LogicalPlanBuilder.checkDuplicateAliases:
     * "Pig does not accept same alias as input for JOIN operation"); a CROSS or a COGROUP takes it.
     */
    private void distinctInputs(List<String> aliases, SourceSpan span, String operation) {
        Set<String> seen = new HashSet<>();
        for (String alias : aliases) {
            if (!seen.add(alias)) {
                diagnostics.report(
                        DiagnosticCode.PIG_E013,
                        span,
                        "Pig does not accept the same alias as input twice for " + operation + " ('" + alias + "')",
                        "read a copy on one side: " + alias + "_copy = FOREACH " + alias + " GENERATE *;");
                return;
            }
        }
    }

    private PigRelation rank(RankClauseContext r, SourceSpan span) {
        String input = rel(r.rel());
        List<OrderKey> keys = new ArrayList<>();
        RankByClauseContext by = r.rankByClause();
        if (by != null && by.STAR() != null) {
            keys.add(new OrderKey(new PigExpr.Star(span(by)), by.DESC() != null));
        } else if (by != null) {
            for (RankColContext c : by.rankCol()) {
                PigExpr key = c.colRange() != null ? colRange(c.colRange()) : colRef(c.colRef());
                keys.add(new OrderKey(key, c.DESC() != null));
            }
        }
        return new PigRelation.Rank(input, keys, r.DENSE() != null, span);
    }

    /** {@code BY x} is one key; {@code BY (x, y)} (a tuple) is several, as in Pig. */
    private List<PigExpr> keys(JoinGroupByClauseContext by) {
        PigExpr key = realArg(by.realArg());
        if (key instanceof PigExpr.TupleExpr tuple) {
            return tuple.items();
        }
        return List.of(key);
    }

    private List<OrderKey> orderKeys(OrderByClauseContext o) {
        if (o.STAR() != null) {
            return List.of(new OrderKey(new PigExpr.Star(span(o)), o.DESC() != null));
        }
        List<OrderKey> keys = new ArrayList<>();
        for (OrderColContext c : o.orderCol()) {
            PigExpr key = c.colRange() != null ? colRange(c.colRange()) : colRef(c.colRef());
            keys.add(new OrderKey(key, c.DESC() != null));
        }
        return keys;
    }

    private String partitioner(PartitionClauseContext p) {
        return p == null ? null : p.funcName().getText();
    }

    // ------------------------------------------------------------ schemas

    private List<FieldSchema> asClause(AsClauseContext a) {
        if (a == null) {
            return List.of();
        }
        if (a.explicitFieldDef() != null) {
            return List.of(explicitFieldDef(a.explicitFieldDef()));
        }
        return fieldDefList(a.fieldDefList());
    }

    private List<FieldSchema> fieldDefList(FieldDefListContext l) {
        return l == null ? List.of() : l.fieldDef().stream().map(this::fieldDef).toList();
    }

    private FieldSchema fieldDef(FieldDefContext f) {
        if (f.explicitFieldDef() != null) {
            return explicitFieldDef(f.explicitFieldDef());
        }
        return typed(null, implicitType(f.implicitType()), span(f));
    }

    private FieldSchema explicitFieldDef(ExplicitFieldDefContext f) {
        if (f.fieldName() != null || f.typeNameAsField() != null) {
            String name = f.fieldName() != null
                    ? f.fieldName().getText()
                    : f.typeNameAsField().getText();
            return f.type() == null
                    ? new FieldSchema(name, PigType.BYTEARRAY, span(f))
                    : typed(name, type(f.type()), span(f));
        }
        return typed(null, explicitType(f.explicitType()), span(f));
    }

    private static FieldSchema typed(String name, FieldSchema type, SourceSpan span) {
        return new FieldSchema(name, type.type(), type.fields(), span);
    }

    /** A type as an unnamed FieldSchema: its PigType plus inner fields. */
    private FieldSchema type(TypeContext t) {
        return t.explicitType() != null ? explicitType(t.explicitType()) : implicitType(t.implicitType());
    }

    private FieldSchema explicitType(ExplicitTypeContext t) {
        if (t.simpleType() != null) {
            return new FieldSchema(null, PigType.fromKeyword(t.simpleType().getText()), span(t));
        }
        if (t.explicitTupleType() != null) {
            return tupleType(t.explicitTupleType().implicitTupleType());
        }
        if (t.explicitBagType() != null) {
            return bagType(t.explicitBagType().implicitBagType());
        }
        return mapType(t.explicitMapType().implicitMapType());
    }

    private FieldSchema implicitType(ImplicitTypeContext t) {
        if (t.implicitTupleType() != null) {
            return tupleType(t.implicitTupleType());
        }
        if (t.implicitBagType() != null) {
            return bagType(t.implicitBagType());
        }
        return mapType(t.implicitMapType());
    }

    private FieldSchema tupleType(ImplicitTupleTypeContext t) {
        return new FieldSchema(null, PigType.TUPLE, fieldDefList(t.fieldDefList()), span(t));
    }

    private FieldSchema bagType(ImplicitBagTypeContext b) {
        TupleTypeContext t = b.tupleType();
        if (t == null) {
            return new FieldSchema(null, PigType.BAG, List.of(), span(b));
        }
        FieldSchema tuple = tupleType(
                t.implicitTupleType() != null
                        ? t.implicitTupleType()
                        : t.explicitTupleType().implicitTupleType());
        String tupleName =
                b.identifierPlus() == null ? null : b.identifierPlus().getText();
        return new FieldSchema(null, PigType.BAG, List.of(typed(tupleName, tuple, tuple.span())), span(b));
    }

    private FieldSchema mapType(ImplicitMapTypeContext m) {
        return new FieldSchema(null, PigType.MAP, m.type() == null ? List.of() : List.of(type(m.type())), span(m));
    }

    private FieldSchema typeCast(ExplicitTypeCastContext c) {
        if (c.simpleType() != null) {
            return new FieldSchema(null, PigType.fromKeyword(c.simpleType().getText()), span(c));
        }
        if (c.explicitMapType() != null) {
            return mapType(c.explicitMapType().implicitMapType());
        }
        List<FieldSchema> inner =
                c.explicitTypeCast().stream().map(this::typeCast).toList();
        if (c.BAG() != null) {
            List<FieldSchema> tuple =
                    c.TUPLE() == null ? List.of() : List.of(new FieldSchema(null, PigType.TUPLE, inner, span(c)));
            return new FieldSchema(null, PigType.BAG, tuple, span(c));
        }
        return new FieldSchema(null, PigType.TUPLE, inner, span(c));
    }

    // ------------------------------------------------------------ generate items, functions

    private GenerateItem generateItem(FlattenGeneratedItemContext g) {
        PigExpr expr = g.flattenClause() != null
                ? new PigExpr.Flatten(expr(g.flattenClause().expr()), span(g.flattenClause()))
                : realArg(g.realArg());
        List<FieldSchema> names = List.of();
        GenerateAsClauseContext as = g.generateAsClause();
        if (as != null) {
            keywordNames(as);
            names = as.explicitFieldDef() != null
                    ? List.of(explicitFieldDef(as.explicitFieldDef()))
                    : fieldDefList(as.fieldDefList());
        }
        return new GenerateItem(expr, names, span(g));
    }

    /** Pig's GENERATE ... AS takes identifiers only, unlike a LOAD schema. */
    private void keywordNames(GenerateAsClauseContext as) {
        List<ExplicitFieldDefContext> defs = new ArrayList<>();
        if (as.explicitFieldDef() != null) {
            defs.add(as.explicitFieldDef());
        } else {
            as.fieldDefList().fieldDef().stream()
                    .map(FieldDefContext::explicitFieldDef)
                    .filter(d -> d != null)
                    .forEach(defs::add);
        }
        for (ExplicitFieldDefContext d : defs) {
            if (d.fieldName() != null && d.fieldName().identifierPlus() == null) {
                diagnostics.report(
                        DiagnosticCode.PIG_E001,
                        span(d),
                        "syntax error at '" + d.fieldName().getText()
                                + "': a keyword cannot name a field after GENERATE ... AS",
                        "rename the field, e.g. '" + d.fieldName().getText() + "_'");
            }
        }
    }

    private FuncSpec funcSpec(FuncClauseContext f) {
        List<String> args = f.funcArgs() == null
                ? List.of()
                : f.funcArgs().funcArg().stream()
                        .map(a -> a.PARAM() != null ? a.getText() : PigStrings.unquote(a.getText()))
                        .toList();
        return new FuncSpec(f.funcName().getText(), args, span(f));
    }

    // ------------------------------------------------------------ conditions and expressions

    private PigExpr realArg(RealArgContext r) {
        if (r.STAR() != null) {
            return new PigExpr.Star(span(r));
        }
        if (r.colRange() != null) {
            return colRange(r.colRange());
        }
        return expr(r.expr());
    }

    PigExpr cond(CondContext c) {
        PigExpr result = andCond(c.andCond(0));
        for (int i = 1; i < c.andCond().size(); i++) {
            result = new PigExpr.Binary(BinaryOp.OR, result, andCond(c.andCond(i)), span(c));
        }
        return result;
    }

    private PigExpr andCond(AndCondContext c) {
        PigExpr result = notCond(c.notCond(0));
        for (int i = 1; i < c.notCond().size(); i++) {
            result = new PigExpr.Binary(BinaryOp.AND, result, notCond(c.notCond(i)), span(c));
        }
        return result;
    }

    private PigExpr notCond(NotCondContext c) {
        PigExpr inner = unaryCond(c.unaryCond());
        return c.NOT() != null ? new PigExpr.Not(inner, span(c)) : inner;
    }

    private PigExpr unaryCond(UnaryCondContext c) {
        PigExpr left = expr(c.expr(0));
        SourceSpan span = span(c);
        if (c.NULL() != null) {
            return new PigExpr.IsNull(left, c.NOT() != null, span);
        }
        if (c.IN() != null) {
            return new PigExpr.In(
                    left,
                    c.expr().subList(1, c.expr().size()).stream()
                            .map(this::expr)
                            .toList(),
                    span);
        }
        if (c.relOp() != null) {
            PigExpr right = expr(c.expr(1));
            if (c.relOp().MATCHES() != null) {
                return new PigExpr.Matches(left, right, span);
            }
            return new PigExpr.Binary(comparison(c.relOp().getStart().getType()), left, right, span);
        }
        return left;
    }

    private static BinaryOp comparison(int token) {
        return switch (token) {
            case PigLatinParser.NUM_EQ, PigLatinParser.STR_EQ -> BinaryOp.EQ;
            case PigLatinParser.NUM_NE, PigLatinParser.STR_NE -> BinaryOp.NE;
            case PigLatinParser.NUM_LT, PigLatinParser.STR_LT -> BinaryOp.LT;
            case PigLatinParser.NUM_LTE, PigLatinParser.STR_LTE -> BinaryOp.LE;
            case PigLatinParser.NUM_GT, PigLatinParser.STR_GT -> BinaryOp.GT;
            default -> BinaryOp.GE;
        };
    }

    PigExpr expr(ExprContext e) {
        PigExpr result = multiExpr(e.multiExpr(0));
        for (int i = 1; i < e.multiExpr().size(); i++) {
            Token op = ((TerminalNode) e.getChild(2 * i - 1)).getSymbol();
            BinaryOp binary = op.getType() == PigLatinParser.PLUS ? BinaryOp.ADD : BinaryOp.SUBTRACT;
            result = new PigExpr.Binary(binary, result, multiExpr(e.multiExpr(i)), span(e));
        }
        return result;
    }

    private PigExpr multiExpr(MultiExprContext m) {
        PigExpr result = castExpr(m.castExpr(0));
        for (int i = 1; i < m.castExpr().size(); i++) {
            Token op = ((TerminalNode) m.getChild(2 * i - 1)).getSymbol();
            BinaryOp binary = switch (op.getType()) {
                case PigLatinParser.STAR -> BinaryOp.MULTIPLY;
                case PigLatinParser.DIV -> BinaryOp.DIVIDE;
                default -> BinaryOp.MODULO;
            };
            result = new PigExpr.Binary(binary, result, castExpr(m.castExpr(i)), span(m));
        }
        return result;
    }

    private PigExpr castExpr(CastExprContext c) {
        SourceSpan span = span(c);
        if (c instanceof ScalarExprContext s) {
            return scalar(s.scalar(), span);
        }
        if (c instanceof NegExprContext n) {
            return negate(castExpr(n.castExpr()), span);
        }
        if (c instanceof ColumnExprContext col) {
            return projections(colRefWithoutIdentifier(col.colRefWithoutIdentifier()), col.projection());
        }
        if (c instanceof NamedColumnExprContext n) {
            return projections(named(n.identifierPlus().getText(), span(n.identifierPlus())), n.projection());
        }
        if (c instanceof FuncEvalExprContext f) {
            if (f.exprFuncName().getText().contains(".")) {
                qualifiedCalls.add(f.exprFuncName().getText());
            }
            PigExpr call = new PigExpr.Call(
                    f.exprFuncName().getText(),
                    f.realArg().stream().map(this::realArg).toList(),
                    span);
            return projections(call, f.projection());
        }
        if (c instanceof InvokerExprContext v) {
            List<IdentifierPlusContext> names = v.identifierPlus();
            String owner = String.join(
                    ".",
                    names.subList(0, names.size() - 1).stream()
                            .map(ParserRuleContext::getText)
                            .toList());
            List<RealArgContext> args = v.realArg();
            PigExpr target = v.AMPERSAND() == null ? realArg(args.get(0)) : null;
            List<PigExpr> arguments = args.subList(target == null ? 0 : 1, args.size()).stream()
                    .map(this::realArg)
                    .toList();
            return projections(
                    new PigExpr.Invoke(
                            target, owner, names.get(names.size() - 1).getText(), arguments, span),
                    v.projection());
        }
        if (c instanceof CaseCondExprContext k) {
            List<PigExpr.When> branches = new ArrayList<>();
            for (int i = 0; i < k.cond().size(); i++) {
                branches.add(new PigExpr.When(cond(k.cond(i)), expr(k.expr(i))));
            }
            PigExpr otherwise = k.ELSE() == null ? null : expr(k.expr(k.expr().size() - 1));
            return projections(new PigExpr.Case(null, branches, otherwise, span), k.projection());
        }
        if (c instanceof CaseValueExprContext k) {
            List<ExprContext> parts = k.expr();
            List<PigExpr.When> branches = new ArrayList<>();
            int whens = k.WHEN().size();
            for (int i = 0; i < whens; i++) {
                branches.add(new PigExpr.When(expr(parts.get(1 + 2 * i)), expr(parts.get(2 + 2 * i))));
            }
            PigExpr otherwise = k.ELSE() == null ? null : expr(parts.get(parts.size() - 1));
            return projections(new PigExpr.Case(expr(parts.get(0)), branches, otherwise, span), k.projection());
        }
        if (c instanceof ParenthesizedContext p) {
            return afterLeftParen(p.afterLeftParen(), span);
        }
        if (c instanceof BagExprContext b) {
            return projections(
                    new PigExpr.BagExpr(b.realArg().stream().map(this::realArg).toList(), span), b.projection());
        }
        if (c instanceof MapLiteralExprContext m) {
            List<PigExpr> kv = new ArrayList<>();
            m.keyValue().forEach(e -> keyValue(e, kv));
            return projections(new PigExpr.MapExpr(kv, span), m.projection());
        }
        MapExprContext m = (MapExprContext) c;
        return projections(
                new PigExpr.MapExpr(m.realArg().stream().map(this::realArg).toList(), span), m.projection());
    }

    private PigExpr afterLeftParen(AfterLeftParenContext c, SourceSpan span) {
        if (c instanceof MapCastExprContext m) {
            FieldSchema target = mapType(m.implicitMapType());
            return new PigExpr.Cast(PigType.MAP, target.fields(), castExpr(m.castExpr()), span);
        }
        if (c instanceof TypeCastExprContext t) {
            FieldSchema target = typeCast(t.explicitTypeCast());
            return new PigExpr.Cast(target.type(), target.fields(), castExpr(t.castExpr()), span);
        }
        if (c instanceof EmptyTupleExprContext t) {
            return projections(new PigExpr.TupleExpr(List.of(), span), t.projection());
        }
        if (c instanceof StarTupleExprContext t) {
            List<PigExpr> items = new ArrayList<>();
            items.add(t.STAR() != null ? new PigExpr.Star(span(t.STAR().getSymbol())) : colRange(t.colRange()));
            t.realArg().forEach(a -> items.add(realArg(a)));
            return projections(new PigExpr.TupleExpr(items, span), t.projection());
        }
        if (c instanceof TupleExprContext t) {
            List<PigExpr> items = new ArrayList<>();
            items.add(cond(t.cond()));
            t.realArg().forEach(a -> items.add(realArg(a)));
            return projections(new PigExpr.TupleExpr(items, span), t.projection());
        }
        if (c instanceof BincondExprContext b) {
            return new PigExpr.Bincond(cond(b.cond()), expr(b.expr(0)), expr(b.expr(1)), span);
        }
        // A literal alone in parentheses is a one-field tuple, as in Pig.
        PigExpr inner = cond(((ParenExprContext) c).cond());
        return inner instanceof PigExpr.Literal ? new PigExpr.TupleExpr(List.of(inner), span) : inner;
    }

    private void keyValue(KeyValueContext kv, List<PigExpr> out) {
        out.add(new PigExpr.Literal(unquote(kv.STRING()), PigType.CHARARRAY, span(kv)));
        out.add(literal(kv.literal()));
    }

    private PigExpr literal(LiteralContext l) {
        SourceSpan span = span(l);
        if (l.scalar() != null) {
            return scalar(l.scalar(), span);
        }
        if (l.MINUS() != null) {
            return negate(
                    number(
                            l.getChild(1).getText(),
                            ((TerminalNode) l.getChild(1)).getSymbol().getType(),
                            span),
                    span);
        }
        if (l.literalMap() != null) {
            List<PigExpr> kv = new ArrayList<>();
            l.literalMap().keyValue().forEach(e -> keyValue(e, kv));
            return new PigExpr.MapExpr(kv, span);
        }
        if (l.literalBag() != null) {
            return new PigExpr.BagExpr(
                    l.literalBag().literalTuple().stream()
                            .map(this::literalTuple)
                            .toList(),
                    span);
        }
        return literalTuple(l.literalTuple());
    }

    private PigExpr literalTuple(LiteralTupleContext t) {
        return new PigExpr.TupleExpr(t.literal().stream().map(this::literal).toList(), span(t));
    }

    private PigExpr projections(PigExpr base, List<ProjectionContext> projections) {
        PigExpr result = base;
        for (ProjectionContext p : projections) {
            if (p instanceof MapLookupContext m) {
                result = new PigExpr.MapLookup(result, m.STRING() == null ? null : unquote(m.STRING()), span(p));
            } else {
                DotProjectionContext d = (DotProjectionContext) p;
                result =
                        projection(result, d.colRef().stream().map(this::colRef).toList(), span(p));
            }
        }
        return result;
    }

    private static PigExpr projection(PigExpr base, List<PigExpr> columns, SourceSpan span) {
        if (columns.size() == 1 && columns.get(0) instanceof PigExpr.FieldRef f && f.qualifier() == null) {
            return new PigExpr.Dereference(base, f.name(), span);
        }
        return new PigExpr.Projection(base, columns, span);
    }

    private PigExpr colRef(ColRefContext c) {
        if (c.identifierPlus() != null) {
            return named(c.identifierPlus().getText(), span(c));
        }
        return colRefWithoutIdentifier(c.colRefWithoutIdentifier());
    }

    private PigExpr colRefWithoutIdentifier(ColRefWithoutIdentifierContext c) {
        SourceSpan span = span(c);
        if (c.GROUP() != null) {
            return new PigExpr.FieldRef(null, c.getText(), span);
        }
        if (c.PARAM() != null) {
            return new PigExpr.Param(paramName(c.getText()), span);
        }
        String digits = c.getText().substring(1);
        try {
            return new PigExpr.PositionalRef(Integer.parseInt(digits), span);
        } catch (NumberFormatException tooBig) {
            diagnostics.report(DiagnosticCode.PIG_E001, span, "column index " + c.getText() + " is too large");
            return new PigExpr.PositionalRef(Integer.MAX_VALUE, span);
        }
    }

    private static PigExpr named(String text, SourceSpan span) {
        int split = text.lastIndexOf("::");
        return split < 0
                ? new PigExpr.FieldRef(null, text, span)
                : new PigExpr.FieldRef(text.substring(0, split), text.substring(split + 2), span);
    }

    private PigExpr colRange(ColRangeContext r) {
        List<ColRefContext> refs = r.colRef();
        boolean openStart = r.getStart().getType() == PigLatinParser.DOUBLE_PERIOD;
        PigExpr from = openStart ? null : colRef(refs.get(0));
        PigExpr to = openStart ? colRef(refs.get(0)) : refs.size() > 1 ? colRef(refs.get(1)) : null;
        return new PigExpr.ColumnRange(from, to, span(r));
    }

    /** {@code -5} is a negative literal, as in Pig; anything else is a negation. */
    private static PigExpr negate(PigExpr operand, SourceSpan span) {
        if (operand instanceof PigExpr.Literal lit && lit.value() instanceof Number n) {
            Object negated = n instanceof Integer i
                    ? (Object) (-i)
                    : n instanceof Long l
                            ? (Object) (-l)
                            : n instanceof Float f
                                    ? (Object) (-f)
                                    : n instanceof Double d
                                            ? (Object) (-d)
                                            : n instanceof BigInteger b
                                                    ? b.negate()
                                                    : n instanceof BigDecimal b ? b.negate() : null;
            if (negated != null) {
                return new PigExpr.Literal(negated, lit.type(), span);
            }
        }
        return new PigExpr.Negate(operand, span);
    }

    private PigExpr scalar(ScalarContext s, SourceSpan span) {
        Token token = s.getStart();
        return switch (token.getType()) {
            case PigLatinParser.STRING ->
                new PigExpr.Literal(PigStrings.unquoteKeepingDollarEscapes(token.getText()), PigType.CHARARRAY, span);
            case PigLatinParser.TRUE -> new PigExpr.Literal(true, PigType.BOOLEAN, span);
            case PigLatinParser.FALSE -> new PigExpr.Literal(false, PigType.BOOLEAN, span);
            case PigLatinParser.NULL -> new PigExpr.Literal(null, null, span);
            default -> number(token.getText(), token.getType(), span);
        };
    }

    private PigExpr number(String text, int type, SourceSpan span) {
        try {
            return switch (type) {
                case PigLatinParser.INTEGER -> integer(text, span);
                case PigLatinParser.LONGINTEGER ->
                    new PigExpr.Literal(Long.parseLong(text.substring(0, text.length() - 1)), PigType.LONG, span);
                case PigLatinParser.FLOATNUMBER ->
                    new PigExpr.Literal(Float.parseFloat(text.substring(0, text.length() - 1)), PigType.FLOAT, span);
                // 123BI, 1.5BD: Pig's BigInteger and BigDecimal constants (the text before the suffix)
                case PigLatinParser.BIGINTEGERNUMBER ->
                    new PigExpr.Literal(new BigInteger(text.substring(0, text.length() - 2)), PigType.BIGINTEGER, span);
                case PigLatinParser.BIGDECIMALNUMBER ->
                    new PigExpr.Literal(new BigDecimal(text.substring(0, text.length() - 2)), PigType.BIGDECIMAL, span);
                default -> new PigExpr.Literal(Double.parseDouble(text), PigType.DOUBLE, span);
            };
        } catch (NumberFormatException e) {
            diagnostics.report(DiagnosticCode.PIG_E001, span, "number " + text + " is out of range", "");
            return new PigExpr.Literal(null, null, span);
        }
    }

    /** An integer literal too large for an int is an error in Pig (a long needs the L suffix). */
    private PigExpr integer(String text, SourceSpan span) {
        try {
            return new PigExpr.Literal(Integer.parseInt(text), PigType.INT, span);
        } catch (NumberFormatException tooBig) {
            diagnostics.report(
                    DiagnosticCode.PIG_E001,
                    span,
                    "integer " + text + " does not fit in an int",
                    "write " + text + "L for a long");
            return new PigExpr.Literal(null, null, span);
        }
    }

    // ------------------------------------------------------------ aliases, text, spans

    private String use(IdentifierPlusContext id) {
        return use(id.getText(), span(id));
    }

    private String use(String alias, SourceSpan span) {
        if (!defined.contains(alias) && !aliasesFromElsewhere) {
            String suggestion = DidYouMean.hint(alias, defined);
            diagnostics.report(
                    DiagnosticCode.PIG_E010,
                    span,
                    "unknown alias '" + alias + "'" + (suggestion.isEmpty() ? "" : " (" + suggestion + ")"),
                    "an alias must be assigned before it is used; aliases are case-sensitive");
        }
        return alias;
    }

    static String paramName(String token) {
        return token.startsWith("${") ? token.substring(2, token.length() - 1) : token.substring(1);
    }

    private static String unquote(TerminalNode node) {
        return PigStrings.unquote(node.getText());
    }

    /** A literal the translator binds parameters in (paths, values): {@code \$} stays escaped for it. */
    private static String unquoteKeepingDollarEscapes(TerminalNode node) {
        return PigStrings.unquoteKeepingDollarEscapes(node.getText());
    }

    private static String stripBackticks(String text) {
        return text.substring(1, text.length() - 1);
    }

    private static String originalText(ParserRuleContext ctx) {
        Token start = ctx.getStart();
        Token stop = ctx.getStop();
        return start.getInputStream().getText(Interval.of(start.getStartIndex(), stop.getStopIndex()));
    }

    private SourceSpan span(ParserRuleContext ctx) {
        return span(ctx.getStart());
    }

    private SourceSpan span(Token token) {
        return SourceSpan.of(file, token.getLine(), token.getCharPositionInLine() + 1);
    }
}
