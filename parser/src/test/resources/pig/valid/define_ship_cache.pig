DEFINE cmd `perl -ne print` ship() stderr();
A = load 'input/a';
B = stream A through cmd;
store B into 'output/x';
