A = load 'input/x' as (m:map[], n:map[chararray]);
B = foreach A generate m#'k1', n#'k2' as v;
store B into 'output/x';
