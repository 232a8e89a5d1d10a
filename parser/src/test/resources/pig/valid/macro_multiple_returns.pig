DEFINE halves(R) RETURNS LOW, HIGH {
    $LOW = filter $R by x < 50;
    $HIGH = filter $R by x >= 50;
};
A = load 'input/a' as (x:int);
L, H = halves(A);
store L into 'output/low';
store H into 'output/high';
