-- Each line of the logs as one field, tagged log files, JSON in and out.
lines = LOAD '/data/raw/$DAY' USING TextLoader() AS (line:chararray);
tagged = LOAD '/data/csv/$DAY' USING PigStorage(',', '-tagFile') AS (file:chararray, user:chararray, n:int);
events = LOAD '/data/events/$DAY' USING JsonLoader('user:chararray, at:chararray, n:long');
words = FOREACH lines GENERATE TOKENIZE(line) AS words, SIZE(line) AS length;
joined = JOIN tagged BY user, events BY user;
STORE words INTO '/out/words/$DAY';
STORE joined INTO '/out/joined/$DAY' USING JsonStorage();
