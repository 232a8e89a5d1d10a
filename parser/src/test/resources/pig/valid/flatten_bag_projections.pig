-- FLATTEN of projections of bags: one field of a nested FILTER (a group none of whose rows passes has no row) and two
-- fields of the GROUP's own bag, in the projection's order.
visits = load 'input/visits' using PigStorage('\t') as (user:chararray, url:chararray, ts:long);
by_user = group visits by user;
late = foreach by_user {
    after = filter visits by ts > 100;
    generate group, flatten(after.url);
};
pairs = foreach by_user generate group, flatten(visits.(ts, url)), COUNT(visits);
store late into 'output/late';
store pairs into 'output/pairs';
