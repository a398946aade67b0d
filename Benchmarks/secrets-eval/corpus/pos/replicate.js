const value = 'r8_9N34RvMgOYV8q67pK1A9KslEJsY2iy5qsdNgJ';
