A = load 'input/a' as (x:int);
B = limit A 10;
C = order A by x;
D = limit C 5;
store B into 'output/b';
store D into 'output/d';
