A = load 'input/a' as (x:int);
B = filter A by x >;
C = foreach B generate ;
store C into 'output/x';
