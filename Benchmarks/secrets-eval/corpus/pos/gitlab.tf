  credential = "gldt-MP0nURxEXzehasf7LH3j"

  credential = "glagent-VQsVpVX4ysu3uucsA50bzH1zRDRp6ngPHdE-0WqM05B2J-Gy-k"
