DEFINE filter_above(rel, col, floor) RETURNS out {
    $out = filter $rel by $col > $floor;
};
A = load 'input/a' as (x:int, y:int);
B = filter_above(A, x, 10);
store B into 'output/x';
