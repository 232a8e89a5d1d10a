A = load 'input/traffic' as (ip:chararray, host:chararray, bytes:long);
G = group A by ip;
T = foreach G generate group as ip, TOP(3, 2, A) as heaviest;
F = foreach T generate ip, FLATTEN(heaviest);
store F into 'output/heaviest';
