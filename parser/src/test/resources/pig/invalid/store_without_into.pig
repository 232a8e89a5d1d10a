A = load 'input/a' as (x:int);
store A 'output/x';
