A = load 'input/a' as (x:int);
B = load 'input/b' as (x:int);
C = load 'input/c' as (x:int);
D = join A by x left outer, B by x, C by x;
store D into 'output/x';
