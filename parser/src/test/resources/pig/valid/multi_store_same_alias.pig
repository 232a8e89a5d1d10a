A = load 'input/a' as (x:int);
store A into 'output/one';
store A into 'output/two' using PigStorage(',');
