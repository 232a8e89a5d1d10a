-- Nested blocks whose bags are views: a COGROUP's CROSS of FILTERed bags and its DISTINCT read whole, a LIMIT of a
-- nested DISTINCT, RANK without BY of a DISTINCT and of a FOREACH over a GROUP, and a LIMIT of a COGROUP input ORDERed.
visits = LOAD 'visits' USING PigStorage('\t') AS (user:chararray, url:chararray, ts:long);
users = LOAD 'users' USING PigStorage('\t') AS (name:chararray, city:chararray, age:int);
g = COGROUP visits BY user, users BY name;
pairs = FOREACH g {
    recent = FILTER visits BY ts > 100L;
    adults = FILTER users BY age >= 18;
    both = CROSS recent, adults;
    GENERATE group, FLATTEN(both), COUNT(visits) AS n;
};
STORE pairs INTO 'out/pairs';
sites = FOREACH g {
    urls = DISTINCT visits.url;
    GENERATE group, urls, MAX(visits.ts) AS last;
};
STORE sites INTO 'out/sites';
by_user = GROUP visits BY user;
first = FOREACH by_user {
    urls = DISTINCT visits.url;
    two = LIMIT urls 2;
    GENERATE group, two;
};
STORE first INTO 'out/first';
unique = DISTINCT visits;
numbered = RANK unique;
STORE numbered INTO 'out/numbered';
counts = FOREACH by_user GENERATE group AS user, COUNT(visits) AS n;
ranked = RANK counts;
STORE ranked INTO 'out/ranked';
latest = FOREACH g {
    sorted = ORDER visits BY ts DESC;
    last = LIMIT sorted 1;
    GENERATE group, FLATTEN(last), COUNT(users) AS n;
};
STORE latest INTO 'out/latest';
