A = LOAD 'input/users' USING PigStorage(',') AS (name:chararray, age:int, city:chararray);
STORE A INTO 'output/users' USING PigStorage('|');
