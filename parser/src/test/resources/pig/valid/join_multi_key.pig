A = load 'input/a' as (a:int, b:int, x:int);
B = load 'input/b' as (a:int, b:int, y:int);
C = join A by (a, b), B by (a, b);
store C into 'output/x';
