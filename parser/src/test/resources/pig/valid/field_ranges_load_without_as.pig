-- Field ranges over a LOAD without AS: Pig knows each line's width only per line.
receipts = LOAD 'input/receipts.csv' USING PigStorage(',');
products = FOREACH receipts GENERATE $0 AS receipt, FLATTEN(TOBAG($1..)) AS product;
firsts = FOREACH receipts GENERATE $0..$2, CONCAT($0..$1);
rests = FOREACH receipts GENERATE $1..;
STORE products INTO 'output/products';
STORE firsts INTO 'output/firsts';
STORE rests INTO 'output/rests';
