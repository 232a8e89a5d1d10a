package dev.ferry.translator.el;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ferry.translator.el.ElFunctionTable.ElFunction;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The table the translator shares with the runtime (ferry_runtime/el/functions.tsv), as the translator reads it. */
class ElFunctionTableTest {

    @Test
    void rowsAreTabSeparatedAfterCommentsAndTheHeader() {
        String table = """
                # comment
                oozie\tpython\tarity\ttype\tcaveat\tnote
                wf:run\twf.run\t0\tLONG\t\ttimes the DAG run was cleared
                hadoop:counters\thadoop.counters\t1\tCOUNTER_GROUPS\tno counters here\t{}
                """;
        assertEquals(
                List.of(
                        new ElFunction("wf:run", "wf.run", 0, ElType.LONG, null),
                        new ElFunction(
                                "hadoop:counters", "hadoop.counters", 1, ElType.COUNTER_GROUPS, "no counters here")),
                ElFunctionTable.parse(table));
    }

    @Test
    void aRowWithoutSixCellsIsRefused() {
        assertThrows(
                IllegalStateException.class,
                () -> ElFunctionTable.parse("oozie\tpython\tarity\ttype\tcaveat\tnote\nwf:run\twf.run\t0\n"));
    }

    @Test
    void theBundledTableIsTheRuntimes() {
        // Rows of the runtime's table as the generated DAGs call them.
        assertEquals(
                Optional.of(new ElFunction("wf:errorMessage", "wf.error_message", 1, ElType.STRING, null)),
                ElFunctionTable.function("wf:errorMessage"));
        assertEquals(
                Optional.of(new ElFunction("coord:dateOffset", "coord.date_offset", 3, ElType.STRING, null)),
                ElFunctionTable.function("coord:dateOffset"));
        assertEquals(Optional.empty(), ElFunctionTable.function("empty"));
    }
}
