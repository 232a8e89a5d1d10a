package dev.ferry.translator.pig;

import dev.ferry.diagnostics.SourceSpan;
import dev.ferry.parser.pig.FieldSchema;
import dev.ferry.parser.pig.PigType;
import dev.ferry.translator.sql.SqlExpr;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Casts of a loaded bytearray to a map, bag or tuple ({@code (map[]) x}, {@code (bag{tuple(map[])}) x},
 * {@code (tuple(a:int, b:chararray)) x}).
 * Pig does them with the LoadCaster of the loader the bytearray came from, so the casters of the
 * script's LOADs so far are kept: when all agree the cast is that caster's; when they differ the
 * cast is reported (Ferry does not trace a field to its LOAD).
 */
final class ComplexCasts {

    /** How a loader's LoadCaster turns bytes into a map or bag. */
    enum Caster {
        /** Utf8StorageConverter (PigStorage, TextLoader...): Pig's text forms [k#v], {(..)}, (..). */
        UTF8,
        /** PigMix's PigPerformanceLoader: Utf8StorageConverter's, but a bag from PigMix's ^B/^C/^D encoding. */
        PIGMIX
    }

    /** The runtime function reading Pig's map text, as Utf8StorageConverter's bytesToMap. */
    static final String TEXT_MAP = "PIG_TEXT_MAP";

    private final Set<Caster> casters = new LinkedHashSet<>();

    /** A LOAD of the script reads its fields with this caster. */
    void loadedWith(Caster caster) {
        casters.add(caster);
    }

    /** {@code (to schema) value}, for a map, bag or tuple target. */
    Value.Scalar cast(Value.Scalar value, PigType to, List<FieldSchema> schema, SourceSpan span) {
        if (value.type() == to) {
            return value;
        }
        if (value.type() != PigType.BYTEARRAY) {
            throw ExprTranslator.unsupported(
                    span,
                    "casting " + value.type().keyword() + " to " + to.keyword()
                            + " is not translated (Pig casts only a loaded bytearray to a " + to.keyword() + ")");
        }
        if (casters.size() > 1) {
            throw ExprTranslator.unsupported(
                    span,
                    "casting a bytearray to " + to.keyword() + " in a script whose LOADs use"
                            + " different load casters (" + casters
                            + ") is not translated yet: Ferry does not know which LOAD the field is from");
        }
        Caster caster = casters.isEmpty() ? Caster.UTF8 : casters.iterator().next();
        PigType mapValues =
                to == PigType.MAP && schema.size() == 1 ? schema.get(0).type() : null;
        if (to == PigType.MAP && (schema.isEmpty() || mapValues == PigType.BYTEARRAY)) {
            return new Value.Scalar(SqlExpr.Call.of(TEXT_MAP, value.sql()), PigType.MAP, new Inner(PigType.BYTEARRAY));
        }
        if (to == PigType.MAP && mapValues == PigType.CHARARRAY) {
            return new Value.Scalar(SqlExpr.Call.of(TEXT_MAP, value.sql()), PigType.MAP, new Inner(PigType.CHARARRAY));
        }
        if (to == PigType.MAP && mapValues != null && TypedMaps.converts(mapValues)) {
            // Pig reads the map's values as bytes, then casts each with the same caster.
            return TypedMaps.valuesAs(SqlExpr.Call.of(TEXT_MAP, value.sql()), mapValues);
        }
        if (to == PigType.BAG && caster == Caster.PIGMIX && isBagOfUntypedMaps(schema)) {
            return new Value.Scalar(
                    SqlExpr.Call.of(StorageFunctions.PIGMIX_CASTER, value.sql()),
                    PigType.BAG,
                    Inner.bag(List.of(PigType.MAP), Map.of(0, new Inner(PigType.BYTEARRAY))));
        }
        if ((to == PigType.BAG || to == PigType.TUPLE) && caster == Caster.UTF8 && !schema.isEmpty()) {
            // Utf8StorageConverter's bytesToTuple / bytesToBag with the cast's schema: what a LOAD declaring the field
            // so reads (the runtime's PIG_LOAD_AS).
            FieldSchema declared = new FieldSchema(null, to, schema, span);
            return new Value.Scalar(
                    LoadedComplexFields.read(declared, value.sql()), to, LoadedComplexFields.inner(declared));
        }
        throw ExprTranslator.unsupported(
                span,
                "casting a bytearray " + (caster == Caster.PIGMIX ? "of PigMix's loader " : "") + "to "
                        + describe(to, schema) + " is not translated yet"
                        + (caster == Caster.PIGMIX ? " (a bag of untyped maps is)" : ""));
    }

    /** {@code bag{tuple(map[])}}: the bag of one untyped map per tuple that PigMix's page_links holds. */
    private static boolean isBagOfUntypedMaps(List<FieldSchema> schema) {
        if (schema.size() != 1
                || schema.get(0).type() != PigType.TUPLE
                || schema.get(0).fields().size() != 1) {
            return false;
        }
        FieldSchema map = schema.get(0).fields().get(0);
        return map.type() == PigType.MAP && map.fields().isEmpty();
    }

    private static String describe(PigType to, List<FieldSchema> schema) {
        return to.keyword() + (schema.isEmpty() ? "" : " of a declared schema");
    }
}
