const key = 'access_token$production$x6pjxqm0ianpfz52$efbd0c3484def22ae3d947ca2a86e19e';
