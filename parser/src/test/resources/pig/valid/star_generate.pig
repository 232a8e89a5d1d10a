A = load 'input/x' as (a:int, b:int);
B = foreach A generate *, a + b as s;
C = foreach A generate TOTUPLE(*) as t;
store B into 'output/b';
store C into 'output/c';
