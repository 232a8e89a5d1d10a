-- RANK without BY in Pig's input order: of a FILTER, of two FLATTENs of loaded bags, of a SAMPLE, of a JsonLoader LOAD; of a GROUP by two keys.
rows = LOAD 'in' AS (name:chararray, n:int);
kept = FILTER rows BY n > 1;
numbered = RANK kept;
STORE numbered INTO 'out/numbered';
baskets = LOAD 'baskets' AS (id:int, items:bag{t:(sku:chararray, qty:int)}, tags:bag{u:(tag:chararray)});
pairs = FOREACH baskets GENERATE id, FLATTEN(items), FLATTEN(tags);
ranked_pairs = RANK pairs;
STORE ranked_pairs INTO 'out/pairs';
some = SAMPLE rows 0.1;
ranked_sample = RANK some;
STORE ranked_sample INTO 'out/sample';
by_two = GROUP rows BY (name, n);
ranked_groups = RANK by_two;
STORE ranked_groups INTO 'out/groups';
events = LOAD 'events' USING JsonLoader('id:int, kind:chararray');
ranked_events = RANK events;
STORE ranked_events INTO 'out/events';
