a = LoAd 'input/x' As (f1:INT, f2:ChArArRaY);
b = FiLtEr a By f1 > 0;
StOrE b InTo 'output/x';
