credential = "fio-u-bbC6j_oCel-tQknQjldX0yRyG8Ue6-9llNMhdqs00Z1ty_6sq4kjm_f5Ob6hELJL"
