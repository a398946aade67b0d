const value = 'pscale_pw_ObsXqKVNs0XxeDonFSaS652IjacEeJqlCZvNm0inqJj';
