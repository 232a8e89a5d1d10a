package dev.ferry.runtime.format;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.core.JsonFactory;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.core.JsonParser;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.core.JsonToken;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.data.GenericArrayData;
import org.apache.flink.table.data.GenericMapData;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.types.logical.ArrayType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.util.Collector;
import org.joda.time.format.ISODateTimeFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line read as Pig 0.18's {@code org.apache.pig.builtin.JsonLoader.getNext} reads it: by position, not by name.
 * For each field of the schema the loader takes one token (the key, whatever it says) and then the value, typed by the
 * schema's field: a value that is {@code null} is null, a number is converted as Jackson converts it (1.5 read as an
 * int is 1), a chararray is the token's text ({@code true}, {@code 6}). So a line whose keys are in another order than
 * the schema's, or that lacks a field, gives the values in the line's order: what a missing field leaves at the end is
 * null. A line that is not an object, is empty or does not parse gives a row of nulls; a value that cannot be read as
 * its field's type (text for an int, a bad datetime) ends the reading: the fields before it keep their values, it and
 * the rest are null (Pig catches the exception, warns, and returns the tuple as far as it got). Keys after the
 * schema's fields are ignored.
 *
 * <p>A tuple field is an object read the same way, a bag an array of such objects (an element that is no object is a
 * one-field tuple of that value), a map an object whose values are kept as their text. A tuple or bag whose value has
 * the wrong shape is null.
 */
final class PigJsonDeserializationSchema implements DeserializationSchema<RowData> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(PigJsonDeserializationSchema.class);
    private static final int LOGGED_BAD_RECORDS = 10;

    private final RowType rowType;
    private final TypeInformation<RowData> producedType;

    private transient JsonFactory factory;
    private transient long badRecords;

    PigJsonDeserializationSchema(RowType rowType, TypeInformation<RowData> producedType) {
        this.rowType = rowType;
        this.producedType = producedType;
        rowType.getFields().forEach(field -> check(field.getName(), field.getType()));
    }

    @Override
    public void open(InitializationContext context) {
        factory = new JsonFactory();
    }

    @Override
    public RowData deserialize(byte[] message) throws IOException {
        if (factory == null) {
            factory = new JsonFactory();
        }
        List<RowType.RowField> fields = rowType.getFields();
        GenericRowData row = new GenericRowData(fields.size());
        try (JsonParser parser = factory.createParser(message)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                bad(message, "could not find start of record");
                return row;
            }
            for (int i = 0; i < fields.size(); i++) {
                row.setField(i, readField(parser, fields.get(i).getType()));
            }
        } catch (IOException | RuntimeException e) {
            // JsonLoader catches every exception of a line and returns the tuple as far as it got.
            bad(message, e.toString());
        }
        return row;
    }

    @Override
    public void deserialize(byte[] message, Collector<RowData> out) throws IOException {
        out.collect(deserialize(message));
    }

    /** JsonLoader.readField: a token (the key) then the value, read by the field's type. */
    private Object readField(JsonParser parser, LogicalType type) throws IOException {
        JsonToken token = parser.nextToken();
        if (token == null || token == JsonToken.VALUE_NULL) {
            return null;
        }
        token = parser.nextToken();
        switch (type.getTypeRoot()) {
            case MAP:
                if (token != JsonToken.START_OBJECT) {
                    return null;
                }
                // Every token up to the object's end (keys and values alike) puts the current name with its text.
                Map<StringData, StringData> map = new HashMap<>();
                while (parser.nextToken() != JsonToken.END_OBJECT) {
                    String value = parser.currentToken() == JsonToken.VALUE_NULL ? null : parser.getText();
                    map.put(
                            StringData.fromString(parser.currentName()),
                            value == null ? null : StringData.fromString(value));
                }
                return new GenericMapData(map);
            case ROW:
                if (token != JsonToken.START_OBJECT) {
                    return null;
                }
                RowData tuple = readTuple(parser, (RowType) type);
                return parser.nextToken() != JsonToken.END_OBJECT ? null : tuple;
            case ARRAY:
                if (token != JsonToken.START_ARRAY) {
                    return null;
                }
                RowType tupleType = (RowType) ((ArrayType) type).getElementType();
                List<RowData> bag = new ArrayList<>();
                JsonToken inner;
                while ((inner = parser.nextToken()) != JsonToken.END_ARRAY) {
                    if (inner == JsonToken.START_OBJECT) {
                        RowData element = readTuple(parser, tupleType);
                        if (parser.nextToken() != JsonToken.END_OBJECT) {
                            return null;
                        }
                        bag.add(element);
                    } else {
                        GenericRowData element = new GenericRowData(tupleType.getFieldCount());
                        element.setField(0, readPrimitive(parser, inner, tupleType.getTypeAt(0)));
                        bag.add(element);
                    }
                }
                return new GenericArrayData(bag.toArray());
            default:
                return readPrimitive(parser, token, type);
        }
    }

    private RowData readTuple(JsonParser parser, RowType type) throws IOException {
        GenericRowData tuple = new GenericRowData(type.getFieldCount());
        for (int j = 0; j < type.getFieldCount(); j++) {
            tuple.setField(j, readField(parser, type.getTypeAt(j)));
        }
        return tuple;
    }

    /** JsonLoader.readPrimitive, with Jackson's conversions (Jackson 1's float: the double, narrowed). */
    private static Object readPrimitive(JsonParser parser, JsonToken token, LogicalType type) throws IOException {
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        switch (type.getTypeRoot()) {
            case BOOLEAN:
                return parser.getBooleanValue();
            case INTEGER:
                return parser.getIntValue();
            case BIGINT:
                return parser.getLongValue();
            case FLOAT:
                return (float) parser.getDoubleValue();
            case DOUBLE:
                return parser.getDoubleValue();
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
                return TimestampData.fromEpochMillis(ISODateTimeFormat.dateTimeParser()
                        .withZone(PigZone.defaultZone())
                        .parseMillis(parser.getText()));
            case VARBINARY:
            case BINARY:
                return parser.getText().getBytes(StandardCharsets.UTF_8);
            default:
                String text = parser.getText();
                return text == null ? null : StringData.fromString(text);
        }
    }

    private void bad(byte[] message, String why) {
        if (badRecords++ < LOGGED_BAD_RECORDS) {
            LOG.warn(
                    "Bad record, returning null for the fields not read ({}): {}",
                    why,
                    new String(message, StandardCharsets.UTF_8));
        }
    }

    /** The column types JsonLoader's types are read into; anything else fails when the table is planned. */
    private static void check(String column, LogicalType type) {
        switch (type.getTypeRoot()) {
            case BOOLEAN:
            case INTEGER:
            case BIGINT:
            case FLOAT:
            case DOUBLE:
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
            case VARBINARY:
            case BINARY:
            case VARCHAR:
            case CHAR:
                return;
            case MAP:
                if (PigMaps.isTextMap(type)) {
                    return;
                }
                break;
            case ROW:
                ((RowType) type).getFields().forEach(field -> check(column, field.getType()));
                return;
            case ARRAY:
                if (((ArrayType) type).getElementType() instanceof RowType element) {
                    check(column, element);
                    return;
                }
                break;
            default:
                break;
        }
        throw new ValidationException("pig-json: column '" + column + "' has type " + type.asSummaryString()
                + ", which Pig's JsonLoader does not read");
    }

    @Override
    public boolean isEndOfStream(RowData nextElement) {
        return false;
    }

    @Override
    public TypeInformation<RowData> getProducedType() {
        return producedType;
    }
}
