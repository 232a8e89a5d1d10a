-- A nested FOREACH computing values of a nested ORDER, of a FILTER of one and of a LIMIT of one: bags in the ORDER's order.
visits = load 'input/visits' using PigStorage('\t') as (user:chararray, url:chararray, ts:long);
by_user = group visits by user;
recent = foreach by_user {
    sorted = order visits by ts desc;
    scaled = foreach sorted generate ts / 1000 as secs, UPPER(url);
    late = filter sorted by ts > 100;
    marked = foreach late generate CONCAT(url, '!') as u;
    ranked = order visits by ts desc;
    top = limit ranked 2;
    shown = foreach top generate url, ts * 2;
    generate group, scaled, BagToString(marked, '|'), shown;
};
store recent into 'output/recent';
