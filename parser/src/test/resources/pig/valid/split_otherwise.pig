A = load 'input/a' as (x:int);
SPLIT A INTO neg IF x < 0, zero IF x == 0, pos OTHERWISE;
store neg into 'output/neg';
store zero into 'output/zero';
store pos into 'output/pos';
