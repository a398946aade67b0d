const key = 'nfp_jvqLWXsfmqdgoFC5Ns95yV9BFHyxWr3SmUJO';
