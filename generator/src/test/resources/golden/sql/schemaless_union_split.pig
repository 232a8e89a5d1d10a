-- LOAD without AS keeps each line's own fields; $n splits the line.
raw = LOAD '$INPUT/events';
typed = LOAD '$INPUT/more' AS (user:chararray, clicks:int, day:chararray);
valid = FILTER raw BY (int) $1 > 0;
STORE valid INTO '$OUTPUT/valid' USING PigStorage(',');

projected = FOREACH raw GENERATE $0 AS user, (int) $1 AS clicks, $2 AS day;
everything = UNION projected, typed;
SPLIT everything INTO heavy IF clicks >= 100, light OTHERWISE;
STORE heavy INTO '$OUTPUT/heavy';
lights = FOREACH light GENERATE user, clicks / (clicks - 1) AS ratio;
STORE lights INTO '$OUTPUT/light';
