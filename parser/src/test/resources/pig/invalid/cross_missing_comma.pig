A = load 'input/a' as (x:int);
B = load 'input/b' as (y:int);
C = cross A B;
store C into 'output/x';
