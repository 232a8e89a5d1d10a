A = load 'input/a' as (x:int, y:chararray, z:double);
B = order A by x desc, y asc, z;
C = order A by *;
D = order A by $0 DESC;
store B into 'output/b';
store C into 'output/c';
store D into 'output/d';
