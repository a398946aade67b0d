const token = 'sk_live_cLXbxiEhiY0cUewtnu97dUDf';
