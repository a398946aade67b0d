  key = "npm_paFg3UwwwLvGi8FbnyAyVpzmrvif6htZc2Jw"
