package dev.ferry.parser.pig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.diagnostics.Diagnostic;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.parser.pig.PigExpr.BinaryOp;
import dev.ferry.parser.pig.PigRelation.NestedOp;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What the AST says for each construct: one Pig snippet, the nodes it must become. */
class PigAstTest {

    private static final String LOAD =
            "A = load 'in' as (a:int, b:chararray, c:double);\nB = load 'in2' as (a:int, d:long);\n";

    private static PigScript parse(String script) {
        Diagnostics d = new Diagnostics();
        return PigParser.parse(script, "t.pig", d)
                .orElseThrow(() -> new AssertionError(
                        d.sorted().stream().map(Diagnostic::format).toList()));
    }

    /** The relation assigned to {@code alias}. */
    private static PigRelation rel(String body, String alias) {
        return parse(LOAD + body).statements().stream()
                .filter(s -> s instanceof PigStatement.Assign a && a.alias().equals(alias))
                .map(s -> ((PigStatement.Assign) s).relation())
                .findFirst()
                .orElseThrow();
    }

    /** The expression of the first GENERATE item of {@code X = foreach A generate <expr>;}. */
    private static PigExpr gen(String expr) {
        return ((PigRelation.Foreach) rel("X = foreach A generate " + expr + ";", "X"))
                .items()
                .get(0)
                .expr();
    }

    @Test
    void joinTypesStrategiesAndMultiWay() {
        PigRelation.Join left = (PigRelation.Join) rel("X = join A by a left outer, B by a using 'replicated';", "X");
        assertEquals(PigRelation.JoinType.LEFT, left.type());
        assertEquals("replicated", left.strategy());
        assertEquals(List.of("A", "B"), left.inputs());
        PigRelation.Join three = (PigRelation.Join)
                rel("C = load 'c' as (a:int);\nX = join A by (a, b), B by (a, d), C by (a, a);", "X");
        assertEquals(PigRelation.JoinType.INNER, three.type());
        assertEquals(3, three.joinInputs().size());
        assertEquals(2, three.joinInputs().get(0).keys().size(), "BY (a, b) is two keys");
        assertEquals(
                "skewed", ((PigRelation.Join) rel("X = join A by a full, B by a using 'skewed';", "X")).strategy());
    }

    @Test
    void groupAllAndCogroupWithOptions() {
        PigRelation.Group all = (PigRelation.Group) rel("X = group A all;", "X");
        assertTrue(all.all());
        assertEquals(List.of(), all.keys());
        PigRelation.Cogroup co = (PigRelation.Cogroup)
                rel("X = cogroup A by a inner, B by a outer using 'merge' partition by org.P;", "X");
        assertEquals(List.of("A", "B"), co.inputs());
        assertTrue(co.groupInputs().get(0).inner());
        assertEquals("merge", co.strategy());
        assertEquals("org.P", co.partitioner());
    }

    @Test
    void nestedForeachKeepsEveryCommand() {
        PigRelation.NestedForeach f = (PigRelation.NestedForeach) rel("""
                G = group A by b;
                X = foreach G {
                    s = A.a;
                    f = filter A by a > 1;
                    o = order f by c desc;
                    l = limit o 2;
                    d = distinct s;
                    x = cross s, d;
                    e = foreach x generate $0;
                    generate group, COUNT(d);
                }
                """, "X");
        assertEquals(
                List.of("s", "f", "o", "l", "d", "x", "e"),
                f.commands().stream().map(PigRelation.NestedCommand::alias).toList());
        assertEquals(
                List.of(
                        NestedOp.Assign.class,
                        NestedOp.Filter.class,
                        NestedOp.Order.class,
                        NestedOp.Limit.class,
                        NestedOp.Distinct.class,
                        NestedOp.Cross.class,
                        NestedOp.Foreach.class),
                f.commands().stream().map(c -> c.op().getClass()).toList());
        assertTrue(((NestedOp.Order) f.commands().get(2).op()).keys().get(0).descending());
        assertEquals(2, f.items().size());
    }

    @Test
    void splitWithOtherwiseDefinesItsBranches() {
        PigScript s = parse(LOAD + "split A into P if a > 0, N if a < 0, Z otherwise;\nstore Z into 'z';\n");
        PigStatement.Split split = (PigStatement.Split) s.statements().get(2);
        assertEquals("A", split.input());
        assertEquals(
                List.of("P", "N"),
                split.branches().stream().map(PigStatement.SplitBranch::alias).toList());
        assertEquals("Z", split.otherwise());
    }

