-- A LOAD by a loader that gives Pig no schema, without AS, GROUPed by position: the groups are counted and read by
-- position only, so the table needs the fields up to the highest $n.
crimes = LOAD 'crimes.csv' USING org.apache.pig.piggybank.storage.CSVExcelStorage(',', 'NO_MULTILINE', 'UNIX', 'SKIP_INPUT_HEADER');
by_code = GROUP crimes BY $14;
counts = FOREACH by_code GENERATE group, COUNT($1), crimes.($3);
STORE counts INTO 'code_counts';
by_pair = GROUP crimes BY ($2, $5);
pairs = FOREACH by_pair GENERATE FLATTEN(group), COUNT_STAR(crimes), crimes.($7);
STORE pairs INTO 'pairs';
