const credential = 'NRJS-850da7c76fb3b1cbf87';
