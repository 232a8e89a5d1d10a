-- elephant-bird's JsonLoader, its jar REGISTERed from outside the repository: each line a map, its nested objects as
-- their JSON text or, with -nestedLoad, as maps and bags.
REGISTER /usr/lib/elephant-bird/elephant-bird-pig-4.13.jar;
tweets = LOAD '/data/tweets/$DAY' USING com.twitter.elephantbird.pig.load.JsonLoader() AS (json:map[]);
users = LOAD '/data/users' USING com.twitter.elephantbird.pig.load.JsonLoader('-nestedLoad');
texts = FOREACH tweets GENERATE (chararray) json#'text' AS text, json#'user' AS user;
names = FOREACH users GENERATE $0#'name' AS name, $0#'address'#'city' AS city;
STORE texts INTO '/out/texts/$DAY';
STORE names INTO '/out/names';
