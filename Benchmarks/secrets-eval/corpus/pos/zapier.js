const credential = 'https://hooks.zapier.com/hooks/catch/14477962/mfntorn/';
