const auth = 'CFPAT-XHtFno5M8mxY02tEQWyq39mv2xIRzLd3gEZPKxRVXCu';
