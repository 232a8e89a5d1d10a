-- DISTINCT and LIMIT of a projection of a nested ORDER: the distinct urls, and the url of each user's latest visit.
visits = load 'input/visits' using PigStorage('\t') as (user:chararray, url:chararray, ts:long);
by_user = group visits by user;
latest = foreach by_user {
    sorted = order visits by ts desc;
    urls = sorted.url;
    seen = distinct urls;
    last = limit urls 1;
    generate group, seen, COUNT(seen), last;
};
store latest into 'output/latest';
