A = load 'input/a' as (k:int, v:int);
B = group A by k;
C = foreach B {
    total = SUM(A.v);
    generate group, total, (total > 10 ? 'hi' : 'lo');
}
store C into 'output/x';
