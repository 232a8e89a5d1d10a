package dev.ferry.runtime.format;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.data.GenericMapData;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.types.logical.LogicalTypeRoot;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.util.Collector;
import org.json.simple.JSONArray;
import org.json.simple.JSONObject;
import org.json.simple.parser.JSONParser;
import org.json.simple.parser.ParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line read as elephant-bird 4.x's {@code JsonLoader.getNext} reads it: parsed by json-simple 1.1's {@code
 * JSONParser}, the line gives one map (a one-field tuple) when it is a JSON object; any other line (not JSON, an
 * array, a bare value, {@code null}, empty, a whole number beyond a long) is skipped and counted in JsonLoader's
 * counters ({@code LinesParseError}, {@code LinesParseErrorBadNumber}), with its warning logged.
 *
 * <p>The map's values are what Pig holds, written as Pig's text: a string as it is; a number as json-simple's Long or
 * Double prints ({@code 007} is {@code 7}, {@code 1.50} is {@code 1.5}, {@code 1e3} is {@code 1000.0}); {@code
 * true}/{@code false}; {@code null} a null value. A nested object or array is its JSON text as json-simple writes it
 * (HashMap order, its escaping); with {@code -nestedLoad} an object is a map ({@code [k#v,...]}, HashMap order) and an
 * array a bag of one-field tuples ({@code {(1),(two),([q#])}}), each value wrapped the same way. The map's entries
 * are in the order of JsonLoader's HashMap.
 */
final class ElephantBirdJsonDeserializationSchema implements DeserializationSchema<RowData> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ElephantBirdJsonDeserializationSchema.class);
    private static final int LOGGED_BAD_RECORDS = 10;

    private final boolean nestedLoad;
    private final TypeInformation<RowData> producedType;

    /** JsonLoader's counters (JsonLoaderCounters), for this reader. */
    private transient long linesRead;

    private transient long linesParseError;
    private transient long linesParseErrorBadNumber;

    ElephantBirdJsonDeserializationSchema(RowType rowType, boolean nestedLoad, TypeInformation<RowData> producedType) {
        this.nestedLoad = nestedLoad;
        this.producedType = producedType;
        if (rowType.getFieldCount() != 1
                || rowType.getTypeAt(0).getTypeRoot() != LogicalTypeRoot.MAP
                || !PigMaps.isTextMap(rowType.getTypeAt(0))) {
            throw new ValidationException("elephant-bird-json: the table has one column, a MAP<STRING, STRING> (the"
                    + " loader's map), not " + rowType.asSummaryString());
        }
    }

    @Override
    public RowData deserialize(byte[] message) {
        linesRead++;
        String line = new String(message, StandardCharsets.UTF_8);
        Object parsed;
        try {
            parsed = new JSONParser().parse(line);
        } catch (ParseException e) {
            return bad(line, "Could not json-decode string: ", false);
        } catch (NumberFormatException e) {
            return bad(line, "Very big number exceeds the scale of long: ", true);
        }
        if (parsed == null) {
            return bad(line, "Could not json-decode string: ", false); // the line "null"
        }
        if (!(parsed instanceof JSONObject object)) {
            return bad(line, "Could not convert to Json Object: ", false);
        }
        Map<StringData, StringData> entries = new LinkedHashMap<>();
        walk(object)
                .forEach((key, value) ->
                        entries.put(StringData.fromString(key), value == null ? null : StringData.fromString(value)));
        return GenericRowData.of(new GenericMapData(entries));
    }

    @Override
    public void deserialize(byte[] message, Collector<RowData> out) {
        RowData row = deserialize(message);
        if (row != null) {
            out.collect(row);
        }
    }

    /** JsonLoader.walkJson: the object's entries, in the order of the HashMap it fills, each value wrapped. */
    private Map<String, String> walk(JSONObject object) {
        Map<String, String> values = new HashMap<>();
        for (Object key : object.keySet()) {
            values.put(key.toString(), wrap(object.get(key)));
        }
        return values;
    }

    /** JsonLoader.wrap, as the text Pig writes of the value it gives. */
    private String wrap(Object value) {
        if (nestedLoad && value instanceof JSONObject object) {
            StringBuilder map = new StringBuilder("[");
            walk(object).forEach((key, inner) -> {
                if (map.length() > 1) {
                    map.append(',');
                }
                map.append(key).append('#').append(inner == null ? "" : inner);
            });
            return map.append(']').toString();
        }
        if (nestedLoad && value instanceof JSONArray array) {
            StringBuilder bag = new StringBuilder("{");
            for (Object element : (List<?>) array) {
                if (bag.length() > 1) {
                    bag.append(',');
                }
                String inner = wrap(element);
                bag.append('(').append(inner == null ? "" : inner).append(')');
            }
            return bag.append('}').toString();
        }
        return value == null ? null : value.toString();
    }

    private RowData bad(String line, String warning, boolean badNumber) {
        if (badNumber) {
            linesParseErrorBadNumber++;
        } else {
            linesParseError++;
        }
        if (linesParseError + linesParseErrorBadNumber <= LOGGED_BAD_RECORDS) {
            LOG.warn(
                    "{}{} (JsonLoader counters: LinesRead {}, LinesParseError {}, LinesParseErrorBadNumber {})",
                    warning,
                    line,
                    linesRead,
                    linesParseError,
                    linesParseErrorBadNumber);
        }
        return null;
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
