credential = "ghs_7jfHn2MF5sLHNfxQdNVG33kJs4rTr4tp0KrO"
