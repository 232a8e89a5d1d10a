-- FLATTEN of tuples whose width Pig knows only per row (issue #15): without AS the FOREACH has no schema, a
-- null tuple gives one null field and later $n read each row's own fields; with a schema, a null per field.
rows = LOAD 'events' AS (s:chararray, n:int, t:tuple(a:int, b:chararray));
pieces = FOREACH rows GENERATE FLATTEN(STRSPLIT(s, ',')), n;
firstTwo = FOREACH pieces GENERATE $0, $1;
byFirst = GROUP pieces BY $0;
counts = FOREACH byFirst GENERATE group, COUNT(pieces);
matched = FOREACH rows GENERATE n, FLATTEN(REGEX_EXTRACT_ALL(s, '(\\S+) (\\S+)')), s;
pairs = FOREACH rows GENERATE FLATTEN(t), n;
STORE pieces INTO 'pieces';
STORE firstTwo INTO 'first_two';
STORE counts INTO 'counts';
STORE matched INTO 'matched' USING PigStorage(',');
STORE pairs INTO 'pairs';
-- FLATTEN of a map: a row per key and value, none for an empty map, one null field for a null map (no schema).
attrs = LOAD 'attrs' AS (id:int, m:map[]);
entries = FOREACH attrs GENERATE id, FLATTEN(m);
STORE entries INTO 'entries';
-- FLATTEN((c ? null : t)): Pig types the bincond bytearray, so a null is one field; (c ? t : null) is t's tuple type.
late = FOREACH rows GENERATE FLATTEN((n > 5 ? null : t)), n;
early = FOREACH rows GENERATE n, FLATTEN((n > 5 ? t : null));
STORE late INTO 'late';
STORE early INTO 'early';
-- FLATTEN(TOBAG(*)) of a LOAD without AS: a row per field of the line.
raw = LOAD 'raw';
cells = FOREACH raw GENERATE FLATTEN(TOBAG(*));
STORE cells INTO 'cells';
