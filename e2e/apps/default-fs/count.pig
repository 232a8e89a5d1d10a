-- Words and their counts; INPUT and OUTPUT are absolute paths without a scheme.
lines = LOAD '$INPUT' USING PigStorage(',') AS (word:chararray, n:int);
by_word = GROUP lines BY word;
totals = FOREACH by_word GENERATE group AS word, SUM(lines.n) AS total;
STORE totals INTO '$OUTPUT' USING PigStorage(',');
