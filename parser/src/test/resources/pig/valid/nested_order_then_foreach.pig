-- A nested FOREACH projecting fields of a nested ORDER, then of a FILTER of a projection: chains of nested aliases.
visits = load 'input/visits' using PigStorage('\t') as (user:chararray, url:chararray, ts:long);
by_user = group visits by user;
recent = foreach by_user {
    sorted = order visits by ts desc;
    pages = foreach sorted generate url, ts;
    stamps = foreach visits generate ts;
    late = filter stamps by ts > 100;
    generate group, pages, COUNT(late), SUM(late.ts);
};
store recent into 'output/recent';
