A = load 'input/a' as (x:int);
B = filter @ by x > 0;
C = foreach @ generate x;
store C into 'output/x';
