-- FLATTEN of a GROUP's own bag field beside aggregates, and of a nested FILTER (a group none of whose rows passes has no row).
visits = load 'input/visits' using PigStorage('\t') as (user:chararray, url:chararray, ts:long);
by_user = group visits by user;
stamps = foreach by_user generate group, flatten(visits.ts), COUNT(visits);
late = foreach by_user {
    after = filter visits by ts > 100;
    generate group, flatten(after), COUNT(visits);
};
store stamps into 'output/stamps';
store late into 'output/late';
