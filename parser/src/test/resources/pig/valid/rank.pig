A = load 'input/a' as (x:int, y:chararray);
B = rank A;
C = rank A by x desc, y;
D = rank A by x dense;
store B into 'output/b';
store C into 'output/c';
store D into 'output/d';
