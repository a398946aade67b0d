const key = 'shippo_live_f33af7347f682494fa180526103ea21f92add50f';
