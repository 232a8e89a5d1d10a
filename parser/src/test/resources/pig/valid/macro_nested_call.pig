DEFINE dedupe(R) RETURNS D {
    $D = distinct $R;
};
DEFINE dedupe_count(R) RETURNS N {
    U = dedupe($R);
    G = group U all;
    $N = foreach G generate COUNT(U);
};
A = load 'input/a' as (x:int);
N = dedupe_count(A);
store N into 'output/x';