    @Test
    void orderRankCubeUnionCrossSampleLimit() {
        PigRelation.Order o = (PigRelation.Order) rel("X = order A by a desc, b;", "X");
        assertEquals(
                List.of(true, false),
                o.keys().stream().map(PigRelation.OrderKey::descending).toList());
        assertInstanceOf(
                PigExpr.Star.class,
                ((PigRelation.Order) rel("X = order A by * desc;", "X"))
                        .keys()
                        .get(0)
                        .expr());
        PigRelation.Rank r = (PigRelation.Rank) rel("X = rank A by a desc dense;", "X");
        assertTrue(r.dense());
        assertEquals(1, r.keys().size());
        PigRelation.Cube c = (PigRelation.Cube) rel("X = cube A by cube(a, b), rollup(c);", "X");
        assertEquals(
                List.of(false, true),
                c.dimensions().stream().map(PigRelation.CubeDimensions::rollup).toList());
        assertTrue(((PigRelation.Union) rel("X = union onschema A, B;", "X")).onSchema());
        assertEquals(List.of("A", "B"), ((PigRelation.Cross) rel("X = cross A, B;", "X")).inputs());
        assertEquals(
                0.25, ((PigExpr.Literal) ((PigRelation.Sample) rel("X = sample A 0.25;", "X")).fraction()).value());
        assertInstanceOf(PigExpr.Binary.class, ((PigRelation.Limit) rel("X = limit A 1 + 2;", "X")).count());
    }

    @Test
    void streamingDefineAndStream() {
        PigScript s = parse(
                LOAD + "DEFINE t `tr a b` input(stdin using PigStreaming(',')) ship('t.sh') stderr('e' limit 5);\n"
                        + "X = stream A through t as (y:chararray);\n");
        PigStatement.DefineCommand d =
                (PigStatement.DefineCommand) s.statements().get(2);
        assertEquals("tr a b", d.command());
        assertEquals(List.of("t.sh"), d.ship());
        assertEquals("stdin", d.input().get(0).target());
        assertEquals(List.of(","), d.input().get(0).serializer().arguments());
        assertEquals(5, d.stderrLimit());
        PigRelation.Stream st =
                (PigRelation.Stream) ((PigStatement.Assign) s.statements().get(3)).relation();
        assertEquals("t", st.defined());
        assertEquals("y", st.schema().get(0).name());
    }

    @Test
    void complexSchemas() {
        PigRelation.Load l = (PigRelation.Load)
                parse("A = load 'x' as (t:tuple(p:int), b:bag{r:(q:long)}, m:map[chararray], int);")
                        .statements()
                        .stream()
                        .map(s -> ((PigStatement.Assign) s).relation())
                        .findFirst()
                        .orElseThrow();
        assertEquals(
                List.of(PigType.TUPLE, PigType.BAG, PigType.MAP, PigType.INT),
                l.schema().stream().map(FieldSchema::type).toList());
        FieldSchema bag = l.schema().get(1);
        assertEquals("r", bag.fields().get(0).name());
        assertEquals(PigType.LONG, bag.fields().get(0).fields().get(0).type());
        assertEquals(PigType.CHARARRAY, l.schema().get(2).fields().get(0).type());
        assertNull(l.schema().get(3).name(), "a type without a name");
    }

