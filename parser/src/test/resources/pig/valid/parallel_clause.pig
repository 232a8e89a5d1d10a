A = load 'input/a' as (k:int, v:int);
B = group A by k parallel 10;
C = order A by k parallel 5;
store B into 'output/b';
store C into 'output/c';
