package dev.ferry.parser.hive;

import java.util.Optional;

/**
 * The Hive tables a conversion can look up: a metastore the user names ({@code ferry convert --metastore
 * thrift://host:9083}), or none. Ferry translates before the job runs, so HCatLoader's schema (which Pig asks the
 * metastore for when the script starts) is asked for at conversion.
 */
public interface HiveTables {

    /** No metastore: every HCatalog LOAD and STORE is reported, naming the option that gives one. */
    HiveTables NONE = new HiveTables() {
        @Override
        public Optional<HiveTable> table(String database, String name) {
            return Optional.empty();
        }

        @Override
        public Optional<String> source() {
            return Optional.empty();
        }
    };

    /**
     * The table, empty when the metastore has none of that name.
     *
     * @throws Unavailable when the metastore cannot be asked (unreachable, or it failed)
     */
    Optional<HiveTable> table(String database, String name);

    /** The metastore asked (its URI, for messages), empty when none was given. */
    Optional<String> source();

    /** The metastore could not answer. */
    final class Unavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
