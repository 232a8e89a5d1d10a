A = load 'input/a' as (x:int);
/* never closed
store A into 'output/x';
