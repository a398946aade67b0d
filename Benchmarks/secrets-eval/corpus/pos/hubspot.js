const token = 'pat-na1-97bbac96-6da0-4d2c-a1bf-448f78e4bfa4';
