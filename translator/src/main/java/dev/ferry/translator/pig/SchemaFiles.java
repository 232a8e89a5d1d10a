package dev.ferry.translator.pig;

import dev.ferry.diagnostics.SourceSpan;
import dev.ferry.parser.pig.FieldSchema;
import dev.ferry.parser.pig.PigSchemaFile;
import dev.ferry.parser.pig.PigType;
import dev.ferry.parser.repo.RepoRoot;
import dev.ferry.translator.sql.SqlJob;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The {@code .pig_schema} files a conversion can read. PigStorage's LOAD without AS reads the one of the directory it
 * loads when Pig parses the LOAD, and types its fields by it; Ferry translates before the job runs, so it reads the file
 * where the conversion has it: a directory of the repository.
 */
public interface SchemaFiles {

    /** No files: a LOAD without AS keeps its untyped fields. */
    SchemaFiles NONE = (location, span) -> Optional.empty();

    /** A schema file found for a LOAD: what it says, and how messages name it. */
    record Found(PigSchemaFile.Result schema, String display) {}

    /**
     * The schema file Pig reads for a LOAD of {@code location} (its parameters bound where the script gives them a
     * value, the others {@code ${NAME}}), its fields at {@code span}; empty when the conversion does not have it.
     */
    Optional<Found> find(String location, SourceSpan span);

    /** The fields a .pig_schema a STORE of a translated job writes gives a LOAD, at {@code span}. */
    static PigSchemaFile.Fields fields(SqlJob.SchemaFiles written, SourceSpan span) {
        return new PigSchemaFile.Fields(written.fields().stream()
                .map(field -> new FieldSchema(field.name(), PigType.fromKeyword(field.type()), span))
                .toList());
    }

    /** These files, else {@code other}'s. */
    default SchemaFiles orElse(SchemaFiles other) {
        return (location, span) -> {
            Optional<Found> found = find(location, span);
            return found.isPresent() ? found : other.find(location, span);
        };
    }

    /**
     * The files of the repository at {@code root}: a LOAD path without parameters, scheme or leading slash names a
     * directory (or a file) relative to the script's directory {@code scriptDir}, else to the root, as {@code ferry
     * verify} finds a LOAD's sample data.
     */
    static SchemaFiles inRepository(RepoRoot root, Path scriptDir) {
        return (location, span) -> {
            if (location.contains("$") || location.contains("://") || location.startsWith("/")) {
                return Optional.empty();
            }
            try {
                for (Path base : List.of(scriptDir, root.path())) {
                    RepoRoot.Located located = root.locate(base, location);
                    if (located.inside()) {
                        return PigSchemaFile.of(located.path())
                                .filter(file -> root.locate(file).inside())
                                .map(file -> new Found(PigSchemaFile.read(file, span), root.display(file)));
                    }
                }
            } catch (InvalidPathException notAPath) {
                // A glob or a comma list: Pig reads the schema of each path; Ferry does not list them.
            }
            return Optional.empty();
        };
    }
}
