  value = "ico-n1TM2vtKMoIo2DHETgVGbJaVcL4qwy1D"
