key = "$2b$12$R2DoKj67szpbzbZBPmKeWvl11M0fyeT7qTccHtqYS/AdjcKzzUtt6"
