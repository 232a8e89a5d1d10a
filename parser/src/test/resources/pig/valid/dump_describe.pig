A = load 'input/x' as (v:int, w:chararray);
describe A;
B = filter A by v > 1;
dump B;
