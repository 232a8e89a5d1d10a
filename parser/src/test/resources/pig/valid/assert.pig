A = load 'input/a' as (x:int);
assert A by x > 0, 'x must be positive';
assert A by x is not null;
store A into 'output/x';
