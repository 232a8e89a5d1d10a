-- A nested LIMIT of a nested ORDER that a FILTER also reads: Pig 0.18 limits the ORDER itself (its
-- NestedLimitOptimizer), so the FILTER sees at most three tuples.
visits = load 'input/visits' using PigStorage('\t') as (user:chararray, url:chararray, ts:long);
by_user = group visits by user;
recent = foreach by_user {
    sorted = order visits by ts desc;
    top = limit sorted 3;
    secure = filter sorted by url matches 'https:.*';
    generate group, flatten(top), COUNT(secure);
};
store recent into 'output/recent';
