A = load 'input/a' as (x:int);
split A into small if x < 10, big if x >= 10;
store small into 'output/small';
store big into 'output/big';
