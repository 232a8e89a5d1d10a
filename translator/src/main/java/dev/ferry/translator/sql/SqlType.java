package dev.ferry.translator.sql;

/** Flink SQL column types a translated job uses. */
public enum SqlType {
    INT("INT"), BIGINT("BIGINT"), FLOAT("FLOAT"), DOUBLE("DOUBLE"), STRING("STRING"), BOOLEAN("BOOLEAN");

    private final String sql;

    SqlType(String sql) {
        this.sql = sql;
    }

    public String sql() {
        return sql;
    }
}