    @Test
    void expressions() {
        PigExpr.Bincond bincond = (PigExpr.Bincond) gen("(a > 1 ? b : 'x')");
        assertEquals(BinaryOp.GT, ((PigExpr.Binary) bincond.condition()).op());
        PigExpr.Case kase = (PigExpr.Case) gen("(CASE a WHEN 1 THEN 'one' ELSE 'many' END)");
        assertEquals(1, kase.branches().size());
        assertInstanceOf(PigExpr.Literal.class, kase.otherwise());
        PigExpr.Cast cast = (PigExpr.Cast) gen("(bag{tuple(int,chararray)})b");
        assertEquals(PigType.BAG, cast.type());
        assertEquals(
                List.of(PigType.INT, PigType.CHARARRAY),
                cast.schema().get(0).fields().stream().map(FieldSchema::type).toList());
        assertEquals(3, ((PigExpr.PositionalRef) gen("$3")).index());
        PigExpr.ColumnRange range = (PigExpr.ColumnRange) gen("$1..$2");
        assertEquals(1, ((PigExpr.PositionalRef) range.from()).index());
        assertNull(((PigExpr.ColumnRange) gen("b..")).to());
        PigExpr.MapLookup lookup = (PigExpr.MapLookup) gen("b#'k'");
        assertEquals("k", lookup.key());
        assertEquals(-5, ((PigExpr.Literal) gen("-5")).value());
        // Pig's BigInteger and BigDecimal constants, the suffix in either case; the scale is kept (1.50BD)
        assertEquals(
                List.of(
                        new BigInteger("12345678901234567890123"),
                        new BigInteger("-7"),
                        new BigDecimal("1.50"),
                        new BigDecimal("-1E+3")),
                Stream.of("12345678901234567890123BI", "-7bi", "1.50BD", "-1e3bd")
                        .map(text -> ((PigExpr.Literal) gen(text)).value())
                        .toList());
        assertEquals(PigType.BIGDECIMAL, ((PigExpr.Literal) gen("1.5BD")).type());
        assertEquals(
                List.of(PigExpr.Literal.class, PigExpr.Literal.class),
                ((PigExpr.TupleExpr) gen("(1, 'x')"))
                        .items().stream().map(Object::getClass).toList());
        assertEquals(
                4, ((PigExpr.MapExpr) gen("['k'#1, 'j'#2]")).keysAndValues().size());
        assertInstanceOf(PigExpr.BagExpr.class, gen("{(a), (b)}"));
        assertEquals(
                BinaryOp.MULTIPLY,
                ((PigExpr.Binary) ((PigExpr.Binary) gen("a + b * c")).right()).op(),
                "* binds tighter");
    }

    @Test
    void invokeCallsJavaMethods() {
        PigExpr.Invoke stat = (PigExpr.Invoke) gen("INVOKE&java.lang.Math.abs(a)");
        assertEquals(
                "java.lang.Math.abs/1 static",
                stat.owner() + "." + stat.method() + "/" + stat.arguments().size()
                        + (stat.target() == null ? " static" : ""));
        PigExpr.Invoke inst = (PigExpr.Invoke) gen("INVOKE(b)toUpperCase()");
        assertEquals("", inst.owner());
        assertEquals("b", ((PigExpr.FieldRef) inst.target()).name());
        assertEquals(List.of(), inst.arguments());
    }

    @Test
    void typeNamesNameFieldsWhenATypeFollows() {
        PigScript s = parse("A = load 'x' as (datetime:chararray, int:int, map:map[], long);\n"
                + "B = foreach A generate $0 as (bag:chararray), $1 as tuple:int;\n");
        PigRelation.Load l =
                (PigRelation.Load) ((PigStatement.Assign) s.statements().get(0)).relation();
        assertEquals(
                Arrays.asList("datetime", "int", "map", null),
                l.schema().stream().map(FieldSchema::name).toList());
        assertEquals(
                List.of(PigType.CHARARRAY, PigType.INT, PigType.MAP, PigType.LONG),
                l.schema().stream().map(FieldSchema::type).toList());
        PigRelation.Foreach b =
                (PigRelation.Foreach) ((PigStatement.Assign) s.statements().get(1)).relation();
        assertEquals(
                List.of("bag", "tuple"),
                b.items().stream().map(i -> i.names().get(0).name()).toList());
    }

    @Test
    void dumpOfThePreviousRelation() {
        PigScript s = parse(LOAD + "X = filter @ by a > 0;\ndump @;\ndescribe @;\n");
        assertEquals(
                List.of("X", "X"),
                s.statements().stream()
                        .filter(PigStatement.Command.class::isInstance)
                        .map(c -> ((PigStatement.Command) c).argument())
                        .toList());
    }

    @Test
    void previousRelation() {
        PigScript s = parse(LOAD + "X = filter @ by a > 0;\nY = foreach @ generate a;\n");
        assertEquals(
                "B", ((PigRelation.Filter) ((PigStatement.Assign) s.statements().get(2)).relation()).input());
        assertEquals(
                "X",
                ((PigRelation.Foreach) ((PigStatement.Assign) s.statements().get(3)).relation()).input());
    }

    @Test
    void conditions() {
        PigRelation.Filter f =
                (PigRelation.Filter) rel("X = filter A by a in (1, 2) and not b is null or b matches 'x.*';", "X");
        PigExpr.Binary or = (PigExpr.Binary) f.condition();
        assertEquals(BinaryOp.OR, or.op());
        PigExpr.Binary and = (PigExpr.Binary) or.left();
        assertEquals(2, ((PigExpr.In) and.left()).values().size());
        assertInstanceOf(PigExpr.Not.class, and.right());
        assertEquals("x.*", ((PigExpr.Matches) or.right()).regex());
        PigRelation.Filter str = (PigRelation.Filter) rel("X = filter A by b eq 'x';", "X");
        assertEquals(BinaryOp.EQ, ((PigExpr.Binary) str.condition()).op());
    }

