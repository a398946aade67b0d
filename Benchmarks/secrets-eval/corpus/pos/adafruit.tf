  credential = "aio_sXw4puTtIRQrtikFP7O23u0cMLFS"
