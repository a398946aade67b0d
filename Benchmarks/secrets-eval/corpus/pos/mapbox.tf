  auth = "sk.eyJ1Ijoi1ombTz_i1HnaICyzV5W1upYzEnDrZTd0HDTQfq3on1yYhsnIWsgVmz6jCMIO.D-wpKFfdZEhdW1pndbivpX"
