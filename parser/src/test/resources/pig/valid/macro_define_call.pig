DEFINE row_count(X) RETURNS Y {
    G = group $X all;
    $Y = foreach G generate COUNT($X);
};
A = load 'input/a' as (x:int);
N = row_count(A);
store N into 'output/x';
