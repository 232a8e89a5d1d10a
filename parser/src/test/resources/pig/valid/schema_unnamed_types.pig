A = load 'input/a' as (int, chararray);
store A into 'output/x';
