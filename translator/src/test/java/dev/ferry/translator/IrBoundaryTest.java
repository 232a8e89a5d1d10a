package dev.ferry.translator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.ferry.translator.sql.SqlJob;
import dev.ferry.translator.workflow.WorkflowPlan;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The IR — every Ferry type reachable from {@link WorkflowPlan} and {@link SqlJob} through record components,
 * type arguments, nested types and sealed subtypes — depends on nothing of the parser but source spans and
 * diagnostics: the generator reads it without knowing how Oozie or Pig was parsed.
 */
class IrBoundaryTest {

    /** The IR's class names, found from its roots. */
    static Set<String> irClasses() {
        Set<String> seen = new TreeSet<>();
        Deque<Class<?>> todo = new ArrayDeque<>(java.util.List.of(WorkflowPlan.class, SqlJob.class));
        while (!todo.isEmpty()) {
            Class<?> type = todo.poll();
            if (!type.getName().startsWith("dev.ferry.translator.") || !seen.add(type.getName())) {
                continue;
            }
            if (type.isRecord()) {
                for (RecordComponent component : type.getRecordComponents()) {
                    add(component.getGenericType(), todo);
                }
            }
            if (type.isSealed()) {
                todo.addAll(java.util.List.of(type.getPermittedSubclasses()));
            }
            todo.addAll(java.util.List.of(type.getDeclaredClasses()));
        }
        return seen;
    }

    private static void add(Type type, Deque<Class<?>> todo) {
        if (type instanceof Class<?> c) {
            todo.add(c.isArray() ? c.getComponentType() : c);
        } else if (type instanceof ParameterizedType p) {
            add(p.getRawType(), todo);
            for (Type argument : p.getActualTypeArguments()) {
                add(argument, todo);
            }
        }
    }

    @Test
    void irDependsOnNoParserClassButSpansAndDiagnostics() {
        Set<String> ir = irClasses();
        // The roots' reach is wide (tasks, schedule, datasets, SLAs, the SQL plan), not a class or two.
        assertTrue(ir.size() > 40, ir.toString());
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.ferry.translator");
        noClasses()
                .that(DescribedPredicate.describe("are in the IR", (JavaClass c) -> ir.contains(c.getName())))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.ferry.parser..")
                .because("the IR carries source spans and diagnostics only (dev.ferry.diagnostics)")
                .check(classes);
    }
}
