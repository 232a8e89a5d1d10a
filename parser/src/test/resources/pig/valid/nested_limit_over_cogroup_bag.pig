-- nested LIMIT of an ORDERed COGROUP input: accepted by Pig 0.18 (local mode)
visits = LOAD 'visits' USING PigStorage('\t') AS (user:chararray, url:chararray, ts:long);
users = LOAD 'users' USING PigStorage('\t') AS (name:chararray, city:chararray);
g = COGROUP visits BY user, users BY name;
latest = FOREACH g {
    recent = FILTER visits BY ts > 0L;
    sorted = ORDER recent BY ts DESC;
    last = LIMIT sorted 2;
    GENERATE group, last, COUNT(users) AS accounts;
};
STORE latest INTO 'out/nested_limit_over_cogroup_bag';
