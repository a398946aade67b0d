const value = 'sk-ant-admin01-WS--fuy7TZLgfT1g-wHGUbSDeibdXBB3P5zX5-qhcPHJIzDdXkLWt48eA2QMW_f6BxUTeAK1USGfnVnrAp22bUn-s4bppAA';
