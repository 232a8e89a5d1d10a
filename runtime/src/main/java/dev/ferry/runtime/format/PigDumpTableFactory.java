package dev.ferry.runtime.format;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.Set;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.table.connector.ChangelogMode;
import org.apache.flink.table.connector.sink.DynamicTableSink;
import org.apache.flink.table.connector.sink.SinkV2Provider;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.factories.DynamicTableSinkFactory;
import org.apache.flink.table.factories.FactoryUtil;
import org.apache.flink.table.types.logical.RowType;

/**
 * The {@code pig-dump} connector: a sink printing each row to stdout as Pig's {@code DUMP} does ({@code
 * TupleFormat.format}): {@code (f1,f2,...)}, each field in Pig's text form ({@link PigTextWriter}), null as nothing.
 *
 * <pre>{@code
 * CREATE TEMPORARY TABLE totals_dump (...) WITH ('connector' = 'pig-dump')
 * }</pre>
 *
 * <p>It runs as one task, so an ORDERed relation prints in order, and prints its lines together when its input ends,
 * so the lines of two DUMPs of one job do not interleave. It has no path: the job runner neither checks nor marks an
 * output directory for it.
 */
public final class PigDumpTableFactory implements DynamicTableSinkFactory {

    public static final String IDENTIFIER = "pig-dump";

    @Override
    public String factoryIdentifier() {
        return IDENTIFIER;
    }

    @Override
    public Set<ConfigOption<?>> requiredOptions() {
        return Set.of();
    }

    @Override
    public Set<ConfigOption<?>> optionalOptions() {
        return Set.of();
    }

    @Override
    public DynamicTableSink createDynamicTableSink(Context context) {
        FactoryUtil.createTableFactoryHelper(this, context).validate();
        RowType rowType = (RowType) context.getPhysicalRowDataType().getLogicalType();
        return new DumpSink(PigStorageFormatFactory.writers(rowType));
    }

    private static final class DumpSink implements DynamicTableSink {

        private final PigTextWriter[] writers;

        DumpSink(PigTextWriter[] writers) {
            this.writers = writers;
        }

        @Override
        public ChangelogMode getChangelogMode(ChangelogMode requestedMode) {
            return ChangelogMode.insertOnly();
        }

        @Override
        public SinkRuntimeProvider getSinkRuntimeProvider(Context context) {
            return SinkV2Provider.of(new DumpLines(new PigStorageSerializationSchema((byte) ',', writers)), 1);
        }

        @Override
        public DynamicTableSink copy() {
            return new DumpSink(writers);
        }

        @Override
        public String asSummaryString() {
            return IDENTIFIER;
        }
    }

    /** Pig's DUMP lines of one relation, printed to stdout at once when the input ends. */
    static final class DumpLines implements Sink<RowData> {

        private static final long serialVersionUID = 1L;

        private final PigStorageSerializationSchema fields;

        DumpLines(PigStorageSerializationSchema fields) {
            this.fields = fields;
        }

        @Override
        public SinkWriter<RowData> createWriter(WriterInitContext context) {
            return new Writer(fields, System.out);
        }

        /** Buffers the lines; a job that fails prints none of them. */
        static final class Writer implements SinkWriter<RowData> {

            private final PigStorageSerializationSchema fields;
            private final PrintStream out;
            private final ByteArrayOutputStream lines = new ByteArrayOutputStream();

            Writer(PigStorageSerializationSchema fields, PrintStream out) {
                this.fields = fields;
                this.out = out;
            }

            @Override
            public void write(RowData row, Context context) {
                // TupleFormat.format: the fields as PigStorage(',') writes them, in parentheses.
                lines.write('(');
                lines.writeBytes(fields.serialize(row));
                lines.write(')');
                lines.write('\n');
            }

            @Override
            public void flush(boolean endOfInput) {
                if (endOfInput && lines.size() > 0) {
                    // One write: another DUMP's lines, printed by another task, come before or after these.
                    out.write(lines.toByteArray(), 0, lines.size());
                    out.flush();
                    lines.reset();
                }
            }

            @Override
            public void close() {}
        }
    }
}
