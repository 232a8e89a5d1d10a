A = load 'input/a' as (k:int, v:int);
B = group A by k;
C = foreach B {
    s = order A by v;
};
store C into 'output/x';
