const key = 'dbtc_7W-6bTOoFoTm5_aDZVtyTdBV0Kqh6KCf-NOzCkqkjnqxWVjd';
