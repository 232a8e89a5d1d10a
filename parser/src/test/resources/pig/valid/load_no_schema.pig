raw = load 'input/lines';
firsts = foreach raw generate $0, $1 as second;
store firsts into 'output/firsts';
