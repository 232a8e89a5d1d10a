A = load 'input/x' as (m, t, b);
B = foreach A generate (map[])m as m1, (map[int])m as m2, (tuple(int,chararray))t as t1, (bag{tuple(int)})b as b1;
store B into 'output/x';