    @Test
    void disambiguatedAndProjectedFields() {
        PigRelation.Foreach f =
                (PigRelation.Foreach) rel("J = join A by a, B by a;\nX = foreach J generate A::a, B::d;", "X");
        PigExpr.FieldRef ref = (PigExpr.FieldRef) f.items().get(0).expr();
        assertEquals("A", ref.qualifier());
        assertEquals("a", ref.name());
        PigExpr.Projection p = (PigExpr.Projection)
                ((PigRelation.Foreach) rel("G = group A by b;\nX = foreach G generate A.(a, c);", "X"))
                        .items()
                        .get(0)
                        .expr();
        assertEquals(2, p.columns().size());
    }

    @Test
    void inlineOperatorsBecomeTheirOwnAssignments() {
        PigScript s = parse(LOAD + "X = foreach (filter A by a > 0) generate b;\n");
        PigStatement.Assign inline = (PigStatement.Assign) s.statements().get(2);
        assertTrue(inline.alias().startsWith("__inline_"));
        assertInstanceOf(PigRelation.Filter.class, inline.relation());
        assertEquals(
                inline.alias(),
                ((PigRelation.Foreach) ((PigStatement.Assign) s.statements().get(3)).relation()).input());
    }

    @Test
    void gruntCommandsAndPreprocessorLinesAreKept() {
        PigScript s = parse("%default DAY '2026-01-01'\nregister 'udfs.jar' using jython as f\nset job.name 'x';\n"
                + "A = load '$DAY';\nfs -ls /tmp;\nDump A;\n");
        assertEquals(
                "DAY=2026-01-01",
                s.defaults().get(0).name() + "=" + s.defaults().get(0).value());
        assertEquals(
                List.of("REGISTER", "SET", "FS", "DUMP"),
                s.statements().stream()
                        .filter(PigStatement.Command.class::isInstance)
                        .map(c -> ((PigStatement.Command) c).keyword())
                        .toList());
        assertEquals(
                "A", ((PigStatement.Command) s.statements().get(s.statements().size() - 1)).argument());
    }

    /**
     * Pig reads a Grunt word followed by '=' as an alias, at the top and inside a nested block (each word checked with
     * real Pig's -check; valid/grunt_words_as_aliases.pig is checked in PigAgreementTest). REGISTER is not one of them.
     */
    @Test
    void gruntWordsFollowedByEqualsAreAliases() {
        for (String word : List.of(
                "cat",
                "cd",
                "cp",
                "copyfromlocal",
                "copytolocal",
                "dump",
                "describe",
                "explain",
                "illustrate",
                "aliases",
                "kill",
                "ls",
                "mkdir",
                "mv",
                "pwd",
                "quit",
                "rm",
                "rmf",
                "run",
                "exec",
                "set",
                "help",
                "history",
                "clear",
                "fs",
                "sh")) {
            PigScript s = parse(word + " = load 'x' as (n:int, g:chararray);\ng = group " + word + " by g;\n"
                    + "r = foreach g {\n  " + word + "  = filter " + word + " by n > 1;\n  " + word + "2 = " + word
                    + ".n;\n"
                    + "  generate group, SUM(" + word + "2);\n};\n");
            assertEquals(word, ((PigStatement.Assign) s.statements().get(0)).alias());
            PigRelation.NestedForeach nested = (PigRelation.NestedForeach)
                    ((PigStatement.Assign) s.statements().get(2)).relation();
            assertEquals(
                    List.of(word, word + "2"),
                    nested.commands().stream()
                            .map(PigRelation.NestedCommand::alias)
                            .toList());
            assertInstanceOf(NestedOp.Filter.class, nested.commands().get(0).op());
        }
        // Still a command: a Grunt word followed by its arguments.
        assertInstanceOf(
                PigStatement.Command.class, parse("cp a b;\n").statements().get(0));
    }

    @Test
    void severalErrorsInOneRun() {
        Diagnostics d = new Diagnostics();
        assertTrue(PigParser.parse(
                        "A = load 'x';\nB = filter A by ;\nC = foreach Q generate $0;\nD = filter A by $0 >;\n",
                        "t.pig",
                        d)
                .isEmpty());
        assertTrue(
                d.size() >= 2,
                d.sorted().stream().map(Diagnostic::format).toList().toString());
        assertEquals(
                List.of(2, 4),
                d.sorted().stream().map(x -> x.span().line()).distinct().toList());
    }
}
