package dev.ferry.parser.oozie;

import dev.ferry.diagnostics.SourceSpan;
import java.util.List;

/** An {@code <fs>} action: HDFS operations run in document order. */
public record FsAction(
        SourceSpan span,
        String nameNode,
        List<FsOperation> operations,
        List<String> jobXml,
        List<ConfigProperty> configuration)
        implements Action {

    public FsAction {
        operations = List.copyOf(operations);
        jobXml = List.copyOf(jobXml);
        configuration = List.copyOf(configuration);
    }

    @Override
    public String type() {
        return "fs";
    }
}
