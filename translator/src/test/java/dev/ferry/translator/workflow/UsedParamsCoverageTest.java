package dev.ferry.translator.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.translator.el.RuntimeExpr;
import dev.ferry.translator.el.Template;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@link UsedParams} walks the plan by hand, so a template field it forgets would trim a param the DAG reads (and
 * wf.conf would print '' at run time). This test builds a plan with every record of the IR filled in, each
 * template and expression reading a property of its own, every task kind present, and checks that the walk finds
 * every one of those properties: a template field added to the IR fails it until the walk visits it.
 */
class UsedParamsCoverageTest {

    private final Set<String> written = new TreeSet<>();
    private int next;

    @Test
    void theWalkReadsEveryTemplateOfEveryTaskKindAndOfThePlan() throws ReflectiveOperationException {
        WorkflowPlan plan = (WorkflowPlan) build(WorkflowPlan.class, 0);
        Set<Class<?>> kinds = new TreeSet<>((a, b) -> a.getName().compareTo(b.getName()));
        plan.tasks().forEach(t -> kinds.add(t.getClass()));
        assertEquals(TaskNode.class.getPermittedSubclasses().length, kinds.size(), "every task kind is in the plan");
        assertTrue(written.size() > 40, "the plan holds templates everywhere: " + written);

        Set<String> missed = new TreeSet<>(written);
        missed.removeAll(UsedParams.reads(plan).names());
        assertEquals(Set.of(), missed, "properties in templates the walk does not visit");
    }

    /** A value of {@code type}: IR records filled in, a fresh property per template or expression. */
    private Object build(Type type, int depth) throws ReflectiveOperationException {
        if (type instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            Type[] arguments = p.getActualTypeArguments();
            if (List.class.isAssignableFrom(raw)) {
                return list(arguments[0], depth);
            }
            if (java.util.Map.class.isAssignableFrom(raw)) {
                TreeMap<String, Object> map = new TreeMap<>();
                for (Object value : list(arguments[1], depth)) {
                    map.put("k" + next++, value);
                }
                return map;
            }
            return null;
        }
        Class<?> c = (Class<?>) type;
        if (c == Template.class) {
            return Template.of(property());
        }
        if (c == RuntimeExpr.class) {
            return property();
        }
        if (c == String.class) {
            return "s";
        }
        if (c == int.class || c == Integer.class) {
            return 1;
        }
        if (c == boolean.class || c == Boolean.class) {
            return false;
        }
        if (c == double.class || c == Double.class) {
            return 1.0;
        }
        if (c == Instant.class) {
            return Instant.EPOCH;
        }
        if (c.isEnum()) {
            return c.getEnumConstants()[0];
        }
        if (!c.getPackageName().equals(WorkflowPlan.class.getPackageName())) {
            return null; // source spans, the SQL plan: no templates there
        }
        if (c.isSealed()) {
            return build(c.getPermittedSubclasses()[0], depth + 1);
        }
        if (c.isRecord()) {
            RecordComponent[] components = c.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            Object[] values = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = build(components[i].getGenericType(), depth + 1);
            }
            Constructor<?> canonical = c.getDeclaredConstructor(types);
            return canonical.newInstance(values);
        }
        return null;
    }

    /** One element, or one of each kind for a sealed element type; none below a depth (recursive nodes). */
    private List<Object> list(Type element, int depth) throws ReflectiveOperationException {
        List<Object> values = new ArrayList<>();
        if (depth > 8) {
            return values;
        }
        if (element instanceof Class<?> c && c.isSealed() && c != RuntimeExpr.class) {
            for (Class<?> kind : c.getPermittedSubclasses()) {
                values.add(build(kind, depth + 1));
            }
        } else {
            values.add(build(element, depth + 1));
        }
        return values;
    }

    private RuntimeExpr property() {
        String name = "p" + next++;
        written.add(name);
        return new RuntimeExpr.Property(name);
    }
}
