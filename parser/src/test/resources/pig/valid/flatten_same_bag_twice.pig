-- Two FLATTENs of one GROUP's bag: Pig's cross product of the two, n x n rows per user (every pair of urls).
visits = load 'input/visits' using PigStorage('\t') as (user:chararray, url:chararray, ts:long);
by_user = group visits by user;
pairs = foreach by_user generate group, flatten(visits.url), flatten(visits.ts);
store pairs into 'output/pairs';
