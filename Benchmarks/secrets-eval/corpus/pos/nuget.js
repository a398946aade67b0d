const value = 'oy2o751qwd8qe8kmd2h1tzak3lmum9yyzlow5ke6u0mvhd';
