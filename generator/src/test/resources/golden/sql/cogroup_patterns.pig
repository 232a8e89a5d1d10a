-- COGROUP reduces to joins and per-key aggregates; nothing builds a bag.
users = LOAD '$INPUT/users' USING PigStorage(',') AS (id:int, name:chararray, country:chararray);
orders = LOAD '$INPUT/orders' USING PigStorage(',') AS (user_id:int, amount:double);

per_user = COGROUP users BY id, orders BY user_id;
counts = FOREACH per_user GENERATE group AS id, COUNT(users) AS profiles, COUNT(orders) AS orders, SUM(orders.amount) AS spent;
STORE counts INTO '$OUTPUT/counts' USING PigStorage(',');

no_orders = FILTER per_user BY IsEmpty(orders);
idle = FOREACH no_orders GENERATE FLATTEN(users);
STORE idle INTO '$OUTPUT/idle' USING PigStorage(',');

by_country = GROUP users BY country;
ranked = FOREACH by_country {
    named = FILTER users BY name IS NOT NULL;
    GENERATE FLATTEN(users), COUNT(named) AS named_in_country;
};
STORE ranked INTO '$OUTPUT/ranked' USING PigStorage(',');
