A = load 'input/a' as (k:int, x:int, y:int);
B = group A by k;
C = foreach B {
    xs = A.x;
    ys = A.y;
    pairs = cross xs, ys;
    sums = foreach pairs generate xs::x + ys::y as s;
    generate group, SUM(sums.s);
};
store C into 'output/x';
