A = load 'input/x' as (b:bag{t:tuple(name:chararray, tags:bag{tag:tuple(v:chararray)}, attrs:map[chararray])});
B = foreach A generate flatten(b);
store B into 'output/x';
