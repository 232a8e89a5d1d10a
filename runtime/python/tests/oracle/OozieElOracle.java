import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.oozie.util.ELEvaluator;

/**
 * Real Oozie's EL evaluation as an oracle for test_el_oracle.py: reads one EL template a line on stdin, prints
 * for each "OK\t" + the value Oozie would write into the action XML (ELEvaluator.evaluate(el, String.class))
 * or "ERROR\t" + the exception's class. The functions are the ones oozie-default.xml declares for the
 * workflow and coord-action-start groups that do not need a running server (ELConstantsFunctions and
 * CoordELFunctions' time functions), the constants KB...PB and the variables given as name=value arguments
 * (name=@k1:v1,k2:v2 for a Map).
 * Runs on the oozie-core 5.2.1 jar from Maven Central; it is no part of Ferry.
 */
public final class OozieElOracle {

    private OozieElOracle() {}

    public static void main(String[] args) throws Exception {
        ELEvaluator.Context context = new ELEvaluator.Context();
        Class<?> basic = Class.forName("org.apache.oozie.util.ELConstantsFunctions");
        for (String name : new String[] {"firstNotNull", "concat", "replaceAll", "appendAll", "trim", "urlEncode",
                "toJsonStr", "toPropertiesStr", "toConfigurationStr"}) {
            context.addFunction("", name, method(basic, name));
        }
        Class<?> coord = Class.forName("org.apache.oozie.coord.CoordELFunctions");
        Map<String, String> coordFunctions = new LinkedHashMap<>();
        coordFunctions.put("formatTime", "ph2_coord_formatTime");
        coordFunctions.put("dateOffset", "ph2_coord_dateOffset");
        coordFunctions.put("dateTzOffset", "ph2_coord_dateTzOffset");
        coordFunctions.put("epochTime", "ph2_coord_epochTime");
        coordFunctions.put("days", "ph1_coord_days");
        coordFunctions.put("hours", "ph1_coord_hours");
        coordFunctions.put("minutes", "ph1_coord_minutes");
        coordFunctions.put("months", "ph1_coord_months");
        for (Map.Entry<String, String> f : coordFunctions.entrySet()) {
            context.addFunction("coord", f.getKey(), method(coord, f.getValue()));
        }
        for (String unit : new String[] {"KB", "MB", "GB", "TB", "PB"}) {
            context.setVariable(unit, basic.getField(unit).get(null));
        }
        for (String arg : args) {
            int eq = arg.indexOf('=');
            String value = arg.substring(eq + 1);
            context.setVariable(arg.substring(0, eq), value.startsWith("@") ? map(value.substring(1)) : value);
        }
        ELEvaluator evaluator = new ELEvaluator(context);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        StringBuilder out = new StringBuilder();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            try {
                String value = evaluator.evaluate(line, String.class);
                out.append("OK\t").append(escape(value)).append('\n');
            } catch (Throwable e) {
                Throwable root = e;
                while (root.getCause() != null && root.getCause() != root) {
                    root = root.getCause();
                }
                out.append("ERROR\t").append(root.getClass().getName()).append('\n');
            }
        }
        System.out.print(out);
        System.out.flush();
    }

    /** "k1:v1,k2:v2" as a sorted Map (what wf:actionData gives, in the order Ferry prints). */
    private static Map<String, String> map(String entries) {
        Map<String, String> map = new java.util.TreeMap<>();
        for (String entry : entries.split(",")) {
            if (!entry.isEmpty()) {
                map.put(entry.substring(0, entry.indexOf(':')), entry.substring(entry.indexOf(':') + 1));
            }
        }
        return map;
    }

    private static Method method(Class<?> owner, String name) {
        for (Method m : owner.getMethods()) {
            if (m.getName().equals(name) && Modifier.isStatic(m.getModifiers())) {
                return m;
            }
        }
        throw new IllegalArgumentException(owner.getName() + "#" + name);
    }

    /** One line per value: backslash, newline, CR and tab escaped. */
    private static String escape(String value) {
        if (value == null) {
            return "\\0";
        }
        return value.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
    }
}
