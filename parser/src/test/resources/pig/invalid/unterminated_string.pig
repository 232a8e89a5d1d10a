A = load 'input/a as (x:int);
store A into 'output/x';
