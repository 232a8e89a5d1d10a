-- FILTER with AND/NOT, FOREACH with arithmetic, casts and a bincond.
clicks = LOAD '$INPUT' USING PigStorage(',') AS (user:chararray, page:chararray, ms:int, price:double);
kept = FILTER clicks BY ms >= $MIN_MS AND NOT (page == 'health');
shaped = FOREACH kept GENERATE user, ms / 1000 AS secs, (long) ms * 2 AS doubled,
                               (price > 10.0 ? 'big' : 'small') AS size, (chararray) price AS price_text;
STORE shaped INTO '$OUTPUT' USING PigStorage(',');
