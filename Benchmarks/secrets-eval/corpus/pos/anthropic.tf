  key = "sk-ant-admin01-ElKL0w8cido36zmZWxCTAIkunkRNXILwfQptisWyBuHgkGSn8slgv5-sW0H-PDxJuOChTfIHodpIVTp6p4sYz8tv0WFEeAA"
