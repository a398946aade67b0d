const token = 'aio_UGP2n3xbDo8F0IlY9dyaXenkEzFu';
