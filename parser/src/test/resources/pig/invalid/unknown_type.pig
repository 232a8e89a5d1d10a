A = load 'input/a' as (x:integer);
store A into 'output/x';
